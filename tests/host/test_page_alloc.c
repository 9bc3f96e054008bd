// SPDX-License-Identifier: MIT
/*
 * Host tests for the buddy page allocator (mm/page_alloc.c): block layout
 * and accounting, splitting and merging, a seeded random workload checked
 * against a shadow map after every step, exhaustion, and bad frees.
 */
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "htest.h"
#include "mm_arena.h"
#include <armlet/errno.h>
#include <armlet/mm.h>
#include <armlet/seq_buf.h>

#define TOP_ORDER	(MAX_ORDER - 1)
#define TOP_PAGES	(1UL << TOP_ORDER)

/* A fresh arena of nr_pages, all given to the buddy allocator. */
static void arena_setup(unsigned long nr_pages)
{
	mm_arena_init(nr_pages);
	mm_arena_free_all();
	htest_log_clear();
}

static unsigned long pfn_of(const struct page *page)
{
	return page_to_pfn(page);
}

static bool pfn_in_normal_zone(unsigned long pfn)
{
	return pfn >= normal_zone.start_pfn &&
	       pfn < normal_zone.start_pfn + normal_zone.spanned_pages;
}

static unsigned long list_count(const struct list_head *head)
{
	const struct list_head *pos;
	unsigned long n = 0;

	for (pos = head->next; pos != head; pos = pos->next)
		n++;
	return n;
}

/* An allocated block the tests remember, to check and free it later. */
struct block {
	struct page *page;
	unsigned int order;
};

/*
 * Walk the free lists and the allocated blocks and check the allocator's
 * invariants: blocks are aligned, in the zone and never overlap (a shadow
 * map of the arena's pages); free heads are PG_buddy with their order, no
 * other page is PG_buddy; nr_free matches the lists; the free pages add up
 * to zone.free_pages and, with the allocated ones, to managed_pages; no
 * free block has a free buddy of the same order (merging is maximal).
 * Returns true if all hold; the first violation is printed.
 */
static bool invariants_hold(const struct block *blocks, unsigned long nr_blocks)
{
	struct zone *z = &normal_zone;
	unsigned char *owner = calloc(arena_pages, 1);	/* 0, 'f'ree, 'a'lloc */
	unsigned long free_sum = 0, alloc_sum = 0, heads = 0;
	bool ok = false;

	for (unsigned int o = 0; o < MAX_ORDER; o++) {
		struct page *page;

		if (list_count(&z->free_area[o].free_list) != z->free_area[o].nr_free) {
			printf("    # order %u: nr_free %lu but %lu on the list\n", o,
			       z->free_area[o].nr_free,
			       list_count(&z->free_area[o].free_list));
			goto out;
		}
		list_for_each_entry(page, &z->free_area[o].free_list, lru) {
			unsigned long pfn = pfn_of(page);

			if (page < mem_map || page >= mem_map + arena_pages ||
			    !pfn_in_normal_zone(pfn) ||
			    !pfn_in_normal_zone(pfn + (1UL << o) - 1)) {
				printf("    # order %u: free block outside the zone\n", o);
				goto out;
			}
			if (page->flags != PG_buddy || page->order != o) {
				printf("    # pfn 0x%lx on order %u list: flags 0x%x order %u\n",
				       pfn, o, page->flags, page->order);
				goto out;
			}
			if (pfn & ((1UL << o) - 1)) {
				printf("    # pfn 0x%lx not aligned to order %u\n", pfn, o);
				goto out;
			}
			for (unsigned long i = 0; i < (1UL << o); i++) {
				if (owner[pfn - ARENA_PFN + i]) {
					printf("    # pfn 0x%lx free twice\n", pfn + i);
					goto out;
				}
				owner[pfn - ARENA_PFN + i] = 'f';
			}
			if (o < TOP_ORDER) {
				unsigned long buddy = pfn ^ (1UL << o);

				if (pfn_in_normal_zone(buddy) &&
				    (pfn_to_page(buddy)->flags & PG_buddy) &&
				    pfn_to_page(buddy)->order == o) {
					printf("    # pfn 0x%lx and buddy free at order %u\n",
					       pfn, o);
					goto out;
				}
			}
			free_sum += 1UL << o;
			heads++;
		}
	}
	for (unsigned long b = 0; b < nr_blocks; b++) {
		unsigned long pfn = pfn_of(blocks[b].page);
		unsigned int o = blocks[b].order;

		if (pfn & ((1UL << o) - 1) || !pfn_in_normal_zone(pfn) ||
		    !pfn_in_normal_zone(pfn + (1UL << o) - 1)) {
			printf("    # allocated pfn 0x%lx order %u misplaced\n", pfn, o);
			goto out;
		}
		if (blocks[b].page->flags != PG_head || blocks[b].page->order != o) {
			printf("    # allocated pfn 0x%lx: flags 0x%x order %u\n", pfn,
			       blocks[b].page->flags, blocks[b].page->order);
			goto out;
		}
		for (unsigned long i = 0; i < (1UL << o); i++) {
			if (owner[pfn - ARENA_PFN + i]) {
				printf("    # pfn 0x%lx allocated and %s\n", pfn + i,
				       owner[pfn - ARENA_PFN + i] == 'f' ? "free" :
				       "allocated twice");
				goto out;
			}
			owner[pfn - ARENA_PFN + i] = 'a';
		}
		alloc_sum += 1UL << o;
	}
	/* Pages on the per-CPU list are free, order 0, and nowhere else. */
	{
		struct page *page;
		unsigned long pcp_sum = 0;

		list_for_each_entry(page, &z->pcp.list, lru) {
			unsigned long pfn = pfn_of(page);

			if (page->flags != PG_pcp || owner[pfn - ARENA_PFN]) {
				printf("    # pcp page pfn 0x%lx: flags 0x%x, also %c\n", pfn,
				       page->flags, owner[pfn - ARENA_PFN] ? owner[pfn - ARENA_PFN] : '-');
				goto out;
			}
			owner[pfn - ARENA_PFN] = 'p';
			pcp_sum++;
		}
		if (pcp_sum != z->pcp.count || pcp_sum > z->pcp.high) {
			printf("    # pcp list holds %lu pages, count %u, high %u\n", pcp_sum,
			       z->pcp.count, z->pcp.high);
			goto out;
		}
		alloc_sum += pcp_sum;	/* neither on the lists nor in use */
	}
	/* Only the heads of free blocks are PG_buddy. */
	for (unsigned long i = 0; i < arena_pages; i++) {
		if ((mem_map[i].flags & PG_buddy) && !heads--) {
			printf("    # stray PG_buddy page at pfn 0x%lx\n", ARENA_PFN + i);
			goto out;
		}
	}
	if (free_sum != z->free_pages) {
		printf("    # free blocks hold %lu pages, free_pages %lu\n", free_sum,
		       z->free_pages);
		goto out;
	}
	if (free_sum + alloc_sum != z->managed_pages) {
		printf("    # free %lu + allocated/pcp %lu != managed %lu\n", free_sum,
		       alloc_sum, z->managed_pages);
		goto out;
	}
	ok = true;
out:
	free(owner);
	return ok;
}

