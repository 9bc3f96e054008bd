/* SPDX-License-Identifier: MIT */
/*
 * ARM Generic Interrupt Controller v1 (as in the Cortex-A9 MPCore)
 * registers, from the GIC Architecture Specification (ARM IHI 0048B),
 * section 4. Linux: include/linux/irqchip/arm-gic.h.
 */
#ifndef DRIVERS_ARM_GIC_H
#define DRIVERS_ARM_GIC_H

/* Distributor (4.3) */
#define GIC_DIST_CTRL		0x000
#define GIC_DIST_CTR		0x004	/* ITLinesNumber in bits 4:0 */
#define GIC_DIST_ENABLE_SET	0x100
#define GIC_DIST_ENABLE_CLEAR	0x180
#define GIC_DIST_PENDING_SET	0x200
#define GIC_DIST_PENDING_CLEAR	0x280
#define GIC_DIST_ACTIVE_SET	0x300
#define GIC_DIST_PRI		0x400
#define GIC_DIST_TARGET		0x800
#define GIC_DIST_CONFIG		0xc00
#define GIC_DIST_SOFTINT	0xf00

/* CPU interface (4.4) */
#define GIC_CPU_CTRL		0x00
#define GIC_CPU_PRIMASK		0x04
#define GIC_CPU_BINPOINT	0x08
#define GIC_CPU_INTACK		0x0c
#define GIC_CPU_EOI		0x10

#define GIC_ENABLE		0x1
#define GIC_INTACK_ID_MASK	0x3ff
#define GIC_SPURIOUS_IRQ	1023	/* no interrupt was pending */
#define GIC_PRIMASK_ALL		0xf0	/* let every priority through */
#define GIC_DEFAULT_PRI		0xa0
#define GIC_FIRST_SPI		32	/* 0-15 SGIs, 16-31 PPIs */
#define GIC_CONFIG_EDGE		0x2	/* ICFGR Int_config[1] */

#endif /* DRIVERS_ARM_GIC_H */
