// SPDX-License-Identifier: MIT
/*
 * The slab allocator: caches of equal-sized objects carved out of blocks
 * of pages, and kmalloc() on power-of-two caches. Linux counterpart:
 * mm/slab.c (the classic design: partial/full/free slab lists, constructors
 * run once per object) with SLUB's debug checks (red zones, poisoning).
 *
 * A slab's bookkeeping lives in the struct page of its first page
 * (freelist, inuse, slab_list); every page of a slab is PG_slab and points
 * at its cache, so kfree() finds the cache from any object address. Free
 * objects are chained through a free pointer stored in the slot. A cache
 * keeps its slabs on three lists: partial (some objects free), full, and
 * free (all objects free, at most one kept; the rest go back to the page
 * allocator). The slab being allocated from stays on partial even when it
 * empties, so an alloc/free loop never moves it between lists.
 *
 * The fast paths check what is cheap: the object belongs to this cache,
 * starts a slot, and is not the object freed last. With SLAB_DEBUG a free
 * is also checked against the slab's whole free list, and red zones and
 * poison catch overflows and use after free.
 *
 *   slab (2^order pages): | slot | slot | slot | ... | unused |
 *   slot (debug):         | red zone | object | red zone | free ptr |
 *
 * Context: any (kmem_cache_create/destroy: process context).
 * Lock order: slab_caches_lock, then a cache's lock, then the zone's lock
 * (taken by the page allocator). All are taken with IRQs off, since
 * interrupt handlers allocate too.
 * Pure code: also built on the host for tests/host/test_slab.c.
 */
#define pr_fmt(fmt) "slab: " fmt

#include <armlet/seq_buf.h>
#include <armlet/kernel.h>
#include <armlet/mm.h>
#include <armlet/params.h>
#include <armlet/printk.h>
#include <armlet/slab.h>
#include <armlet/string.h>

#define RED_INACTIVE	0xbb	/* red zone of a free object */
#define RED_ACTIVE	0xcc	/* red zone of an allocated object */
#define POISON_FREE	0x6b	/* a free object's bytes ... */
#define POISON_END	0xa5	/* ... and its last byte */
#define RED_RIGHT	8	/* red zone bytes after an object */

static struct list_head slab_caches = LIST_HEAD_INIT(slab_caches);
static DEFINE_SPINLOCK(slab_caches_lock);	/* protects slab_caches */
static struct kmem_cache kmem_cache_cache;	/* holds every struct kmem_cache */
static struct kmem_cache *kmalloc_caches[KMALLOC_MAX_SHIFT + 1];
unsigned int slab_debug_flags;

static void **freeptr(const struct kmem_cache *s, void *obj)
{
	return (void **)((char *)obj - s->red_left + s->offset);
}

/* Decide the slot layout and the slab order (see struct kmem_cache). */
static void calculate_layout(struct kmem_cache *s)
{
	unsigned int size;

	s->red_left = (s->flags & SLAB_RED_ZONE) ? ALIGN(RED_RIGHT, s->align) : 0;
	size = s->red_left + s->object_size;
	if (s->flags & SLAB_RED_ZONE)
		size += RED_RIGHT;
	if (s->ctor || (s->flags & SLAB_DEBUG)) {
		s->offset = ALIGN(size, sizeof(void *));	/* after the object */
		size = s->offset + sizeof(void *);
	} else {
		s->offset = 0;				/* inside the free object */
		size = max(size, (unsigned int)sizeof(void *));
	}
	s->size = ALIGN(size, s->align);

	/* The smallest slab that wastes at most 1/8 of itself, or 32 KiB. */
	for (s->order = 0; s->order < MAX_ORDER - 1; s->order++) {
		unsigned long bytes = PAGE_SIZE << s->order;

		s->objects = bytes / s->size;
		if (s->objects && ((bytes - s->objects * s->size) * 8 <= bytes ||
				   s->order >= 3))
			break;
	}
	s->objects = (PAGE_SIZE << s->order) / s->size;
	s->size_shift = (s->size & (s->size - 1)) ? 0 : __builtin_ctz(s->size);
}

