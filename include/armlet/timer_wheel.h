/* SPDX-License-Identifier: MIT */
/*
 * The timer wheel: the data structure behind kernel timers (kernel/time/
 * timer.c adds locking and the TIMER_SOFTIRQ). It is the classic Linux
 * cascading wheel (kernel/timer.c before 4.8): timers due within 256
 * jiffies sit in one of 256 slots of tv1, later ones in the 64 slots of
 * tv2..tv5, each level covering 64 times the range of the one below; when
 * tv1 wraps, the next tv2 slot is "cascaded" down into tv1, and so on.
 * Adding and removing a timer is O(1); each tick looks at one tv1 slot.
 *
 * Context: pure data structure, no locking; the caller serialises.
 * Also built on the host for tests/host/test_timer_wheel.c.
 */
#ifndef ARMLET_TIMER_WHEEL_H
#define ARMLET_TIMER_WHEEL_H

#include <armlet/list.h>
#include <armlet/types.h>

#define TVR_BITS	8
#define TVN_BITS	6
#define TVR_SIZE	(1 << TVR_BITS)		/* 256 slots in tv1 */
#define TVN_SIZE	(1 << TVN_BITS)		/* 64 slots in tv2..tv5 */
#define TVR_MASK	(TVR_SIZE - 1)
#define TVN_MASK	(TVN_SIZE - 1)
#define TIMER_LEVELS	5

/*
 * A timer must start zeroed or through timer_setup() (kernel/time/timer.c):
 * timer_is_queued() reads a NULL entry.next as "never added". Expiries
 * must be less than 2^31 jiffies ahead (time_after's range; 248 days at
 * HZ=100). Callbacks must not call wheel_run() or wheel_expire_next().
 */
struct timer_list {
	struct list_head entry;		/* in a slot or base->expired; self when not pending */
	unsigned long expires;		/* in jiffies */
	void (*function)(struct timer_list *t);
	unsigned int flags;
};

struct timer_base {
	unsigned long clk;		/* the next jiffy wheel_run will process */
	struct timer_list *running;	/* the callback being run, or NULL */
	struct list_head expired;	/* due timers taken off tv1, not yet run */
	struct list_head tv1[TVR_SIZE];
	struct list_head tvn[TIMER_LEVELS - 1][TVN_SIZE];	/* tv2..tv5 */
};

/* Get the structure containing a timer from the timer (Linux: from_timer). */
#define from_timer(var, timer, field) container_of(timer, __typeof__(*var), field)

void timer_base_init(struct timer_base *base, unsigned long now);

/* Is t on the wheel? */
static inline bool timer_is_queued(const struct timer_list *t)
{
	return t->entry.next && !list_empty(&t->entry);
}

/* Put t on the wheel to fire at t->expires (already past: at the next run). */
void wheel_add(struct timer_base *base, struct timer_list *t);
/* Take t off the wheel; returns true if it was on it. */
bool wheel_del(struct timer_base *base, struct timer_list *t);
/*
 * Run every timer due at or before now, in order of expiry (timers due at
 * the same jiffy: in the order they were added, which is why a cascade
 * puts its timers in front of those already in a lower slot). Catching up
 * after a pause of N jiffies costs O(N). Each timer is taken off the wheel
 * before its function is called with base->running set. A callback may
 * add, re-add or delete any timer, itself included. Returns how many ran.
 */
unsigned int wheel_run(struct timer_base *base, unsigned long now);
/*
 * Take the next timer due at or before now off the wheel and return it
 * (advancing base->clk as far as needed), or NULL when none is due. For
 * callers that must drop a lock around each callback (kernel/time/timer.c):
 * calling it until NULL expires the same timers, in the same order, as
 * wheel_run(). It does not set base->running.
 */
struct timer_list *wheel_expire_next(struct timer_base *base, unsigned long now);
/* How many timers are on the wheel (for tests and statistics; O(n)). */
unsigned int wheel_count(const struct timer_base *base);

#endif /* ARMLET_TIMER_WHEEL_H */
