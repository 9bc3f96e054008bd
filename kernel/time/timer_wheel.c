// SPDX-License-Identifier: MIT
/*
 * The cascading timer wheel (see timer_wheel.h). Linux counterpart: the
 * wheel in kernel/timer.c before 4.8 (internal_add_timer, cascade,
 * __run_timers); kernel/time/timer.c here adds the locking and softirq.
 *
 * Level 0 (tv1) has one slot per jiffy for the next 256 jiffies. Level n
 * (tv2..tv5) has 64 slots of 2^(8 + 6(n-1)) jiffies each, chosen by the
 * bits of the expiry time above those of the level below. A slot of level
 * n is emptied ("cascaded") into the lower levels when base->clk reaches
 * the first jiffy it covers, which is always after the timer was queued
 * and no later than its expiry: a timer never fires late, only rewheels.
 *
 * Timers due at the same jiffy run in the order they were queued. Linux
 * does not quite promise that: a timer cascaded down is appended behind
 * one queued later straight into the lower slot. Here cascaded timers go
 * to the front of their new slot, in their old order, because of this
 * invariant: for equal expiry, a timer on a higher level (or cascaded at
 * a tick from a higher level than another batch) was queued earlier.
 *
 * Everything is done in unsigned long, wrapping: slot numbers only look
 * at the low 32 bits, and a delay that does not fit in 32 bits (possible
 * only with a 64-bit long, as on the host) parks the timer in the farthest
 * tv5 slot, from which it is looked at again at least every 2^32 jiffies.
 *
 * Context: pure data structure, no locking; the caller serialises.
 * Pure code: also built on the host for tests/host/test_timer_wheel.c.
 */
#include <armlet/jiffies.h>
#include <armlet/timer_wheel.h>

/* The lowest bit of the expiry time that picks a slot of tvn[level]. */
#define TVN_SHIFT(level)	(TVR_BITS + (level) * TVN_BITS)
/* Delays below this fit on tvn[level] (or a lower level). */
#define TVN_LIMIT(level)	(1UL << TVN_SHIFT((level) + 1))
/* The longest delay the wheel can hold (that of tv5's farthest slot). */
#define WHEEL_MAX_DELAY		((unsigned long)0xffffffffu)

void timer_base_init(struct timer_base *base, unsigned long now)
{
	base->clk = now;
	base->running = NULL;
	INIT_LIST_HEAD(&base->expired);
	for (int i = 0; i < TVR_SIZE; i++)
		INIT_LIST_HEAD(&base->tv1[i]);
	for (int level = 0; level < TIMER_LEVELS - 1; level++)
		for (int i = 0; i < TVN_SIZE; i++)
			INIT_LIST_HEAD(&base->tvn[level][i]);
}

/* The slot t belongs in, given how far its expiry is from base->clk. */
static struct list_head *wheel_slot(struct timer_base *base,
				    const struct timer_list *t)
{
	unsigned long expires = t->expires;
	unsigned long delay = expires - base->clk;
	int level;

	/* Due already (before clk, by the wrap-safe test): run next tick. */
	if (time_before(expires, base->clk))
		return &base->tv1[base->clk & TVR_MASK];
	if (delay < TVR_SIZE)
		return &base->tv1[expires & TVR_MASK];

#if __SIZEOF_LONG__ > 4
	/* Only a 64-bit long can be this far: park it in the last slot. */
	if (delay > WHEEL_MAX_DELAY)
		expires = base->clk + WHEEL_MAX_DELAY;
#endif
	for (level = 0; level < TIMER_LEVELS - 2; level++)
		if (delay < TVN_LIMIT(level))
			break;
	return &base->tvn[level][(expires >> TVN_SHIFT(level)) & TVN_MASK];
}

/*
 * Make tmp the head of the list now headed by head, leaving head empty.
 * Slots are taken off the wheel this way before they are worked through,
 * so that timers queued meanwhile (by a callback) wait for their turn.
 */
