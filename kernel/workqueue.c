// SPDX-License-Identifier: MIT
/*
 * The system workqueue (see workqueue.h). Linux counterpart:
 * kernel/workqueue.c (queue_work_on, process_one_work, flush_work).
 *
 * Locking: wq_lock, with IRQs off, protects the queue; a work item's
 * function runs unlocked, in process context, with PENDING already
 * cleared so it may queue itself again.
 */
#include <armlet/preempt.h>
#include <armlet/printk.h>
#include <armlet/spinlock.h>
#include <armlet/workqueue.h>
#include <asm/bitops.h>

static struct list_head system_wq = LIST_HEAD_INIT(system_wq);
static DEFINE_SPINLOCK(wq_lock);
static struct work_struct *running_work;

bool schedule_work(struct work_struct *work)
{
	unsigned long flags;

	if (test_and_set_bit(WORK_PENDING, &work->state))
		return false;
	spin_lock_irqsave(&wq_lock, flags);
	list_add_tail(&work->entry, &system_wq);
	spin_unlock_irqrestore(&wq_lock, flags);
	return true;
}

/* Run one queued item; false when the queue was empty. */
static bool process_one_work(void)
{
	struct work_struct *work;
	unsigned long flags;

	spin_lock_irqsave(&wq_lock, flags);
	if (list_empty(&system_wq)) {
		spin_unlock_irqrestore(&wq_lock, flags);
		return false;
	}
	work = list_first_entry(&system_wq, struct work_struct, entry);
	list_del(&work->entry);
	clear_bit(WORK_PENDING, &work->state);
	running_work = work;
	spin_unlock_irqrestore(&wq_lock, flags);
	work->func(work);
	WRITE_ONCE(running_work, NULL);
	return true;
}

void run_pending_work(void)
{
	if (in_interrupt()) {
		pr_err("BUG: work run from interrupt context\n");
		return;
	}
	while (process_one_work())
		;
}

/*
 * flush_work - wait until work is neither queued nor running. Here the
 * caller does the waiting by running the queue. Context: process.
 */
bool flush_work(struct work_struct *work)
{
	bool waited = false;

	if (in_interrupt()) {
		pr_err("BUG: flush_work from interrupt context\n");
		return false;
	}
	while (test_bit(WORK_PENDING, &work->state) || READ_ONCE(running_work) == work) {
		if (!process_one_work())
			break;	/* running in a caller up the stack: cannot wait for it */
		waited = true;
	}
	return waited;
}
