// SPDX-License-Identifier: MIT
/*
 * Host tests for the slab allocator and kmalloc (mm/slab.c): object
 * alignment and separation, constructors, kmalloc size classes, bad and
 * double frees, debug red zones and poison, leaks, and exhaustion.
 */
#include <stdint.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "htest.h"
#include "mm_arena.h"
#include <armlet/mm.h>
#include <armlet/slab.h>

#define ARENA_PAGES	4096	/* 16 MiB */

/* A fresh arena given to the buddy allocator, with the kmalloc caches. */
static void slab_setup(unsigned long nr_pages)
{
	mm_arena_init(nr_pages);
	mm_arena_free_all();
	kmem_cache_init();
	htest_log_clear();
}

static void slab_teardown(void)
{
	slab_debug_flags = 0;
	mm_arena_exit();
}

/* Free pages with every cache's spare empty slab given back. */
static unsigned long settled_free_pages(void)
{
	kmem_cache_shrink_all();
	return nr_free_pages();
}

/* The pattern of object number seed: differs between objects and bytes. */
static unsigned char pattern_byte(unsigned long seed, size_t i)
{
	return (unsigned char)(seed * 151 + i * 7 + (i >> 8) + 1);
}

static void fill(void *p, size_t n, unsigned long seed)
{
	unsigned char *c = p;

	for (size_t i = 0; i < n; i++)
		c[i] = pattern_byte(seed, i);
}

static bool holds(const void *p, size_t n, unsigned long seed)
{
	const unsigned char *c = p;

	for (size_t i = 0; i < n; i++)
		if (c[i] != pattern_byte(seed, i))
			return false;
	return true;
}

static bool all_bytes(const void *p, size_t n, unsigned char val)
{
	const unsigned char *c = p;

	for (size_t i = 0; i < n; i++)
		if (c[i] != val)
			return false;
	return true;
}

static bool in_arena(const void *p, size_t n)
{
	const unsigned char *c = p;

	return c >= arena && c + n <= arena + arena_pages * PAGE_SIZE;
}

static int cmp_ptr(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)*(void *const *)a, y = (uintptr_t)*(void *const *)b;

	return x < y ? -1 : x > y;
}

/* Do n objects of size bytes lie in the arena without overlapping? */
static bool disjoint(void **objs, unsigned long n, size_t size)
{
	void **sorted = malloc(n * sizeof(*sorted));
	bool ok = true;

	memcpy(sorted, objs, n * sizeof(*sorted));
	qsort(sorted, n, sizeof(*sorted), cmp_ptr);
	for (unsigned long i = 0; i < n; i++) {
		if (!in_arena(sorted[i], size))
			ok = false;
		if (i && (char *)sorted[i - 1] + size > (char *)sorted[i])
			ok = false;
	}
	free(sorted);
	return ok;
}

/* The cache a kmalloc'ed object came from. */
static struct kmem_cache *cache_of(const void *obj)
{
	return virt_to_page(obj)->slab_cache;
}

static const unsigned int cache_sizes[] = {
	1, 7, 8, 24, 33, 100, 255, 256, 1000, 2049, 4096, 5000,
};
static const unsigned int cache_aligns[] = { 0, 8, 64, 256, 4096 };
static const unsigned int cache_flags[] = { 0, SLAB_HWCACHE_ALIGN, SLAB_DEBUG };

/*
 * One cache of size bytes, align and flags: objects over more than one
 * slab, each aligned to want. Returns the number of bad objects.
 */
static unsigned long misaligned_objects(unsigned int size, unsigned int align,
					unsigned int flags, unsigned long want, void **objs)
{
	struct kmem_cache *s = kmem_cache_create("align-test", size, align, flags, NULL);
	unsigned long n, bad = 0;

	CHECK(s);
	if (!s)
		return 1;
	n = 2 * s->objects + 1;
	if (n > 2048)
		n = 2048;
	for (unsigned long i = 0; i < n; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		if (!objs[i] || (uintptr_t)objs[i] % want)
			bad++;
	}
	CHECK(s->nr_slabs >= 2);
	for (unsigned long i = 0; i < n; i++)
		if (objs[i])
			kmem_cache_free(s, objs[i]);
	kmem_cache_destroy(s);
	return bad;
}

/*
 * Objects of every size x alignment x flags combination, over more than
 * one slab, are aligned to the requested alignment (at least the pointer
 * size, 32 with SLAB_HWCACHE_ALIGN), and destroying the emptied cache
 * gives back every page.
 */
static void cache_objects_are_aligned_as_requested(void)
{
	void **objs = calloc(2048, sizeof(*objs));
	unsigned long base;

	slab_setup(ARENA_PAGES);
	base = settled_free_pages();
	for (unsigned int si = 0; si < ARRAY_SIZE(cache_sizes); si++) {
		for (unsigned int ai = 0; ai < ARRAY_SIZE(cache_aligns); ai++) {
			for (unsigned int fi = 0; fi < ARRAY_SIZE(cache_flags); fi++) {
				unsigned int size = cache_sizes[si], align = cache_aligns[ai];
				unsigned int flags = cache_flags[fi];
				unsigned long want = max(align, (unsigned int)sizeof(void *));
				unsigned long bad;

				if (flags & SLAB_HWCACHE_ALIGN)
					want = max(want, (unsigned long)L1_CACHE_BYTES);
				bad = misaligned_objects(size, align, flags, want, objs);
				if (bad)
					printf("    # size %u align %u flags 0x%x: %lu bad\n",
					       size, align, flags, bad);
				CHECK_EQ(bad, 0);
				CHECK_EQ(settled_free_pages(), base);
			}
		}
	}
	CHECK(!htest_log_has("BUG"));
	free(objs);
	slab_teardown();
}

