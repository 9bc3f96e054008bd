// SPDX-License-Identifier: MIT
/*
 * Host tests for the scheduling classes (kernel/sched/rt.c, fair.c, idle.c), driven as core.c
 * does: class order, rt priority, FIFO/RR ticks, nice weights, fair shares, sleepers, yield.
 */
#include "htest.h"
#include <armlet/jiffies.h>
#include <armlet/sched.h>
#include <armlet/time.h>
#include "../../kernel/sched/sched.h"

/* Ticks of a SCHED_RR quantum: RR_TIMESLICE_MS * HZ / 1000 (rounded up, as rt.c does). */
#define RR_TICKS		((RR_TIMESLICE_MS * HZ + 999) / 1000)
#define TICK_NS			(10 * NSEC_PER_MSEC)

/* Private constants of kernel/sched/fair.c that the properties depend on. */
#define NICE_0_WEIGHT		1024
#define MIN_GRANULARITY_NS	(1 * NSEC_PER_MSEC)
#define WAKEUP_GRANULARITY_NS	(1 * NSEC_PER_MSEC)
#define SLEEPER_CREDIT_NS	(3 * NSEC_PER_MSEC)
#define SCHED_IDLE_WEIGHT	3

static struct rq *rq;
static struct task_struct idle_task;
static int sim_errors;		/* run-queue invariants broken during a simulation */
static u64 last_min_vruntime;

/* sched_init() and fork_init()'s init_task: an empty run queue running idle. */
static void rq_setup(void)
{
	rq = this_rq();
	memset(rq, 0, sizeof(*rq));
	prio_array_init(&rq->rt.active);
	INIT_LIST_HEAD(&rq->cfs.tasks);
	rq->clock = NSEC_PER_SEC;	/* not 0: exec_start 0 must not be special */

	memset(&idle_task, 0, sizeof(idle_task));
	idle_task.flags = PF_KTHREAD | PF_IDLE;
	idle_task.policy = SCHED_IDLE;
	idle_task.prio = idle_task.static_prio = idle_task.normal_prio = MAX_PRIO;
	idle_task.sched_class = &idle_sched_class;
	INIT_LIST_HEAD(&idle_task.rt.run_list);
	INIT_LIST_HEAD(&idle_task.se.run_node);
	idle_task.se.exec_start = rq->clock;
	rq->curr = rq->idle = &idle_task;

	__need_resched[smp_processor_id()] = 0;
	sim_errors = 0;
	last_min_vruntime = 0;
}

static void task_common(struct task_struct *p, int pid)
{
	memset(p, 0, sizeof(*p));
	p->pid = pid;
	p->comm[0] = 't';
	p->comm[1] = (char)('0' + pid % 10);
	p->state = TASK_RUNNING;
	INIT_LIST_HEAD(&p->rt.run_list);
	INIT_LIST_HEAD(&p->se.run_node);
	p->se.vruntime = rq->cfs.min_vruntime;	/* as create_kernel_task */
}

/* A SCHED_NORMAL task of the given nice (fork.c init_sched_fields + change_nice). */
static void make_fair(struct task_struct *p, int pid, int nice)
{
	task_common(p, pid);
	p->policy = SCHED_NORMAL;
	p->static_prio = p->normal_prio = p->prio = NICE_TO_PRIO(nice);
	p->sched_class = &fair_sched_class;
	set_load_weight(p);
}

/* A SCHED_FIFO or SCHED_RR task (syscalls.c change_policy). */
static void make_rt(struct task_struct *p, int pid, unsigned int policy, unsigned int rt_priority)
{
	task_common(p, pid);
	p->static_prio = DEFAULT_PRIO;
	p->policy = policy;
	p->rt_priority = rt_priority;
	p->prio = p->normal_prio = MAX_RT_PRIO - 1 - (int)rt_priority;
	p->sched_class = &rt_sched_class;
	p->rt.time_slice = RR_TICKS;
	set_load_weight(p);
}

/* core.c activate_task / deactivate_task. */
static void activate(struct task_struct *p, bool wakeup)
{
	p->sched_class->enqueue_task(rq, p, wakeup);
	p->on_rq = 1;
	rq->nr_running++;
}

