/* SPDX-License-Identifier: MIT */
/*
 * Workqueues: work deferred to process context, where it may sleep.
 * Linux: <linux/workqueue.h>. A work item is queued at most once at a
 * time; queueing it while pending does nothing.
 *
 * One worker thread, "kworker/0", runs the system workqueue in order.
 */
#ifndef ARMLET_WORKQUEUE_H
#define ARMLET_WORKQUEUE_H

#include <armlet/list.h>

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);

struct work_struct {
	struct list_head entry;
	work_func_t func;
	unsigned long state;	/* WORK_PENDING bit */
};

#define WORK_PENDING	0

#define INIT_WORK(w, f)								\
	do {									\
		INIT_LIST_HEAD(&(w)->entry);					\
		(w)->func = (f);						\
		(w)->state = 0;							\
	} while (0)

bool schedule_work(struct work_struct *work);	/* Context: any; false if already queued */
bool flush_work(struct work_struct *work);	/* Context: process; true if it waited */
void workqueue_init(void);			/* start the worker thread */

#endif /* ARMLET_WORKQUEUE_H */
