// SPDX-License-Identifier: MIT
/*
 * The idle class: its only task is the CPU's idle task, chosen when no
 * other class has anything to run. It is never on a queue. Linux
 * counterpart: kernel/sched/idle.c.
 */
#include "sched.h"
#include <armlet/printk.h>

static void enqueue_idle(struct rq *rq, struct task_struct *p, bool wakeup)
{
}

static void dequeue_idle(struct rq *rq, struct task_struct *p)
{
	printk_force("BUG: the idle task went to sleep\n");
}

static void yield_idle(struct rq *rq)
{
}

static bool check_preempt_idle(struct rq *rq, struct task_struct *p)
{
	return true;
}

static struct task_struct *pick_next_idle(struct rq *rq)
{
	rq->idle->se.exec_start = rq->clock;
	return rq->idle;
}

static void put_prev_idle(struct rq *rq, struct task_struct *p)
{
	update_curr_exec(rq, p);
}

static void task_tick_idle(struct rq *rq, struct task_struct *p)
{
}

static unsigned int rr_interval_idle(struct task_struct *p)
{
	return 0;
}

const struct sched_class idle_sched_class = {
	.name = "idle",
	.next = NULL,
	.enqueue_task = enqueue_idle,
	.dequeue_task = dequeue_idle,
	.yield_task = yield_idle,
	.check_preempt_curr = check_preempt_idle,
	.pick_next_task = pick_next_idle,
	.put_prev_task = put_prev_idle,
	.task_tick = task_tick_idle,
	.get_rr_interval = rr_interval_idle,
};