/*
 * Many objects, each filled over its whole object_size with its own
 * pattern, all read back intact: no two objects overlap, and none
 * overlaps the allocator's own free pointers or red zones.
 */
static void cache_objects_never_overlap(void)
{
	enum { N = 1500 };
	void **objs = calloc(N, sizeof(*objs));
	unsigned long base;

	slab_setup(ARENA_PAGES);
	base = settled_free_pages();
	for (unsigned int si = 0; si < ARRAY_SIZE(cache_sizes); si++) {
		for (unsigned int fi = 0; fi < ARRAY_SIZE(cache_flags); fi++) {
			unsigned int size = cache_sizes[si];
			struct kmem_cache *s;
			unsigned long bad = 0, n = N;

			s = kmem_cache_create("overlap-test", size, 0, cache_flags[fi], NULL);
			CHECK(s);
			if (!s)
				continue;
			if (size > 1000)
				n = 200;
			memset(objs, 0, N * sizeof(*objs));
			for (unsigned long i = 0; i < n; i++) {
				objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
				if (!objs[i])
					break;
				fill(objs[i], size, i);
			}
			for (unsigned long i = 0; i < n; i++)
				if (!objs[i] || !holds(objs[i], size, i))
					bad++;
			CHECK_EQ(bad, 0);
			CHECK(disjoint(objs, n, size));
			/* Free every other one, refill with new objects, check again. */
			for (unsigned long i = 0; i < n; i += 2)
				kmem_cache_free(s, objs[i]);
			for (unsigned long i = 0; i < n; i += 2) {
				objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
				if (objs[i])
					fill(objs[i], size, i + n);
			}
			bad = 0;
			for (unsigned long i = 0; i < n; i++)
				if (!objs[i] || !holds(objs[i], size, i % 2 ? i : i + n))
					bad++;
			CHECK_EQ(bad, 0);
			CHECK(disjoint(objs, n, size));
			for (unsigned long i = 0; i < n; i++)
				if (objs[i])
					kmem_cache_free(s, objs[i]);
			CHECK_EQ(s->active_objs, 0);
			kmem_cache_destroy(s);
			CHECK_EQ(settled_free_pages(), base);
		}
	}
	CHECK(!htest_log_has("BUG"));
	free(objs);
	slab_teardown();
}

#define CTOR_MAGIC	0xc0ffee42u

struct ctor_obj {
	unsigned int magic;
	unsigned int state;
	unsigned char payload[92];
};

static unsigned long ctor_calls;

static void ctor_obj_init(void *p)
{
	struct ctor_obj *o = p;

	o->magic = CTOR_MAGIC;
	o->state = 0;
	memset(o->payload, 0x11, sizeof(o->payload));
	ctor_calls++;
}

static bool constructed(const struct ctor_obj *o)
{
	return o->magic == CTOR_MAGIC && o->state == 0 &&
	       all_bytes(o->payload, sizeof(o->payload), 0x11);
}

/*
 * The constructor runs once for every object of a slab when the slab is
 * made, not per allocation: N objects from a fresh cache cost
 * slabs * objects-per-slab calls, and freeing and re-allocating costs none.
 * An object the user put back in constructed state comes back so; one it
 * left changed comes back changed (the constructor is not run again).
 */
