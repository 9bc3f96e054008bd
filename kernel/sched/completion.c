// SPDX-License-Identifier: MIT
/*
 * Completions (see completion.h). Linux counterpart: kernel/sched/completion.c.
 * Locking: x->wait.lock with IRQs off protects done.
 */
#include <armlet/completion.h>

void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

void complete(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done != COMPLETION_DONE_ALL)
		x->done++;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	wake_up(&x->wait);
}

void complete_all(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	x->done = COMPLETION_DONE_ALL;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	wake_up_all(&x->wait);
}

/* Take one "done" if there is one. */
static bool try_take(struct completion *x)
{
	unsigned long flags;
	bool took = false;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done) {
		if (x->done != COMPLETION_DONE_ALL)
			x->done--;
		took = true;
	}
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return took;
}

/*
 * Waiters queue exclusively, so complete() wakes exactly one of them and
 * complete_all() all. Returns the jiffies left (at least 1), or 0 when
 * the timeout ran out first.
 */
static long wait_common(struct completion *x, long timeout)
{
	DEFINE_WAIT(w);
	bool done;

	for (;;) {
		prepare_to_wait_exclusive(&x->wait, &w, TASK_UNINTERRUPTIBLE);
		done = try_take(x);
		if (done || !timeout)
			break;
		timeout = schedule_timeout(timeout);
	}
	finish_wait(&x->wait, &w);
	return done ? (timeout ? timeout : 1) : 0;
}

void wait_for_completion(struct completion *x)
{
	wait_common(x, MAX_SCHEDULE_TIMEOUT);
}

long wait_for_completion_timeout(struct completion *x, long timeout)
{
	return wait_common(x, timeout);
}

bool completion_done(struct completion *x)
{
	return READ_ONCE(x->done) != 0;
}
