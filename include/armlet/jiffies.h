/* SPDX-License-Identifier: MIT */
/*
 * jiffies: the tick counter, and comparisons that survive its wrap-around.
 * Linux: <linux/jiffies.h>. HZ is set at build time (make HZ=250), in the
 * generated build/config.h.
 */
#ifndef ARMLET_JIFFIES_H
#define ARMLET_JIFFIES_H

#include <armlet/types.h>

#ifndef HZ
#define HZ 100
#endif
#if HZ < 10 || HZ > 1000 || 1000 % HZ
#error "HZ must divide 1000 and be at least 10 (10, 20, 25, 50, 100, 200, 250, 500, 1000)"
#endif

/*
 * As in Linux, jiffies starts 5 minutes before it wraps around, so code
 * that compares jiffies without time_after() breaks in the first minutes
 * of testing, not after 497 days of uptime.
 */
#define INITIAL_JIFFIES ((unsigned long)(unsigned int)(-300 * HZ))

extern volatile unsigned long jiffies;

/* a is after b, even across the wrap-around (if they are < 2^31 apart). */
#define time_after(a, b)	((long)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)
#define time_after_eq(a, b)	((long)((a) - (b)) >= 0)
#define time_before_eq(a, b)	time_after_eq(b, a)

static inline unsigned long msecs_to_jiffies(unsigned int ms)
{
	return ((unsigned long)ms * HZ + 999) / 1000;
}

static inline unsigned int jiffies_to_msecs(unsigned long j)
{
	return (unsigned int)(j * (1000 / HZ));
}

#endif /* ARMLET_JIFFIES_H */