static void ctor_runs_once_per_object_when_slab_is_made(void)
{
	for (unsigned int debug = 0; debug <= 1; debug++) {
		struct ctor_obj *objs[200];
		struct kmem_cache *s;
		unsigned long n, calls, bad = 0;
		unsigned long base;

		slab_setup(ARENA_PAGES);
		base = settled_free_pages();
		ctor_calls = 0;
		s = kmem_cache_create("ctor-test", sizeof(struct ctor_obj), 0,
				      debug ? SLAB_DEBUG : 0, ctor_obj_init);
		CHECK(s);
		if (!s) {
			slab_teardown();
			continue;
		}
		CHECK_EQ(ctor_calls, 0);
		n = s->objects + 3;	/* two slabs, the second barely used */
		CHECK(n <= ARRAY_SIZE(objs));
		for (unsigned long i = 0; i < n; i++) {
			objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
			if (!objs[i] || !constructed(objs[i]))
				bad++;
		}
		CHECK_EQ(bad, 0);
		CHECK_EQ(s->nr_slabs, 2);
		CHECK_EQ(ctor_calls, s->nr_slabs * s->objects);
		CHECK(ctor_calls != n);
		calls = ctor_calls;

		/* Used, restored, freed, re-allocated: constructed, no new call. */
		for (unsigned long i = 0; i < n; i += 3) {
			objs[i]->state = 5;
			memset(objs[i]->payload, 0x77, 10);
			objs[i]->state = 0;
			memset(objs[i]->payload, 0x11, 10);
			kmem_cache_free(s, objs[i]);
		}
		for (unsigned long i = 0; i < n; i += 3) {
			objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
			CHECK(objs[i] && constructed(objs[i]));
		}
		CHECK_EQ(ctor_calls, calls);

		/* Left changed: comes back changed, the ctor does not run again. */
		objs[1]->state = 7;
		kmem_cache_free(s, objs[1]);
		objs[1] = kmem_cache_alloc(s, GFP_KERNEL);
		CHECK(objs[1] && objs[1]->magic == CTOR_MAGIC && objs[1]->state == 7);
		objs[1]->state = 0;
		CHECK_EQ(ctor_calls, calls);

		/* __GFP_ZERO still zeroes (the caller asked for it). */
		kmem_cache_free(s, objs[2]);
		objs[2] = kmem_cache_alloc(s, GFP_KERNEL | __GFP_ZERO);
		CHECK(objs[2] && all_bytes(objs[2], sizeof(struct ctor_obj), 0));
		CHECK_EQ(ctor_calls, calls);

		/* A third slab runs the constructor for its objects only. */
		while (n < 2 * s->objects + 1 && n < ARRAY_SIZE(objs))
			objs[n++] = kmem_cache_alloc(s, GFP_KERNEL);
		CHECK_EQ(s->nr_slabs, 3);
		CHECK_EQ(ctor_calls, calls + s->objects);

		for (unsigned long i = 0; i < n; i++)
			kmem_cache_free(s, objs[i]);
		kmem_cache_destroy(s);
		CHECK_EQ(settled_free_pages(), base);
		CHECK(!htest_log_has("BUG"));
		slab_teardown();
	}
}

/* The kmalloc size class of size: the next power of two, at least 32. */
static size_t size_class(size_t size)
{
	size_t c = 32;

	while (c < size)
		c <<= 1;
	return c;
}

static const size_t kmalloc_sizes[] = {
	1, 2, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256, 257, 511, 512,
	513, 1023, 1024, 1025, 2047, 2048, 2049, 4095, 4096, 4097, 8191, 8192,
	8193, 16384, 16385, 32768, 32769, 65535, 65536, 65537, 131071, 131072,
};

/*
 * kmalloc at every size-class boundary up to 128 KiB: memory aligned to
 * min(size class, PAGE_SIZE), from the right cache, usable for all of its
 * size (every allocation filled with its own pattern, all live at once,
 * all read back), and all of it returned by kfree.
 */
static void kmalloc_boundary_sizes_are_aligned_and_usable(void)
{
	enum { N = ARRAY_SIZE(kmalloc_sizes) };
	void *p[N];
	unsigned long base, bad = 0;

	slab_setup(ARENA_PAGES);
	base = settled_free_pages();
	for (unsigned int i = 0; i < N; i++) {
		size_t size = kmalloc_sizes[i], align = size_class(size);

		if (align > PAGE_SIZE)
			align = PAGE_SIZE;
		p[i] = kmalloc(size, GFP_KERNEL);
		CHECK(p[i]);
		if (!p[i])
			continue;
		if ((uintptr_t)p[i] % align) {
			printf("    # kmalloc(%zu) = %p not aligned to %zu\n", size, p[i], align);
			bad++;
		}
		CHECK(in_arena(p[i], size));
		CHECK(virt_to_page(p[i])->flags & PG_slab);
		CHECK_EQ(cache_of(p[i])->object_size, size_class(size));
		fill(p[i], size, i);
	}
	CHECK_EQ(bad, 0);
	for (unsigned int i = 0; i < N; i++)
		if (p[i] && !holds(p[i], kmalloc_sizes[i], i))
			bad++;
	CHECK_EQ(bad, 0);
	for (unsigned int i = 0; i < N; i++)
		kfree(p[i]);
	CHECK_EQ(settled_free_pages(), base);
	CHECK(!htest_log_has("BUG"));
	slab_teardown();
}

/*
 * Above 128 KiB kmalloc takes 2^get_order(size) pages straight from the
 * page allocator, page aligned, and kfree gives exactly those back; sizes
 * beyond the largest block fail with the page allocator's warning.
 */
static void large_kmalloc_comes_from_page_allocator(void)
{
	static const size_t sizes[] = {
		131073, 200000, 262144, 262145, 1 << 20, (4 << 20) - 1, 4 << 20,
	};
	unsigned long base;

	slab_setup(ARENA_PAGES);
	base = settled_free_pages();
	for (unsigned int i = 0; i < ARRAY_SIZE(sizes); i++) {
		unsigned int order = get_order(sizes[i]);
		unsigned char *p = kmalloc(sizes[i], GFP_KERNEL);
		struct page *page;

		CHECK(p);
		if (!p)
			continue;
		page = virt_to_page(p);
		CHECK_EQ((uintptr_t)p % PAGE_SIZE, 0);
		CHECK(!(page->flags & PG_slab));
		CHECK(page->flags & PG_head);
		CHECK_EQ(page->order, order);
		CHECK_EQ(nr_free_pages(), base - (1UL << order));
		fill(p, sizes[i], i);
		CHECK(holds(p, sizes[i], i));
		kfree(p);
		CHECK_EQ(nr_free_pages(), base);
	}
	CHECK(!htest_log_has("BUG"));
	CHECK(!kmalloc((4 << 20) + 1, GFP_KERNEL));
	CHECK(htest_log_has("allocation failure: order 11"));
	htest_log_clear();
	CHECK(!kmalloc(64 << 20, GFP_KERNEL | __GFP_NOWARN));
	CHECK_STR(htest_log(), "");
	CHECK_EQ(nr_free_pages(), base);
	slab_teardown();
}

