/* SPDX-License-Identifier: MIT */
/*
 * Sleeping locks: mutexes and counting semaphores. Linux: <linux/mutex.h>,
 * <linux/semaphore.h>.
 *
 * A mutex has an owner: only the task that locked it may unlock it, it is
 * not recursive, and it is handed to the longest waiter on unlock (no
 * barging, no lost wake-ups). Misuse is reported. A semaphore is a count:
 * down() takes one (sleeping at 0), up() gives one back; anyone may up().
 * Context: process only (they sleep); never in interrupt context.
 */
#ifndef ARMLET_MUTEX_H
#define ARMLET_MUTEX_H

#include <armlet/list.h>
#include <armlet/spinlock.h>

struct task_struct;

struct mutex {
	struct task_struct *owner;	/* NULL when free */
	spinlock_t wait_lock;		/* protects owner and wait_list */
	struct list_head wait_list;	/* waiters, oldest first */
	const char *name;
};

#define __MUTEX_INITIALIZER(lockname)						\
	{ .owner = NULL, .wait_lock = __SPIN_LOCK_UNLOCKED(lockname.wait_lock),	\
	  .wait_list = LIST_HEAD_INIT(lockname.wait_list), .name = #lockname }
#define DEFINE_MUTEX(m)	struct mutex m = __MUTEX_INITIALIZER(m)

void mutex_init(struct mutex *m);
void mutex_lock(struct mutex *m);
int mutex_lock_interruptible(struct mutex *m);	/* 0 or -EINTR */
bool mutex_trylock(struct mutex *m);
void mutex_unlock(struct mutex *m);
bool mutex_is_locked(struct mutex *m);
extern unsigned int mutex_bugs;			/* misuse reports (tests) */

struct semaphore {
	spinlock_t lock;
	unsigned int count;
	struct list_head wait_list;
};

#define __SEMAPHORE_INITIALIZER(name, n)					\
	{ .lock = __SPIN_LOCK_UNLOCKED(name.lock), .count = (n),		\
	  .wait_list = LIST_HEAD_INIT(name.wait_list) }
#define DEFINE_SEMAPHORE(name, n) struct semaphore name = __SEMAPHORE_INITIALIZER(name, n)

void sema_init(struct semaphore *sem, unsigned int count);
void down(struct semaphore *sem);
int down_interruptible(struct semaphore *sem);	/* 0 or -EINTR */
bool down_trylock(struct semaphore *sem);	/* true if it FAILED, as in Linux */
void up(struct semaphore *sem);			/* Context: any */

#endif /* ARMLET_MUTEX_H */