/*
 * Is every free page in an order-10 block (the arena fully merged) once
 * the per-CPU list has given its pages back?
 */
static bool fully_merged(void)
{
	drain_pcp(&normal_zone);
	for (unsigned int o = 0; o < TOP_ORDER; o++)
		if (normal_zone.free_area[o].nr_free)
			return false;
	return normal_zone.free_area[TOP_ORDER].nr_free * TOP_PAGES ==
	       normal_zone.free_pages &&
	       normal_zone.free_pages == normal_zone.managed_pages;
}

static void aligned_arena_is_all_top_order_blocks(void)
{
	arena_setup(4 * TOP_PAGES);

	CHECK_EQ(normal_zone.managed_pages, 4 * TOP_PAGES);
	CHECK_EQ(normal_zone.free_pages, normal_zone.managed_pages);
	CHECK_EQ(normal_zone.free_area[TOP_ORDER].nr_free, 4);
	for (unsigned int o = 0; o < TOP_ORDER; o++)
		CHECK_EQ(normal_zone.free_area[o].nr_free, 0);
	CHECK(fully_merged());
	CHECK(invariants_hold(NULL, 0));
	CHECK_EQ(nr_free_pages(), 4 * TOP_PAGES);
	mm_arena_exit();
}

/*
 * [pfn + 3, pfn + 1003) on an aligned pfn: blocks grow with the alignment
 * (1 at +3, 4 at +4, 8, 16, ..., 256 at +256), then shrink to fit the end
 * (256 at +512, 128, 64, 32, 8, 2 at +1000, 1 at +1002). Every block is
 * aligned, the total is 1000, and the reserved pages around stay reserved.
 */
