/* SPDX-License-Identifier: MIT */
/*
 * Masking IRQs on this CPU: the CPSR.I bit. Linux:
 * arch/arm/include/asm/irqflags.h. Use the <armlet/irqflags.h> names.
 */
#ifndef ASM_IRQFLAGS_H
#define ASM_IRQFLAGS_H

#include <asm/ptrace.h>

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags;

	__asm__ __volatile__("mrs	%0, cpsr\n\tcpsid	i" : "=r"(flags) : : "memory", "cc");
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	__asm__ __volatile__("msr	cpsr_c, %0" : : "r"(flags) : "memory", "cc");
}

static inline unsigned long arch_local_save_flags(void)
{
	unsigned long flags;

	__asm__ __volatile__("mrs	%0, cpsr" : "=r"(flags) : : "memory", "cc");
	return flags;
}

static inline void arch_local_irq_enable(void)
{
	__asm__ __volatile__("cpsie	i" : : : "memory", "cc");
}

static inline void arch_local_irq_disable(void)
{
	__asm__ __volatile__("cpsid	i" : : : "memory", "cc");
}

static inline bool arch_irqs_disabled_flags(unsigned long flags)
{
	return flags & PSR_I_BIT;
}

/* Sleep until an interrupt is pending (it is taken once IRQs are enabled). */
static inline void arch_cpu_idle(void)
{
	__asm__ __volatile__("dsb\n\twfi" : : : "memory");
}

#endif /* ASM_IRQFLAGS_H */
