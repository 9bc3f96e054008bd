/* SPDX-License-Identifier: MIT */
/*
 * Cortex-A9 MPCore timers: the per-CPU private timer (TWD) and the global
 * timer, both clocked by PERIPHCLK. Cortex-A9 MPCore TRM (ARM DDI 0407),
 * 4.1 (private timer) and 4.3 (global timer).
 */
#ifndef DRIVERS_ARM_MPTIMER_H
#define DRIVERS_ARM_MPTIMER_H

/* Private timer (PERIPHBASE + 0x600) */
#define TWD_LOAD		0x00
#define TWD_COUNTER		0x04
#define TWD_CONTROL		0x08
#define TWD_INTSTAT		0x0c
#define TWD_CTRL_ENABLE		(1 << 0)
#define TWD_CTRL_AUTO_RELOAD	(1 << 1)
#define TWD_CTRL_IRQ_ENABLE	(1 << 2)
#define TWD_INTSTAT_EVENT	(1 << 0)	/* write 1 to clear */

/* Global timer (PERIPHBASE + 0x200) */
#define GT_COUNTER_LO		0x00
#define GT_COUNTER_HI		0x04
#define GT_CONTROL		0x08
#define GT_CTRL_ENABLE		(1 << 0)

#endif /* DRIVERS_ARM_MPTIMER_H */
