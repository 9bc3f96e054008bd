/* SPDX-License-Identifier: MIT */
/*
 * Memory map of QEMU's vexpress-a9 board (Versatile Express with a
 * CoreTile Express A9x4, "legacy" map). Every physical address and interrupt
 * number of the board lives here and nowhere else. Source: ARM DUI 0447
 * (Motherboard Express uATX TRM), ARM DUI 0448 (CoreTile A9x4 TRM), checked
 * against QEMU 7.2 (see ../shared/PLATFORM.md).
 *
 *   physical
 *   0xffffffff +---------------------------+
 *              |  (unused)                 |
 *   0xa0000000 +---------------------------+
 *              |  RAM, up to 1 GiB         |  size from ATAG_MEM (-m)
 *              |   +0x08000000 initrd (*)  |  (*) +min(RAM/2, 128 MiB)
 *              |   +0x00010000 kernel      |  armlet.bin loaded and entered
 *              |   +0x00000100 ATAG list   |  written by QEMU's boot stub
 *   0x60000000 +---------------------------+
 *              |  ...                      |
 *   0x4e000000 |  LAN9118 Ethernet         |
 *              |  ...                      |
 *   0x1e000000 |  Cortex-A9 MPCore private |  SCU, GIC, timers, L2C-310
 *              |  ...                      |
 *   0x10000000 |  motherboard peripherals  |  sysregs, UARTs, SP804, RTC
 *              |  ...                      |
 *   0x00000000 +---------------------------+  flash alias (read-only)
 */
#ifndef MACH_VEXPRESS_H
#define MACH_VEXPRESS_H

/* RAM */
#define VEXPRESS_MACH_ID	0x8e0		/* 2272, "vexpress" in Linux's mach-types */
#define VEXPRESS_RAM_BASE	0x60000000
#define VEXPRESS_RAM_MAX	0x40000000	/* 1 GiB: the most QEMU can give */
#define VEXPRESS_RAM_DEFAULT	0x04000000	/* 64 MiB: assumed when ATAG_MEM is unusable */
#define VEXPRESS_ATAG_OFFSET	0x100		/* where QEMU writes the ATAG list */
#define VEXPRESS_KERNEL_OFFSET	0x10000		/* where QEMU loads the raw image */

/* Motherboard peripherals (CS7 region) */
#define VEXPRESS_SYSREGS_BASE	0x10000000
#define VEXPRESS_UART0_BASE	0x10009000
#define VEXPRESS_UART1_BASE	0x1000a000
#define VEXPRESS_TIMER01_BASE	0x10011000
#define VEXPRESS_TIMER23_BASE	0x10012000
#define VEXPRESS_RTC_BASE	0x10017000

/* Cortex-A9 MPCore private memory region (PERIPHBASE) */
#define VEXPRESS_A9_PRIV_BASE	0x1e000000
#define VEXPRESS_SCU_BASE	(VEXPRESS_A9_PRIV_BASE + 0x0000)
#define VEXPRESS_GIC_CPU_BASE	(VEXPRESS_A9_PRIV_BASE + 0x0100)
#define VEXPRESS_GTIMER_BASE	(VEXPRESS_A9_PRIV_BASE + 0x0200)
#define VEXPRESS_PTIMER_BASE	(VEXPRESS_A9_PRIV_BASE + 0x0600)
#define VEXPRESS_GIC_DIST_BASE	(VEXPRESS_A9_PRIV_BASE + 0x1000)

/* GIC interrupt IDs */
#define VEXPRESS_IRQ_GTIMER	27
#define VEXPRESS_IRQ_PTIMER	29
#define VEXPRESS_IRQ_TIMER01	34
#define VEXPRESS_IRQ_TIMER23	35
#define VEXPRESS_IRQ_UART0	37
#define VEXPRESS_IRQ_UART1	38

/* Clock feeding the motherboard UARTs (OSCCLK2) */
#define VEXPRESS_UART_CLK_HZ	24000000
/* PERIPHCLK, clocking the A9 private and global timers (as QEMU models it) */
#define VEXPRESS_PERIPHCLK_HZ	100000000

#endif /* MACH_VEXPRESS_H */
