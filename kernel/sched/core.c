// SPDX-License-Identifier: MIT
/*
 * The scheduler core: run queue, schedule(), wake-ups, the tick,
 * preemption. Linux counterpart: kernel/sched/core.c (__schedule,
 * try_to_wake_up, scheduler_tick, preempt_schedule_irq, context_switch).
 *
 * The policies live in scheduling classes (kernel/sched/rt.c, fair.c,
 * idle.c), asked in order: real-time, then fair, then idle. The core
 * knows nothing of priorities beyond "which class".
 *
 * Locking: rq->lock, with IRQs off, protects the run queue and every
 * task's scheduling fields. It is held across the context switch and
 * released by the task switched to (finish_task_switch).
 */
#define pr_fmt(fmt) "sched: " fmt

#include <armlet/bug.h>
#include <armlet/seq_buf.h>
#include <armlet/irqflags.h>
#include <armlet/kernel.h>
#include <armlet/printk.h>
#include <armlet/sched.h>
#include <armlet/time.h>
#include <armlet/vmalloc.h>
#include <asm/irqflags.h>

struct task_struct *current_task[NR_CPUS];
unsigned int __need_resched[NR_CPUS];
static struct rq runqueue;		/* one CPU until the SMP issue */

struct task_struct *__switch_to(struct task_struct *prev, struct task_struct *next);

_Static_assert(__builtin_offsetof(struct task_struct, ctx) == 0, "boot/switch.S: ctx first");
_Static_assert(sizeof(struct cpu_context) == 10 * 4, "boot/switch.S: r4-r11, sp, pc");

struct rq *this_rq(void)
{
	return &runqueue;
}

static void update_rq_clock(struct rq *rq)
{
	rq->clock = ktime_get_ns();
}

/* Ask the running task to give up the CPU at the next preemption point. */
void resched_curr(void)
{
	WRITE_ONCE(__need_resched[smp_processor_id()], 1);
}

/* Put p on its class's queue. Context: rq->lock held. */
void activate_task(struct rq *rq, struct task_struct *p, bool wakeup)
{
	p->sched_class->enqueue_task(rq, p, wakeup);
	p->on_rq = 1;
	rq->nr_running++;
}

void deactivate_task(struct rq *rq, struct task_struct *p)
{
	p->sched_class->dequeue_task(rq, p);
	p->on_rq = 0;
	rq->nr_running--;
}

/* Should p, just made runnable, take the CPU from rq->curr? */
static void check_preempt(struct rq *rq, struct task_struct *p)
{
	const struct sched_class *c;

	if (p->sched_class == rq->curr->sched_class) {
		if (p->sched_class->check_preempt_curr(rq, p))
			resched_curr();
		return;
	}
	/* A higher class always wins: is p's class above curr's? */
	for (c = sched_class_highest; c; c = c->next) {
		if (c == p->sched_class) {
			resched_curr();
			return;
		}
		if (c == rq->curr->sched_class)
			return;
	}
}

/*
 * wake_up_state - make p runnable if its state is in state. Returns true
 * if it woke it. A higher-priority task preempts the current one at the
 * next preemption point: the end of this interrupt, or the waker's next
 * preempt_enable(). Context: any.
 */
bool wake_up_state(struct task_struct *p, unsigned int state)
{
	struct rq *rq = this_rq();
	unsigned long flags;
	bool woke = false;

	spin_lock_irqsave(&rq->lock, flags);
	if (p->state & state) {
		p->state = TASK_RUNNING;
		if (!p->on_rq) {
			update_rq_clock(rq);
			activate_task(rq, p, true);
			check_preempt(rq, p);
		}
		woke = true;
	}
	spin_unlock_irqrestore(&rq->lock, flags);
	return woke;
}

bool wake_up_process(struct task_struct *p)
{
	return wake_up_state(p, TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE);
}

static struct task_struct *pick_next_task(struct rq *rq)
{
	for (const struct sched_class *c = sched_class_highest; c; c = c->next) {
		struct task_struct *p = c->pick_next_task(rq);

		if (p)
			return p;
	}
	panic("no task to run, not even the idle task");
}

/* The first thing a task does after being switched to: unlock, account. */
static void finish_task_switch(struct rq *rq, struct task_struct *prev)
{
	bool dead = prev->state == TASK_DEAD;

	spin_unlock_irq(&rq->lock);
	if (dead) {
		vfree(prev->stack);	/* nobody runs on it any more */
		prev->stack = NULL;
		put_task_struct(prev);	/* the reference it held while alive */
	}
}

/* A new task's first instruction of C (from boot/switch.S ret_from_kthread). */
void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(this_rq(), prev);
	preempt_enable();
}

static void context_switch(struct rq *rq, struct task_struct *prev, struct task_struct *next)
{
	unsigned int cpu = smp_processor_id();

	prev->preempt_count = __preempt_count[cpu];
	__preempt_count[cpu] = next->preempt_count;
	current_task[cpu] = next;
	prev = __switch_to(prev, next);
	/* Now running as next, possibly much later. */
	finish_task_switch(this_rq(), prev);
}

unsigned int schedule_bugs;	/* reports so far (tests read it) */

/*
 * Sleeping with a spinlock held or preemption off is a bug: another task
 * may spin on that lock forever. Report it (as Linux does) and go on; the
 * count is saved with the task and is still right when it runs again.
 */
static void schedule_bug(struct task_struct *prev)
{
	schedule_bugs++;
	printk_force("BUG: scheduling while atomic: %s/%d/0x%08x\n", prev->comm, prev->pid,
		     preempt_count());
	dump_stack();
}

