/* SPDX-License-Identifier: MIT */
/*
 * A simulated physical memory for the mm host tests: a 4 MiB-aligned heap
 * arena standing for RAM at ARENA_PFN, with its mem_map and normal_zone,
 * and the memory-model functions (page_address, virt_to_page,
 * virt_addr_valid) that mm/mmu.c provides in the kernel.
 */
#ifndef MM_ARENA_H
#define MM_ARENA_H

#include <armlet/mm.h>

#define ARENA_PFN	0x60000UL	/* like RAM at 0x60000000 */

/* Set up nr_pages of arena, all reserved in normal_zone. */
void mm_arena_init(unsigned long nr_pages);
/* Give the whole arena to the buddy allocator. */
void mm_arena_free_all(void);
void mm_arena_exit(void);
extern unsigned char *arena;
extern unsigned long arena_pages;

#endif /* MM_ARENA_H */
