// SPDX-License-Identifier: MIT
/*
 * The generic interrupt layer: descriptors, request_irq/free_irq, the
 * flow from the controller to the handlers, and irq_enter/irq_exit.
 * Linux counterparts: kernel/irq/irqdesc.c, manage.c (request_irq),
 * chip.c (handle_fasteoi_irq), handle.c, spurious.c (note_interrupt) and
 * kernel/softirq.c (irq_enter, irq_exit).
 *
 * Locking: desc->lock, taken with IRQs off, protects the action chain;
 * handlers run with IRQs off and the lock not held.
 */
#define pr_fmt(fmt) "irq: " fmt

#include <armlet/errno.h>
#include <armlet/irq.h>
#include <armlet/printk.h>
#include <armlet/sched.h>
#include <armlet/slab.h>
#include <armlet/softirq.h>

#define UNHANDLED_LIMIT	1000	/* consecutive IRQ_NONEs before the line is shut */

static struct irq_desc irq_desc[NR_IRQS];
unsigned int irq_err_count;
void (*handle_arch_irq)(struct pt_regs *regs);

static struct irq_desc *irq_to_desc(unsigned int irq)
{
	return irq < NR_IRQS ? &irq_desc[irq] : NULL;
}

void init_IRQ(void)
{
	for (unsigned int i = 0; i < NR_IRQS; i++)
		spin_lock_init(&irq_desc[i].lock);
}

void irq_set_chip(unsigned int irq, const struct irq_chip *chip)
{
	struct irq_desc *desc = irq_to_desc(irq);

	if (desc)
		desc->chip = chip;
}

/*
 * request_irq - add handler to interrupt irq. dev_id identifies this
 * handler for free_irq() and is passed to it; with IRQF_SHARED every
 * handler of the line must say so and have a distinct, non-NULL dev_id.
 * Returns 0, -EINVAL (no such interrupt or bad arguments), -EBUSY (the
 * line is taken and not shareable) or -ENOMEM. Context: process context.
 */
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id)
{
	struct irq_desc *desc = irq_to_desc(irq);
	struct irqaction *action, **p;
	unsigned long lockflags;
	bool first;

	if (!desc || !desc->chip || !handler || ((flags & IRQF_SHARED) && !dev_id))
		return -EINVAL;
	action = kzalloc(sizeof(*action), GFP_KERNEL);
	if (!action)
		return -ENOMEM;
	*action = (struct irqaction){ .handler = handler, .dev_id = dev_id,
				      .flags = flags, .name = name };

	spin_lock_irqsave(&desc->lock, lockflags);
	first = !desc->action;
	if (!first && !(desc->action->flags & flags & IRQF_SHARED)) {
		spin_unlock_irqrestore(&desc->lock, lockflags);
		pr_err("IRQ %u: %s cannot share it with %s\n", irq, name, desc->action->name);
		kfree(action);
		return -EBUSY;
	}
	for (p = &desc->action; *p; p = &(*p)->next) {
		if ((*p)->dev_id == dev_id) {	/* free_irq could not tell them apart */
			spin_unlock_irqrestore(&desc->lock, lockflags);
			pr_err("IRQ %u: %s: dev_id %p already used on this line\n", irq, name, dev_id);
			kfree(action);
			return -EINVAL;
		}
	}
	*p = action;
	if (first) {
		unsigned int type = flags & IRQF_TRIGGER_MASK;

		desc->unhandled = 0;
		if (type && desc->chip->irq_set_type && !desc->chip->irq_set_type(irq, type))
			desc->type = type;
		desc->chip->irq_unmask(irq);
	}
	spin_unlock_irqrestore(&desc->lock, lockflags);
	return 0;
}

/*
 * free_irq - remove the handler registered with dev_id; the line is
 * masked when its last handler goes. Returns the name it was requested
 * with, or NULL (reported) if there was none. Context: process context.
 */
const void *free_irq(unsigned int irq, void *dev_id)
{
	struct irq_desc *desc = irq_to_desc(irq);
	struct irqaction *action = NULL, **p;
	unsigned long lockflags;
	const char *name;

	if (!desc)
		return NULL;
	spin_lock_irqsave(&desc->lock, lockflags);
	for (p = &desc->action; *p; p = &(*p)->next) {
		if ((*p)->dev_id == dev_id) {
			action = *p;
			*p = action->next;
			break;
		}
	}
	if (action && !desc->action)
		desc->chip->irq_mask(irq);
	spin_unlock_irqrestore(&desc->lock, lockflags);
	if (!action) {
		pr_err("free_irq(%u): no handler with dev_id %p\n", irq, dev_id);
		return NULL;
	}
	name = action->name;
	kfree(action);
	return name;
}

void enable_irq(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);

	if (desc && desc->chip)
		desc->chip->irq_unmask(irq);
}

void disable_irq(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);

	if (desc && desc->chip)
		desc->chip->irq_mask(irq);
}

/* Every handler said IRQ_NONE: count it, and shut a line that never stops. */
static void note_unhandled(struct irq_desc *desc, unsigned int irq)
{
	if (++desc->unhandled == 1)
		pr_err("IRQ %u: nobody cared (every handler returned IRQ_NONE)\n", irq);
	if (desc->unhandled == UNHANDLED_LIMIT) {
		pr_err("IRQ %u: disabled after %u unhandled interrupts\n", irq, UNHANDLED_LIMIT);
		desc->chip->irq_mask(irq);
	}
}

/*
 * generic_handle_irq - run every handler of irq, then end the interrupt
 * at the controller (the "fasteoi" flow). Context: hardirq, IRQs off.
 */
void generic_handle_irq(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	irqreturn_t ret = IRQ_NONE;

	if (!desc || !desc->chip) {
		handle_bad_irq(irq);
		return;
	}
	desc->count[smp_processor_id()]++;
	for (struct irqaction *a = desc->action; a; a = a->next)
		ret |= a->handler((int)irq, a->dev_id);
	if (ret == IRQ_NONE)
		note_unhandled(desc, irq);
	else
		desc->unhandled = 0;
	desc->chip->irq_eoi(irq);
}

/* An interrupt number with no descriptor or controller: counted as an error. */
void handle_bad_irq(unsigned int irq)
{
	irq_err_count++;
	pr_err("unexpected interrupt %u\n", irq);
}

void irq_enter(void)
{
	preempt_count_add(HARDIRQ_OFFSET);
}

/* Leaving the last handler: run the softirqs it raised, IRQs enabled. */
void irq_exit(void)
{
	preempt_count_sub(HARDIRQ_OFFSET);
	if (!in_interrupt() && local_softirq_pending())
		do_softirq_irq_exit();
}

/*
 * do_IRQ - the C side of boot/entry.S's vector_irq.
 * Context: hardirq on the interrupted stack, IRQs off.
 */
void do_IRQ(struct pt_regs *regs)
{
	irq_enter();
	if (handle_arch_irq)
		handle_arch_irq(regs);
	else
		handle_bad_irq(NR_IRQS);
	irq_exit();
	/* A preemption point: the interrupted code could have been preempted anyway. */
	if (!preempt_count() && need_resched() && !(regs->ARM_cpsr & PSR_I_BIT))
		preempt_schedule_irq();
}

/* For show_interrupts: the descriptor of irq, NULL if nobody requested it. */
const struct irq_desc *irq_desc_if_requested(unsigned int irq)
{
	const struct irq_desc *desc = irq_to_desc(irq);

	return desc && desc->action ? desc : NULL;
}
