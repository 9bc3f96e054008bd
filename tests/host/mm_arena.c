// SPDX-License-Identifier: MIT
/*
 * The simulated physical memory of mm_arena.h (its memory model is
 * tests/host/asm/memory_model.h).
 */
#include <stdlib.h>
#include <string.h>

#include "mm_arena.h"

#define ARENA_ALIGN	(PAGE_SIZE << (MAX_ORDER - 1))	/* blocks stay naturally aligned */

unsigned char *arena;
unsigned long arena_pages;

void mm_arena_init(unsigned long nr_pages)
{
	size_t bytes = ALIGN(nr_pages * PAGE_SIZE, ARENA_ALIGN);

	arena = aligned_alloc(ARENA_ALIGN, bytes);
	arena_pages = nr_pages;
	mem_map = calloc(nr_pages, sizeof(struct page));
	mem_map_pfn = ARENA_PFN;
	zone_init(&normal_zone, "Normal", ARENA_PFN, nr_pages);
}

void mm_arena_free_all(void)
{
	zone_free_range(&normal_zone, ARENA_PFN, arena_pages);
}

void mm_arena_exit(void)
{
	free(arena);
	free(mem_map);
	arena = NULL;
	mem_map = NULL;
}
