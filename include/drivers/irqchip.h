/* SPDX-License-Identifier: MIT */
/*
 * Interrupt controller drivers (drivers/irqchip/). Linux: <linux/irqchip.h>.
 */
#ifndef DRIVERS_IRQCHIP_H
#define DRIVERS_IRQCHIP_H

#include <armlet/types.h>

int gic_init(phys_addr_t dist_phys, phys_addr_t cpu_phys);
void gic_send_sgi_self(unsigned int irq);
void gic_set_pending(unsigned int irq);

#endif /* DRIVERS_IRQCHIP_H */
