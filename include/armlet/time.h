/* SPDX-License-Identifier: MIT */
/*
 * Time: the tick (jiffies at HZ) and a nanosecond clock. Linux:
 * <linux/timekeeping.h> (ktime_get_ns), kernel/time/tick-common.c.
 */
#ifndef ARMLET_TIME_H
#define ARMLET_TIME_H

#include <armlet/jiffies.h>
#include <armlet/types.h>

#define NSEC_PER_SEC	1000000000ull
#define NSEC_PER_MSEC	1000000ull
#define NSEC_PER_USEC	1000ull

/* A free-running counter to read the time from (Linux: struct clocksource). */
struct clocksource {
	const char *name;
	u64 (*read)(void);
	u32 rate_hz;
};

/* Nanoseconds since the clock source was registered. Context: any. */
u64 ktime_get_ns(void);
void clocksource_register(const struct clocksource *cs);

/* Called by the tick device's interrupt handler, once per tick. */
void tick_handle_periodic(void);
/* Ticks taken since boot (jiffies - INITIAL_JIFFIES, but never wraps). */
u64 get_jiffies_64(void);

void time_init(void);

/* Timer drivers (drivers/clocksource/). */
int arm_global_timer_init(phys_addr_t base, u32 rate_hz);
int twd_local_timer_init(phys_addr_t base, unsigned int irq, u32 rate_hz);

#endif /* ARMLET_TIME_H */
