// SPDX-License-Identifier: MIT
/*
 * The Versatile Express (CoreTile A9x4) machine descriptor, as QEMU's
 * vexpress-a9 models it. Linux counterpart: arch/arm/mach-vexpress/v2m.c
 * and drivers/power/reset/vexpress-poweroff.c.
 *
 * Power off and reset go through the motherboard's configuration
 * registers: write the function to SYS_CFGCTRL with the start bit set
 * (Motherboard Express uATX TRM, ARM DUI 0447, 4.3 "System configuration").
 */
#include <armlet/kernel.h>
#include <armlet/time.h>
#include <armlet/vmalloc.h>
#include <drivers/irqchip.h>
#include <asm/io.h>
#include <asm/mach.h>
#include <asm/memory.h>
#include <mach/vexpress.h>

#define SYS_CFGDATA	0xa0
#define SYS_CFGCTRL	0xa4
#define SYS_CFGSTAT	0xa8

#define SYS_CFGCTRL_START	(1u << 31)
#define SYS_CFGCTRL_WRITE	(1u << 30)
#define SYS_CFGCTRL_FUNC(f)	((f) << 20)
#define SYS_CFG_SHUTDOWN	8
#define SYS_CFG_REBOOT		9

/* The system registers: the debug I/O mapping until v2m_init() ioremaps them. */
static uintptr_t sysregs = DEBUG_IO_ADDR(VEXPRESS_SYSREGS_BASE);

static void v2m_cfg_write(u32 function)
{
	writel(0, sysregs + SYS_CFGSTAT);
	writel(0, sysregs + SYS_CFGDATA);
	writel(SYS_CFGCTRL_START | SYS_CFGCTRL_WRITE | SYS_CFGCTRL_FUNC(function),
	       sysregs + SYS_CFGCTRL);
}

static void v2m_init_irq(void)
{
	if (gic_init(VEXPRESS_GIC_DIST_BASE, VEXPRESS_GIC_CPU_BASE))
		panic("cannot set up the GIC");
}

static void v2m_init_time(void)
{
	if (arm_global_timer_init(VEXPRESS_GTIMER_BASE, VEXPRESS_PERIPHCLK_HZ) ||
	    twd_local_timer_init(VEXPRESS_PTIMER_BASE, VEXPRESS_IRQ_PTIMER, VEXPRESS_PERIPHCLK_HZ))
		panic("cannot set up the timers");
}

static void v2m_init(void)
{
	void *regs = ioremap(VEXPRESS_SYSREGS_BASE, PAGE_SIZE);

	if (regs)
		sysregs = (uintptr_t)regs;
}

static void v2m_power_off(void)
{
	v2m_cfg_write(SYS_CFG_SHUTDOWN);
}

static void v2m_restart(void)
{
	v2m_cfg_write(SYS_CFG_REBOOT);
}

MACHINE_START(VEXPRESS, "ARM Versatile Express (CoreTile A9x4)")
	.nr		= VEXPRESS_MACH_ID,
	.uart_base	= VEXPRESS_UART0_BASE,
	.uart_clk_hz	= VEXPRESS_UART_CLK_HZ,
	.uart_irq	= VEXPRESS_IRQ_UART0,
	.ram_base	= VEXPRESS_RAM_BASE,
	.ram_max	= VEXPRESS_RAM_MAX,
	.ram_default	= VEXPRESS_RAM_DEFAULT,
	.atag_offset	= VEXPRESS_ATAG_OFFSET,
	.kernel_phys	= VEXPRESS_RAM_BASE + VEXPRESS_KERNEL_OFFSET,
	.init_irq	= v2m_init_irq,
	.init_time	= v2m_init_time,
	.init_machine	= v2m_init,
	.power_off	= v2m_power_off,
	.restart	= v2m_restart,
MACHINE_END
