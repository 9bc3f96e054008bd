// SPDX-License-Identifier: MIT
/*
 * The system workqueue (see workqueue.h) and its worker thread,
 * "kworker/0". Linux counterpart: kernel/workqueue.c (queue_work_on,
 * worker_thread, process_one_work, flush_work).
 *
 * Locking: wq_lock, with IRQs off, protects the queue and running_work; a
 * work item's function runs unlocked, in the worker's process context,
 * with PENDING already cleared so it may queue itself again.
 */
#include <armlet/kthread.h>
#include <armlet/printk.h>
#include <armlet/spinlock.h>
#include <armlet/wait.h>
#include <armlet/workqueue.h>
#include <asm/bitops.h>

static struct list_head system_wq = LIST_HEAD_INIT(system_wq);
static DEFINE_SPINLOCK(wq_lock);
static DECLARE_WAIT_QUEUE_HEAD(worker_wait);	/* the worker sleeps here */
static DECLARE_WAIT_QUEUE_HEAD(flush_wait);	/* flush_work() waits here */
static struct work_struct *running_work;
static struct task_struct *worker;

bool schedule_work(struct work_struct *work)
{
	unsigned long flags;

	if (test_and_set_bit(WORK_PENDING, &work->state))
		return false;
	spin_lock_irqsave(&wq_lock, flags);
	list_add_tail(&work->entry, &system_wq);
	spin_unlock_irqrestore(&wq_lock, flags);
	wake_up(&worker_wait);
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
	wake_up_all(&flush_wait);
	return true;
}

static bool queue_empty(void)
{
	unsigned long flags;
	bool empty;

	spin_lock_irqsave(&wq_lock, flags);
	empty = list_empty(&system_wq);
	spin_unlock_irqrestore(&wq_lock, flags);
	return empty;
}

static int worker_thread(void *unused)
{
	for (;;) {
		wait_event(worker_wait, !queue_empty());
		while (process_one_work())
			;
	}
	return 0;
}

static bool work_busy(struct work_struct *work)
{
	return test_bit(WORK_PENDING, &work->state) || READ_ONCE(running_work) == work;
}

/*
 * flush_work - wait until work is neither queued nor running; true if it
 * had to wait. From the worker itself (a work item flushing another) the
 * queue is run in place. Context: process.
 */
bool flush_work(struct work_struct *work)
{
	bool waited = work_busy(work);

	if (in_interrupt()) {
		pr_err("BUG: flush_work from interrupt context\n");
		return false;
	}
	if (!worker || current == worker) {
		while (test_bit(WORK_PENDING, &work->state) && process_one_work())
			;
		return waited;
	}
	wait_event(flush_wait, !work_busy(work));
	return waited;
}

void workqueue_init(void)
{
	worker = kthread_run(worker_thread, NULL, "kworker/0");
	if (!worker)
		panic("cannot start the workqueue worker");
}
