// SPDX-License-Identifier: MIT
/*
 * What the scheduling classes (kernel/sched/fair.c, rt.c, idle.c) call in kernel/sched/core.c
 * and kernel/printk.c, with the same semantics, for host tests that drive the classes themselves.
 */
#include <stdarg.h>

#include <armlet/printk.h>
#include "../../kernel/sched/sched.h"

/* core.c's runqueue: one CPU. The test sets it up (clock, idle, curr). */
static struct rq runqueue;

/* core.c: the run queue of this CPU. */
struct rq *this_rq(void)
{
	return &runqueue;
}

/*
 * core.c: ask the running task to give up the CPU. As there, it sets this
 * CPU's need_resched flag (read with need_resched() from preempt.h); the
 * test clears it when it "schedules".
 */
void resched_curr(void)
{
	WRITE_ONCE(__need_resched[smp_processor_id()], 1);
}

/* core.c: account the CPU time of the running task up to rq->clock. */
u64 update_curr_exec(struct rq *rq, struct task_struct *curr)
{
	u64 delta = rq->clock - curr->se.exec_start;

	if ((s64)delta <= 0)
		return 0;
	curr->se.exec_start = rq->clock;
	curr->sum_exec_runtime += delta;
	return delta;
}

/* printk.c: a message printed whatever the log level (idle.c reports bugs with it). */
void printk_force(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vprintk(fmt, args);
	va_end(args);
}