static void deactivate(struct task_struct *p)
{
	p->sched_class->dequeue_task(rq, p);
	p->on_rq = 0;
	rq->nr_running--;
}

/* core.c pick_next_task: the first class, from rt down, with a task. */
static struct task_struct *pick_next(void)
{
	for (const struct sched_class *c = &rt_sched_class; c; c = c->next) {
		struct task_struct *p = c->pick_next_task(rq);

		if (p)
			return p;
	}
	return NULL;
}

/* core.c __schedule, without the context switch; the test sets rq->clock. */
static struct task_struct *schedule_rq(void)
{
	struct task_struct *prev = rq->curr, *next;

	if (prev->state != TASK_RUNNING)
		deactivate(prev);
	prev->sched_class->put_prev_task(rq, prev);
	next = pick_next();
	__need_resched[smp_processor_id()] = 0;
	if (next && next != prev) {
		rq->curr = next;
		rq->nr_switches++;
	}
	return next;
}

/* core.c wake_up_state + check_preempt. */
static void wake_up(struct task_struct *p)
{
	p->state = TASK_RUNNING;
	if (p->on_rq)
		return;
	activate(p, true);
	if (p->sched_class == rq->curr->sched_class) {
		if (p->sched_class->check_preempt_curr(rq, p))
			resched_curr();
		return;
	}
	for (const struct sched_class *c = &rt_sched_class; c; c = c->next) {
		if (c == p->sched_class) {
			resched_curr();
			return;
		}
		if (c == rq->curr->sched_class)
			return;
	}
}

/* The running task goes to sleep: set_current_state + schedule(). */
static struct task_struct *block_curr(void)
{
	rq->curr->state = TASK_INTERRUPTIBLE;
	return schedule_rq();
}

/* core.c yield(). */
static struct task_struct *yield_curr(void)
{
	rq->curr->sched_class->yield_task(rq);
	return schedule_rq();
}

/* core.c scheduler_tick, TICK_NS after the previous one. */
static void tick(void)
{
	rq->clock += TICK_NS;
	rq->curr->utime_ticks++;
	rq->curr->sched_class->task_tick(rq, rq->curr);
}

static bool on_list(const struct list_head *head, const struct list_head *e)
{
	for (const struct list_head *pos = head->next; pos != head; pos = pos->next)
		if (pos == e)
			return true;
	return false;
}

/*
 * What must hold between scheduling events: the fair list sorted by
 * vruntime, without curr, of nr_running entries; the running rt task on
 * its level; min_vruntime never going back.
 */
static int rq_inconsistencies(void)
{
	struct task_struct *p;
	unsigned int n = 0;
	u64 prev = 0;
	int bad = 0;

	list_for_each_entry(p, &rq->cfs.tasks, se.run_node) {
		if (p == rq->curr || !p->on_rq || p->se.vruntime < prev)
			bad++;
		prev = p->se.vruntime;
		n++;
	}
	if (n != rq->cfs.nr_running)
		bad++;
	if (rq->curr->sched_class == &rt_sched_class &&
	    !on_list(&rq->rt.active.queue[rq->curr->prio], &rq->curr->rt.run_list))
		bad++;
	if (rq->cfs.min_vruntime < last_min_vruntime)
		bad++;
	last_min_vruntime = rq->cfs.min_vruntime;
	return bad;
}

/* n ticks; at each, preempt (as at the end of the tick IRQ) if asked to. */
static void run_ticks(int n)
{
	for (int i = 0; i < n; i++) {
		tick();
		if (need_resched())
			schedule_rq();
		sim_errors += rq_inconsistencies();
	}
}

static void check_ratio(double got, double want, double tolerance, const char *what)
{
	double err = got / want - 1;

	if (err < -tolerance || err > tolerance) {
		printf("    # %s: ratio %.4f, expected %.4f +- %.0f%%\n", what, got, want,
		       tolerance * 100);
		htest_failures++;
	}
}

