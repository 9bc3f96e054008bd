/* SPDX-License-Identifier: MIT */
/*
 * A priority array: one FIFO list per priority level and a bitmap of the
 * non-empty levels, so the highest-priority entry is found in O(1) (one
 * "count leading zeros" per 32 levels). The heart of Linux's O(1)
 * scheduler and of its real-time class (kernel/sched/rt.c, struct
 * rt_prio_array). Lower numbers are higher priorities, as in Linux.
 *
 * Context: pure data structure, no locking (the run-queue lock protects
 * it). Also built on the host for tests/host/test_prio_array.c.
 */
#ifndef ARMLET_PRIO_ARRAY_H
#define ARMLET_PRIO_ARRAY_H

#include <armlet/list.h>
#include <armlet/types.h>

#define PRIO_LEVELS		100	/* real-time levels 0 (highest) .. 99 */
#define PRIO_BITMAP_WORDS	((PRIO_LEVELS + 31) / 32)

struct prio_array {
	u32 bitmap[PRIO_BITMAP_WORDS];	/* bit p set: queue[p] is not empty */
	struct list_head queue[PRIO_LEVELS];
	unsigned int nr;		/* entries in all queues */
};

void prio_array_init(struct prio_array *a);
/* Add e at priority prio: at the tail (head = false) or the head. */
void prio_array_add(struct prio_array *a, struct list_head *e, unsigned int prio, bool head);
/* Remove e, which is queued at prio. */
void prio_array_del(struct prio_array *a, struct list_head *e, unsigned int prio);
/* Move e, queued at prio, to the tail of its level (round robin, yield). */
void prio_array_requeue(struct prio_array *a, struct list_head *e, unsigned int prio);
/* The highest non-empty level, or -1. */
int prio_array_first(const struct prio_array *a);

#endif /* ARMLET_PRIO_ARRAY_H */