static void kmalloc_zero_returns_null(void)
{
	unsigned long base;

	slab_setup(ARENA_PAGES);
	base = settled_free_pages();
	CHECK(!kmalloc(0, GFP_KERNEL));
	CHECK(!kzalloc(0, GFP_KERNEL));
	CHECK_EQ(nr_free_pages(), base);
	slab_teardown();
}

/* kzalloc zeroes memory that was dirty, small and large. */
static void kzalloc_returns_zeroed_memory(void)
{
	static const size_t sizes[] = { 1, 100, 4096, 5000, 131072, 300000 };

	slab_setup(ARENA_PAGES);
	for (unsigned int i = 0; i < ARRAY_SIZE(sizes); i++) {
		void *p = kmalloc(sizes[i], GFP_KERNEL), *q;

		CHECK(p);
		if (!p)
			continue;
		memset(p, 0xff, sizes[i]);
		kfree(p);
		q = kzalloc(sizes[i], GFP_KERNEL);
		CHECK(q == p);	/* the same (dirty) memory is reused */
		CHECK(q && all_bytes(q, sizes[i], 0));
		kfree(q);
	}
	CHECK(!htest_log_has("BUG"));
	slab_teardown();
}

static void kfree_null_is_ignored(void)
{
	unsigned long base;

	slab_setup(ARENA_PAGES);
	base = settled_free_pages();
	kfree(NULL);
	CHECK_STR(htest_log(), "");
	CHECK_EQ(nr_free_pages(), base);
	slab_teardown();
}

/*
 * Pointers kmalloc never returned: inside an object, inside a large
 * allocation, on the stack, in a free page, of another cache. Each is
 * reported and ignored; the real objects stay allocated and intact.
 */
static void kfree_of_foreign_pointer_is_reported_and_ignored(void)
{
	unsigned char *small, *large, *free_mem = NULL;
	struct kmem_cache *s, *other;
	unsigned long active, free_before;
	int on_stack = 0;
	void *obj;

	slab_setup(ARENA_PAGES);
	small = kmalloc(64, GFP_KERNEL);
	large = kmalloc(300000, GFP_KERNEL);
	CHECK(small && large);
	if (!small || !large)
		goto out;
	fill(small, 64, 1);
	fill(large, 300000, 2);
	s = cache_of(small);
	active = s->active_objs;
	free_before = nr_free_pages();

	kfree(small + 1);
	CHECK(htest_log_has("not an object"));
	CHECK(htest_log_has("kmalloc-64"));
	kfree(small + 32);
	kfree(small + 63);
	CHECK_EQ(s->active_objs, active);

	htest_log_clear();
	kfree(large + 8);
	CHECK(htest_log_has("not memory from kmalloc"));
	htest_log_clear();
	kfree(large + PAGE_SIZE);
	CHECK(htest_log_has("not memory from kmalloc"));
	htest_log_clear();
	kfree(&on_stack);
	CHECK(htest_log_has("not memory from kmalloc"));
	htest_log_clear();
	for (int o = MAX_ORDER - 1; o >= 0; o--) {	/* a free block */
		if (normal_zone.free_area[o].nr_free) {
			free_mem = page_address(list_first_entry(
				&normal_zone.free_area[o].free_list, struct page, lru));
			break;
		}
	}
	CHECK(virt_to_page(free_mem)->flags & PG_buddy);
	kfree(free_mem);
	CHECK(htest_log_has("not memory from kmalloc"));
	CHECK_EQ(nr_free_pages(), free_before);
	CHECK_EQ(s->active_objs, active);

	/* An object of another cache, given to kmem_cache_free. */
	htest_log_clear();
	other = kmem_cache_create("other-cache", 64, 0, 0, NULL);
	CHECK(other);
	if (other) {
		kmem_cache_free(other, small);
		CHECK(htest_log_has("other-cache"));
		CHECK(htest_log_has("not an object of this cache"));
		obj = kmem_cache_alloc(other, GFP_KERNEL);
		CHECK(obj && obj != small);
		kmem_cache_free(other, obj);
		kmem_cache_destroy(other);
	}
	CHECK_EQ(s->active_objs, active);

	/* Nothing was freed: the memory is still ours and intact. */
	CHECK(holds(small, 64, 1));
	CHECK(holds(large, 300000, 2));
	obj = kmalloc(64, GFP_KERNEL);
	CHECK(obj && obj != small);
	kfree(obj);
	htest_log_clear();
	kfree(small);
	kfree(large);
	CHECK_STR(htest_log(), "");
out:
	slab_teardown();
}