/* rt beats fair beats idle, whatever the order they became runnable in. */
static void test_class_order_rt_fair_idle(void)
{
	struct task_struct f, r;

	rq_setup();
	CHECK(schedule_rq() == &idle_task);
	make_fair(&f, 1, 0);
	make_rt(&r, 2, SCHED_FIFO, 1);
	wake_up(&f);
	CHECK(need_resched());			/* fair wakes: idle must go */
	CHECK(schedule_rq() == &f);
	wake_up(&r);
	CHECK(need_resched());			/* rt wakes: fair must go */
	CHECK(schedule_rq() == &r);
	CHECK(rq->curr == &r);
	CHECK(block_curr() == &f);		/* rt sleeps: back to fair */
	CHECK(block_curr() == &idle_task);	/* fair sleeps: idle */
	CHECK_EQ(rq->nr_running, 0);
	CHECK_EQ(rq->cfs.nr_running, 0);
	CHECK_EQ(prio_array_first(&rq->rt.active), -1);
}

static void test_fair_waking_does_not_preempt_rt(void)
{
	struct task_struct f, r;

	rq_setup();
	make_rt(&r, 1, SCHED_FIFO, 50);
	make_fair(&f, 2, -20);
	wake_up(&r);
	schedule_rq();
	wake_up(&f);
	CHECK(!need_resched());
	for (int i = 0; i < 50; i++) {
		tick();
		CHECK(!need_resched());
	}
	CHECK(schedule_rq() == &r);
	CHECK_EQ(f.sum_exec_runtime, 0);
}

/* Fair tasks queued while an rt task runs are not charged for its time. */
static void test_rt_time_not_charged_to_fair(void)
{
	struct task_struct f, r;
	u64 before;

	rq_setup();
	make_fair(&f, 1, 0);
	make_rt(&r, 2, SCHED_RR, 10);
	wake_up(&f);
	schedule_rq();
	run_ticks(5);
	CHECK_EQ(f.sum_exec_runtime, 5 * TICK_NS);
	before = f.se.vruntime;
	wake_up(&r);
	schedule_rq();
	CHECK(rq->curr == &r);
	run_ticks(20);
	CHECK_EQ(r.sum_exec_runtime, 20 * TICK_NS);
	CHECK(block_curr() == &f);
	CHECK_EQ(f.se.vruntime, before);
	tick();
	CHECK_EQ(f.sum_exec_runtime, 6 * TICK_NS);
	CHECK_EQ(sim_errors, 0);
}

/* Among rt tasks the lowest prio number (highest rt_priority) runs first. */
static void test_rt_lower_prio_number_first(void)
{
	static const unsigned int rt_prio[] = { 10, 90, 1, 50, 99 };
	static const int order[] = { 4, 1, 3, 0, 2 };	/* by rt_priority, highest first */
	struct task_struct t[5];

	rq_setup();
	for (int i = 0; i < 5; i++) {
		make_rt(&t[i], i + 1, i & 1 ? SCHED_RR : SCHED_FIFO, rt_prio[i]);
		activate(&t[i], true);
	}
	CHECK_EQ(t[4].prio, 0);
	CHECK_EQ(t[2].prio, 98);
	for (int i = 0; i < 5; i++) {
		struct task_struct *next = i ? block_curr() : schedule_rq();

		CHECK(next == &t[order[i]]);
	}
	CHECK(block_curr() == &idle_task);
}

static void test_rt_check_preempt_strictly_higher(void)
{
	struct task_struct curr, hi, same, lo;

	rq_setup();
	make_rt(&curr, 1, SCHED_FIFO, 50);
	make_rt(&hi, 2, SCHED_FIFO, 51);
	make_rt(&same, 3, SCHED_RR, 50);
	make_rt(&lo, 4, SCHED_FIFO, 49);
	wake_up(&curr);
	schedule_rq();
	CHECK(rq_inconsistencies() == 0);
	CHECK(rt_sched_class.check_preempt_curr(rq, &hi));
	CHECK(!rt_sched_class.check_preempt_curr(rq, &same));
	CHECK(!rt_sched_class.check_preempt_curr(rq, &lo));
	/* Through the wake-up path too. */
	wake_up(&same);
	CHECK(!need_resched());
	wake_up(&lo);
	CHECK(!need_resched());
	wake_up(&hi);
	CHECK(need_resched());
	CHECK(schedule_rq() == &hi);
}