static void unaligned_range_is_split_into_aligned_blocks(void)
{
	static const unsigned long expect[MAX_ORDER] = {
		[0] = 2, [1] = 1, [2] = 1, [3] = 2, [4] = 1, [5] = 2, [6] = 2,
		[7] = 2, [8] = 2,
	};

	mm_arena_init(2 * TOP_PAGES);
	zone_free_range(&normal_zone, ARENA_PFN + 3, 1000);

	CHECK_EQ(normal_zone.managed_pages, 1000);
	CHECK_EQ(normal_zone.free_pages, 1000);
	CHECK(invariants_hold(NULL, 0));
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		CHECK_EQ(normal_zone.free_area[o].nr_free, expect[o]);
	CHECK(pfn_to_page(ARENA_PFN + 2)->flags & PG_reserved);
	CHECK(pfn_to_page(ARENA_PFN + 1003)->flags & PG_reserved);
	CHECK(!(pfn_to_page(ARENA_PFN + 3)->flags & PG_reserved));
	CHECK(!(pfn_to_page(ARENA_PFN + 1002)->flags & PG_reserved));

	/* Every page can be handed out once, and never a reserved one. */
	for (unsigned long i = 0; i < 1000; i++) {
		struct page *page = zone_alloc(&normal_zone, 0);

		CHECK(page);
		if (!page)
			break;
		CHECK(pfn_of(page) >= ARENA_PFN + 3 && pfn_of(page) < ARENA_PFN + 1003);
	}
	CHECK(!zone_alloc(&normal_zone, 0));
	CHECK_EQ(normal_zone.free_pages, 0);
	mm_arena_exit();
}

/* An odd-sized arena (3000 pages): 2 x 1024 + 512 + 256 + 128 + 32 + 16 + 8. */
static void odd_sized_range_is_fully_accounted(void)
{
	static const unsigned long expect[MAX_ORDER] = {
		[3] = 1, [4] = 1, [5] = 1, [7] = 1, [8] = 1, [9] = 1, [10] = 2,
	};

	arena_setup(3000);
	CHECK_EQ(normal_zone.managed_pages, 3000);
	CHECK_EQ(normal_zone.free_pages, 3000);
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		CHECK_EQ(normal_zone.free_area[o].nr_free, expect[o]);
	CHECK(invariants_hold(NULL, 0));
	mm_arena_exit();
}

/* Freeing ranges piecewise, in any order, merges into the same blocks. */
static void piecewise_free_range_merges(void)
{
	mm_arena_init(2 * TOP_PAGES);
	zone_free_range(&normal_zone, ARENA_PFN + 1500, 548);
	zone_free_range(&normal_zone, ARENA_PFN + 7, 1493);
	zone_free_range(&normal_zone, ARENA_PFN, 7);
	CHECK_EQ(normal_zone.managed_pages, 2 * TOP_PAGES);
	CHECK(fully_merged());
	CHECK_EQ(normal_zone.free_area[TOP_ORDER].nr_free, 2);
	CHECK(invariants_hold(NULL, 0));
	mm_arena_exit();
}

static void alloc_of_each_order_is_aligned_and_in_zone(void)
{
	struct block blocks[MAX_ORDER];

	arena_setup(4 * TOP_PAGES);
	for (unsigned int o = 0; o < MAX_ORDER; o++) {
		struct page *page = alloc_pages(GFP_KERNEL, o);

		CHECK(page);
		blocks[o].page = page;
		blocks[o].order = o;
		if (!page)
			continue;
		CHECK_EQ(pfn_of(page) & ((1UL << o) - 1), 0);
		CHECK(pfn_in_normal_zone(pfn_of(page)));
		CHECK(pfn_in_normal_zone(pfn_of(page) + (1UL << o) - 1));
		CHECK_EQ((unsigned long)page_address(page) % (PAGE_SIZE << o), 0);
		CHECK(page->flags & PG_head);
		CHECK_EQ(page->order, o);
	}
	CHECK(invariants_hold(blocks, MAX_ORDER));
	CHECK_EQ(nr_free_pages(), 4 * TOP_PAGES - (2 * TOP_PAGES - 1));
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		if (blocks[o].page)
			__free_pages(blocks[o].page, o);
	CHECK(fully_merged());
	CHECK(!htest_log_has("BUG"));
	mm_arena_exit();
}

static void orders_from_max_order_up_return_null(void)
{
	arena_setup(4 * TOP_PAGES);
	CHECK(!zone_alloc(&normal_zone, MAX_ORDER));
	CHECK(!zone_alloc(&normal_zone, MAX_ORDER + 1));
	CHECK(!zone_alloc(&normal_zone, 31));
	CHECK(!zone_alloc(&normal_zone, ~0u));
	CHECK(!alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_ORDER));
	CHECK(!alloc_pages(GFP_KERNEL | __GFP_NOWARN, 20));
	CHECK_EQ(__get_free_pages(GFP_KERNEL | __GFP_NOWARN, MAX_ORDER), 0);
	CHECK_EQ(normal_zone.free_pages, 4 * TOP_PAGES);
	CHECK(fully_merged());
	mm_arena_exit();
}

