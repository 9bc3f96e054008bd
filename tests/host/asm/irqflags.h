/* SPDX-License-Identifier: MIT */
/*
 * The CPSR.I bit for host tests: a variable, so tests can check that code
 * masks and unmasks interrupts where it should (see include/asm/irqflags.h).
 */
#ifndef ASM_IRQFLAGS_H
#define ASM_IRQFLAGS_H

#include <stdbool.h>

extern unsigned long host_cpsr_i;	/* 1: "IRQs off" */

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = host_cpsr_i;

	host_cpsr_i = 1;
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	host_cpsr_i = flags;
}

static inline unsigned long arch_local_save_flags(void)
{
	return host_cpsr_i;
}

static inline void arch_local_irq_enable(void)
{
	host_cpsr_i = 0;
}

static inline void arch_local_irq_disable(void)
{
	host_cpsr_i = 1;
}

static inline bool arch_irqs_disabled_flags(unsigned long flags)
{
	return flags != 0;
}

static inline void arch_cpu_idle(void)
{
}

#endif /* ASM_IRQFLAGS_H */