/* SCHED_FIFO: a tick never rotates equal-priority tasks. */
static void test_fifo_equal_prio_does_not_rotate(void)
{
	struct task_struct a, b;

	rq_setup();
	make_rt(&a, 1, SCHED_FIFO, 20);
	make_rt(&b, 2, SCHED_FIFO, 20);
	activate(&a, true);
	activate(&b, true);
	CHECK(schedule_rq() == &a);
	for (int i = 0; i < 10 * RR_TICKS + 3; i++) {
		tick();
		if (need_resched()) {
			printf("    # FIFO: resched at tick %d\n", i + 1);
			htest_failures++;
			break;
		}
	}
	CHECK(rq->curr == &a);
	CHECK(list_first_entry(&rq->rt.active.queue[a.prio], struct task_struct,
			       rt.run_list) == &a);
	CHECK(schedule_rq() == &a);
	CHECK_EQ(a.sum_exec_runtime, (10 * RR_TICKS + 3) * TICK_NS);
	CHECK_EQ(b.sum_exec_runtime, 0);
}

/* SCHED_RR: after exactly RR_TICKS ticks, behind its peer, and resched. */
static void test_rr_rotates_after_timeslice(void)
{
	struct task_struct a, b;

	if (HZ == 100)
		CHECK_EQ(RR_TICKS, 10);
	rq_setup();
	make_rt(&a, 1, SCHED_RR, 20);
	make_rt(&b, 2, SCHED_RR, 20);
	activate(&a, true);
	activate(&b, true);
	CHECK(schedule_rq() == &a);
	for (int round = 0; round < 4; round++) {
		struct task_struct *run = round & 1 ? &b : &a, *peer = round & 1 ? &a : &b;

		for (int i = 1; i < RR_TICKS; i++) {
			tick();
			CHECK(!need_resched());
		}
		CHECK(list_first_entry(&rq->rt.active.queue[a.prio], struct task_struct,
				       rt.run_list) == run);
		tick();		/* the RR_TICKS-th */
		CHECK(need_resched());
		CHECK(list_first_entry(&rq->rt.active.queue[a.prio], struct task_struct,
				       rt.run_list) == peer);
		CHECK_EQ(run->rt.time_slice, RR_TICKS);	/* a fresh quantum */
		CHECK(schedule_rq() == peer);
		CHECK_EQ(run->sum_exec_runtime, (u64)(round / 2 + 1) * RR_TICKS * TICK_NS);
	}
	CHECK_EQ(rq->rt.active.nr, 2);
}

/* SCHED_RR alone at its level: the quantum is refilled, no rotation. */
static void test_rr_alone_at_level_does_not_rotate(void)
{
	struct task_struct a, lower_rr, f;

	rq_setup();
	make_rt(&a, 1, SCHED_RR, 30);
	make_rt(&lower_rr, 2, SCHED_RR, 29);	/* a different level */
	make_fair(&f, 3, 0);
	activate(&a, true);
	activate(&lower_rr, true);
	activate(&f, true);
	CHECK(schedule_rq() == &a);
	for (int i = 0; i < 3 * RR_TICKS; i++) {
		tick();
		if (need_resched()) {
			printf("    # RR alone: resched at tick %d\n", i + 1);
			htest_failures++;
			break;
		}
	}
	CHECK_EQ(a.rt.time_slice, RR_TICKS);
	CHECK(rq->curr == &a);
	CHECK(schedule_rq() == &a);
	CHECK_EQ(lower_rr.sum_exec_runtime, 0);
}

/* sched_yield for rt: to the tail of its level (and nowhere if alone). */
static void test_rt_yield_goes_behind_peers(void)
{
	struct task_struct a, b, c;

	rq_setup();
	make_rt(&a, 1, SCHED_FIFO, 40);
	make_rt(&b, 2, SCHED_FIFO, 40);
	make_rt(&c, 3, SCHED_FIFO, 39);
	activate(&a, true);
	CHECK(schedule_rq() == &a);
	CHECK(yield_curr() == &a);		/* alone: runs on */
	activate(&b, true);
	activate(&c, true);
	CHECK(yield_curr() == &b);
	CHECK(yield_curr() == &a);
	CHECK(block_curr() == &b);
	CHECK(block_curr() == &c);		/* lower level last */
}

