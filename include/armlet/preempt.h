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
 * in_atomic() is "must not sleep". Armlet keeps one count per CPU for now;
 * the scheduler issue moves it into each task (thread_info), as Linux.
 */
#ifndef ARMLET_PREEMPT_H
#define ARMLET_PREEMPT_H

#include <armlet/compiler.h>
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

/* No scheduler yet: preemption points come with the scheduler issue. */
#define preempt_disable()	preempt_count_add(PREEMPT_OFFSET)
#define preempt_enable()	preempt_count_sub(PREEMPT_OFFSET)

#endif /* ARMLET_PREEMPT_H */
