/* SPDX-License-Identifier: MIT */
/*
 * Formatting the interrupt table (kernel/irq/proc.c); separate so the host
 * tests can use it without the rest of the interrupt layer.
 */
#ifndef ARMLET_IRQ_FORMAT_H
#define ARMLET_IRQ_FORMAT_H

#include <armlet/types.h>

int format_irq_line(char *buf, size_t size, unsigned int irq, const unsigned int *counts,
		    unsigned int ncpus, const char *chip, const char *trigger,
		    const char *const *names, unsigned int nnames);
int format_irq_header(char *buf, size_t size, unsigned int ncpus);

struct irq_desc;
const struct irq_desc *irq_desc_if_requested(unsigned int irq);

#endif /* ARMLET_IRQ_FORMAT_H */