/*
 * Without debugging, freeing the most recently freed object again is
 * caught (it is the slab's freelist head) and ignored: the counts stay
 * right and the object is handed out only once afterwards.
 */
static void double_free_is_detected_without_debug(void)
{
	struct kmem_cache *s;
	void *a, *b, *c, *x, *y;
	unsigned char *k, *k2;

	slab_setup(ARENA_PAGES);
	s = kmem_cache_create("df-cache", 48, 0, 0, NULL);
	CHECK(s && !(s->flags & SLAB_DEBUG));
	if (!s)
		goto out;
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	c = kmem_cache_alloc(s, GFP_KERNEL);
	CHECK(a && b && c);
	kmem_cache_free(s, b);
	CHECK(!htest_log_has("double free"));
	kmem_cache_free(s, b);
	CHECK(htest_log_has("double free"));
	CHECK(htest_log_has("df-cache"));
	CHECK_EQ(s->active_objs, 2);

	/* Still works: b comes back once, then a new object. */
	x = kmem_cache_alloc(s, GFP_KERNEL);
	y = kmem_cache_alloc(s, GFP_KERNEL);
	CHECK(x == b);
	CHECK(y && y != b && y != a && y != c);
	CHECK_EQ(s->active_objs, 4);
	kmem_cache_free(s, a);
	kmem_cache_free(s, c);
	kmem_cache_free(s, x);
	kmem_cache_free(s, y);
	CHECK_EQ(s->active_objs, 0);

	/* A lone object whose slab is now empty: caught as well. */
	htest_log_clear();
	x = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_free(s, x);
	kmem_cache_free(s, x);
	CHECK(htest_log_has("double free"));
	CHECK_EQ(s->active_objs, 0);
	kmem_cache_destroy(s);

	/* kfree of a kmalloc object, twice. */
	htest_log_clear();
	k = kmalloc(100, GFP_KERNEL);
	k2 = kmalloc(100, GFP_KERNEL);
	CHECK(k && k2);
	kfree(k);
	kfree(k);
	CHECK(htest_log_has("double free"));
	CHECK(htest_log_has("kmalloc-128"));
	CHECK_EQ(cache_of(k2)->active_objs, 1);
	kfree(k2);
out:
	slab_teardown();
}

/*
 * With SLAB_DEBUG, a double free is caught even when the object is not
 * the most recently freed one (its red zones say it is free already).
 */
static void double_free_is_detected_with_debug(void)
{
	struct kmem_cache *s;
	void *a, *b, *c, *x, *y;

	slab_setup(ARENA_PAGES);
	s = kmem_cache_create("dbg-df-cache", 40, 0, SLAB_DEBUG, NULL);
	CHECK(s);
	if (!s)
		goto out;
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	c = kmem_cache_alloc(s, GFP_KERNEL);
	CHECK(a && b && c);
	kmem_cache_free(s, b);
	kmem_cache_free(s, a);
	CHECK(!htest_log_has("BUG"));
	kmem_cache_free(s, b);
	CHECK(htest_log_has("double free"));
	CHECK(htest_log_has("dbg-df-cache"));
	CHECK_EQ(s->active_objs, 1);

	/* Still works: a and b come back once each, without complaints. */
	htest_log_clear();
	x = kmem_cache_alloc(s, GFP_KERNEL);
	y = kmem_cache_alloc(s, GFP_KERNEL);
	CHECK(x == a && y == b);
	CHECK_STR(htest_log(), "");
	kmem_cache_free(s, x);
	kmem_cache_free(s, y);
	kmem_cache_free(s, c);
	CHECK_STR(htest_log(), "");
	CHECK_EQ(s->active_objs, 0);
	kmem_cache_destroy(s);
out:
	slab_teardown();
}

/*
 * With only SLAB_POISON (a debug flag of its own), a double free must
 * still be caught: there are no red zones to tell, but the freelist-head
 * check of the non-debug path still applies.
 */
static void double_free_is_detected_with_poison_only(void)
{
	struct kmem_cache *s;
	void *a, *b;

	slab_setup(ARENA_PAGES);
	s = kmem_cache_create("poison-df", 40, 0, SLAB_POISON, NULL);
	CHECK(s);
	if (!s)
		goto out;
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	CHECK(a && b);
	kmem_cache_free(s, b);
	kmem_cache_free(s, b);
	CHECK(htest_log_has("double free"));
	CHECK_EQ(s->active_objs, 1);
	/* (The cache may now be corrupt: it is not used further.) */
out:
	slab_teardown();
}

/*
 * SLAB_DEBUG red zones: one byte written past the object (or before it)
 * is reported at kfree, naming the cache; the object is still freed and
 * the cache keeps working without further reports.
 */