static void list_take(struct list_head *tmp, struct list_head *head)
{
	list_add(tmp, head);
	list_del(head);
}

/*
 * Requeue every timer of a tv2..tv5 slot on the lower levels. Its timers
 * were queued before any already there with the same expiry (see the
 * top of the file), so each batch goes to the front of its new slots:
 * walking it backwards and adding at the head keeps its own order.
 */
static void cascade(struct timer_base *base, struct list_head *slot)
{
	struct list_head batch;

	list_take(&batch, slot);
	while (!list_empty(&batch)) {
		struct timer_list *t = list_entry(batch.prev,
						  struct timer_list, entry);

		list_del(&t->entry);
		list_add(&t->entry, wheel_slot(base, t));
	}
}

/*
 * base->clk has come to a multiple of 256: tv1 has gone round, so the
 * next tv2 slot comes down; if that tv2 index is 0, tv2 has gone round
 * too and the next tv3 slot comes down, and so on up to tv5. The lower
 * levels go first, so the batches of earlier-queued timers end in front.
 */
static void cascade_all(struct timer_base *base)
{
	for (int level = 0; level < TIMER_LEVELS - 1; level++) {
		unsigned int i = (base->clk >> TVN_SHIFT(level)) & TVN_MASK;

		cascade(base, &base->tvn[level][i]);
		if (i)
			break;
	}
}

void wheel_add(struct timer_base *base, struct timer_list *t)
{
	if (timer_is_queued(t))
		list_del(&t->entry);
	list_add_tail(&t->entry, wheel_slot(base, t));
}

bool wheel_del(struct timer_base *base, struct timer_list *t)
{
	if (!timer_is_queued(t))
		return false;
	list_del(&t->entry);
	return true;
}

/*
 * Due timers are handed out from base->expired, which holds the tv1 slot
 * of one jiffy at a time: the slot is taken off the wheel whole before any
 * of its callbacks runs, so a timer a callback queues 256 jiffies on, into
 * that very slot, waits its turn. A timer still on base->expired is queued
 * as far as wheel_del() and wheel_add() are concerned.
 *
 * One jiffy at a time, as a long pause must still cascade at every
 * multiple of 256 it went past. base->clk moves on before the callbacks
 * run, so a timer they queue for "now" or earlier goes to the next jiffy.
 */
struct timer_list *wheel_expire_next(struct timer_base *base, unsigned long now)
{
	struct timer_list *t;

	while (list_empty(&base->expired)) {
		struct list_head *slot = &base->tv1[base->clk & TVR_MASK];

		if (!time_after_eq(now, base->clk))
			return NULL;
		if (!(base->clk & TVR_MASK))
			cascade_all(base);
		base->clk++;
		if (!list_empty(slot))
			list_take(&base->expired, slot);
	}
	t = list_first_entry(&base->expired, struct timer_list, entry);
	list_del(&t->entry);
	return t;
}

unsigned int wheel_run(struct timer_base *base, unsigned long now)
{
	struct timer_list *t;
	unsigned int ran = 0;

	while ((t = wheel_expire_next(base, now))) {
		base->running = t;
		t->function(t);
		ran++;
	}
	base->running = NULL;
	return ran;
}

static unsigned int list_count(const struct list_head *head)
{
	unsigned int n = 0;

	for (const struct list_head *p = head->next; p != head; p = p->next)
		n++;
	return n;
}

unsigned int wheel_count(const struct timer_base *base)
{
	unsigned int n = 0;

	n += list_count(&base->expired);
	for (int i = 0; i < TVR_SIZE; i++)
		n += list_count(&base->tv1[i]);
	for (int level = 0; level < TIMER_LEVELS - 1; level++)
		for (int i = 0; i < TVN_SIZE; i++)
			n += list_count(&base->tvn[level][i]);
	return n;
}
