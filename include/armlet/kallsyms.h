/* SPDX-License-Identifier: MIT */
/*
 * The kernel's own symbol table, for backtraces. Linux: <linux/kallsyms.h>.
 * scripts/kallsyms.py makes it from the first of two links (Makefile).
 */
#ifndef ARMLET_KALLSYMS_H
#define ARMLET_KALLSYMS_H

#include <armlet/types.h>

#define KSYM_NAME_LEN	128

/*
 * The function holding addr: its name, and addr's offset in it and its
 * size; NULL if addr is in no function. Context: any (reads a table).
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *size, unsigned long *offset);

/* "name+0x3c/0x120" or the bare address, as Linux's %pS. Returns buf. */
char *sprint_symbol(char *buf, size_t len, unsigned long addr);

#endif /* ARMLET_KALLSYMS_H */
