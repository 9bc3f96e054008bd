/* SPDX-License-Identifier: MIT */
/*
 * Softirqs and tasklets: work an interrupt handler defers to run soon
 * after it, with interrupts enabled. Linux: <linux/interrupt.h>.
 *
 * Softirqs are a fixed set, run in priority order (HI first) on the CPU
 * that raised them, at irq_exit() and in local_bh_enable(). Tasklets are
 * dynamically created work items run by the HI and TASKLET softirqs; a
 * tasklet never runs on two CPUs at once and runs once however many times
 * it was scheduled before it ran.
 */
#ifndef ARMLET_SOFTIRQ_H
#define ARMLET_SOFTIRQ_H

#include <armlet/types.h>

enum {
	HI_SOFTIRQ = 0,		/* high-priority tasklets */
	TIMER_SOFTIRQ,		/* kernel timers */
	NET_TX_SOFTIRQ,		/* reserved, as in Linux */
	NET_RX_SOFTIRQ,		/* reserved */
	BLOCK_SOFTIRQ,		/* reserved */
	IRQ_POLL_SOFTIRQ,	/* reserved */
	TASKLET_SOFTIRQ,	/* tasklets */
	SCHED_SOFTIRQ,		/* reserved for the scheduler */
	HRTIMER_SOFTIRQ,	/* reserved */
	RCU_SOFTIRQ,		/* reserved */
	NR_SOFTIRQS
};

/* How many times one __do_softirq() goes round before leaving the rest. */
#define MAX_SOFTIRQ_RESTART	10

void open_softirq(unsigned int nr, void (*action)(void));
void raise_softirq(unsigned int nr);		/* Context: any */
void raise_softirq_irqoff(unsigned int nr);	/* Context: IRQs off */
unsigned int local_softirq_pending(void);
void do_softirq_irq_exit(void);			/* irq_exit(), IRQs off */
void __do_softirq(void);			/* IRQs off, not in interrupt */
void wakeup_softirqd(void);			/* kernel/softirqd.c */
void spawn_ksoftirqd(void);
void softirq_init(void);

/* Times each softirq ran, and rounds left pending (for the tests, /proc). */
extern unsigned int softirq_runs[NR_SOFTIRQS];
extern unsigned int softirq_deferred;

struct tasklet_struct {
	struct tasklet_struct *next;
	unsigned long state;		/* TASKLET_STATE_* bits */
	void (*func)(unsigned long data);
	unsigned long data;
};

#define TASKLET_STATE_SCHED	0	/* on a list, waiting to run */
#define TASKLET_STATE_RUN	1	/* running on some CPU */

#define DECLARE_TASKLET(name, fn, d) \
	struct tasklet_struct name = { .func = fn, .data = d }

void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long), unsigned long data);
void tasklet_schedule(struct tasklet_struct *t);	/* Context: any */
void tasklet_hi_schedule(struct tasklet_struct *t);	/* Context: any */
void tasklet_kill(struct tasklet_struct *t);		/* Context: process */

#endif /* ARMLET_SOFTIRQ_H */
