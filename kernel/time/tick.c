// SPDX-License-Identifier: MIT
/*
 * The periodic tick and the nanosecond clock. Linux counterparts:
 * kernel/time/tick-common.c (tick_handle_periodic), jiffies.c and
 * timekeeping.c (ktime_get_ns).
 *
 * The tick device (drivers/clocksource/arm_twd.c) interrupts HZ times a
 * second and calls tick_handle_periodic(); the clock source
 * (arm_global_timer.c) counts at its own rate and gives nanoseconds
 * between ticks.
 */
#include <armlet/sched.h>
#include <armlet/softirq.h>
#include <armlet/time.h>
#include <armlet/timer.h>

volatile unsigned long jiffies = INITIAL_JIFFIES;
static u64 ticks;			/* since boot; only the tick writes it */
static const struct clocksource *clock;
static u64 clock_start;
static u32 ns_per_cycle;		/* 0 when the rate does not divide 1e9 */

void clocksource_register(const struct clocksource *cs)
{
	clock = cs;
	clock_start = cs->read();
	ns_per_cycle = NSEC_PER_SEC % cs->rate_hz ? 0 : NSEC_PER_SEC / cs->rate_hz;
}

/*
 * ktime_get_ns - nanoseconds since the clock source started. A multiply
 * when the rate divides 10^9 (the A9 global timer: 100 MHz, 10 ns), two
 * 64-bit divisions otherwise. Before the clock exists: the tick's time.
 */
u64 ktime_get_ns(void)
{
	u64 cycles;

	if (!clock)
		return get_jiffies_64() * (NSEC_PER_SEC / HZ);
	cycles = clock->read() - clock_start;
	if (ns_per_cycle)
		return cycles * ns_per_cycle;
	return cycles / clock->rate_hz * NSEC_PER_SEC +
	       cycles % clock->rate_hz * NSEC_PER_SEC / clock->rate_hz;
}

/* Reads of the 64-bit count are not atomic: read until stable. */
u64 get_jiffies_64(void)
{
	u64 a, b;

	do {
		a = READ_ONCE(ticks);
		b = READ_ONCE(ticks);
	} while (a != b);
	return a;
}

/* Context: hardirq (the tick device's handler). */
void tick_handle_periodic(void)
{
	ticks++;
	WRITE_ONCE(jiffies, jiffies + 1);
	run_local_timers();
	scheduler_tick();
}
