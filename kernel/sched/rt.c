// SPDX-License-Identifier: MIT
/*
 * The real-time class: SCHED_FIFO and SCHED_RR, priorities 1..99. The
 * runnable tasks sit in an O(1) priority array (one FIFO list per level,
 * a bitmap of non-empty levels); the highest level's first task runs.
 * FIFO tasks run until they block, yield or a higher level wakes; RR tasks
 * also rotate to the tail of their level when their RR_TIMESLICE_MS
 * quantum is used up. Linux counterpart: kernel/sched/rt.c.
 *
 * Context: the core calls these with rq->lock held, IRQs off. The running
 * task stays on its list (as in Linux), so "put back at the tail" is a
 * requeue.
 */
#include "sched.h"
#include <armlet/jiffies.h>

#define RR_TIMESLICE_TICKS	((RR_TIMESLICE_MS * HZ + 999) / 1000)

static void enqueue_rt(struct rq *rq, struct task_struct *p, bool wakeup)
{
	prio_array_add(&rq->rt.active, &p->rt.run_list, p->prio, false);
}

static void dequeue_rt(struct rq *rq, struct task_struct *p)
{
	update_curr_exec(rq, p);
	prio_array_del(&rq->rt.active, &p->rt.run_list, p->prio);
}

/* sched_yield: to the tail of its level. */
static void yield_rt(struct rq *rq)
{
	prio_array_requeue(&rq->rt.active, &rq->curr->rt.run_list, rq->curr->prio);
}

static bool check_preempt_rt(struct rq *rq, struct task_struct *p)
{
	return p->prio < rq->curr->prio;
}

static struct task_struct *pick_next_rt(struct rq *rq)
{
	int prio = prio_array_first(&rq->rt.active);
	struct task_struct *p;

	if (prio < 0)
		return NULL;
	p = list_first_entry(&rq->rt.active.queue[prio], struct task_struct, rt.run_list);
	p->se.exec_start = rq->clock;
	return p;
}

static void put_prev_rt(struct rq *rq, struct task_struct *p)
{
	update_curr_exec(rq, p);
}

static void task_tick_rt(struct rq *rq, struct task_struct *p)
{
	update_curr_exec(rq, p);
	if (p->policy != SCHED_RR || --p->rt.time_slice)
		return;
	p->rt.time_slice = RR_TIMESLICE_TICKS;
	/* Rotate only if another task of the same level is waiting. */
	if (p->rt.run_list.next != p->rt.run_list.prev) {
		prio_array_requeue(&rq->rt.active, &p->rt.run_list, p->prio);
		resched_curr();
	}
}

static unsigned int rr_interval_rt(struct task_struct *p)
{
	return p->policy == SCHED_RR ? RR_TIMESLICE_MS : 0;
}

const struct sched_class rt_sched_class = {
	.name = "rt",
	.next = &fair_sched_class,
	.enqueue_task = enqueue_rt,
	.dequeue_task = dequeue_rt,
	.yield_task = yield_rt,
	.check_preempt_curr = check_preempt_rt,
	.pick_next_task = pick_next_rt,
	.put_prev_task = put_prev_rt,
	.task_tick = task_tick_rt,
	.get_rr_interval = rr_interval_rt,
};