static void debug_red_zone_overwrite_is_reported(void)
{
	struct kmem_cache *s;
	unsigned char *p, *q;

	slab_setup(ARENA_PAGES);
	s = kmem_cache_create("rz-cache", 50, 0, SLAB_DEBUG, NULL);
	CHECK(s);
	if (!s)
		goto out;
	p = kmem_cache_alloc(s, GFP_KERNEL);
	q = kmem_cache_alloc(s, GFP_KERNEL);
	CHECK(p && q);
	memset(p, 0x42, 50);	/* the whole object is fine */
	p[50] = 0x42;		/* one byte too many */
	kmem_cache_free(s, p);
	CHECK(htest_log_has("red zone overwritten"));
	CHECK(htest_log_has("BUG rz-cache"));
	CHECK_EQ(s->active_objs, 1);

	htest_log_clear();
	p = kmem_cache_alloc(s, GFP_KERNEL);
	CHECK_STR(htest_log(), "");
	q[-1] = 0;		/* underflow into the left red zone */
	kmem_cache_free(s, q);
	CHECK(htest_log_has("red zone overwritten"));
	CHECK(htest_log_has("rz-cache"));

	/* A free object's red zone written: reported at the next alloc. */
	htest_log_clear();
	q[50] = 1;
	q = kmem_cache_alloc(s, GFP_KERNEL);
	CHECK(htest_log_has("red zone of a free object overwritten"));

	htest_log_clear();
	kmem_cache_free(s, p);
	kmem_cache_free(s, q);
	CHECK_STR(htest_log(), "");
	CHECK_EQ(s->active_objs, 0);
	kmem_cache_destroy(s);
out:
	slab_teardown();
}

/* slab_debug_flags ("slub_debug") set before kmem_cache_init: kmalloc too. */
static void slub_debug_checks_kmalloc_caches(void)
{
	unsigned char *p, *q;
	unsigned long base;

	slab_debug_flags = SLAB_DEBUG;
	slab_setup(ARENA_PAGES);
	base = settled_free_pages();
	p = kmalloc(64, GFP_KERNEL);
	CHECK(p);
	if (!p)
		goto out;
	CHECK_EQ((uintptr_t)p % 64, 0);
	p[64] = 0;
	kfree(p);
	CHECK(htest_log_has("red zone overwritten"));
	CHECK(htest_log_has("kmalloc-64"));

	htest_log_clear();
	q = kmalloc(64, GFP_KERNEL);
	CHECK(q == p);
	CHECK_STR(htest_log(), "");
	kfree(q);
	q[10] = 0;	/* use after free */
	q = kmalloc(64, GFP_KERNEL);
	CHECK(htest_log_has("use after free: poison overwritten"));
	CHECK(htest_log_has("kmalloc-64"));
	kfree(q);
	CHECK_EQ(settled_free_pages(), base);
out:
	slab_teardown();
}

/*
 * SLAB_DEBUG poisoning: a write to a freed object is reported when the
 * object is handed out again, naming the cache; the byte and its value
 * are shown; the cache goes on working.
 */
static void debug_use_after_free_is_reported(void)
{
	struct kmem_cache *s;
	unsigned char *p, *q;

	slab_setup(ARENA_PAGES);
	s = kmem_cache_create("uaf-cache", 100, 0, SLAB_DEBUG, NULL);
	CHECK(s);
	if (!s)
		goto out;
	p = kmem_cache_alloc(s, GFP_KERNEL);
	q = kmem_cache_alloc(s, GFP_KERNEL);
	CHECK(p && q);
	kmem_cache_free(s, p);
	CHECK(!htest_log_has("BUG"));
	p[20] = 0x99;
	p = kmem_cache_alloc(s, GFP_KERNEL);	/* the same object, LIFO */
	CHECK(htest_log_has("use after free: poison overwritten"));
	CHECK(htest_log_has("BUG uaf-cache"));
	CHECK(htest_log_has("is 0x99, expected 0x6b"));

	/* The last byte is poisoned differently, and checked too. */
	htest_log_clear();
	kmem_cache_free(s, q);
	q[99] = 0x6b;
	q = kmem_cache_alloc(s, GFP_KERNEL);
	CHECK(htest_log_has("use after free"));
	CHECK(htest_log_has("expected 0xa5"));

	/* And without writes after free: quiet. */
	htest_log_clear();
	kmem_cache_free(s, p);
	kmem_cache_free(s, q);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	q = kmem_cache_alloc(s, GFP_KERNEL);
	CHECK_STR(htest_log(), "");
	kmem_cache_free(s, p);
	kmem_cache_free(s, q);
	CHECK_EQ(s->active_objs, 0);
	kmem_cache_destroy(s);
out:
	slab_teardown();
}

static void destroy_with_live_objects_is_refused(void)
{
	struct kmem_cache *s;
	unsigned long base;
	void *a, *b;

	slab_setup(ARENA_PAGES);
	base = settled_free_pages();
	s = kmem_cache_create("busy-cache", 200, 0, 0, NULL);
	CHECK(s);
	if (!s)
		goto out;
	a = kmem_cache_alloc(s, GFP_KERNEL);
	CHECK(a);
	kmem_cache_destroy(s);
	CHECK(htest_log_has("kmem_cache_destroy(busy-cache)"));
	CHECK(htest_log_has("still in use"));
	/* The cache still works. */
	b = kmem_cache_alloc(s, GFP_KERNEL);
	CHECK(b && b != a);
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	htest_log_clear();
	kmem_cache_destroy(s);
	CHECK_STR(htest_log(), "");
	CHECK_EQ(settled_free_pages(), base);
	kmem_cache_destroy(NULL);
out:
	slab_teardown();
}

