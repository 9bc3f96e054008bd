/* SPDX-License-Identifier: MIT */
/*
 * The memory model: from a struct page to its kernel virtual address and
 * back. All of RAM is lowmem, mapped linearly at PAGE_OFFSET, and mem_map
 * has one struct page per frame from mem_map_pfn on, so these are a few
 * instructions each. Linux: include/asm-generic/memory_model.h (FLATMEM).
 * The host tests have their own version in tests/host/asm/memory_model.h.
 */
#ifndef ASM_MEMORY_MODEL_H
#define ASM_MEMORY_MODEL_H

#include <asm/memory.h>

struct page;
extern struct page *mem_map;
extern unsigned long mem_map_pfn;
extern void *high_memory;	/* the end of lowmem: __va(end of RAM) */

#define __page_to_pfn(page)	(mem_map_pfn + (unsigned long)((page) - mem_map))
#define __pfn_to_page(pfn)	(&mem_map[(pfn) - mem_map_pfn])

static inline void *page_address(const struct page *page)
{
	return __va(PFN_PHYS(__page_to_pfn(page)));
}

static inline struct page *virt_to_page(const void *addr)
{
	return __pfn_to_page(PHYS_PFN(__pa(addr)));
}

/* Does addr have a struct page (is it lowmem)? */
static inline bool virt_addr_valid(const void *addr)
{
	return (uintptr_t)addr >= PAGE_OFFSET && addr < high_memory &&
	       PHYS_PFN(__pa(addr)) >= mem_map_pfn;
}

#endif /* ASM_MEMORY_MODEL_H */
