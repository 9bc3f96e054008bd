// SPDX-License-Identifier: MIT
/*
 * The ARM Generic Interrupt Controller (GICv1, in the Cortex-A9 MPCore):
 * the distributor routes and prioritises interrupts, each CPU's interface
 * signals the highest pending one. Registers: include/drivers/arm-gic.h
 * (GIC Architecture Specification, ARM IHI 0048B). Linux counterpart:
 * drivers/irqchip/irq-gic.c.
 *
 * Interrupt IDs: 0-15 SGIs (software), 16-31 PPIs (per CPU: the private
 * timers), 32 and up SPIs (devices). Context: the irq_chip operations run
 * with the interrupt's descriptor lock held or in hardirq context.
 */
#define pr_fmt(fmt) "GIC: " fmt

#include <armlet/errno.h>
#include <armlet/irq.h>
#include <armlet/printk.h>
#include <armlet/vmalloc.h>
#include <asm/io.h>
#include <asm/memory.h>
#include <drivers/arm-gic.h>
#include <drivers/irqchip.h>

static uintptr_t dist_base, cpu_base;
static unsigned int gic_irqs;	/* interrupt IDs the distributor implements */

/* The register bit for irq in a bank of one bit per interrupt. */
static void gic_poke_bit(unsigned int reg, unsigned int irq)
{
	writel(1u << (irq % 32), dist_base + reg + (irq / 32) * 4);
}

static void gic_mask(unsigned int irq)
{
	gic_poke_bit(GIC_DIST_ENABLE_CLEAR, irq);
}

static void gic_unmask(unsigned int irq)
{
	gic_poke_bit(GIC_DIST_ENABLE_SET, irq);
}

static void gic_eoi(unsigned int irq)
{
	writel(irq, cpu_base + GIC_CPU_EOI);
}

/* Edge or level: two bits per interrupt in ICFGR; only SPIs can change. */
static int gic_set_type(unsigned int irq, unsigned int type)
{
	uintptr_t reg = dist_base + GIC_DIST_CONFIG + (irq / 16) * 4;
	unsigned int shift = (irq % 16) * 2;
	u32 val;

	if (irq < GIC_FIRST_SPI || irq >= gic_irqs)
		return -EINVAL;
	if (type != IRQ_TYPE_EDGE_RISING && type != IRQ_TYPE_LEVEL_HIGH)
		return -EINVAL;
	val = readl(reg) & ~(GIC_CONFIG_EDGE << shift);
	if (type == IRQ_TYPE_EDGE_RISING)
		val |= GIC_CONFIG_EDGE << shift;
	writel(val, reg);
	return 0;
}

static const struct irq_chip gic_chip = {
	.name = "GIC",
	.irq_mask = gic_mask,
	.irq_unmask = gic_unmask,
	.irq_eoi = gic_eoi,
	.irq_set_type = gic_set_type,
};

/* Acknowledge and handle interrupts until none is pending. Context: hardirq. */
static void gic_handle_irq(struct pt_regs *regs)
{
	for (bool first = true;; first = false) {
		u32 iar = readl(cpu_base + GIC_CPU_INTACK);
		unsigned int irq = iar & GIC_INTACK_ID_MASK;

		if (irq == GIC_SPURIOUS_IRQ) {
			if (first)	/* signalled, then gone: spurious */
				irq_err_count++;
			return;
		}
		if (irq >= gic_irqs || irq >= NR_IRQS) {
			handle_bad_irq(irq);
			writel(iar, cpu_base + GIC_CPU_EOI);
			continue;
		}
		generic_handle_irq(irq);
	}
}

/* gic_send_sgi_self - send SGI irq (0-15) to this CPU only. */
void gic_send_sgi_self(unsigned int irq)
{
	writel((2u << 24) | (irq & 0xf), dist_base + GIC_DIST_SOFTINT);
}

/* gic_set_pending - make irq pending as if its device had raised it (tests). */
void gic_set_pending(unsigned int irq)
{
	gic_poke_bit(GIC_DIST_PENDING_SET, irq);
}

static void gic_dist_init(void)
{
	writel(0, dist_base + GIC_DIST_CTRL);
	for (unsigned int i = GIC_FIRST_SPI; i < gic_irqs; i += 32)
		writel(~0u, dist_base + GIC_DIST_ENABLE_CLEAR + i / 8);
	for (unsigned int i = GIC_FIRST_SPI; i < gic_irqs; i += 16)
		writel(0, dist_base + GIC_DIST_CONFIG + i / 4);		/* level */
	for (unsigned int i = GIC_FIRST_SPI; i < gic_irqs; i += 4)
		writel(0x01010101, dist_base + GIC_DIST_TARGET + i);	/* to CPU 0 */
	for (unsigned int i = 0; i < gic_irqs; i += 4)
		writel(GIC_DEFAULT_PRI * 0x01010101u, dist_base + GIC_DIST_PRI + i);
	writel(GIC_ENABLE, dist_base + GIC_DIST_CTRL);
}

static void gic_cpu_init(void)
{
	writel(0xffff0000, dist_base + GIC_DIST_ENABLE_CLEAR);	/* PPIs off, SGIs on */
	writel(0x0000ffff, dist_base + GIC_DIST_ENABLE_SET);
	writel(GIC_PRIMASK_ALL, cpu_base + GIC_CPU_PRIMASK);
	writel(GIC_ENABLE, cpu_base + GIC_CPU_CTRL);
}

/*
 * gic_init - map the GIC, set every interrupt to a known state (disabled,
 * level, CPU 0, one priority), and become the kernel's interrupt
 * controller. Context: boot, IRQs off.
 */
int gic_init(phys_addr_t dist_phys, phys_addr_t cpu_phys)
{
	dist_base = (uintptr_t)ioremap(dist_phys, PAGE_SIZE);
	cpu_base = (uintptr_t)ioremap(cpu_phys, PAGE_SIZE);
	if (!dist_base || !cpu_base)
		return -ENOMEM;
	gic_irqs = ((readl(dist_base + GIC_DIST_CTR) & 0x1f) + 1) * 32;
	if (gic_irqs > NR_IRQS) {
		pr_warn("%u interrupts, only the first %u used\n", gic_irqs, NR_IRQS);
		gic_irqs = NR_IRQS;
	}
	gic_dist_init();
	gic_cpu_init();
	for (unsigned int irq = 0; irq < gic_irqs; irq++)
		irq_set_chip(irq, &gic_chip);
	handle_arch_irq = gic_handle_irq;
	pr_info("%u interrupts, distributor at 0x%08x, CPU interface at 0x%08x\n", gic_irqs,
		dist_phys, cpu_phys);
	return 0;
}