/* nice 0 is 1024 and each weight is 1024 / 1.25^nice, rounded. */
static void test_weight_table_follows_1_25_rule(void)
{
	double ideal = NICE_0_WEIGHT;

	CHECK_EQ(sched_prio_to_weight(0), 1024);
	for (int i = 0; i < 20; i++)
		ideal *= 1.25;
	for (int nice = MIN_NICE; nice <= MAX_NICE; nice++, ideal /= 1.25) {
		double w = sched_prio_to_weight(nice);

		if (w < ideal - 0.5 || w > ideal + 0.5) {
			printf("    # nice %d: weight %.0f, 1024/1.25^nice is %.2f\n", nice, w,
			       ideal);
			htest_failures++;
		}
	}
}

/*
 * Each nice step is 1.25x within 2%, plus the error that rounding the
 * weights to integers allows (which dominates at nice 17..19: 23, 18, 15).
 */
static void test_weight_step_is_1_25(void)
{
	for (int nice = MIN_NICE; nice < MAX_NICE; nice++) {
		double hi = sched_prio_to_weight(nice), lo = sched_prio_to_weight(nice + 1);
		double tolerance = 0.02 + 0.5 / hi + 0.5 / lo;

		CHECK(lo < hi);
		check_ratio(hi / lo, 1.25, tolerance, "weight step");
	}
}

static void test_weight_span_is_1_25_pow_39(void)
{
	double want = 1;

	for (int i = 0; i < 39; i++)
		want *= 1.25;
	check_ratio((double)sched_prio_to_weight(MIN_NICE) / sched_prio_to_weight(MAX_NICE),
		    want, 0.02, "nice -20 / nice 19");
}

static void test_set_load_weight(void)
{
	struct task_struct p;

	rq_setup();
	for (int nice = MIN_NICE; nice <= MAX_NICE; nice++) {
		make_fair(&p, 1, nice);
		CHECK_EQ(p.se.weight, sched_prio_to_weight(nice));
		CHECK_EQ(p.se.inv_weight, 0xffffffffu / p.se.weight);
	}
	/* SCHED_IDLE: the tiny weight, below even nice 19, whatever the nice. */
	make_fair(&p, 1, -20);
	p.policy = SCHED_IDLE;
	set_load_weight(&p);
	CHECK_EQ(p.se.weight, SCHED_IDLE_WEIGHT);
	CHECK(p.se.weight < sched_prio_to_weight(MAX_NICE));
	CHECK_EQ(p.se.inv_weight, 0xffffffffu / SCHED_IDLE_WEIGHT);
}

/* vruntime grows by delta * 1024 / weight on both calc_delta_fair paths. */
static void test_vruntime_scaled_by_weight(void)
{
	static const u64 deltas[] = { 1000, 4 * NSEC_PER_MSEC, (1 << 22) - 1, 1 << 22,
				      10 * NSEC_PER_MSEC, 3 * NSEC_PER_SEC };
	static const int nices[] = { -20, -5, 0, 5, 19 };
	struct task_struct p;

	for (unsigned int n = 0; n < sizeof(nices) / sizeof(nices[0]); n++) {
		for (unsigned int d = 0; d < sizeof(deltas) / sizeof(deltas[0]); d++) {
			double want, got;
			u64 before;

			rq_setup();
			make_fair(&p, 1, nices[n]);
			wake_up(&p);
			schedule_rq();
			before = p.se.vruntime;
			rq->clock += deltas[d];
			fair_sched_class.task_tick(rq, &p);
			CHECK_EQ(p.sum_exec_runtime, deltas[d]);
			want = (double)deltas[d] * NICE_0_WEIGHT / p.se.weight;
			got = (double)(p.se.vruntime - before);
			if (got < want * 0.999 - 1 || got > want * 1.001 + 1) {
				printf("    # nice %d delta %llu: vruntime +%.0f, want %.0f\n",
				       nices[n], (unsigned long long)deltas[d], got, want);
				htest_failures++;
			}
		}
	}
}