static void init_cache(struct kmem_cache *s, const char *name, unsigned int size,
		       unsigned int align, unsigned int flags, void (*ctor)(void *))
{
	unsigned long irqflags;

	memset(s, 0, sizeof(*s));
	s->name = name;
	s->object_size = size;
	s->align = max(align, (unsigned int)sizeof(void *));
	if (flags & SLAB_HWCACHE_ALIGN)
		s->align = max(s->align, (unsigned int)L1_CACHE_BYTES);
	s->flags = flags | slab_debug_flags;
	if (ctor)	/* poison would destroy what the constructor built */
		s->flags &= ~SLAB_POISON;
	s->ctor = ctor;
	spin_lock_init(&s->lock);
	INIT_LIST_HEAD(&s->partial);
	INIT_LIST_HEAD(&s->full);
	INIT_LIST_HEAD(&s->free);
	calculate_layout(s);
	spin_lock_irqsave(&slab_caches_lock, irqflags);
	list_add_tail(&s->list, &slab_caches);
	spin_unlock_irqrestore(&slab_caches_lock, irqflags);
}

/* ---- debug: red zones and poison -------------------------------------- */

static void slab_bug(const struct kmem_cache *s, const void *obj, const char *what,
		     const u8 *at, u8 expected)
{
	pr_err("BUG %s: %s\n", s->name, what);
	if (at)
		pr_err("  object %p: byte at %p is 0x%02x, expected 0x%02x\n",
		       obj, at, *at, expected);
	else
		pr_err("  object %p\n", obj);
}

/* The first byte of [p, p + n) that is not val, or NULL. */
static const u8 *find_bad_byte(const u8 *p, size_t n, u8 val)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != val)
			return p + i;
	return NULL;
}

/* Check (and report) that the red zones around obj all read val. */
static bool red_zones_hold(const struct kmem_cache *s, void *obj, u8 val,
			   const char *what)
{
	const u8 *bad;

	if (!(s->flags & SLAB_RED_ZONE))
		return true;
	bad = find_bad_byte((u8 *)obj - s->red_left, s->red_left, val);
	if (!bad)
		bad = find_bad_byte((u8 *)obj + s->object_size, RED_RIGHT, val);
	if (bad)
		slab_bug(s, obj, what, bad, val);
	return !bad;
}

static void set_red_zones(const struct kmem_cache *s, void *obj, u8 val)
{
	if (!(s->flags & SLAB_RED_ZONE))
		return;
	memset((u8 *)obj - s->red_left, val, s->red_left);
	memset((u8 *)obj + s->object_size, val, RED_RIGHT);
}

static void poison(const struct kmem_cache *s, void *obj)
{
	if (!(s->flags & SLAB_POISON))
		return;
	memset(obj, POISON_FREE, s->object_size - 1);
	((u8 *)obj)[s->object_size - 1] = POISON_END;
}

/* On allocation: was the free object left alone while it was free? */
static void check_free_object(const struct kmem_cache *s, void *obj)
{
	const u8 *p = obj, *bad;

	red_zones_hold(s, obj, RED_INACTIVE, "red zone of a free object overwritten");
	if (s->flags & SLAB_POISON) {
		bad = find_bad_byte(p, s->object_size - 1, POISON_FREE);
		if (!bad && p[s->object_size - 1] != POISON_END)
			bad = p + s->object_size - 1;
		if (bad)
			slab_bug(s, obj, "use after free: poison overwritten", bad,
				 bad == p + s->object_size - 1 ? POISON_END : POISON_FREE);
	}
	set_red_zones(s, obj, RED_ACTIVE);
}

/* On free (not a double free): was the object kept within bounds? */
static void check_freed_object(const struct kmem_cache *s, void *obj)
{
	red_zones_hold(s, obj, RED_ACTIVE, "red zone overwritten (buffer overflow)");
	set_red_zones(s, obj, RED_INACTIVE);
	poison(s, obj);
}

/* ---- slabs --------------------------------------------------------------- */

static struct page *new_slab(struct kmem_cache *s, gfp_t gfp)
{
	struct page *page = alloc_pages(gfp & ~__GFP_ZERO, s->order);
	char *base;

