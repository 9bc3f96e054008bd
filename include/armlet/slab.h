/* SPDX-License-Identifier: MIT */
/*
 * The slab allocator: caches of equal-sized objects, and kmalloc() on top
 * of them. Linux: <linux/slab.h>. docs/memory.md explains the design.
 */
#ifndef ARMLET_SLAB_H
#define ARMLET_SLAB_H

#include <armlet/gfp.h>
#include <armlet/list.h>
#include <armlet/spinlock.h>
#include <armlet/types.h>

/* kmem_cache_create() flags */
#define SLAB_HWCACHE_ALIGN	0x01u	/* align objects to a cache line */
#define SLAB_RED_ZONE		0x02u	/* guard bytes around each object */
#define SLAB_POISON		0x04u	/* fill free objects, check on reuse */
#define SLAB_DEBUG		(SLAB_RED_ZONE | SLAB_POISON)

#define L1_CACHE_BYTES		32	/* Cortex-A9 L1 line */

/* kmalloc size classes: 32 B .. 128 KiB, powers of two; larger use pages. */
#define KMALLOC_MIN_SHIFT	5
#define KMALLOC_MAX_SHIFT	17
#define KMALLOC_MAX_CACHE_SIZE	(1UL << KMALLOC_MAX_SHIFT)

/*
 * One cache. A slab is a block of 2^order pages holding `objects` slots of
 * `size` bytes; each slot is [red zone][object][red zone][free pointer],
 * the red zones only with SLAB_RED_ZONE and the free pointer after the
 * object only when it may not overlap it (constructor or poisoning).
 */
struct kmem_cache {
	spinlock_t lock;		/* taken with IRQs off: protects the lists and counts */
	const char *name;
	unsigned int object_size;	/* what the user asked for */
	unsigned int size;		/* slot size */
	unsigned int align;
	unsigned int red_left;		/* bytes of red zone before the object */
	unsigned int offset;		/* of the free pointer within the slot */
	unsigned int order;		/* slab size is PAGE_SIZE << order */
	unsigned int objects;		/* slots per slab */
	unsigned int flags;
	void (*ctor)(void *obj);
	unsigned int size_shift;	/* log2(size) if a power of two, else 0 */
	struct list_head partial;	/* slabs with free and used objects */
	struct list_head full;		/* slabs with no free object */
	struct list_head free;		/* slabs with no used object: at most one */
	unsigned long nr_slabs;
	unsigned long active_objs;
	struct list_head list;		/* on slab_caches */
};

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, unsigned int flags,
				     void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *s);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp);
void kmem_cache_free(struct kmem_cache *s, void *obj);
int kmem_cache_shrink(struct kmem_cache *s);
void kmem_cache_shrink_all(void);

void *kmalloc(size_t size, gfp_t gfp);
void kfree(const void *ptr);

static inline void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

void kmem_cache_init(void);
struct seq_buf;
void show_slabinfo(struct seq_buf *m);
unsigned long slab_pages(void);	/* pages held by all caches */

/* Set by "slub_debug" on the command line: SLAB_DEBUG for every cache. */
extern unsigned int slab_debug_flags;

#endif /* ARMLET_SLAB_H */
