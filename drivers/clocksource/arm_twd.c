// SPDX-License-Identifier: MIT
/*
 * The Cortex-A9 private timer ("timer-watchdog", TWD) as the periodic tick:
 * it counts down from rate/HZ - 1, interrupts (PPI 29 on each CPU) and
 * reloads itself. Registers: include/drivers/arm-mptimer.h. Linux
 * counterpart: arch/arm/kernel/smp_twd.c.
 */
#define pr_fmt(fmt) "twd: " fmt

#include <armlet/errno.h>
#include <armlet/irq.h>
#include <armlet/printk.h>
#include <armlet/time.h>
#include <armlet/vmalloc.h>
#include <asm/io.h>
#include <asm/memory.h>
#include <drivers/arm-mptimer.h>

static uintptr_t twd_base;

/* Context: hardirq. Acknowledge the event, then tick. */
static irqreturn_t twd_handler(int irq, void *dev_id)
{
	if (!(readl_relaxed(twd_base + TWD_INTSTAT) & TWD_INTSTAT_EVENT))
		return IRQ_NONE;
	writel_relaxed(TWD_INTSTAT_EVENT, twd_base + TWD_INTSTAT);
	tick_handle_periodic();
	return IRQ_HANDLED;
}

int twd_local_timer_init(phys_addr_t base, unsigned int irq, u32 rate_hz)
{
	int err;

	twd_base = (uintptr_t)ioremap(base, PAGE_SIZE);
	if (!twd_base)
		return -ENOMEM;
	writel(0, twd_base + TWD_CONTROL);
	writel(TWD_INTSTAT_EVENT, twd_base + TWD_INTSTAT);
	err = request_irq(irq, twd_handler, 0, "twd", NULL);
	if (err)
		return err;
	writel(rate_hz / HZ - 1, twd_base + TWD_LOAD);
	writel(TWD_CTRL_ENABLE | TWD_CTRL_AUTO_RELOAD | TWD_CTRL_IRQ_ENABLE,
	       twd_base + TWD_CONTROL);
	pr_info("tick at %u Hz from a %u Hz clock\n", HZ, rate_hz);
	return 0;
}
