/* SPDX-License-Identifier: MIT */
/*
 * memblock: the boot-time memory allocator, used before the buddy
 * allocator exists. It knows the RAM regions (from ATAG_MEM) and the
 * reserved ones (kernel image, ATAG list, initrd, early allocations);
 * memblock_free_all() then hands everything else to the buddy allocator.
 * Linux: <linux/memblock.h>, mm/memblock.c.
 */
#ifndef ARMLET_MEMBLOCK_H
#define ARMLET_MEMBLOCK_H

#include <armlet/types.h>

#define MEMBLOCK_MAX_REGIONS	16

struct memblock_region {
	phys_addr_t base;
	u32 size;
};

/* Regions sorted by base, never overlapping or touching (they merge). */
struct memblock_type {
	const char *name;
	unsigned int cnt;
	struct memblock_region regions[MEMBLOCK_MAX_REGIONS];
};

struct memblock {
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;

void memblock_reset(void);
int memblock_add(phys_addr_t base, u32 size);
int memblock_reserve(phys_addr_t base, u32 size);
phys_addr_t memblock_alloc(u32 size, u32 align);
void memblock_free_all(void (*release)(unsigned long pfn, unsigned long nr_pages));
u64 memblock_size(const struct memblock_type *type);
void memblock_dump(void);

#endif /* ARMLET_MEMBLOCK_H */
