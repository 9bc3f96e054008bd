/* SPDX-License-Identifier: MIT */
/*
 * The memory model for host tests: pages live in the simulated arena of
 * tests/host/mm_arena.c instead of the kernel's lowmem. Found before
 * include/asm/memory_model.h because host.mk puts tests/host first.
 */
#ifndef ASM_MEMORY_MODEL_H
#define ASM_MEMORY_MODEL_H

#include <asm/memory.h>

#define ARENA_PFN	0x60000UL	/* like RAM at 0x60000000 */

struct page;
extern struct page *mem_map;
extern unsigned long mem_map_pfn;
extern unsigned char *arena;
extern unsigned long arena_pages;

#define __page_to_pfn(page)	(mem_map_pfn + (unsigned long)((page) - mem_map))
#define __pfn_to_page(pfn)	(&mem_map[(pfn) - mem_map_pfn])

static inline void *page_address(const struct page *page)
{
	return arena + (__page_to_pfn(page) - ARENA_PFN) * PAGE_SIZE;
}

static inline struct page *virt_to_page(const void *addr)
{
	return __pfn_to_page(ARENA_PFN +
			     (unsigned long)((const unsigned char *)addr - arena) / PAGE_SIZE);
}

static inline bool virt_addr_valid(const void *addr)
{
	const unsigned char *p = addr;

	return arena && p >= arena && p < arena + arena_pages * PAGE_SIZE;
}

#endif /* ASM_MEMORY_MODEL_H */