/* An order-0 alloc from an order-10 block leaves one buddy at 0..9. */
static void split_puts_buddies_on_lower_lists(void)
{
	unsigned long before[MAX_ORDER];
	struct page *page;

	arena_setup(TOP_PAGES);
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		before[o] = normal_zone.free_area[o].nr_free;
	page = zone_alloc(&normal_zone, 0);	/* the buddy level, without the pcp list */
	CHECK(page);
	if (!page)
		goto out;
	for (unsigned int o = 0; o < TOP_ORDER; o++)
		CHECK_EQ(normal_zone.free_area[o].nr_free, 1);
	CHECK_EQ(normal_zone.free_area[TOP_ORDER].nr_free, 0);
	CHECK_EQ(normal_zone.free_pages, TOP_PAGES - 1);
	/* The buddies are the upper halves: order o at pfn + 2^o. */
	for (unsigned int o = 0; o < TOP_ORDER; o++) {
		struct page *buddy = page + (1UL << o);

		CHECK(buddy->flags & PG_buddy);
		CHECK_EQ(buddy->order, o);
	}
	{
		struct block b = { page, 0 };

		CHECK(invariants_hold(&b, 1));
	}
	zone_free(&normal_zone, page, 0);
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		CHECK_EQ(normal_zone.free_area[o].nr_free, before[o]);
	CHECK(fully_merged());
out:
	mm_arena_exit();
}

/* Many blocks of mixed orders, freed in another order, merge back fully. */
static void freeing_merges_back_completely(void)
{
	struct block blocks[64];
	unsigned long before[MAX_ORDER];
	unsigned int n = 0;

	arena_setup(4 * TOP_PAGES);
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		before[o] = normal_zone.free_area[o].nr_free;
	for (unsigned int i = 0; i < 64; i++) {
		unsigned int order = (i * 7) % 6;
		struct page *page = alloc_pages(GFP_KERNEL, order);

		CHECK(page);
		if (page)
			blocks[n++] = (struct block){ page, order };
	}
	CHECK(invariants_hold(blocks, n));
	/* Free the odd ones first, then the even ones backwards. */
	for (unsigned int i = 1; i < n; i += 2)
		CHECK_EQ(zone_free(&normal_zone, blocks[i].page, blocks[i].order), 0);
	for (unsigned int i = (n - 1) & ~1u; i < n; i -= 2)
		CHECK_EQ(zone_free(&normal_zone, blocks[i].page, blocks[i].order), 0);
	drain_pcp(&normal_zone);	/* order-0 allocations filled the pcp list */
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		CHECK_EQ(normal_zone.free_area[o].nr_free, before[o]);
	CHECK(fully_merged());
	CHECK(invariants_hold(NULL, 0));
	mm_arena_exit();
}

/*
 * Thousands of seeded random allocations and frees of random orders (small
 * ones more likely) on an odd-sized arena, checking every invariant after
 * every step, then everything freed and fully merged.
 */
static void random_workload_keeps_invariants(void)
{
	enum { STEPS = 5000, MAX_LIVE = 600 };
	struct block *blocks = calloc(MAX_LIVE, sizeof(*blocks));
	unsigned long n = 0, allocs = 0, fails = 0, bad_steps = 0;

	arena_setup(3000);
	srand(12345);
	for (int step = 0; step < STEPS; step++) {
		bool do_alloc = n == 0 || (n < MAX_LIVE && rand() % 100 < 55);

		if (do_alloc) {
			/* orders 0..10, each about half as likely as the one below */
			unsigned int order = 0;
			struct page *page;

			while (order < TOP_ORDER && rand() % 2)
				order++;
			page = alloc_pages(GFP_KERNEL | __GFP_NOWARN, order);
			allocs++;
			if (page)
				blocks[n++] = (struct block){ page, order };
			else
				fails++;
		} else {
			unsigned long i = (unsigned long)rand() % n;

			if (zone_free(&normal_zone, blocks[i].page, blocks[i].order))
				bad_steps++;
			blocks[i] = blocks[--n];
		}
		if (!invariants_hold(blocks, n)) {
			printf("    # invariants broken at step %d\n", step);
			bad_steps++;
			break;
		}
	}
	CHECK_EQ(bad_steps, 0);
	CHECK(allocs > STEPS / 2);
	CHECK(fails < allocs);
	while (n) {
		n--;
		CHECK_EQ(zone_free(&normal_zone, blocks[n].page, blocks[n].order), 0);
	}
	CHECK(invariants_hold(NULL, 0));
	drain_pcp(&normal_zone);
	CHECK_EQ(normal_zone.free_pages, 3000);
	CHECK_EQ(normal_zone.free_area[TOP_ORDER].nr_free, 2);
	CHECK(!htest_log_has("BUG"));
	free(blocks);
	mm_arena_exit();
}

