/* SPDX-License-Identifier: MIT */
/*
 * The page allocator's interface: pfns, struct page, zones and
 * alloc_pages(). Linux: <linux/mm.h>, <linux/gfp.h>, <linux/mmzone.h>.
 * docs/memory.md explains the design.
 */
#ifndef ARMLET_MM_H
#define ARMLET_MM_H

#include <armlet/gfp.h>
#include <armlet/list.h>
#include <armlet/mm_types.h>
#include <armlet/spinlock.h>
#include <asm/memory.h>

#define MAX_ORDER	11		/* orders 0..10: blocks of 4 KiB to 4 MiB */

struct free_area {
	struct list_head free_list;	/* heads of free blocks of this order */
	unsigned long nr_free;		/* how many */
};

/*
 * A cache of free single pages in front of the buddy lists, so that the
 * common order-0 alloc/free does not split and merge all the way up and
 * down each time. Linux keeps one per CPU (struct per_cpu_pages); Armlet
 * has one CPU so far, hence one.
 */
struct per_cpu_pages {
	unsigned int count;		/* pages on the list */
	unsigned int high;		/* more than this: give batch back */
	unsigned int batch;		/* pages moved to/from the buddy lists at once */
	struct list_head list;
};

#define PCP_BATCH	16
#define PCP_HIGH	(4 * PCP_BATCH)

/*
 * A zone: a run of page frames managed by one buddy allocator. Armlet has
 * one, ZONE_NORMAL, covering lowmem (= all RAM).
 */
struct zone {
	spinlock_t lock;		/* taken with IRQs off: protects all below */
	const char *name;
	unsigned long start_pfn;	/* first frame spanned */
	unsigned long spanned_pages;	/* frames spanned, holes included */
	unsigned long managed_pages;	/* frames ever given to the allocator */
	unsigned long free_pages;	/* frames free now on the buddy lists */
	struct free_area free_area[MAX_ORDER];
	struct per_cpu_pages pcp;	/* free order-0 pages outside the lists */
};

/*
 * mem_map[i] describes frame mem_map_pfn + i. Set once at boot by
 * mem_init() (by the test on the host). The conversions between pages,
 * frame numbers and addresses are in <asm/memory_model.h>.
 */
#include <asm/memory_model.h>

extern struct zone normal_zone;

static inline unsigned long page_to_pfn(const struct page *page)
{
	return __page_to_pfn(page);
}

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return __pfn_to_page(pfn);
}

#define page_to_virt(page)	page_address(page)

/* Zone level: the buddy algorithm itself (mm/page_alloc.c). Caller holds z->lock. */
void zone_init(struct zone *z, const char *name, unsigned long start_pfn,
	       unsigned long nr_pages);
void zone_free_range(struct zone *z, unsigned long pfn, unsigned long nr_pages);
struct page *zone_alloc(struct zone *z, unsigned int order);
int zone_free(struct zone *z, struct page *page, unsigned int order);

/* The per-CPU page list in front of them. */
struct page *pcp_alloc(struct zone *z);
int pcp_free(struct zone *z, struct page *page);
void drain_pcp(struct zone *z);

/* Kernel level, on normal_zone (order 0 through its per-CPU list). */
struct page *alloc_pages(gfp_t gfp, unsigned int order);
#define alloc_page(gfp)		alloc_pages(gfp, 0)
void __free_pages(struct page *page, unsigned int order);
#define __free_page(page)	__free_pages(page, 0)
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
#define __get_free_page(gfp)	__get_free_pages(gfp, 0)
unsigned long get_zeroed_page(gfp_t gfp);
void free_pages(unsigned long addr, unsigned int order);
#define free_page(addr)		free_pages(addr, 0)

unsigned long nr_free_pages(void);
struct seq_buf;
void show_buddyinfo(struct seq_buf *m);
void show_meminfo(struct seq_buf *m);
const char *stack_guard_owner(unsigned long va);

/* The smallest order whose block holds size (> 0) bytes. */
static inline unsigned int get_order(unsigned long size)
{
	unsigned int order = 0;

	for (size = (size - 1) >> PAGE_SHIFT; size; size >>= 1)
		order++;
	return order;
}

#endif /* ARMLET_MM_H */
