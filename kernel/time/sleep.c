// SPDX-License-Identifier: MIT
/*
 * Sleeping for a while: schedule_timeout() and msleep(). Linux counterpart:
 * kernel/time/timer.c (schedule_timeout, msleep).
 * Context: process; the caller sets its task state before schedule_timeout.
 */
#include <armlet/sched.h>
#include <armlet/timer.h>
#include <armlet/wait.h>

struct sleeper {
	struct timer_list timer;
	struct task_struct *task;
};

static void wake_sleeper(struct timer_list *t)
{
	struct sleeper *s = from_timer(s, t, timer);

	wake_up_process(s->task);
}

/*
 * schedule_timeout - sleep (in the state the caller set) until woken or
 * until timeout jiffies have passed. Returns the jiffies left: 0 if the
 * time ran out. MAX_SCHEDULE_TIMEOUT sleeps without a timer.
 */
long schedule_timeout(long timeout)
{
	struct sleeper s;
	unsigned long expire;
	long left;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (timeout <= 0) {
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	expire = jiffies + (unsigned long)timeout;
	s.task = current;
	timer_setup(&s.timer, wake_sleeper, 0);
	mod_timer(&s.timer, expire);
	schedule();
	del_timer_sync(&s.timer);
	left = (long)(expire - jiffies);
	return left < 0 ? 0 : left;
}

/* msleep - sleep at least ms milliseconds (rounded up to whole ticks). */
void msleep(unsigned int ms)
{
	long left = (long)msecs_to_jiffies(ms) + 1;	/* +1: the current tick is partly gone */

	while (left) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		left = schedule_timeout(left);
	}
}
