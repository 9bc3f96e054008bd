/* SPDX-License-Identifier: MIT */
/*
 * local_irq_*: mask and unmask interrupts on this CPU only. Linux:
 * <linux/irqflags.h>. To protect data from an interrupt handler on this
 * CPU use these; to protect it from other CPUs too, a spinlock
 * (spin_lock_irqsave does both).
 */
#ifndef ARMLET_IRQFLAGS_H
#define ARMLET_IRQFLAGS_H

#include <asm/irqflags.h>

#define local_irq_save(flags)	((flags) = arch_local_irq_save())
#define local_irq_restore(flags) arch_local_irq_restore(flags)
#define local_irq_enable()	arch_local_irq_enable()
#define local_irq_disable()	arch_local_irq_disable()
#define irqs_disabled()		arch_irqs_disabled_flags(arch_local_save_flags())

#endif /* ARMLET_IRQFLAGS_H */