/*
 * The leak check: caches of several kinds filled with many objects over
 * many slabs, freed in a scrambled order, shrunk and destroyed: the page
 * allocator gets back every page it gave.
 */
static void shrink_and_destroy_return_every_page(void)
{
	static const struct {
		unsigned int size, align, flags;
		bool ctor;
	} kinds[] = {
		{ 24, 0, 0, false }, { 700, 64, 0, false }, { 5000, 0, 0, false },
		{ 2048, 2048, 0, false }, { 104, 0, 0, true },
		{ 300, 0, SLAB_DEBUG, false }, { 4096, 0, SLAB_DEBUG, false },
		{ 100, 0, SLAB_DEBUG, true },
	};
	enum { K = ARRAY_SIZE(kinds), N = 700 };
	struct kmem_cache *caches[K];
	void **objs = calloc(K * N, sizeof(*objs));
	unsigned long base;

	slab_setup(ARENA_PAGES);
	base = settled_free_pages();
	for (unsigned int k = 0; k < K; k++) {
		caches[k] = kmem_cache_create("leak-test", kinds[k].size, kinds[k].align,
					      kinds[k].flags,
					      kinds[k].ctor ? ctor_obj_init : NULL);
		CHECK(caches[k]);
	}
	for (unsigned int i = 0; i < N; i++)
		for (unsigned int k = 0; k < K; k++)
			if (caches[k])
				objs[i * K + k] = kmem_cache_alloc(caches[k], GFP_KERNEL);
	CHECK(nr_free_pages() < base);
	/* Free with a stride coprime to K * N: a scrambled order. */
	for (unsigned long j = 0, i = 0; j < K * N; j++, i = (i + 337) % (K * N)) {
		unsigned int k = i % K;

		if (objs[i])
			kmem_cache_free(caches[k], objs[i]);
	}
	for (unsigned int k = 0; k < K; k++)
		if (caches[k])
			CHECK_EQ(caches[k]->active_objs, 0);
	kmem_cache_shrink_all();
	for (unsigned int k = 0; k < K; k++) {
		if (caches[k])
			CHECK_EQ(caches[k]->nr_slabs, 0);
		kmem_cache_destroy(caches[k]);
	}
	CHECK_EQ(settled_free_pages(), base);
	CHECK(!htest_log_has("BUG"));
	free(objs);
	slab_teardown();
}

/*
 * A seeded random kmalloc/kfree workload of sizes up to 200 KiB (mostly
 * small), every allocation filled with its own pattern and checked when
 * freed: no corruption, no failure, and all memory back at the end.
 */
static void random_kmalloc_workload_returns_all_memory(void)
{
	enum { STEPS = 20000, MAX_LIVE = 300 };
	struct live {
		unsigned char *p;
		size_t size;
		unsigned long seed;
	} *live = calloc(MAX_LIVE, sizeof(*live));
	unsigned long n = 0, base, bad = 0, nulls = 0;

	slab_setup(8192);
	base = settled_free_pages();
	srand(4242);
	for (unsigned long step = 0; step < STEPS; step++) {
		if (n == 0 || (n < MAX_LIVE && rand() % 100 < 52)) {
			int kind = rand() % 100;
			size_t size;

			if (kind < 70)
				size = 1 + (size_t)rand() % 512;
			else if (kind < 92)
				size = 1 + (size_t)rand() % 8192;
			else
				size = 1 + (size_t)rand() % (200 * 1024);
			live[n].p = rand() % 8 ? kmalloc(size, GFP_KERNEL) :
					       kzalloc(size, GFP_KERNEL);
			if (!live[n].p) {
				nulls++;
				continue;
			}
			if (!in_arena(live[n].p, size))
				bad++;
			live[n].size = size;
			live[n].seed = step;
			fill(live[n].p, size, step);
			n++;
		} else {
			unsigned long i = (unsigned long)rand() % n;

			if (!holds(live[i].p, live[i].size, live[i].seed))
				bad++;
			kfree(live[i].p);
			live[i] = live[--n];
		}
		if (step % 1000 == 0)
			for (unsigned long i = 0; i < n; i++)
				if (!holds(live[i].p, live[i].size, live[i].seed))
					bad++;
	}
	CHECK_EQ(bad, 0);
	CHECK_EQ(nulls, 0);
	while (n) {
		n--;
		CHECK(holds(live[n].p, live[n].size, live[n].seed));
		kfree(live[n].p);
	}
	CHECK_EQ(settled_free_pages(), base);
	CHECK(!htest_log_has("BUG"));
	CHECK(!htest_log_has("allocation failure"));
	free(live);
	slab_teardown();
}

/*
 * A tiny arena (64 pages): 4 KiB objects until kmalloc returns NULL, with
 * the page allocator's warning and no crash; a custom cache fails the
 * same way; after frees, allocation works again, as many as before.
 */
