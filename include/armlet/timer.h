/* SPDX-License-Identifier: MIT */
/*
 * Kernel timers: call a function at a given jiffy, from TIMER_SOFTIRQ.
 * Linux: <linux/timer.h>.
 *
 *   timer_setup(&t, fn, 0);  mod_timer(&t, jiffies + HZ);  ...  del_timer_sync(&t);
 *
 * The callback runs in softirq context: it must not sleep, and data it
 * shares with process context needs spin_lock_bh there.
 */
#ifndef ARMLET_TIMER_H
#define ARMLET_TIMER_H

#include <armlet/jiffies.h>
#include <armlet/timer_wheel.h>

void timer_setup(struct timer_list *t, void (*fn)(struct timer_list *), unsigned int flags);
int mod_timer(struct timer_list *t, unsigned long expires);	/* 1 if it was pending */
void add_timer(struct timer_list *t);
int del_timer(struct timer_list *t);				/* 1 if it was pending */
int del_timer_sync(struct timer_list *t);

static inline bool timer_pending(const struct timer_list *t)
{
	return timer_is_queued(t);
}

void run_local_timers(void);	/* from the tick: raise TIMER_SOFTIRQ if due */
void init_timers(void);

#endif /* ARMLET_TIMER_H */
