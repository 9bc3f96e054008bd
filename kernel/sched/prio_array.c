// SPDX-License-Identifier: MIT
/*
 * The O(1) priority array (see prio_array.h). Linux counterpart: the
 * rt_prio_array handling in kernel/sched/rt.c and sched_find_first_bit().
 */
#include <armlet/prio_array.h>

void prio_array_init(struct prio_array *a)
{
	for (unsigned int w = 0; w < PRIO_BITMAP_WORDS; w++)
		a->bitmap[w] = 0;
	for (unsigned int p = 0; p < PRIO_LEVELS; p++)
		INIT_LIST_HEAD(&a->queue[p]);
	a->nr = 0;
}

/* Bit p of the bitmap is the most significant first, so clz finds the lowest p. */
static u32 level_bit(unsigned int prio)
{
	return 0x80000000u >> (prio % 32);
}

void prio_array_add(struct prio_array *a, struct list_head *e, unsigned int prio, bool head)
{
	if (head)
		list_add(e, &a->queue[prio]);
	else
		list_add_tail(e, &a->queue[prio]);
	a->bitmap[prio / 32] |= level_bit(prio);
	a->nr++;
}

void prio_array_del(struct prio_array *a, struct list_head *e, unsigned int prio)
{
	list_del(e);
	if (list_empty(&a->queue[prio]))
		a->bitmap[prio / 32] &= ~level_bit(prio);
	a->nr--;
}

void prio_array_requeue(struct prio_array *a, struct list_head *e, unsigned int prio)
{
	list_del(e);
	list_add_tail(e, &a->queue[prio]);
}

int prio_array_first(const struct prio_array *a)
{
	for (unsigned int w = 0; w < PRIO_BITMAP_WORDS; w++)
		if (a->bitmap[w])
			return (int)(w * 32 + __builtin_clz(a->bitmap[w]));
	return -1;
}