/*
 * The scheduler proper. preempted: the task did not choose to stop (an
 * interrupt or preempt_enable took the CPU), so it stays runnable whatever
 * its state says. yielding: it goes behind its equals first (sched_yield).
 * Context: preempt_count == 0 on entry, IRQs on.
 */
static void __schedule(bool preempted, bool yielding)
{
	struct rq *rq = this_rq();
	struct task_struct *prev = current, *next;

	if (unlikely(!preempted && in_atomic() && prev->state != TASK_DEAD))
		schedule_bug(prev);
	preempt_disable();
	spin_lock_irq(&rq->lock);
	update_rq_clock(rq);
	if (!preempted && prev->state != TASK_RUNNING) {
		if (prev->state == TASK_INTERRUPTIBLE && signal_pending(prev))
			prev->state = TASK_RUNNING;
		else
			deactivate_task(rq, prev);
	}
	if (yielding && prev->on_rq)
		prev->sched_class->yield_task(rq);
	prev->sched_class->put_prev_task(rq, prev);
	next = pick_next_task(rq);
	__need_resched[smp_processor_id()] = 0;
	if (next == prev) {
		spin_unlock_irq(&rq->lock);
	} else {
		if (prev->on_rq && prev != rq->idle)
			prev->nivcsw++;		/* still runnable: forced off */
		else if (prev != rq->idle)
			prev->nvcsw++;
		rq->curr = next;
		rq->nr_switches++;
		context_switch(rq, prev, next);
	}
	preempt_enable_no_resched();
}

/*
 * schedule - give up the CPU. A task that set itself to sleep (state not
 * TASK_RUNNING) leaves the run queue until woken. Context: process, may
 * sleep; never with a spinlock held or IRQs off (reported if so).
 */
void schedule(void)
{
	if (unlikely(irqs_disabled())) {
		printk_force("BUG: schedule() with interrupts disabled from %s/%d\n",
			     current->comm, current->pid);
		dump_stack();
		local_irq_enable();
	}
	__schedule(false, false);
}

/* The preemption point of preempt_enable(). */
void preempt_schedule(void)
{
	if (preempt_count() || irqs_disabled())
		return;
	do {
		preempt_count_add(PREEMPT_OFFSET);
		__schedule(true, false);
		preempt_count_sub(PREEMPT_OFFSET);
	} while (need_resched());
}

/* The preemption point at the end of an interrupt. Context: IRQs off. */
void preempt_schedule_irq(void)
{
	do {
		preempt_count_add(PREEMPT_OFFSET);
		local_irq_enable();
		__schedule(true, false);
		local_irq_disable();
		preempt_count_sub(PREEMPT_OFFSET);
	} while (need_resched());
}

/* Context: hardirq (the tick). */
void scheduler_tick(void)
{
	struct rq *rq = this_rq();
	struct task_struct *curr;

	spin_lock(&rq->lock);
	update_rq_clock(rq);
	curr = rq->curr;
	curr->utime_ticks++;
	curr->sched_class->task_tick(rq, curr);
	spin_unlock(&rq->lock);
}

/* yield - let others of the same priority run first. Context: process. */
void yield(void)
{
	if (unlikely(irqs_disabled())) {
		printk_force("BUG: yield() with interrupts disabled from %s/%d\n",
			     current->comm, current->pid);
		dump_stack();
		local_irq_enable();
	}
	__schedule(false, true);
}

/* Account the CPU time of the running task up to now (classes call it). */
u64 update_curr_exec(struct rq *rq, struct task_struct *curr)
{
	u64 delta = rq->clock - curr->se.exec_start;

	if ((s64)delta <= 0)
		return 0;
	curr->se.exec_start = rq->clock;
	curr->sum_exec_runtime += delta;
	return delta;
}

void fork_init(void);
extern struct task_struct init_task;

/* show_runqueue - what is runnable, in the order each class would pick it. */
void show_runqueue(struct seq_buf *m)
{
	struct rq *rq = this_rq();
	struct task_struct *p;
	unsigned long flags;

	spin_lock_irqsave(&rq->lock, flags);
	seq_printf(m, "running: %s/%d (%s class), %u runnable, %lu switches\n",
	       rq->curr->comm, rq->curr->pid, rq->curr->sched_class->name, rq->nr_running,
	       rq->nr_switches);
	for (int prio = 0; prio < PRIO_LEVELS; prio++)
		list_for_each_entry(p, &rq->rt.active.queue[prio], rt.run_list)
			seq_printf(m, "  rt   prio %2d: %s/%d\n", prio, p->comm, p->pid);
	list_for_each_entry(p, &rq->cfs.tasks, se.run_node)
		seq_printf(m, "  fair vruntime %10llu ns: %s/%d (nice %d)\n", p->se.vruntime,
		       p->comm, p->pid, task_nice(p));
	seq_printf(m, "  idle: %s/%d\n", rq->idle->comm, rq->idle->pid);
	spin_unlock_irqrestore(&rq->lock, flags);
}

/* sched_init - the boot thread becomes task 0, the idle task. Context: boot. */
void sched_init(void)
{
	struct rq *rq = this_rq();

	spin_lock_init(&rq->lock);
	prio_array_init(&rq->rt.active);
	INIT_LIST_HEAD(&rq->cfs.tasks);
	fork_init();
	rq->curr = rq->idle = &init_task;
	current_task[smp_processor_id()] = &init_task;
	update_rq_clock(rq);
}

/*
 * cpu_idle_loop - what the boot thread becomes: sleep until an interrupt,
 * and schedule whenever something is runnable. Context: the idle task.
 */
void cpu_idle_loop(void)
{
	for (;;) {
		local_irq_disable();
		if (!need_resched())
			arch_cpu_idle();	/* wfi: woken by any pending interrupt */
		local_irq_enable();
		if (need_resched())
			schedule();
	}
}
