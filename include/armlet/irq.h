/* SPDX-License-Identifier: MIT */
/*
 * Interrupts, as Linux structures them: an interrupt controller behind a
 * small struct irq_chip (mask, unmask, eoi, set_type), one struct irq_desc
 * per interrupt number holding the chip, per-CPU counts and a chain of
 * handlers (struct irqaction) that drivers add with request_irq().
 * Linux: <linux/interrupt.h>, <linux/irq.h>, <linux/irqdesc.h>.
 */
#ifndef ARMLET_IRQ_H
#define ARMLET_IRQ_H

#include <armlet/spinlock.h>
#include <armlet/types.h>
#include <asm/ptrace.h>

#define NR_IRQS		96	/* the vexpress-a9 GIC has 96 interrupt IDs */

typedef enum irqreturn {
	IRQ_NONE = 0,		/* not my device's interrupt */
	IRQ_HANDLED = 1,	/* handled */
} irqreturn_t;

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

/* request_irq() flags */
#define IRQF_SHARED		0x0080	/* other handlers may share the line */
#define IRQF_TRIGGER_RISING	0x0001
#define IRQF_TRIGGER_HIGH	0x0004
#define IRQF_TRIGGER_MASK	0x000f

/* set_type() values */
#define IRQ_TYPE_EDGE_RISING	0x1
#define IRQ_TYPE_LEVEL_HIGH	0x4

struct irq_chip {
	const char *name;
	void (*irq_mask)(unsigned int irq);
	void (*irq_unmask)(unsigned int irq);
	void (*irq_eoi)(unsigned int irq);
	int (*irq_set_type)(unsigned int irq, unsigned int type);
};

struct irqaction {
	irq_handler_t handler;
	void *dev_id;
	unsigned int flags;
	const char *name;
	struct irqaction *next;
};

struct irq_desc {
	const struct irq_chip *chip;
	struct irqaction *action;	/* the handlers, in request order */
	unsigned int type;		/* IRQ_TYPE_* */
	unsigned int count[NR_CPUS];	/* handled here, per CPU */
	unsigned int unhandled;		/* times every handler said IRQ_NONE */
	spinlock_t lock;		/* protects action and type */
};

/* Interrupts the controller reported that no descriptor could take. */
extern unsigned int irq_err_count;

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id);
const void *free_irq(unsigned int irq, void *dev_id);
void enable_irq(unsigned int irq);
void disable_irq(unsigned int irq);

/* For interrupt controller drivers. */
void irq_set_chip(unsigned int irq, const struct irq_chip *chip);
void generic_handle_irq(unsigned int irq);
void handle_bad_irq(unsigned int irq);
/* The controller's top-level handler, set by its driver (Linux: handle_arch_irq). */
extern void (*handle_arch_irq)(struct pt_regs *regs);

void irq_enter(void);
void irq_exit(void);
void init_IRQ(void);
struct seq_buf;
void show_interrupts(struct seq_buf *m);

#endif /* ARMLET_IRQ_H */
