// SPDX-License-Identifier: MIT
/*
 * Mutexes and semaphores (see mutex.h). Linux counterparts:
 * kernel/locking/mutex.c (with its handoff) and semaphore.c.
 *
 * Both hand the lock (or one count) straight to the oldest waiter on
 * release: the waiter finds it granted when it wakes, so no third task
 * can slip in between, and a wake-up can never be lost.
 * Locking: the embedded spinlock, with IRQs off (up() may be called from
 * an interrupt handler).
 */
#define pr_fmt(fmt) "mutex: " fmt

#include <armlet/bug.h>
#include <armlet/errno.h>
#include <armlet/mutex.h>
#include <armlet/printk.h>
#include <armlet/sched.h>

unsigned int mutex_bugs;

struct lock_waiter {
	struct list_head list;
	struct task_struct *task;
	bool granted;
};

static void mutex_bug(struct mutex *m, const char *what)
{
	mutex_bugs++;
	printk_force("BUG: %s: mutex %s (%p), task %s/%d, owner %s\n", what,
		     m->name ? m->name : "?", m, current->comm, current->pid,
		     m->owner ? m->owner->comm : "none");
	dump_stack();
}

/* Sleep on a lock's wait list until granted. Called and returns with *lock held. */
static void wait_granted(spinlock_t *lock, struct list_head *wait_list, unsigned long *flags)
{
	struct lock_waiter w = { .task = current, .granted = false };

	list_add_tail(&w.list, wait_list);
	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		if (READ_ONCE(w.granted))
			break;
		spin_unlock_irqrestore(lock, *flags);
		schedule();
		spin_lock_irqsave(lock, *flags);
	}
	__set_current_state(TASK_RUNNING);
}

/* Give to the oldest waiter: false if there is none. Called with the lock held. */
static bool grant_oldest(struct list_head *wait_list, struct task_struct **owner)
{
	struct lock_waiter *w;

	if (list_empty(wait_list))
		return false;
	w = list_first_entry(wait_list, struct lock_waiter, list);
	list_del(&w->list);
	if (owner)
		*owner = w->task;
	WRITE_ONCE(w->granted, true);
	wake_up_process(w->task);
	return true;
}

void mutex_init(struct mutex *m)
{
	m->owner = NULL;
	spin_lock_init(&m->wait_lock);
	INIT_LIST_HEAD(&m->wait_list);
	m->name = NULL;
}

void mutex_lock(struct mutex *m)
{
	unsigned long flags;

	if (in_atomic() || irqs_disabled())
		mutex_bug(m, "mutex_lock in atomic context");
	spin_lock_irqsave(&m->wait_lock, flags);
	if (m->owner == current) {
		mutex_bug(m, "recursive mutex_lock (would deadlock)");
	} else if (!m->owner) {
		m->owner = current;
	} else {
		wait_granted(&m->wait_lock, &m->wait_list, &flags);
	}
	spin_unlock_irqrestore(&m->wait_lock, flags);
}

int mutex_lock_interruptible(struct mutex *m)
{
	mutex_lock(m);	/* no signals until the IPC issue: never interrupted */
	return 0;
}

bool mutex_trylock(struct mutex *m)
{
	unsigned long flags;
	bool got = false;

	spin_lock_irqsave(&m->wait_lock, flags);
	if (!m->owner) {
		m->owner = current;
		got = true;
	}
	spin_unlock_irqrestore(&m->wait_lock, flags);
	return got;
}

void mutex_unlock(struct mutex *m)
{
	unsigned long flags;

	spin_lock_irqsave(&m->wait_lock, flags);
	if (m->owner != current)
		mutex_bug(m, m->owner ? "mutex_unlock by a task that does not own it"
				      : "mutex_unlock of an unlocked mutex");
	else if (!grant_oldest(&m->wait_list, &m->owner))
		m->owner = NULL;
	spin_unlock_irqrestore(&m->wait_lock, flags);
}

bool mutex_is_locked(struct mutex *m)
{
	return READ_ONCE(m->owner) != NULL;
}

void sema_init(struct semaphore *sem, unsigned int count)
{
	spin_lock_init(&sem->lock);
	sem->count = count;
	INIT_LIST_HEAD(&sem->wait_list);
}

void down(struct semaphore *sem)
{
	unsigned long flags;

	spin_lock_irqsave(&sem->lock, flags);
	if (sem->count)
		sem->count--;
	else
		wait_granted(&sem->lock, &sem->wait_list, &flags);
	spin_unlock_irqrestore(&sem->lock, flags);
}

int down_interruptible(struct semaphore *sem)
{
	down(sem);	/* no signals until the IPC issue */
	return 0;
}

bool down_trylock(struct semaphore *sem)
{
	unsigned long flags;
	bool failed;

	spin_lock_irqsave(&sem->lock, flags);
	failed = sem->count == 0;
	if (!failed)
		sem->count--;
	spin_unlock_irqrestore(&sem->lock, flags);
	return failed;
}

void up(struct semaphore *sem)
{
	unsigned long flags;

	spin_lock_irqsave(&sem->lock, flags);
	if (!grant_oldest(&sem->wait_list, NULL))
		sem->count++;
	spin_unlock_irqrestore(&sem->lock, flags);
}
