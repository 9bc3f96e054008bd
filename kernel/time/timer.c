// SPDX-License-Identifier: MIT
/*
 * Kernel timers on the timer wheel (kernel/time/timer_wheel.c), run from
 * TIMER_SOFTIRQ. Linux counterpart: kernel/time/timer.c (mod_timer,
 * del_timer_sync, run_timer_softirq).
 *
 * Locking: timer_lock, taken with IRQs off, protects the wheel; callbacks
 * run without it, so they may add, modify or delete timers, themselves
 * included. One wheel for now; the SMP issue gives each CPU its own.
 */
#define pr_fmt(fmt) "timer: " fmt

#include <armlet/printk.h>
#include <armlet/softirq.h>
#include <armlet/spinlock.h>
#include <armlet/timer.h>

static struct timer_base base;
static DEFINE_SPINLOCK(timer_lock);
static unsigned int nr_queued;	/* timers on the wheel; 0: nothing to do per tick */

void timer_setup(struct timer_list *t, void (*fn)(struct timer_list *), unsigned int flags)
{
	t->entry.next = NULL;
	t->entry.prev = NULL;
	t->function = fn;
	t->flags = flags;
}

/*
 * mod_timer - (re)arm t to fire at expires, whether or not it is pending.
 * Returns 1 if it was pending, 0 if not. Context: any.
 */
int mod_timer(struct timer_list *t, unsigned long expires)
{
	unsigned long flags;
	int was_pending;

	spin_lock_irqsave(&timer_lock, flags);
	was_pending = wheel_del(&base, t);
	if (!nr_queued)		/* idle wheel: skip the jiffies nobody waited for */
		base.clk = jiffies;
	t->expires = expires;
	wheel_add(&base, t);
	nr_queued += !was_pending;
	spin_unlock_irqrestore(&timer_lock, flags);
	return was_pending;
}

void add_timer(struct timer_list *t)
{
	if (timer_pending(t))
		pr_err("BUG: add_timer of a pending timer %p\n", t);
	mod_timer(t, t->expires);
}

/* del_timer - disarm t; returns 1 if it was pending. Context: any. */
int del_timer(struct timer_list *t)
{
	unsigned long flags;
	int was_pending;

	spin_lock_irqsave(&timer_lock, flags);
	was_pending = wheel_del(&base, t);
	nr_queued -= was_pending;
	spin_unlock_irqrestore(&timer_lock, flags);
	return was_pending;
}

/*
 * del_timer_sync - disarm t and wait until its callback is not running
 * anywhere. Calling it from the callback itself would wait forever: that
 * is reported and the timer only disarmed. Context: not hardirq.
 */
int del_timer_sync(struct timer_list *t)
{
	for (;;) {
		int was_pending = del_timer(t);

		if (READ_ONCE(base.running) != t)
			return was_pending;
		if (in_serving_softirq()) {
			pr_err("BUG: del_timer_sync(%p) from its own callback\n", t);
			return was_pending;
		}
	}
}

/* Context: hardirq (the tick). */
void run_local_timers(void)
{
	if (READ_ONCE(nr_queued))
		raise_softirq_irqoff(TIMER_SOFTIRQ);
}

/* Take the due timers off the wheel one by one and call each unlocked. */
static void run_timer_softirq(void)
{
	struct timer_list *t;

	spin_lock_irq(&timer_lock);
	while ((t = wheel_expire_next(&base, jiffies))) {
		nr_queued--;
		base.running = t;
		spin_unlock_irq(&timer_lock);
		t->function(t);
		spin_lock_irq(&timer_lock);
	}
	base.running = NULL;
	spin_unlock_irq(&timer_lock);
}

void init_timers(void)
{
	timer_base_init(&base, jiffies);
	open_softirq(TIMER_SOFTIRQ, run_timer_softirq);
}