	if (!page)
		return NULL;
	for (unsigned long i = 0; i < (1UL << s->order); i++) {
		page[i].flags |= PG_slab;
		page[i].slab_cache = s;
	}
	page->inuse = 0;
	page->freelist = NULL;
	base = page_address(page);
	for (unsigned int i = s->objects; i-- > 0;) {	/* lowest address first out */
		void *obj = base + i * s->size + s->red_left;

		set_red_zones(s, obj, RED_INACTIVE);
		poison(s, obj);
		if (s->ctor)
			s->ctor(obj);
		*freeptr(s, obj) = page->freelist;
		page->freelist = obj;
	}
	s->nr_slabs++;
	return page;
}

static void discard_slab(struct kmem_cache *s, struct page *page)
{
	list_del(&page->slab_list);
	for (unsigned long i = 0; i < (1UL << s->order); i++) {
		page[i].flags &= ~PG_slab;
		page[i].slab_cache = NULL;
	}
	s->nr_slabs--;
	__free_pages(page, s->order);
}

/* The first page of the slab that page (a PG_slab page of s) belongs to. */
static struct page *slab_head(const struct kmem_cache *s, struct page *page)
{
	return s->order ? pfn_to_page(page_to_pfn(page) & ~((1UL << s->order) - 1)) : page;
}

/* Is obj exactly the start of an object slot of slab? (A shift and a mask for kmalloc.) */
static bool on_slot_grid(const struct kmem_cache *s, struct page *slab, const void *obj)
{
	size_t off = (const char *)obj - s->red_left - (const char *)page_address(slab);

	return s->size_shift ? !(off & (s->size - 1)) && (off >> s->size_shift) < s->objects
			     : !(off % s->size) && off / s->size < s->objects;
}

/* ---- the interface -------------------------------------------------------- */

/*
 * kmem_cache_create - a cache of size-byte objects aligned to align (a
 * power of two, 0 for the default), with an optional constructor run once
 * per object when its slab is made. NULL (reported) for impossible sizes.
 * Context: process context.
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, unsigned int flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *s;

	if (!size || size > (PAGE_SIZE << (MAX_ORDER - 2)) || (align & (align - 1)) ||
	    align > PAGE_SIZE) {
		pr_err("kmem_cache_create(%s): bad size %u or align %u\n", name, size, align);
		return NULL;
	}
	s = kmem_cache_alloc(&kmem_cache_cache, GFP_KERNEL);
	if (!s)
		return NULL;
	init_cache(s, name, size, align, flags, ctor);
	return s;
}

/* The slow path: put the kept free slab or a new one on the partial list. */
static __attribute__((noinline)) struct page *refill_partial(struct kmem_cache *s, gfp_t gfp)
{
	struct page *slab;

	if (!list_empty(&s->free)) {
		slab = list_first_entry(&s->free, struct page, slab_list);
	} else {
		slab = new_slab(s, gfp);
		if (!slab)
			return NULL;
		list_add(&slab->slab_list, &s->free);
	}
	list_move(&slab->slab_list, &s->partial);
	return slab;
}

/*
 * kmem_cache_alloc - one object, or NULL (with the page allocator's
 * warning) when memory is exhausted. Context: any.
 */
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp)
{
	unsigned long flags;
	struct page *slab;
	void *obj;

	spin_lock_irqsave(&s->lock, flags);
	if (unlikely(list_empty(&s->partial))) {
		slab = refill_partial(s, gfp);
		if (!slab) {
			spin_unlock_irqrestore(&s->lock, flags);
			return NULL;
		}
	} else {
		slab = list_first_entry(&s->partial, struct page, slab_list);
	}
	obj = slab->freelist;
	slab->freelist = *freeptr(s, obj);
	if (unlikely(++slab->inuse == s->objects))
		list_move(&slab->slab_list, &s->full);
	s->active_objs++;
	if (unlikely(s->flags & SLAB_DEBUG))
		check_free_object(s, obj);
	spin_unlock_irqrestore(&s->lock, flags);
	if (gfp & __GFP_ZERO)
		memset(obj, 0, s->object_size);
	return obj;
}

