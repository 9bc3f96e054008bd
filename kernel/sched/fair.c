// SPDX-License-Identifier: MIT
/*
 * The fair class: SCHED_OTHER (SCHED_NORMAL), nice -20..19. Each task's
 * "virtual runtime" grows with the CPU time it gets, scaled by
 * NICE_0_WEIGHT / weight, and the runnable task with the least vruntime
 * runs next: over time every task gets CPU in proportion to its weight.
 * A nice step changes the weight by 1.25x, so each step is ~10% of CPU
 * between two competing tasks. Linux counterpart: kernel/sched/fair.c
 * (CFS), which keeps the queue in a red-black tree; here it is a sorted
 * list, O(n) to insert and O(1) to pick (a tree is a good lab).
 *
 * Context: the core calls these with rq->lock held, IRQs off. The running
 * task is not on the list.
 */
#include "sched.h"
#include <armlet/time.h>

#define NICE_0_WEIGHT		1024
#define MIN_GRANULARITY_NS	(1 * NSEC_PER_MSEC)	/* a tick preempts a task this far ahead */
#define WAKEUP_GRANULARITY_NS	(1 * NSEC_PER_MSEC)	/* a waker must be this much "behind" */
#define SLEEPER_CREDIT_NS	(3 * NSEC_PER_MSEC)	/* how far behind a sleeper may start */

/*
 * weight = 1024 / 1.25^nice, rounded: the same rule as Linux's table, so
 * nice -20 is ~87x nice 0 and nice 19 is ~1/68 of it.
 */
static const u32 nice_to_weight[40] = {
	/* -20 */ 88818, 71054, 56843, 45475, 36380, 29104, 23283, 18626, 14901, 11921,
	/* -10 */ 9537, 7629, 6104, 4883, 3906, 3125, 2500, 2000, 1600, 1280,
	/*   0 */ 1024, 819, 655, 524, 419, 336, 268, 215, 172, 137,
	/*  10 */ 110, 88, 70, 56, 45, 36, 29, 23, 18, 15,
};

u32 sched_prio_to_weight(int nice)
{
	return nice_to_weight[nice - MIN_NICE];
}

#define SCHED_IDLE_WEIGHT	3	/* SCHED_IDLE: below even nice 19 */

void set_load_weight(struct task_struct *p)
{
	p->se.weight = p->policy == SCHED_IDLE ? SCHED_IDLE_WEIGHT :
		       sched_prio_to_weight(PRIO_TO_NICE(p->static_prio));
	p->se.inv_weight = (u32)(0xffffffffull / p->se.weight);
}

/* delta_exec in virtual time: delta * 1024 / weight. */
static u64 calc_delta_fair(u64 delta, const struct sched_entity *se)
{
	if (se->weight == NICE_0_WEIGHT)
		return delta;
	if (delta < (1ull << 22))	/* delta * 1024 * inv_weight fits in 64 bits */
		return (delta * NICE_0_WEIGHT * se->inv_weight) >> 32;
	return delta * NICE_0_WEIGHT / se->weight;
}

static void update_curr_fair(struct rq *rq, struct task_struct *curr)
{
	curr->se.vruntime += calc_delta_fair(update_curr_exec(rq, curr), &curr->se);
}

static struct task_struct *first_fair(struct cfs_rq *cfs)
{
	return list_empty(&cfs->tasks) ? NULL :
	       list_first_entry(&cfs->tasks, struct task_struct, se.run_node);
}

/* min_vruntime follows the least vruntime around, and never goes back. */
static void update_min_vruntime(struct rq *rq)
{
	struct task_struct *first = first_fair(&rq->cfs);
	u64 min = rq->curr->sched_class == &fair_sched_class && rq->curr->on_rq ?
		  rq->curr->se.vruntime : ~0ull;

	if (first && first->se.vruntime < min)
		min = first->se.vruntime;
	if (min != ~0ull && min > rq->cfs.min_vruntime)
		rq->cfs.min_vruntime = min;
}

static void insert_fair(struct cfs_rq *cfs, struct task_struct *p)
{
	struct task_struct *q;

	list_for_each_entry(q, &cfs->tasks, se.run_node)
		if (p->se.vruntime < q->se.vruntime)
			break;
	list_add_tail(&p->se.run_node, &q->se.run_node);	/* before q, or last */
	cfs->nr_running++;
}

/*
 * A task that slept long gets no pile of credit: it starts at most
 * SLEEPER_CREDIT_NS behind the others, so it runs soon but cannot
 * monopolise the CPU.
 */
static void enqueue_fair(struct rq *rq, struct task_struct *p, bool wakeup)
{
	u64 floor = rq->cfs.min_vruntime > SLEEPER_CREDIT_NS ?
		    rq->cfs.min_vruntime - SLEEPER_CREDIT_NS : 0;

	if (p->se.vruntime < floor)
		p->se.vruntime = floor;
	if (p != rq->curr)
		insert_fair(&rq->cfs, p);
}

static void dequeue_fair(struct rq *rq, struct task_struct *p)
{
	if (p == rq->curr) {
		update_curr_fair(rq, p);
		return;
	}
	list_del(&p->se.run_node);
	rq->cfs.nr_running--;
}

/* sched_yield: behind every other fair task. */
static void yield_fair(struct rq *rq)
{
	struct task_struct *curr = rq->curr;

	update_curr_fair(rq, curr);
	if (!list_empty(&rq->cfs.tasks)) {
		struct task_struct *last = list_entry(rq->cfs.tasks.prev, struct task_struct,
						      se.run_node);

		if (curr->se.vruntime <= last->se.vruntime)
			curr->se.vruntime = last->se.vruntime + 1;
	}
}

static bool check_preempt_fair(struct rq *rq, struct task_struct *p)
{
	update_curr_fair(rq, rq->curr);
	return p->se.vruntime + WAKEUP_GRANULARITY_NS < rq->curr->se.vruntime;
}

static struct task_struct *pick_next_fair(struct rq *rq)
{
	struct task_struct *p = first_fair(&rq->cfs);

	if (!p)
		return NULL;
	list_del(&p->se.run_node);
	rq->cfs.nr_running--;
	p->se.exec_start = rq->clock;
	return p;
}

static void put_prev_fair(struct rq *rq, struct task_struct *p)
{
	update_curr_fair(rq, p);
	if (p->on_rq)
		insert_fair(&rq->cfs, p);
	update_min_vruntime(rq);
}

/* Preempt once another task is further behind than the granularity. */
static void task_tick_fair(struct rq *rq, struct task_struct *curr)
{
	struct task_struct *first;

	update_curr_fair(rq, curr);
	update_min_vruntime(rq);
	first = first_fair(&rq->cfs);
	if (first && curr->se.vruntime > first->se.vruntime + MIN_GRANULARITY_NS)
		resched_curr();
}

static unsigned int rr_interval_fair(struct task_struct *p)
{
	return 0;
}

const struct sched_class fair_sched_class = {
	.name = "fair",
	.next = &idle_sched_class,
	.enqueue_task = enqueue_fair,
	.dequeue_task = dequeue_fair,
	.yield_task = yield_fair,
	.check_preempt_curr = check_preempt_fair,
	.pick_next_task = pick_next_fair,
	.put_prev_task = put_prev_fair,
	.task_tick = task_tick_fair,
	.get_rr_interval = rr_interval_fair,
};