static void exhaustion_returns_null_and_recovers(void)
{
	enum { PAGES = 64 };
	void *objs[PAGES + 1];
	unsigned int n = 0, again = 0;
	unsigned long base;
	struct kmem_cache *s;

	slab_setup(PAGES);
	base = settled_free_pages();
	s = kmem_cache_create("tiny", 2000, 0, 0, NULL);
	CHECK(s);
	while (n <= PAGES && (objs[n] = kmalloc(4096, GFP_KERNEL)))
		n++;
	CHECK_EQ(n, base);	/* one page each, until none is left */
	CHECK_EQ(nr_free_pages(), 0);
	CHECK(htest_log_has("allocation failure: order 0"));
	htest_log_clear();
	CHECK(!kmalloc(100, GFP_KERNEL));
	CHECK(!kmalloc(200000, GFP_KERNEL));
	CHECK(!kzalloc(4096, GFP_KERNEL | __GFP_NOWARN));
	if (s)
		CHECK(!kmem_cache_alloc(s, GFP_KERNEL));
	CHECK(htest_log_has("allocation failure"));

	for (unsigned int i = 0; i < n; i++)
		kfree(objs[i]);
	CHECK_EQ(settled_free_pages(), base);
	htest_log_clear();
	while (again <= PAGES && (objs[again] = kmalloc(4096, GFP_KERNEL | __GFP_NOWARN)))
		again++;
	CHECK_EQ(again, n);
	CHECK_STR(htest_log(), "");
	for (unsigned int i = 0; i < again; i++)
		kfree(objs[i]);
	if (s) {
		void *o = kmem_cache_alloc(s, GFP_KERNEL);

		CHECK(o);
		kmem_cache_free(s, o);
		kmem_cache_destroy(s);
	}
	CHECK_EQ(settled_free_pages(), base);
	CHECK(!htest_log_has("BUG"));
	slab_teardown();
}

static void create_rejects_impossible_parameters(void)
{
	slab_setup(ARENA_PAGES);
	CHECK(!kmem_cache_create("zero", 0, 0, 0, NULL));
	CHECK(htest_log_has("kmem_cache_create(zero): bad size"));
	CHECK(!kmem_cache_create("huge", (PAGE_SIZE << (MAX_ORDER - 2)) + 1, 0, 0, NULL));
	CHECK(!kmem_cache_create("align3", 64, 3, 0, NULL));
	CHECK(!kmem_cache_create("align8k", 64, 2 * PAGE_SIZE, 0, NULL));
	CHECK(htest_log_has("align8k"));
	slab_teardown();
}

/*
 * kmalloc of a size near the top of size_t must fail cleanly (NULL), not
 * loop forever or shift out of range in get_order(). Run in a child, so
 * a hang (alarm) or a UBSan abort fails this case only.
 */
static void kmalloc_huge_size_child(void)
{
	volatile size_t huge = SIZE_MAX;

	CHECK(!kmalloc(huge, GFP_KERNEL | __GFP_NOWARN));
	huge = SIZE_MAX / 2 + 2;
	CHECK(!kmalloc(huge, GFP_KERNEL | __GFP_NOWARN));
}

static void kmalloc_of_huge_size_returns_null(void)
{
	pid_t pid;
	int status;

	slab_setup(ARENA_PAGES);
	fflush(stdout);
	pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		alarm(5);
		kmalloc_huge_size_child();
		fflush(stdout);
		_exit(htest_failures ? 1 : 0);
	}
	if (pid > 0) {
		CHECK(waitpid(pid, &status, 0) == pid);
		if (WIFSIGNALED(status))
			printf("    # kmalloc(huge) child killed by signal %d%s\n",
			       WTERMSIG(status),
			       WTERMSIG(status) == SIGALRM ? " (hung)" : "");
		else if (WEXITSTATUS(status))
			printf("    # kmalloc(huge) child exited with %d\n",
			       WEXITSTATUS(status));
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	slab_teardown();
}

HTEST_MAIN(TEST(cache_objects_are_aligned_as_requested),
	   TEST(cache_objects_never_overlap),
	   TEST(ctor_runs_once_per_object_when_slab_is_made),
	   TEST(kmalloc_boundary_sizes_are_aligned_and_usable),
	   TEST(large_kmalloc_comes_from_page_allocator),
	   TEST(kmalloc_zero_returns_null),
	   TEST(kzalloc_returns_zeroed_memory),
	   TEST(kfree_null_is_ignored),
	   TEST(kfree_of_foreign_pointer_is_reported_and_ignored),
	   TEST(double_free_is_detected_without_debug),
	   TEST(double_free_is_detected_with_debug),
	   TEST(double_free_is_detected_with_poison_only),
	   TEST(debug_red_zone_overwrite_is_reported),
	   TEST(slub_debug_checks_kmalloc_caches),
	   TEST(debug_use_after_free_is_reported),
	   TEST(destroy_with_live_objects_is_refused),
	   TEST(shrink_and_destroy_return_every_page),
	   TEST(random_kmalloc_workload_returns_all_memory),
	   TEST(exhaustion_returns_null_and_recovers),
	   TEST(create_rejects_impossible_parameters),
	   TEST(kmalloc_of_huge_size_returns_null))
