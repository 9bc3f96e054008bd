// SPDX-License-Identifier: MIT
/*
 * The buddy page allocator. Linux counterpart: mm/page_alloc.c
 * (__rmqueue_smallest, expand, __free_one_page).
 *
 * Free memory is kept as blocks of 2^order pages, aligned to their size,
 * on one free list per order. Allocation takes the first block of the
 * smallest order that fits and splits off the unused halves ("buddies")
 * onto the lower lists. Freeing looks at the block's buddy (pfn XOR
 * 2^order): if it is free and of the same order, the two merge, and so on
 * upwards. Both are O(MAX_ORDER). In front of the lists sits a per-CPU
 * list of single pages (Linux: struct per_cpu_pages), filled and drained
 * in batches, so the common order-0 alloc and free touch one list only.
 *
 *   order 2 block: [ 0 1 2 3 ]  split -> [ 0 1 ] + [ 2 3 ]  ->  [0] + [1]
 *                                 buddies: 0<->1, 0-1<->2-3
 *
 * Context: any. Locking: zone->lock, taken with IRQs off by the kernel-level
 * functions (alloc_pages and friends), protects the free lists, the
 * per-CPU list and the counts; the zone_* and pcp_* functions expect it
 * held. Pure code: also built on the host for tests/host/test_page_alloc.c.
 */
#define pr_fmt(fmt) "page_alloc: " fmt

#include <armlet/seq_buf.h>
#include <armlet/errno.h>
#include <armlet/mm.h>
#include <armlet/printk.h>
#include <armlet/string.h>

struct page *mem_map;
unsigned long mem_map_pfn;
struct zone normal_zone;

static bool pfn_in_zone(const struct zone *z, unsigned long pfn)
{
	return pfn - z->start_pfn < z->spanned_pages;
}

static void add_free_block(struct zone *z, struct page *page, unsigned int order)
{
	page->flags = PG_buddy;
	page->order = order;
	list_add(&page->lru, &z->free_area[order].free_list);
	z->free_area[order].nr_free++;
}

static void del_free_block(struct zone *z, struct page *page, unsigned int order)
{
	list_del(&page->lru);
	page->flags &= ~PG_buddy;
	z->free_area[order].nr_free--;
}

/*
 * zone_init - describe frames [start_pfn, start_pfn + nr_pages) in mem_map,
 * all reserved; zone_free_range() then hands out the usable ones.
 */
void zone_init(struct zone *z, const char *name, unsigned long start_pfn,
	       unsigned long nr_pages)
{
	memset(z, 0, sizeof(*z));
	spin_lock_init(&z->lock);
	z->name = name;
	z->start_pfn = start_pfn;
	z->spanned_pages = nr_pages;
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		INIT_LIST_HEAD(&z->free_area[o].free_list);
	INIT_LIST_HEAD(&z->pcp.list);
	z->pcp.batch = PCP_BATCH;
	z->pcp.high = PCP_HIGH;
	for (unsigned long i = 0; i < nr_pages; i++) {
		struct page *p = pfn_to_page(start_pfn + i);

		memset(p, 0, sizeof(*p));
		p->flags = PG_reserved;
	}
}

/* Put the free block at page (order order) on the lists, merging upwards. */
static void free_one_block(struct zone *z, struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);

	while (order < MAX_ORDER - 1) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy;

		if (!pfn_in_zone(z, buddy_pfn))
			break;
		buddy = pfn_to_page(buddy_pfn);
		if (!(buddy->flags & PG_buddy) || buddy->order != order)
			break;
		del_free_block(z, buddy, order);
		pfn &= ~(1UL << order);		/* the merged block starts lower */
		order++;
	}
	add_free_block(z, pfn_to_page(pfn), order);
}

/*
 * zone_free_range - give frames [pfn, pfn + nr_pages) to the allocator for
 * the first time (memblock_free_all at boot), as the largest aligned blocks.
 */
void zone_free_range(struct zone *z, unsigned long pfn, unsigned long nr_pages)
{
	unsigned long end = pfn + nr_pages;

	while (pfn < end) {
		unsigned int order = 0;

		while (order < MAX_ORDER - 1 && !(pfn & (1UL << order)) &&
		       pfn + (2UL << order) <= end)
			order++;
		for (unsigned long i = 0; i < (1UL << order); i++)
			pfn_to_page(pfn + i)->flags = 0;
		z->managed_pages += 1UL << order;
		z->free_pages += 1UL << order;
		free_one_block(z, pfn_to_page(pfn), order);
		pfn += 1UL << order;
	}
}

/*
 * zone_alloc - a block of 2^order pages, or NULL. The head page gets
 * PG_head and the order, so a free of the wrong size can be caught.
 */
struct page *zone_alloc(struct zone *z, unsigned int order)
{
	unsigned int o = order;
	struct page *page;

	if (order >= MAX_ORDER)
		return NULL;
	while (o < MAX_ORDER && list_empty(&z->free_area[o].free_list))
		o++;
	if (o == MAX_ORDER)
		return NULL;

	page = list_first_entry(&z->free_area[o].free_list, struct page, lru);
	del_free_block(z, page, o);
	while (o > order) {	/* split: give back the upper halves */
		o--;
		add_free_block(z, page + (1UL << o), o);
	}
	page->flags = PG_head;
	page->order = order;
	z->free_pages -= 1UL << order;
	return page;
}

/*
 * zone_free - return a block from zone_alloc(). Returns 0, or -EINVAL
 * (after a report) for a page outside the zone, a reserved page, a page
 * already free (double free), a page that does not start an allocated
 * block, or the wrong order; the bad free is then ignored.
 */