/* Debug: the full double-free and red-zone checks of a free. */
static __attribute__((noinline)) bool debug_free_ok(struct kmem_cache *s, struct page *slab, void *obj)
{
	for (void *p = slab->freelist; p; p = *freeptr(s, p)) {
		if (p == obj) {
			slab_bug(s, obj, "double free", NULL, 0);
			return false;
		}
	}
	check_freed_object(s, obj);
	return true;
}

/* Is slab the only one on the partial list (the one being allocated from)? */
static bool only_partial(const struct kmem_cache *s, const struct page *slab)
{
	return s->partial.next == &slab->slab_list && slab->slab_list.next == &s->partial;
}

/* An empty slab that is not the only partial one: keep it as the free one, or free it. */
static __attribute__((noinline)) void slab_emptied(struct kmem_cache *s, struct page *slab)
{
	if (list_empty(&s->free))
		list_move(&slab->slab_list, &s->free);
	else
		discard_slab(s, slab);
}

/* Free obj to its slab; s->lock is held. */
static inline __attribute__((always_inline)) void slab_free_locked(struct kmem_cache *s,
								   struct page *slab, void *obj)
{
	if (unlikely(s->flags & SLAB_DEBUG)) {
		if (!debug_free_ok(s, slab, obj))
			return;
	} else if (unlikely(obj == slab->freelist)) {
		slab_bug(s, obj, "double free", NULL, 0);
		return;
	}
	*freeptr(s, obj) = slab->freelist;
	slab->freelist = obj;
	s->active_objs--;
	if (slab->inuse-- == s->objects)
		list_move(&slab->slab_list, &s->partial);
	if (unlikely(!slab->inuse) && !only_partial(s, slab))
		slab_emptied(s, slab);
}

/* Free obj, which lies in page, to s (see kmem_cache_free). */
static inline __attribute__((always_inline)) void slab_free(struct kmem_cache *s, struct page *page, void *obj)
{
	unsigned long flags;
	struct page *slab;

	if (unlikely(!(page->flags & PG_slab) || page->slab_cache != s)) {
		pr_err("BUG %s: free of %p, which is not an object of this cache\n",
		       s->name, obj);
		return;
	}
	slab = slab_head(s, page);
	if (unlikely(!on_slot_grid(s, slab, obj))) {
		slab_bug(s, obj, "free of a pointer that is not an object", NULL, 0);
		return;
	}
	spin_lock_irqsave(&s->lock, flags);
	slab_free_locked(s, slab, obj);
	spin_unlock_irqrestore(&s->lock, flags);
}

/*
 * kmem_cache_free - give obj back to s. A pointer that is not an object
 * of s, or a double free, is reported and ignored. Context: any.
 */
void kmem_cache_free(struct kmem_cache *s, void *obj)
{
	if (!virt_addr_valid(obj)) {
		pr_err("BUG %s: free of %p, which is not kernel memory\n", s->name, obj);
		return;
	}
	slab_free(s, virt_to_page(obj), obj);
}

/* kmem_cache_shrink - free every slab with no object in use; returns pages freed. */
int kmem_cache_shrink(struct kmem_cache *s)
{
	struct page *slab, *next;
	unsigned long flags;
	int pages = 0;

	spin_lock_irqsave(&s->lock, flags);
	list_for_each_entry_safe(slab, next, &s->partial, slab_list) {
		if (!slab->inuse) {
			discard_slab(s, slab);
			pages += 1 << s->order;
		}
	}
	list_for_each_entry_safe(slab, next, &s->free, slab_list) {
		discard_slab(s, slab);
		pages += 1 << s->order;
	}
	spin_unlock_irqrestore(&s->lock, flags);
	return pages;
}

void kmem_cache_shrink_all(void)
{
	struct kmem_cache *s;
	unsigned long flags;

	spin_lock_irqsave(&slab_caches_lock, flags);
	list_for_each_entry(s, &slab_caches, list)
		kmem_cache_shrink(s);
	spin_unlock_irqrestore(&slab_caches_lock, flags);
}

/*
 * kmem_cache_destroy - free the cache. Refused (reported) while objects
 * are still allocated. Context: process context.
 */
