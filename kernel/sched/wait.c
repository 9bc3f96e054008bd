// SPDX-License-Identifier: MIT
/*
 * Wait queues (see wait.h). Linux counterpart: kernel/sched/wait.c.
 * Locking: wq->lock with IRQs off, so interrupt handlers may wake.
 */
#include <armlet/wait.h>

void init_waitqueue_head(struct wait_queue_head *wq)
{
	spin_lock_init(&wq->lock);
	INIT_LIST_HEAD(&wq->head);
}

static void prepare(struct wait_queue_head *wq, struct wait_queue_entry *w, long state,
		    bool exclusive)
{
	unsigned long flags;

	w->task = current;
	spin_lock_irqsave(&wq->lock, flags);
	if (list_empty(&w->entry)) {
		w->flags = exclusive ? WQ_FLAG_EXCLUSIVE : 0;
		if (exclusive)
			list_add_tail(&w->entry, &wq->head);
		else
			list_add(&w->entry, &wq->head);
	}
	set_current_state(state);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *w, long state)
{
	prepare(wq, w, state, false);
}

void prepare_to_wait_exclusive(struct wait_queue_head *wq, struct wait_queue_entry *w,
			       long state)
{
	prepare(wq, w, state, true);
}

void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *w)
{
	unsigned long flags;

	__set_current_state(TASK_RUNNING);
	spin_lock_irqsave(&wq->lock, flags);
	if (!list_empty(&w->entry))
		list_del(&w->entry);
	spin_unlock_irqrestore(&wq->lock, flags);
}

/*
 * __wake_up - wake every non-exclusive waiter in state, and exclusive ones
 * until nr_exclusive of them actually woke (0: all). Exclusive waiters are
 * at the tail, so non-exclusive ones always get their wake-up. Context: any.
 */
void __wake_up(struct wait_queue_head *wq, unsigned int state, int nr_exclusive)
{
	struct wait_queue_entry *w, *next;
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	list_for_each_entry_safe(w, next, &wq->head, entry) {
		bool woke = wake_up_state(w->task, state);

		if (woke && (w->flags & WQ_FLAG_EXCLUSIVE) && !--nr_exclusive)
			break;
	}
	spin_unlock_irqrestore(&wq->lock, flags);
}

bool waitqueue_active(struct wait_queue_head *wq)
{
	return !list_empty(&wq->head);
}