/*
 * Order-0 allocations until NULL: exactly managed_pages of them; the
 * failure warns once, on one line, with the free counts; __GFP_NOWARN is
 * quiet; everything freed gives the whole memory back.
 */
static void exhaustion_warns_and_recovers(void)
{
	const unsigned long nr = 2 * TOP_PAGES + 100;
	struct page **pages = calloc(nr + 1, sizeof(*pages));
	unsigned long count = 0;
	const char *log, *nl;

	arena_setup(nr);
	while (count <= nr && (pages[count] = alloc_page(GFP_KERNEL | __GFP_NOWARN)))
		count++;
	CHECK_EQ(count, normal_zone.managed_pages);
	CHECK_EQ(normal_zone.free_pages, 0);
	CHECK_STR(htest_log(), "");

	CHECK(!alloc_page(GFP_KERNEL));
	CHECK(htest_log_has("allocation failure: order 0"));
	CHECK(htest_log_has("free pages 0"));
	CHECK(htest_log_has("largest free order -1"));
	log = htest_log();
	nl = strchr(log, '\n');
	CHECK(nl && nl[1] == '\0');	/* one line */

	htest_log_clear();
	CHECK(!alloc_pages(GFP_ATOMIC, 3));
	CHECK(htest_log_has("allocation failure: order 3"));
	htest_log_clear();
	CHECK(!alloc_page(GFP_KERNEL | __GFP_NOWARN));
	CHECK(!alloc_pages(GFP_ATOMIC | __GFP_NOWARN, 5));
	CHECK_STR(htest_log(), "");

	/* Free every other page first: nothing can merge yet. */
	for (unsigned long i = 0; i < count; i += 2)
		__free_page(pages[i]);
	drain_pcp(&normal_zone);
	CHECK_EQ(normal_zone.free_area[0].nr_free, (count + 1) / 2);
	CHECK(!alloc_pages(GFP_KERNEL, 1));
	CHECK(htest_log_has("largest free order 0"));
	for (unsigned long i = 1; i < count; i += 2)
		__free_page(pages[i]);
	CHECK_EQ(nr_free_pages(), nr);
	CHECK(invariants_hold(NULL, 0));
	drain_pcp(&normal_zone);
	CHECK_EQ(normal_zone.free_area[TOP_ORDER].nr_free, 2);
	CHECK(!htest_log_has("BUG"));
	free(pages);
	mm_arena_exit();
}

static void double_free_is_detected_and_ignored(void)
{
	struct page *a, *b;
	unsigned long free_before;

	arena_setup(TOP_PAGES);
	a = alloc_pages(GFP_KERNEL, 2);
	b = alloc_pages(GFP_KERNEL, 2);
	CHECK(a && b);
	if (!a || !b)
		goto out;
	CHECK_EQ(zone_free(&normal_zone, a, 2), 0);
	free_before = normal_zone.free_pages;
	CHECK(!htest_log_has("double free"));

	CHECK_EQ(zone_free(&normal_zone, a, 2), -EINVAL);
	CHECK(htest_log_has("double free"));
	CHECK_EQ(normal_zone.free_pages, free_before);
	{
		struct block blk = { b, 2 };

		CHECK(invariants_hold(&blk, 1));
	}

	/* After a merge the old head is no longer a free head: still caught. */
	htest_log_clear();
	CHECK_EQ(zone_free(&normal_zone, b, 2), 0);
	CHECK(fully_merged());
	CHECK_EQ(zone_free(&normal_zone, b, 2), -EINVAL);
	CHECK(htest_log_has("BUG: bad page free"));
	CHECK_EQ(normal_zone.free_pages, TOP_PAGES);
	CHECK(fully_merged());
	CHECK(invariants_hold(NULL, 0));
out:
	mm_arena_exit();
}

static void wrong_order_free_is_reported_and_ignored(void)
{
	struct page *page;
	unsigned long free_before;

	arena_setup(TOP_PAGES);
	page = alloc_pages(GFP_KERNEL, 3);
	CHECK(page);
	if (!page)
		goto out;
	free_before = normal_zone.free_pages;
	CHECK_EQ(zone_free(&normal_zone, page, 2), -EINVAL);
	CHECK(htest_log_has("wrong order"));
	htest_log_clear();
	CHECK_EQ(zone_free(&normal_zone, page, 4), -EINVAL);
	CHECK(htest_log_has("wrong order"));
	CHECK_EQ(normal_zone.free_pages, free_before);
	{
		struct block blk = { page, 3 };

		CHECK(invariants_hold(&blk, 1));
	}
	CHECK_EQ(zone_free(&normal_zone, page, 3), 0);
	CHECK(fully_merged());
out:
	mm_arena_exit();
}

