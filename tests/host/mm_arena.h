/* SPDX-License-Identifier: MIT */
/*
 * A simulated physical memory for the mm host tests: a 4 MiB-aligned heap
 * arena standing for RAM at ARENA_PFN, with its mem_map and normal_zone,
 * whose memory model (page_address, virt_to_page, virt_addr_valid) is in
 * tests/host/asm/memory_model.h.
 */
#ifndef MM_ARENA_H
#define MM_ARENA_H

#include <armlet/mm.h>

/* Set up nr_pages of arena, all reserved in normal_zone. */
void mm_arena_init(unsigned long nr_pages);
/* Give the whole arena to the buddy allocator. */
void mm_arena_free_all(void);
void mm_arena_exit(void);

#endif /* MM_ARENA_H */
