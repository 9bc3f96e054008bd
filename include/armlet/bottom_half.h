/* SPDX-License-Identifier: MIT */
/*
 * local_bh_disable/enable: keep softirqs (and so tasklets and timers) off
 * this CPU. Linux: <linux/bottom_half.h>. local_bh_enable() runs the
 * softirqs raised meanwhile (kernel/softirq.c).
 */
#ifndef ARMLET_BOTTOM_HALF_H
#define ARMLET_BOTTOM_HALF_H

#include <armlet/preempt.h>

static inline void local_bh_disable(void)
{
	preempt_count_add(SOFTIRQ_DISABLE_OFFSET);
}

void local_bh_enable(void);

#endif /* ARMLET_BOTTOM_HALF_H */