static void tail_page_free_is_reported_and_ignored(void)
{
	struct page *page;
	unsigned long free_before;

	arena_setup(TOP_PAGES);
	page = alloc_pages(GFP_KERNEL, 2);
	CHECK(page);
	if (!page)
		goto out;
	free_before = normal_zone.free_pages;
	for (unsigned int i = 1; i < 4; i++) {
		htest_log_clear();
		CHECK_EQ(zone_free(&normal_zone, page + i, 0), -EINVAL);
		CHECK(htest_log_has("not the first page of an allocated block"));
	}
	/* __free_pages reports the same way (it has no return value). */
	htest_log_clear();
	__free_pages(page + 2, 1);
	CHECK(htest_log_has("not the first page"));
	CHECK_EQ(normal_zone.free_pages, free_before);
	/* A page inside a free block is not a block head either. */
	htest_log_clear();
	CHECK_EQ(zone_free(&normal_zone, pfn_to_page(ARENA_PFN + 513), 0), -EINVAL);
	CHECK(htest_log_has("BUG: bad page free"));
	CHECK_EQ(normal_zone.free_pages, free_before);
	{
		struct block blk = { page, 2 };

		CHECK(invariants_hold(&blk, 1));
	}
	__free_pages(page, 2);
	CHECK(fully_merged());
out:
	mm_arena_exit();
}

static void reserved_page_free_is_reported_and_ignored(void)
{
	struct page *reserved;

	mm_arena_init(TOP_PAGES);
	zone_free_range(&normal_zone, ARENA_PFN + 1, TOP_PAGES - 1);	/* pfn 0 kept */
	reserved = pfn_to_page(ARENA_PFN);
	CHECK(reserved->flags & PG_reserved);
	CHECK_EQ(zone_free(&normal_zone, reserved, 0), -EINVAL);
	CHECK(htest_log_has("reserved page"));
	CHECK(reserved->flags & PG_reserved);
	CHECK_EQ(normal_zone.free_pages, TOP_PAGES - 1);
	CHECK_EQ(normal_zone.managed_pages, TOP_PAGES - 1);
	CHECK(invariants_hold(NULL, 0));
	/* The reserved page never merges: no order-10 block can form. */
	CHECK_EQ(normal_zone.free_area[TOP_ORDER].nr_free, 0);
	for (unsigned int o = 0; o < TOP_ORDER; o++)
		CHECK_EQ(normal_zone.free_area[o].nr_free, 1);
	mm_arena_exit();
}

/*
 * A pfn outside the zone. zone_free() reads the struct page only for pfns
 * in the zone, so the mem_map entries just beyond a smaller zone, and the
 * one-past-the-end pointer of mem_map, are safe to pass.
 */
static void out_of_zone_free_is_reported_and_ignored(void)
{
	unsigned long half = TOP_PAGES / 2;
	struct page *page;

	mm_arena_init(TOP_PAGES);
	zone_init(&normal_zone, "Normal", ARENA_PFN, half);	/* mem_map is larger */
	zone_free_range(&normal_zone, ARENA_PFN, half);
	/* Make the page beyond the zone look like an allocated block head. */
	page = pfn_to_page(ARENA_PFN + half);
	page->flags = PG_head;
	page->order = 0;

	CHECK_EQ(zone_free(&normal_zone, page, 0), -EINVAL);
	CHECK(htest_log_has("page outside the zone"));
	CHECK_EQ(normal_zone.free_pages, half);
	htest_log_clear();
	CHECK_EQ(zone_free(&normal_zone, mem_map + arena_pages, 0), -EINVAL);
	CHECK(htest_log_has("page outside the zone"));
	CHECK_EQ(normal_zone.free_pages, half);
	CHECK_EQ(normal_zone.free_area[TOP_ORDER - 1].nr_free, 1);

	/* An allocation never leaves the zone, even with mem_map beyond it. */
	for (unsigned long i = 0; i < half; i++) {
		page = zone_alloc(&normal_zone, 0);
		CHECK(page && pfn_in_normal_zone(pfn_of(page)));
	}
	CHECK(!zone_alloc(&normal_zone, 0));
	mm_arena_exit();
}

