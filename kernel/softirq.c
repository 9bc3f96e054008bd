// SPDX-License-Identifier: MIT
/*
 * Softirqs and tasklets (see softirq.h). Linux counterpart: kernel/softirq.c
 * (__do_softirq, raise_softirq, __local_bh_enable_ip, tasklet_action).
 *
 * __do_softirq() takes the pending mask, clears it, enables interrupts and
 * runs each pending softirq in priority order; what got raised meanwhile
 * is run in another round, at most MAX_SOFTIRQ_RESTART rounds. The rest
 * is handed to the ksoftirqd thread (kernel/softirqd.c), which competes
 * with other tasks for the CPU, so a softirq storm cannot lock it up.
 *
 * Context: the pending masks and tasklet lists are per CPU and only
 * touched with IRQs off on their CPU. Also built on the host for
 * tests/host/test_softirq.c.
 */
#define pr_fmt(fmt) "softirq: " fmt

#include <armlet/bottom_half.h>
#include <armlet/irqflags.h>
#include <armlet/printk.h>
#include <armlet/softirq.h>
#include <asm/bitops.h>

unsigned int __preempt_count[NR_CPUS];
unsigned int softirq_runs[NR_SOFTIRQS];
unsigned int softirq_deferred;

static unsigned int softirq_pending[NR_CPUS];
static void (*softirq_vec[NR_SOFTIRQS])(void);

struct tasklet_list {
	struct tasklet_struct *head;
	struct tasklet_struct **tail;
};

static struct tasklet_list tasklet_vec[NR_CPUS], tasklet_hi_vec[NR_CPUS];

void open_softirq(unsigned int nr, void (*action)(void))
{
	softirq_vec[nr] = action;
}

unsigned int local_softirq_pending(void)
{
	return READ_ONCE(softirq_pending[smp_processor_id()]);
}

/*
 * Mark softirq nr pending. In an interrupt it runs on the way out; outside
 * one nothing would run it soon, so ksoftirqd is woken (as Linux does).
 * Context: IRQs off.
 */
void raise_softirq_irqoff(unsigned int nr)
{
	softirq_pending[smp_processor_id()] |= 1u << nr;
	if (!in_interrupt())
		wakeup_softirqd();
}

void raise_softirq(unsigned int nr)
{
	unsigned long flags;

	local_irq_save(flags);
	raise_softirq_irqoff(nr);
	local_irq_restore(flags);
}

/* Run the pending softirqs. Context: IRQs off, not in interrupt context. */
void __do_softirq(void)
{
	unsigned int restart = MAX_SOFTIRQ_RESTART, pending;

	preempt_count_add(SOFTIRQ_OFFSET);
	do {
		pending = local_softirq_pending();
		softirq_pending[smp_processor_id()] = 0;
		local_irq_enable();
		while (pending) {
			unsigned int nr = __ffs(pending);

			pending &= ~(1u << nr);
			softirq_runs[nr]++;
			if (softirq_vec[nr])
				softirq_vec[nr]();
			else
				pr_err("softirq %u raised but never opened\n", nr);
		}
		local_irq_disable();
	} while (local_softirq_pending() && --restart);
	if (local_softirq_pending()) {
		softirq_deferred++;
		wakeup_softirqd();	/* the rest runs in a thread, at task priority */
	}
	preempt_count_sub(SOFTIRQ_OFFSET);
}

void do_softirq_irq_exit(void)
{
	__do_softirq();
}

/* Leave a local_bh_disable() section, running what was raised in it. */
void local_bh_enable(void)
{
	unsigned long flags;

	if (in_hardirq())
		pr_err("BUG: local_bh_enable() in hardirq context\n");
	preempt_count_sub(SOFTIRQ_DISABLE_OFFSET);
	if (in_interrupt() || !local_softirq_pending())
		return;
	local_irq_save(flags);
	if (!in_interrupt() && local_softirq_pending())
		__do_softirq();
	local_irq_restore(flags);
	if (!preempt_count() && need_resched())
		preempt_schedule();	/* a preemption point, as in Linux */
}

/* ---- tasklets ------------------------------------------------------------ */

void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long), unsigned long data)
{
	*t = (struct tasklet_struct){ .func = func, .data = data };
}

static void tasklet_enqueue(struct tasklet_struct *t, struct tasklet_list *vec, unsigned int nr)
{
	struct tasklet_list *list = &vec[smp_processor_id()];
	unsigned long flags;

	if (test_and_set_bit(TASKLET_STATE_SCHED, &t->state))
		return;		/* already waiting to run: it will run once */
	local_irq_save(flags);
	if (!list->tail)
		list->tail = &list->head;
	t->next = NULL;
	*list->tail = t;
	list->tail = &t->next;
	raise_softirq_irqoff(nr);
	local_irq_restore(flags);
}

void tasklet_schedule(struct tasklet_struct *t)
{
	tasklet_enqueue(t, tasklet_vec, TASKLET_SOFTIRQ);
}

void tasklet_hi_schedule(struct tasklet_struct *t)
{
	tasklet_enqueue(t, tasklet_hi_vec, HI_SOFTIRQ);
}

/*
 * Run this CPU's scheduled tasklets. One that is running on another CPU
 * goes back on the list for the next round, so it never runs twice at once.
 */
static void tasklet_action_common(struct tasklet_list *vec, unsigned int nr)
{
	struct tasklet_list *list = &vec[smp_processor_id()];
	struct tasklet_struct *t;

	local_irq_disable();
	t = list->head;
	list->head = NULL;
	list->tail = &list->head;
	local_irq_enable();

	while (t) {
		struct tasklet_struct *next = t->next;

		if (!test_and_set_bit(TASKLET_STATE_RUN, &t->state)) {
			clear_bit(TASKLET_STATE_SCHED, &t->state);
			t->func(t->data);
			clear_bit(TASKLET_STATE_RUN, &t->state);
		} else {
			local_irq_disable();
			t->next = NULL;
			*list->tail = t;
			list->tail = &t->next;
			raise_softirq_irqoff(nr);
			local_irq_enable();
		}
		t = next;
	}
}

static void tasklet_action(void)
{
	tasklet_action_common(tasklet_vec, TASKLET_SOFTIRQ);
}

static void tasklet_hi_action(void)
{
	tasklet_action_common(tasklet_hi_vec, HI_SOFTIRQ);
}

/*
 * tasklet_kill - wait until t is neither scheduled nor running, and keep it
 * from being scheduled. Context: process context, not from t itself.
 */
void tasklet_kill(struct tasklet_struct *t)
{
	while (test_and_set_bit(TASKLET_STATE_SCHED, &t->state)) {
		local_bh_disable();	/* let it run, then look again */
		local_bh_enable();
	}
	while (test_bit(TASKLET_STATE_RUN, &t->state))
		;
	clear_bit(TASKLET_STATE_SCHED, &t->state);
}

void softirq_init(void)
{
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
		tasklet_vec[cpu].tail = &tasklet_vec[cpu].head;
		tasklet_hi_vec[cpu].tail = &tasklet_hi_vec[cpu].head;
	}
	open_softirq(TASKLET_SOFTIRQ, tasklet_action);
	open_softirq(HI_SOFTIRQ, tasklet_hi_action);
}
