// SPDX-License-Identifier: MIT
/*
 * The boot-time memory allocator (see memblock.h). Linux counterpart:
 * mm/memblock.c (memblock_add, memblock_reserve, memblock_phys_alloc,
 * memblock_free_all).
 *
 * Two sorted lists of physical ranges: "memory" (RAM) and "reserved"
 * (what must never be handed out). Allocation is top-down: the highest
 * free range that fits, so early allocations stay away from the kernel.
 *
 * Context: boot only, one CPU. Pure code: also built on the host for
 * tests/host/test_memblock.c.
 */
#define pr_fmt(fmt) "memblock: " fmt

#include <armlet/errno.h>
#include <armlet/kernel.h>
#include <armlet/memblock.h>
#include <armlet/printk.h>
#include <armlet/string.h>

#define PAGE_SZ	4096u

struct memblock memblock = {
	.memory.name = "memory",
	.reserved.name = "reserved",
};

void memblock_reset(void)
{
	memblock.memory.cnt = 0;
	memblock.reserved.cnt = 0;
}

static u64 end_of(const struct memblock_region *r)
{
	return (u64)r->base + r->size;
}

/* Insert [base, base + size) keeping the list sorted, merging neighbours. */
static int add_range(struct memblock_type *type, phys_addr_t base, u32 size)
{
	u64 start = base, end = (u64)base + size;
	unsigned int i = 0, j;

	if (!size)
		return 0;
	if (end > 0x100000000ull)
		return -EINVAL;
	while (i < type->cnt && end_of(&type->regions[i]) < start)
		i++;
	/* regions[i..j) touch or overlap the new range: fold them in. */
	for (j = i; j < type->cnt && type->regions[j].base <= end; j++) {
		start = min(start, (u64)type->regions[j].base);
		end = max(end, end_of(&type->regions[j]));
	}
	if (i == j && type->cnt == MEMBLOCK_MAX_REGIONS) {
		pr_err("too many %s regions, 0x%08x+0x%08x dropped\n", type->name, base, size);
		return -ENOSPC;
	}
	memmove(&type->regions[i + 1], &type->regions[j],
		(type->cnt - j) * sizeof(type->regions[0]));
	type->cnt -= j - i - 1;
	type->regions[i].base = (phys_addr_t)start;
	type->regions[i].size = (u32)(end - start);
	return 0;
}

int memblock_add(phys_addr_t base, u32 size)
{
	return add_range(&memblock.memory, base, size);
}

int memblock_reserve(phys_addr_t base, u32 size)
{
	return add_range(&memblock.reserved, base, size);
}

/* The reserved region overlapping [base, base + size) with the lowest base, or NULL. */
static const struct memblock_region *first_overlap(phys_addr_t base, u32 size)
{
	for (unsigned int i = 0; i < memblock.reserved.cnt; i++) {
		const struct memblock_region *r = &memblock.reserved.regions[i];

		if (r->base < (u64)base + size && base < end_of(r))
			return r;
	}
	return NULL;
}

/*
 * memblock_alloc - reserve size bytes aligned to align (a power of two),
 * as high in RAM as possible. Returns the physical address, or 0.
 */
phys_addr_t memblock_alloc(u32 size, u32 align)
{
	for (unsigned int i = memblock.memory.cnt; i-- > 0;) {
		const struct memblock_region *m = &memblock.memory.regions[i];
		u64 cand = end_of(m);

		while (cand >= (u64)m->base + size) {
			const struct memblock_region *r;

			cand = (cand - size) & ~(u64)(align - 1);
			if (cand < m->base)
				break;
			r = first_overlap((phys_addr_t)cand, size);
			if (!r) {
				memblock_reserve((phys_addr_t)cand, size);
				return (phys_addr_t)cand;
			}
			cand = r->base;	/* try below the obstacle */
		}
	}
	pr_err("out of boot memory for %u bytes (align %u)\n", size, align);
	return 0;
}

/*
 * memblock_free_all - call release() for every run of whole free pages:
 * memory minus reserved. Partial pages at the edges stay unused.
 */
void memblock_free_all(void (*release)(unsigned long pfn, unsigned long nr_pages))
{
	for (unsigned int i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *m = &memblock.memory.regions[i];
		u64 start = m->base, end = end_of(m);

		for (unsigned int j = 0; j <= memblock.reserved.cnt && start < end; j++) {
			const struct memblock_region *r = j < memblock.reserved.cnt ?
				&memblock.reserved.regions[j] : NULL;
			u64 gap_end = r ? min((u64)r->base, end) : end;
			u64 first = (start + PAGE_SZ - 1) / PAGE_SZ, last = gap_end / PAGE_SZ;

			if (r && end_of(r) <= start)
				continue;
			if (gap_end > start && last > first)
				release((unsigned long)first, (unsigned long)(last - first));
			if (r)
				start = max(start, end_of(r));
		}
	}
}

u64 memblock_size(const struct memblock_type *type)
{
	u64 total = 0;

	for (unsigned int i = 0; i < type->cnt; i++)
		total += type->regions[i].size;
	return total;
}

void memblock_dump(void)
{
	const struct memblock_type *types[] = { &memblock.memory, &memblock.reserved };

	for (unsigned int t = 0; t < 2; t++)
		for (unsigned int i = 0; i < types[t]->cnt; i++)
			pr_debug(" %s[%u] 0x%08x-0x%08x\n", types[t]->name, i,
				 types[t]->regions[i].base,
				 (u32)(end_of(&types[t]->regions[i]) - 1));
}
