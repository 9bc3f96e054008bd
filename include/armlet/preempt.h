/* SPDX-License-Identifier: MIT */
/*
 * preempt_count: what context this CPU is in, as Linux counts it
 * (<linux/preempt.h>). One word, four fields:
 *
 *   bits  0-7   preemption disabled (spinlocks held, preempt_disable)
 *   bits  8-15  softirq: +1 while softirqs run, +2 per local_bh_disable
 *   bits 16-19  hardirq: interrupt handlers running
 *   bits 20-23  NMI (unused on ARM: FIQ is not used)
 *
 * in_interrupt() is "in a handler or a softirq, or softirqs disabled";
 * in_atomic() is "must not sleep". The count is kept per CPU, and saved
 * into the task and restored at every context switch (as x86 Linux does).
 * Next to it, need_resched: the running task should give up the CPU at
 * the next preemption point (preempt_enable, return from interrupt).
 */
#ifndef ARMLET_PREEMPT_H
#define ARMLET_PREEMPT_H

#include <armlet/compiler.h>
#include <armlet/types.h>
#include <asm/smp.h>

#define PREEMPT_BITS	8
#define SOFTIRQ_BITS	8
#define HARDIRQ_BITS	4
#define NMI_BITS	4

#define PREEMPT_SHIFT	0
#define SOFTIRQ_SHIFT	(PREEMPT_SHIFT + PREEMPT_BITS)
#define HARDIRQ_SHIFT	(SOFTIRQ_SHIFT + SOFTIRQ_BITS)
#define NMI_SHIFT	(HARDIRQ_SHIFT + HARDIRQ_BITS)

#define __FIELD_MASK(bits, shift)	(((1u << (bits)) - 1) << (shift))
#define PREEMPT_MASK	__FIELD_MASK(PREEMPT_BITS, PREEMPT_SHIFT)
#define SOFTIRQ_MASK	__FIELD_MASK(SOFTIRQ_BITS, SOFTIRQ_SHIFT)
#define HARDIRQ_MASK	__FIELD_MASK(HARDIRQ_BITS, HARDIRQ_SHIFT)
#define NMI_MASK	__FIELD_MASK(NMI_BITS, NMI_SHIFT)

#define PREEMPT_OFFSET		(1u << PREEMPT_SHIFT)
#define SOFTIRQ_OFFSET		(1u << SOFTIRQ_SHIFT)
#define SOFTIRQ_DISABLE_OFFSET	(2 * SOFTIRQ_OFFSET)
#define HARDIRQ_OFFSET		(1u << HARDIRQ_SHIFT)

extern unsigned int __preempt_count[NR_CPUS];
extern unsigned int __need_resched[NR_CPUS];

void preempt_schedule(void);	/* kernel/sched/core.c */

static inline unsigned int preempt_count(void)
{
	return READ_ONCE(__preempt_count[smp_processor_id()]);
}

/* Only this CPU changes its own count, so a plain add is enough. */
static inline void preempt_count_add(unsigned int val)
{
	__preempt_count[smp_processor_id()] += val;
	barrier();
}

static inline void preempt_count_sub(unsigned int val)
{
	barrier();
	__preempt_count[smp_processor_id()] -= val;
}

#define hardirq_count()		(preempt_count() & HARDIRQ_MASK)
#define softirq_count()		(preempt_count() & SOFTIRQ_MASK)
#define irq_count()		(preempt_count() & (HARDIRQ_MASK | SOFTIRQ_MASK | NMI_MASK))

#define in_hardirq()		(hardirq_count() != 0)
#define in_irq()		in_hardirq()
#define in_softirq()		(softirq_count() != 0)
#define in_serving_softirq()	((softirq_count() & SOFTIRQ_OFFSET) != 0)
#define in_interrupt()		(irq_count() != 0)
#define in_task()		(!in_interrupt())
#define in_atomic()		(preempt_count() != 0)

static inline bool need_resched(void)
{
	return READ_ONCE(__need_resched[smp_processor_id()]);
}

#define preempt_disable()	preempt_count_add(PREEMPT_OFFSET)

/* Leaving the outermost preempt_disable() section is a preemption point. */
#define preempt_enable()							\
	do {									\
		preempt_count_sub(PREEMPT_OFFSET);				\
		if (unlikely(!preempt_count() && need_resched()))		\
			preempt_schedule();					\
	} while (0)

/* Leave the section without rescheduling (the caller will, right after). */
#define preempt_enable_no_resched()	preempt_count_sub(PREEMPT_OFFSET)

#endif /* ARMLET_PREEMPT_H */