void kmem_cache_destroy(struct kmem_cache *s)
{
	unsigned long flags;

	if (!s)
		return;
	if (s->active_objs) {
		pr_err("kmem_cache_destroy(%s): %lu objects still in use, cache kept\n",
		       s->name, s->active_objs);
		return;
	}
	kmem_cache_shrink(s);
	spin_lock_irqsave(&slab_caches_lock, flags);
	list_del(&s->list);
	spin_unlock_irqrestore(&slab_caches_lock, flags);
	kmem_cache_free(&kmem_cache_cache, s);
}

/* The size class of a kmalloc: log2 of the smallest power of two >= size. */
static unsigned int kmalloc_shift(size_t size)
{
	if (size <= (1u << KMALLOC_MIN_SHIFT))
		return KMALLOC_MIN_SHIFT;
	return 32 - __builtin_clz((unsigned int)size - 1);
}

/*
 * kmalloc - size bytes, aligned to the size class (a power of two; at
 * most a page). Up to 128 KiB from the kmalloc caches, larger straight
 * from the page allocator. kmalloc(0) returns NULL. Context: any.
 */
void *kmalloc(size_t size, gfp_t gfp)
{
	struct page *page;

	if (!size)
		return NULL;
	if (size <= KMALLOC_MAX_CACHE_SIZE)
		return kmem_cache_alloc(kmalloc_caches[kmalloc_shift(size)], gfp);
	page = alloc_pages(gfp, get_order(size));
	return page ? page_address(page) : NULL;
}

/* kfree - free memory from kmalloc; NULL is ignored, junk is reported. */
void kfree(const void *ptr)
{
	struct page *page;

	if (!ptr)
		return;
	if (!virt_addr_valid(ptr))
		goto bad;
	page = virt_to_page(ptr);
	if (page->flags & PG_slab) {
		slab_free(page->slab_cache, page, (void *)ptr);
		return;
	}
	if ((page->flags & PG_head) && page_address(page) == ptr) {
		__free_pages(page, page->order);
		return;
	}
bad:
	pr_err("BUG: kfree(%p): not memory from kmalloc\n", ptr);
}

/* kmem_cache_init - the cache of caches, then the kmalloc caches. */
void kmem_cache_init(void)
{
	static const char *const names[] = {
		"kmalloc-32", "kmalloc-64", "kmalloc-128", "kmalloc-256",
		"kmalloc-512", "kmalloc-1k", "kmalloc-2k", "kmalloc-4k",
		"kmalloc-8k", "kmalloc-16k", "kmalloc-32k", "kmalloc-64k",
		"kmalloc-128k",
	};

	INIT_LIST_HEAD(&slab_caches);
	init_cache(&kmem_cache_cache, "kmem_cache", sizeof(struct kmem_cache), 0, 0, NULL);
	for (unsigned int shift = KMALLOC_MIN_SHIFT; shift <= KMALLOC_MAX_SHIFT; shift++) {
		unsigned int size = 1u << shift;

		kmalloc_caches[shift] = kmem_cache_create(names[shift - KMALLOC_MIN_SHIFT],
							  size, min(size, (unsigned int)PAGE_SIZE),
							  0, NULL);
	}
}

unsigned long slab_pages(void)
{
	struct kmem_cache *s;
	unsigned long pages = 0, flags;

	spin_lock_irqsave(&slab_caches_lock, flags);
	list_for_each_entry(s, &slab_caches, list)
		pages += s->nr_slabs << s->order;
	spin_unlock_irqrestore(&slab_caches_lock, flags);
	return pages;
}

/* show_slabinfo - one line per cache, as Linux's /proc/slabinfo. */
void show_slabinfo(struct seq_buf *m)
{
	struct kmem_cache *s;
	unsigned long flags;

	seq_printf(m, "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>\n");
	spin_lock_irqsave(&slab_caches_lock, flags);
	list_for_each_entry(s, &slab_caches, list) {
		seq_printf(m, "%-17s %13lu %10lu %9u %12u %14u\n", s->name, s->active_objs,
			s->nr_slabs * s->objects, s->size, s->objects, 1u << s->order);
	}
	spin_unlock_irqrestore(&slab_caches_lock, flags);
}

static int set_slub_debug(char *val)
{
	slab_debug_flags = SLAB_DEBUG;
	return 0;
}
early_param("slub_debug", set_slub_debug);
