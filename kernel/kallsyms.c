// SPDX-License-Identifier: MIT
/*
 * Looking up the function an address falls in, from the table that
 * scripts/kallsyms.py puts in the image (sorted addresses, sizes and
 * names). Linux counterpart: kernel/kallsyms.c (kallsyms_lookup,
 * sprint_symbol), which also compresses the names.
 * Context: any; the table is read-only.
 */
#include <armlet/kallsyms.h>
#include <armlet/kernel.h>
#include <armlet/printk.h>

extern const u32 kallsyms_num;
extern const u32 kallsyms_addresses[], kallsyms_sizes[], kallsyms_name_offsets[];
extern const char kallsyms_names[];

const char *kallsyms_lookup(unsigned long addr, unsigned long *size, unsigned long *offset)
{
	u32 lo = 0, hi = kallsyms_num;

	/* The last symbol at or below addr. */
	while (lo < hi) {
		u32 mid = lo + (hi - lo) / 2;

		if (kallsyms_addresses[mid] <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!lo || addr - kallsyms_addresses[lo - 1] >= kallsyms_sizes[lo - 1])
		return NULL;
	*size = kallsyms_sizes[lo - 1];
	*offset = addr - kallsyms_addresses[lo - 1];
	return kallsyms_names + kallsyms_name_offsets[lo - 1];
}

char *sprint_symbol(char *buf, size_t len, unsigned long addr)
{
	unsigned long size, offset;
	const char *name = kallsyms_lookup(addr, &size, &offset);

	if (name)
		snprintf(buf, len, "%s+0x%lx/0x%lx", name, offset, size);
	else
		snprintf(buf, len, "0x%08lx", addr);
	return buf;
}