/* Two fair tasks share the CPU in proportion to their weights. */
static void test_fair_share_nice0_vs_nice5(void)
{
	struct task_struct a, b;

	rq_setup();
	make_fair(&a, 1, 0);
	make_fair(&b, 2, 5);
	CHECK_EQ(b.se.weight, 336);
	wake_up(&a);
	wake_up(&b);
	schedule_rq();
	run_ticks(20000);
	CHECK_EQ(sim_errors, 0);
	CHECK_EQ(a.sum_exec_runtime + b.sum_exec_runtime, 20000 * TICK_NS);
	CHECK(b.sum_exec_runtime > 0);
	if (b.sum_exec_runtime)
		check_ratio((double)a.sum_exec_runtime / b.sum_exec_runtime, 1024.0 / 336,
			    0.05, "nice 0 / nice 5 CPU time");
	CHECK(rq->nr_switches > 100);
}

static void test_fair_three_equal_tasks_share_equally(void)
{
	struct task_struct t[3];
	u64 total = 0;

	rq_setup();
	for (int i = 0; i < 3; i++) {
		make_fair(&t[i], i + 1, 0);
		wake_up(&t[i]);
	}
	schedule_rq();
	run_ticks(30000);
	CHECK_EQ(sim_errors, 0);
	for (int i = 0; i < 3; i++)
		total += t[i].sum_exec_runtime;
	CHECK_EQ(total, 30000 * TICK_NS);
	for (int i = 0; i < 3; i++)
		check_ratio((double)t[i].sum_exec_runtime * 3 / total, 1, 0.05, "equal share");
}

/* A SCHED_IDLE-policy task still runs, but gets a tiny share. */
static void test_fair_sched_idle_policy_gets_tiny_share(void)
{
	struct task_struct a, b;
	double share;

	rq_setup();
	make_fair(&a, 1, 0);
	make_fair(&b, 2, 0);
	b.policy = SCHED_IDLE;
	set_load_weight(&b);
	wake_up(&a);
	wake_up(&b);
	schedule_rq();
	run_ticks(50000);
	CHECK_EQ(sim_errors, 0);
	share = (double)b.sum_exec_runtime / (a.sum_exec_runtime + b.sum_exec_runtime);
	CHECK(b.sum_exec_runtime > 0);
	CHECK(share < 0.01);
}

/* The fair task running: not on the list; the others in vruntime order. */
static struct task_struct *fair_nth(int n)
{
	struct task_struct *p;

	list_for_each_entry(p, &rq->cfs.tasks, se.run_node)
		if (n-- == 0)
			return p;
	return NULL;
}

/*
 * A task that slept long wakes with at most SLEEPER_CREDIT_NS of credit:
 * it runs soon, but it cannot take the CPU for the time it slept.
 */
static void test_fair_sleeper_credit_is_bounded(void)
{
	struct task_struct a, b, c;
	u64 min, a0, b0, c0;
	int i;

	rq_setup();
	make_fair(&a, 1, 0);
	make_fair(&b, 2, 0);
	make_fair(&c, 3, 0);
	wake_up(&a);
	wake_up(&b);
	wake_up(&c);
	schedule_rq();
	run_ticks(100);
	for (i = 0; i < 10 && rq->curr != &c; i++)
		run_ticks(1);
	CHECK(rq->curr == &c);
	block_curr();
	CHECK(!c.on_rq);
	run_ticks(1000);		/* c sleeps 10 s */
	min = rq->cfs.min_vruntime;
	CHECK(min > c.se.vruntime + 1000 * NSEC_PER_MSEC);

	wake_up(&c);
	CHECK(c.se.vruntime + SLEEPER_CREDIT_NS >= min);
	CHECK_EQ(c.se.vruntime, min - SLEEPER_CREDIT_NS);
	CHECK(need_resched());		/* it is behind: it preempts */
	CHECK(schedule_rq() == &c);
	sim_errors += rq_inconsistencies();

	/* It runs soon but briefly: the others are back within two ticks. */
	for (i = 0; i < 2 && rq->curr == &c; i++)
		run_ticks(1);
	CHECK(rq->curr != &c);

	/* And from then on it gets a third, not the 10 s it slept. */
	a0 = a.sum_exec_runtime;
	b0 = b.sum_exec_runtime;
	c0 = c.sum_exec_runtime;
	run_ticks(3000);
	check_ratio((double)(c.sum_exec_runtime - c0) * 3 /
		    (a.sum_exec_runtime - a0 + b.sum_exec_runtime - b0 + c.sum_exec_runtime - c0),
		    1, 0.05, "sleeper's share after waking");
	CHECK_EQ(sim_errors, 0);
}

