// SPDX-License-Identifier: MIT
/*
 * The Cortex-A9 global timer as the kernel's clock source: a 64-bit
 * counter at PERIPHCLK shared by all CPUs, read for ktime_get_ns() and
 * for benchmarks (under QEMU -icount shift=0 one tick is exactly ten
 * guest instructions). Registers: include/drivers/arm-mptimer.h.
 * Linux counterpart: drivers/clocksource/arm_global_timer.c.
 */
#include <armlet/errno.h>
#include <armlet/time.h>
#include <armlet/vmalloc.h>
#include <asm/io.h>
#include <asm/memory.h>
#include <drivers/arm-mptimer.h>

static uintptr_t gt_base;

/*
 * The two halves cannot be read at once: read high, low, high again, and
 * retry if the low half wrapped in between (MPCore TRM 4.3.1).
 */
static u64 gt_read(void)
{
	u32 hi, lo;

	do {
		hi = readl_relaxed(gt_base + GT_COUNTER_HI);
		lo = readl_relaxed(gt_base + GT_COUNTER_LO);
	} while (hi != readl_relaxed(gt_base + GT_COUNTER_HI));
	return ((u64)hi << 32) | lo;
}

static struct clocksource gt_clocksource = {
	.name = "arm_global_timer",
	.read = gt_read,
};

int arm_global_timer_init(phys_addr_t base, u32 rate_hz)
{
	gt_base = (uintptr_t)ioremap(base, PAGE_SIZE);
	if (!gt_base)
		return -ENOMEM;
	writel(readl(gt_base + GT_CONTROL) | GT_CTRL_ENABLE, gt_base + GT_CONTROL);
	gt_clocksource.rate_hz = rate_hz;
	clocksource_register(&gt_clocksource);
	return 0;
}
