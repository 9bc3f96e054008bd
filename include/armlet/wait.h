/* SPDX-License-Identifier: MIT */
/*
 * Wait queues: sleep until a condition holds, woken by whoever makes it
 * true. Linux: <linux/wait.h>.
 *
 *   wait_event(wq, cond);        ...  cond = true; wake_up(&wq);
 *
 * The condition is checked after the sleeper has put itself on the queue
 * and set its state, so a wake-up between the check and the sleep is
 * never lost. Exclusive waiters (prepare_to_wait_exclusive) are woken one
 * at a time, the others all at once.
 */
#ifndef ARMLET_WAIT_H
#define ARMLET_WAIT_H

#include <armlet/list.h>
#include <armlet/sched.h>
#include <armlet/spinlock.h>

#define WQ_FLAG_EXCLUSIVE	0x01

struct wait_queue_entry {
	unsigned int flags;
	struct task_struct *task;
	struct list_head entry;
};

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};

typedef struct wait_queue_head wait_queue_head_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name)					\
	{ .lock = __SPIN_LOCK_UNLOCKED(name.lock), .head = LIST_HEAD_INIT(name.head) }
#define DECLARE_WAIT_QUEUE_HEAD(name)						\
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)
#define DEFINE_WAIT(name)							\
	struct wait_queue_entry name = { .task = current,			\
					 .entry = LIST_HEAD_INIT(name.entry) }

void init_waitqueue_head(struct wait_queue_head *wq);
void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *w, long state);
void prepare_to_wait_exclusive(struct wait_queue_head *wq, struct wait_queue_entry *w,
			       long state);
void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *w);
/* Wake the non-exclusive waiters and up to nr_exclusive exclusive ones. */
void __wake_up(struct wait_queue_head *wq, unsigned int state, int nr_exclusive);
bool waitqueue_active(struct wait_queue_head *wq);

#define wake_up(wq)		__wake_up(wq, TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE, 1)
#define wake_up_all(wq)		__wake_up(wq, TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE, 0)
#define wake_up_interruptible(wq) __wake_up(wq, TASK_INTERRUPTIBLE, 1)

long schedule_timeout(long timeout);			/* jiffies; returns what is left */
#define MAX_SCHEDULE_TIMEOUT	0x7fffffffL

/* The common loop; evaluates to the jiffies left (at least 1) or 0. */
#define ___wait_event(wq, cond, state, timeout)					\
	({									\
		long __left = (timeout);					\
		DEFINE_WAIT(__w);						\
		for (;;) {							\
			prepare_to_wait(wq, &__w, state);			\
			if (cond)						\
				break;						\
			if ((state) == TASK_INTERRUPTIBLE && signal_pending(current)) { \
				__left = -ERESTARTSYS;				\
				break;						\
			}							\
			__left = schedule_timeout(__left);			\
			if (!__left) {						\
				__left = (cond) ? 1 : 0;			\
				break;						\
			}							\
		}								\
		finish_wait(wq, &__w);						\
		__left;								\
	})

#define ERESTARTSYS	512	/* a signal interrupted the wait (kernel-internal) */

#define wait_event(wq, cond)							\
	do {									\
		if (!(cond))							\
			___wait_event(&(wq), cond, TASK_UNINTERRUPTIBLE,	\
				      MAX_SCHEDULE_TIMEOUT);			\
	} while (0)

/* 0, or -ERESTARTSYS if a signal came first. */
#define wait_event_interruptible(wq, cond)					\
	({									\
		long __r = 0;							\
		if (!(cond))							\
			__r = ___wait_event(&(wq), cond, TASK_INTERRUPTIBLE,	\
					    MAX_SCHEDULE_TIMEOUT);		\
		__r < 0 ? __r : 0;						\
	})

/* 0 if the timeout passed with cond false, else the jiffies left (>= 1). */
#define wait_event_timeout(wq, cond, timeout)					\
	({									\
		long __r;							\
		if (cond)	/* evaluated once: it may have side effects */	\
			__r = (timeout) ? (long)(timeout) : 1;			\
		else								\
			__r = ___wait_event(&(wq), cond, TASK_UNINTERRUPTIBLE, (timeout)); \
		__r;								\
	})

#endif /* ARMLET_WAIT_H */