/* A task that slept briefly keeps its own (higher) vruntime. */
static void test_fair_short_sleeper_keeps_vruntime(void)
{
	struct task_struct a, b;
	u64 v;

	rq_setup();
	make_fair(&a, 1, 0);
	make_fair(&b, 2, 0);
	wake_up(&a);
	schedule_rq();
	run_ticks(100);
	b.se.vruntime = rq->cfs.min_vruntime - SLEEPER_CREDIT_NS / 2;
	v = b.se.vruntime;
	wake_up(&b);
	CHECK_EQ(b.se.vruntime, v);
	b.se.vruntime = 0;
	deactivate(&b);
	b.state = TASK_INTERRUPTIBLE;
	wake_up(&b);
	CHECK_EQ(b.se.vruntime, rq->cfs.min_vruntime - SLEEPER_CREDIT_NS);
}

/* sched_yield for fair: behind every other fair task, even on a tie. */
static void test_fair_yield_goes_last_among_equals(void)
{
	struct task_struct t[3];

	rq_setup();
	for (int i = 0; i < 3; i++) {
		make_fair(&t[i], i + 1, 0);
		wake_up(&t[i]);
	}
	CHECK(schedule_rq() == &t[0]);
	CHECK_EQ(t[0].se.vruntime, t[1].se.vruntime);
	CHECK_EQ(t[1].se.vruntime, t[2].se.vruntime);
	CHECK(yield_curr() == &t[1]);
	CHECK(fair_nth(0) == &t[2]);
	CHECK(fair_nth(1) == &t[0]);
	CHECK(fair_nth(2) == NULL);
	CHECK(block_curr() == &t[2]);
	CHECK(block_curr() == &t[0]);
	CHECK_EQ(rq_inconsistencies(), 0);
}

static void test_fair_yield_from_far_behind_goes_last(void)
{
	struct task_struct a, b, c;

	rq_setup();
	make_fair(&a, 1, 0);
	make_fair(&b, 2, 0);
	make_fair(&c, 3, 0);
	a.se.vruntime = 0;
	b.se.vruntime = 5 * NSEC_PER_MSEC;
	c.se.vruntime = 8 * NSEC_PER_MSEC;
	wake_up(&a);
	wake_up(&b);
	wake_up(&c);
	CHECK(schedule_rq() == &a);
	CHECK(yield_curr() == &b);
	CHECK(a.se.vruntime > c.se.vruntime);
	CHECK(fair_nth(0) == &c);
	CHECK(fair_nth(1) == &a);
	CHECK_EQ(rq_inconsistencies(), 0);
}

static void test_fair_yield_alone_runs_on(void)
{
	struct task_struct a;
	u64 v;

	rq_setup();
	make_fair(&a, 1, 0);
	wake_up(&a);
	schedule_rq();
	v = a.se.vruntime;
	CHECK(yield_curr() == &a);
	CHECK_EQ(a.se.vruntime, v);
}

