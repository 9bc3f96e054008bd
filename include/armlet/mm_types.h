/* SPDX-License-Identifier: MIT */
/*
 * struct page: one per physical page frame of lowmem, in the mem_map
 * array. Linux: <linux/mm_types.h>. Which fields mean something depends on
 * the page's flags:
 *
 *   PG_buddy  head of a free block: lru links it into a free list, order
 *   PG_pcp    a free page on the per-CPU list: lru links it there
 *   PG_head   head of an allocated block of 2^order pages
 *   PG_slab   (with PG_head) a slab: slab_list, slab_cache, freelist, inuse
 *   PG_reserved  never handed out (kernel image, page tables, holes)
 *
 * Locking: the buddy fields belong to the zone (zone->lock); the slab
 * fields to the cache (its lock).
 */
#ifndef ARMLET_MM_TYPES_H
#define ARMLET_MM_TYPES_H

#include <armlet/list.h>
#include <armlet/types.h>

#define PG_reserved	(1u << 0)
#define PG_buddy	(1u << 1)
#define PG_head		(1u << 2)
#define PG_slab		(1u << 3)
#define PG_pcp		(1u << 4)

struct kmem_cache;

struct page {
	unsigned int flags;
	unsigned int order;		/* PG_buddy / PG_head: block order */
	union {
		struct list_head lru;		/* PG_buddy, PG_pcp: free list */
		struct list_head slab_list;	/* PG_slab: cache's slab list */
	};
	struct kmem_cache *slab_cache;	/* PG_slab: owner */
	void *freelist;			/* PG_slab: first free object */
	unsigned int inuse;		/* PG_slab: objects handed out */
	int refcount;			/* users of the page (copy-on-write, later) */
};

/* 32 bytes, a power of two: page <-> pfn arithmetic is shifts, not divisions. */
_Static_assert(sizeof(struct page) == 32 || sizeof(void *) != 4, "struct page size");

#endif /* ARMLET_MM_TYPES_H */