/* Is page the head of an allocated block of this order? Reported if not. */
static bool free_is_valid(struct zone *z, struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);
	const char *why = NULL;

	if (!pfn_in_zone(z, pfn))
		why = "page outside the zone";
	else if (page->flags & PG_reserved)
		why = "reserved page";
	else if (page->flags & (PG_buddy | PG_pcp))
		why = "double free";
	else if (!(page->flags & PG_head))
		why = "not the first page of an allocated block";
	else if (page->order != order)
		why = "wrong order";
	if (why)
		pr_err("BUG: bad page free: %s (pfn 0x%lx, order %u, flags 0x%x)\n",
		       why, pfn, order, pfn_in_zone(z, pfn) ? page->flags : 0);
	return !why;
}

int zone_free(struct zone *z, struct page *page, unsigned int order)
{
	if (!free_is_valid(z, page, order))
		return -EINVAL;
	page->flags = 0;
	z->free_pages += 1UL << order;
	free_one_block(z, page, order);
	return 0;
}

/* The highest order with a free block, or -1 when the zone is full. */
static int largest_free_order(const struct zone *z)
{
	for (int o = MAX_ORDER - 1; o >= 0; o--)
		if (z->free_area[o].nr_free)
			return o;
	return -1;
}

/* Move up to batch pages from the buddy lists to the per-CPU list. */
static void pcp_refill(struct zone *z)
{
	struct per_cpu_pages *pcp = &z->pcp;

	while (pcp->count < pcp->batch) {
		struct page *page = zone_alloc(z, 0);

		if (!page)
			break;
		page->flags = PG_pcp;
		list_add_tail(&page->lru, &pcp->list);
		pcp->count++;
	}
}

/* Give the n oldest pages of the per-CPU list back to the buddy lists. */
static void pcp_release(struct zone *z, unsigned int n)
{
	struct per_cpu_pages *pcp = &z->pcp;

	while (n-- && pcp->count) {
		struct page *page = list_entry(pcp->list.prev, struct page, lru);

		list_del(&page->lru);
		pcp->count--;
		page->flags = 0;
		z->free_pages++;
		free_one_block(z, page, 0);
	}
}

/* pcp_alloc - one page, from the per-CPU list (refilled when empty). */
struct page *pcp_alloc(struct zone *z)
{
	struct per_cpu_pages *pcp = &z->pcp;
	struct page *page;

	if (!pcp->count)
		pcp_refill(z);
	if (!pcp->count)
		return NULL;
	page = list_first_entry(&pcp->list, struct page, lru);
	list_del(&page->lru);
	pcp->count--;
	page->flags = PG_head;
	page->order = 0;
	return page;
}

/* pcp_free - free one page onto the per-CPU list; -EINVAL for a bad free. */
int pcp_free(struct zone *z, struct page *page)
{
	struct per_cpu_pages *pcp = &z->pcp;

	if (!free_is_valid(z, page, 0))
		return -EINVAL;
	page->flags = PG_pcp;
	list_add(&page->lru, &pcp->list);
	if (++pcp->count > pcp->high)
		pcp_release(z, pcp->batch);
	return 0;
}

/* drain_pcp - return every per-CPU page to the buddy lists (to merge). */
void drain_pcp(struct zone *z)
{
	pcp_release(z, z->pcp.count);
}

static void warn_alloc(gfp_t gfp, unsigned int order)
{
	if (gfp & __GFP_NOWARN)
		return;
	pr_warn("allocation failure: order %u, mode 0x%x; free pages %lu, largest free order %d\n",
		order, gfp, nr_free_pages(), largest_free_order(&normal_zone));
}

/*
 * alloc_pages - 2^order physically contiguous pages, or NULL with a
 * warning (unless __GFP_NOWARN). Never panics.
 * Context: any (GFP_ATOMIC or GFP_KERNEL alike: it never sleeps yet).
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	struct zone *z = &normal_zone;
	unsigned long flags;
	struct page *page;

	spin_lock_irqsave(&z->lock, flags);
	page = order ? zone_alloc(z, order) : pcp_alloc(z);
	if (!page && z->pcp.count) {	/* the pages it holds may merge into one */
		drain_pcp(z);
		page = zone_alloc(z, order);
	}
	spin_unlock_irqrestore(&z->lock, flags);
	if (!page) {
		warn_alloc(gfp, order);
		return NULL;
	}
	if (gfp & __GFP_ZERO)
		memset(page_address(page), 0, PAGE_SIZE << order);
	return page;
}

void __free_pages(struct page *page, unsigned int order)
{
	unsigned long flags;

	if (!page)
		return;
	spin_lock_irqsave(&normal_zone.lock, flags);
	if (order)
		zone_free(&normal_zone, page, order);
	else
		pcp_free(&normal_zone, page);
	spin_unlock_irqrestore(&normal_zone.lock, flags);
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	return page ? (unsigned long)page_address(page) : 0;
}

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page((const void *)addr), order);
}

/* nr_free_pages - free pages, on the buddy lists and the per-CPU list. */
unsigned long nr_free_pages(void)
{
	return normal_zone.free_pages + normal_zone.pcp.count;
}

/* show_buddyinfo - free blocks per order, as Linux's /proc/buddyinfo. */
void show_buddyinfo(struct seq_buf *m)
{
	seq_printf(m, "Node 0, zone %8s", normal_zone.name);
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		seq_printf(m, " %6lu", normal_zone.free_area[o].nr_free);
	seq_printf(m, "\n");
	seq_printf(m, "per-cpu list: %u pages (high %u, batch %u)\n", normal_zone.pcp.count,
		normal_zone.pcp.high, normal_zone.pcp.batch);
}