/* A wakee preempts only if it is more than the wake-up granularity behind. */
static void test_fair_check_preempt_granularity(void)
{
	struct task_struct curr, w;
	u64 v;

	rq_setup();
	make_fair(&curr, 1, 0);
	make_fair(&w, 2, 0);
	curr.se.vruntime = 50 * NSEC_PER_MSEC;
	wake_up(&curr);
	schedule_rq();
	v = curr.se.vruntime;

	w.se.vruntime = v - 20 * NSEC_PER_MSEC;		/* much smaller */
	CHECK(fair_sched_class.check_preempt_curr(rq, &w));
	w.se.vruntime = v - WAKEUP_GRANULARITY_NS / 2;	/* slightly smaller */
	CHECK(!fair_sched_class.check_preempt_curr(rq, &w));
	w.se.vruntime = v - WAKEUP_GRANULARITY_NS;	/* exactly the granularity */
	CHECK(!fair_sched_class.check_preempt_curr(rq, &w));
	w.se.vruntime = v - WAKEUP_GRANULARITY_NS - 1;
	CHECK(fair_sched_class.check_preempt_curr(rq, &w));
	w.se.vruntime = v + 1;
	CHECK(!fair_sched_class.check_preempt_curr(rq, &w));
	CHECK_EQ(curr.se.vruntime, v);		/* no time passed */

	/* curr's runtime is brought up to date first. */
	w.se.vruntime = v;
	rq->clock += 2 * WAKEUP_GRANULARITY_NS;
	CHECK(fair_sched_class.check_preempt_curr(rq, &w));
	CHECK_EQ(curr.se.vruntime, v + 2 * WAKEUP_GRANULARITY_NS);
}

/* On a tick a fair task yields once another is MIN_GRANULARITY_NS behind. */
static void test_fair_tick_preempts_after_granularity(void)
{
	struct task_struct a, b;

	rq_setup();
	make_fair(&a, 1, 0);
	make_fair(&b, 2, 0);
	wake_up(&a);
	wake_up(&b);
	CHECK(schedule_rq() == &a);
	rq->clock += MIN_GRANULARITY_NS;
	fair_sched_class.task_tick(rq, &a);
	CHECK(!need_resched());		/* exactly the granularity ahead */
	rq->clock += 1;
	fair_sched_class.task_tick(rq, &a);
	CHECK(need_resched());
	CHECK(schedule_rq() == &b);
	CHECK(fair_nth(0) == &a);
	CHECK_EQ(rq_inconsistencies(), 0);
}

/* The idle class: picked when nothing else runs, never queued, charged its time. */
static void test_idle_class(void)
{
	struct task_struct f;

	rq_setup();
	CHECK(schedule_rq() == &idle_task);
	rq->clock += 5 * TICK_NS;
	tick();
	CHECK(!need_resched());
	make_fair(&f, 1, 0);
	wake_up(&f);
	CHECK(need_resched());
	CHECK(schedule_rq() == &f);
	CHECK_EQ(idle_task.sum_exec_runtime, 6 * TICK_NS);
	CHECK(idle_sched_class.check_preempt_curr(rq, &f));
	CHECK(list_empty(&idle_task.se.run_node));
	CHECK(list_empty(&idle_task.rt.run_list));
	idle_sched_class.dequeue_task(rq, &idle_task);
	CHECK(htest_log_has("BUG: the idle task went to sleep"));
}

HTEST_MAIN(TEST(test_class_order_rt_fair_idle),
	   TEST(test_fair_waking_does_not_preempt_rt),
	   TEST(test_rt_time_not_charged_to_fair),
	   TEST(test_rt_lower_prio_number_first),
	   TEST(test_rt_check_preempt_strictly_higher),
	   TEST(test_fifo_equal_prio_does_not_rotate),
	   TEST(test_rr_rotates_after_timeslice),
	   TEST(test_rr_alone_at_level_does_not_rotate),
	   TEST(test_rt_yield_goes_behind_peers),
	   TEST(test_weight_table_follows_1_25_rule),
	   TEST(test_weight_step_is_1_25),
	   TEST(test_weight_span_is_1_25_pow_39),
	   TEST(test_set_load_weight),
	   TEST(test_vruntime_scaled_by_weight),
	   TEST(test_fair_share_nice0_vs_nice5),
	   TEST(test_fair_three_equal_tasks_share_equally),
	   TEST(test_fair_sched_idle_policy_gets_tiny_share),
	   TEST(test_fair_sleeper_credit_is_bounded),
	   TEST(test_fair_short_sleeper_keeps_vruntime),
	   TEST(test_fair_yield_goes_last_among_equals),
	   TEST(test_fair_yield_from_far_behind_goes_last),
	   TEST(test_fair_yield_alone_runs_on),
	   TEST(test_fair_check_preempt_granularity),
	   TEST(test_fair_tick_preempts_after_granularity),
	   TEST(test_idle_class))