static void gfp_zero_returns_zeroed_memory(void)
{
	struct page *page;
	unsigned char *p;
	bool zero = true;

	arena_setup(TOP_PAGES);
	page = alloc_pages(GFP_KERNEL, 3);
	CHECK(page);
	if (!page)
		goto out;
	memset(page_address(page), 0xff, PAGE_SIZE << 3);
	__free_pages(page, 3);
	page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 3);
	CHECK(page);
	if (!page)
		goto out;
	p = page_address(page);
	for (unsigned long i = 0; i < (PAGE_SIZE << 3); i++)
		zero &= p[i] == 0;
	CHECK(zero);
	/* Without __GFP_ZERO the old contents are left alone. */
	memset(p, 0x5a, PAGE_SIZE << 3);
	__free_pages(page, 3);
	page = alloc_pages(GFP_KERNEL, 3);
	CHECK(page && ((unsigned char *)page_address(page))[100] == 0x5a);
	if (page)
		__free_pages(page, 3);
	CHECK(fully_merged());
out:
	mm_arena_exit();
}

static void address_interface_round_trips(void)
{
	unsigned long addr, zaddr;
	unsigned char *p;
	bool zero = true;

	arena_setup(TOP_PAGES);
	addr = __get_free_pages(GFP_KERNEL, 2);
	CHECK(addr);
	CHECK_EQ(addr % (PAGE_SIZE << 2), 0);
	CHECK(virt_addr_valid((void *)addr));
	CHECK_EQ(virt_to_page((void *)addr)->order, 2);
	CHECK(virt_to_page((void *)addr)->flags & PG_head);
	memset((void *)addr, 0xff, PAGE_SIZE << 2);
	CHECK_EQ(normal_zone.free_pages, TOP_PAGES - 4);
	free_pages(addr, 2);
	CHECK_EQ(normal_zone.free_pages, TOP_PAGES);

	zaddr = get_zeroed_page(GFP_KERNEL);
	CHECK(zaddr);
	CHECK_EQ(zaddr, addr);	/* the same (dirty) page, handed out first */
	p = (unsigned char *)zaddr;
	for (unsigned long i = 0; zaddr && i < PAGE_SIZE; i++)
		zero &= p[i] == 0;
	CHECK(zero);
	CHECK_EQ(nr_free_pages(), TOP_PAGES - 1);
	free_page(zaddr);

	addr = __get_free_page(GFP_ATOMIC);
	CHECK(addr);
	free_page(addr);
	free_pages(0, 3);	/* like free(NULL) */
	__free_pages(NULL, 0);
	CHECK(!htest_log_has("BUG"));
	CHECK(fully_merged());
	mm_arena_exit();
}

static void get_order_rounds_up_to_blocks(void)
{
	CHECK_EQ(get_order(1), 0);
	CHECK_EQ(get_order(PAGE_SIZE), 0);
	CHECK_EQ(get_order(PAGE_SIZE + 1), 1);
	CHECK_EQ(get_order(2 * PAGE_SIZE), 1);
	CHECK_EQ(get_order(2 * PAGE_SIZE + 1), 2);
	CHECK_EQ(get_order(128 * 1024), 5);
	CHECK_EQ(get_order(128 * 1024 + 1), 6);
	CHECK_EQ(get_order(4UL << 20), 10);
	CHECK_EQ(get_order((4UL << 20) + 1), 11);
}

/*
 * get_order() of a size beyond the largest representable block (above
 * 2^63 here, 2^31 on the 32-bit target) must still end, with an order
 * alloc_pages() refuses, rather than shift past the width of a long.
 * Run in a child, so a hang (alarm) or a UBSan abort fails this case only.
 */
static void get_order_of_huge_size_terminates(void)
{
	pid_t pid;
	int status;

	fflush(stdout);
	pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		volatile unsigned long huge = ~0UL;

		alarm(5);
		CHECK(get_order(huge) >= MAX_ORDER);
		huge = ~0UL / 2 + 2;
		CHECK(get_order(huge) >= MAX_ORDER);
		fflush(stdout);
		_exit(htest_failures ? 1 : 0);
	}
	if (pid > 0) {
		CHECK(waitpid(pid, &status, 0) == pid);
		if (WIFSIGNALED(status))
			printf("    # get_order(huge) child killed by signal %d%s\n",
			       WTERMSIG(status),
			       WTERMSIG(status) == SIGALRM ? " (hung)" : "");
		else if (WEXITSTATUS(status))
			printf("    # get_order(huge) child exited with %d\n",
			       WEXITSTATUS(status));
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
}

static void show_buddyinfo_prints_counts_per_order(void)
{
	char buf[256];
	struct seq_buf m;

	arena_setup(2 * TOP_PAGES);
	seq_buf_init(&m, buf, sizeof(buf));
	show_buddyinfo(&m);
	CHECK(strstr(buf, "Node 0, zone   Normal") != NULL);
	CHECK(strstr(buf, "      0      2\n") != NULL);
	CHECK(!m.overflow);
	mm_arena_exit();
}

/* ---- the per-CPU page list ------------------------------------------- */

