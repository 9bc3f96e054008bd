/* SPDX-License-Identifier: MIT */
/*
 * Workqueues: work deferred to process context, where it may sleep.
 * Linux: <linux/workqueue.h>. A work item is queued at most once at a
 * time; queueing it while pending does nothing.
 *
 * Simplification, removed by the scheduler issue: there are no kernel
 * threads yet, so the "worker" is the boot thread's idle loop, which calls
 * run_pending_work() between console polls, and flush_work() runs the
 * queue itself.
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
void run_pending_work(void);			/* Context: process (the worker) */

#endif /* ARMLET_WORKQUEUE_H */