/* An order-0 free goes to the pcp list: no merging, and the next alloc reuses it. */
static void order0_free_and_alloc_skip_the_buddy_lists(void)
{
	unsigned long lists[MAX_ORDER];
	struct page *page, *again;

	arena_setup(TOP_PAGES);
	page = alloc_page(GFP_KERNEL);
	CHECK(page);
	CHECK_EQ(normal_zone.pcp.count, PCP_BATCH - 1);	/* refilled by one batch */
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		lists[o] = normal_zone.free_area[o].nr_free;
	__free_page(page);
	CHECK_EQ(normal_zone.pcp.count, PCP_BATCH);
	CHECK_EQ(page->flags, PG_pcp);
	again = alloc_page(GFP_KERNEL);
	CHECK(again == page);	/* last in, first out: cache-warm */
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		CHECK_EQ(normal_zone.free_area[o].nr_free, lists[o]);
	__free_page(again);
	CHECK_EQ(nr_free_pages(), TOP_PAGES);
	CHECK(fully_merged());
	mm_arena_exit();
}

/* Above high, a batch goes back to the buddy lists: the list stays bounded. */
static void pcp_list_is_bounded_by_high(void)
{
	enum { N = PCP_HIGH + 3 * PCP_BATCH };
	struct block blocks[N];

	arena_setup(TOP_PAGES);
	for (int i = 0; i < N; i++)
		blocks[i] = (struct block){ alloc_page(GFP_KERNEL), 0 };
	for (int i = 0; i < N; i++) {
		__free_page(blocks[i].page);
		CHECK(normal_zone.pcp.count <= PCP_HIGH);
		CHECK(invariants_hold(blocks + i + 1, N - i - 1));
	}
	CHECK(normal_zone.pcp.count > PCP_HIGH - PCP_BATCH);
	CHECK_EQ(nr_free_pages(), TOP_PAGES);
	mm_arena_exit();
}

static void double_free_onto_pcp_list_is_detected(void)
{
	struct page *page;
	unsigned int count;

	arena_setup(TOP_PAGES);
	page = alloc_page(GFP_KERNEL);
	__free_page(page);
	count = normal_zone.pcp.count;
	__free_page(page);
	CHECK(htest_log_has("double free"));
	CHECK_EQ(normal_zone.pcp.count, count);
	CHECK_EQ(zone_free(&normal_zone, page, 0), -EINVAL);	/* at the buddy level too */
	CHECK(invariants_hold(NULL, 0));
	mm_arena_exit();
}

/* Pages parked on the pcp list are drained when a large block is needed. */
static void large_alloc_drains_the_pcp_list(void)
{
	struct page *page;

	arena_setup(TOP_PAGES);	/* exactly one order-10 block */
	__free_page(alloc_page(GFP_KERNEL));
	CHECK(normal_zone.pcp.count > 0);
	CHECK_EQ(normal_zone.free_area[TOP_ORDER].nr_free, 0);
	page = alloc_pages(GFP_KERNEL, TOP_ORDER);
	CHECK(page);
	CHECK_EQ(normal_zone.pcp.count, 0);
	CHECK(!htest_log_has("allocation failure"));
	if (page)
		__free_pages(page, TOP_ORDER);
	CHECK(fully_merged());
	mm_arena_exit();
}

HTEST_MAIN(TEST(aligned_arena_is_all_top_order_blocks),
	   TEST(unaligned_range_is_split_into_aligned_blocks),
	   TEST(odd_sized_range_is_fully_accounted),
	   TEST(piecewise_free_range_merges),
	   TEST(alloc_of_each_order_is_aligned_and_in_zone),
	   TEST(orders_from_max_order_up_return_null),
	   TEST(split_puts_buddies_on_lower_lists),
	   TEST(freeing_merges_back_completely),
	   TEST(random_workload_keeps_invariants),
	   TEST(exhaustion_warns_and_recovers),
	   TEST(double_free_is_detected_and_ignored),
	   TEST(wrong_order_free_is_reported_and_ignored),
	   TEST(tail_page_free_is_reported_and_ignored),
	   TEST(reserved_page_free_is_reported_and_ignored),
	   TEST(out_of_zone_free_is_reported_and_ignored),
	   TEST(gfp_zero_returns_zeroed_memory),
	   TEST(address_interface_round_trips),
	   TEST(get_order_rounds_up_to_blocks),
	   TEST(get_order_of_huge_size_terminates),
	   TEST(show_buddyinfo_prints_counts_per_order),
	   TEST(order0_free_and_alloc_skip_the_buddy_lists),
	   TEST(pcp_list_is_bounded_by_high),
	   TEST(double_free_onto_pcp_list_is_detected),
	   TEST(large_alloc_drains_the_pcp_list))
