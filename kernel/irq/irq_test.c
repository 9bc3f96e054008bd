// SPDX-License-Identifier: MIT
/*
 * In-kernel tests of interrupts, time and deferred work under QEMU: the
 * tick rate against the global timer, shared lines, context accounting,
 * softirqs and tasklets, kernel timers, workqueues, and atomics and locks
 * under interrupt load. Run with "ktest=irq,time,deferred,locking".
 */
#include <armlet/errno.h>
#include <armlet/irq.h>
#include <armlet/irqflags.h>
#include <armlet/ktest.h>
#include <armlet/softirq.h>
#include <armlet/spinlock.h>
#include <armlet/time.h>
#include <armlet/timer.h>
#include <armlet/workqueue.h>
#include <asm/atomic.h>
#include <asm/bitops.h>
#include <drivers/irqchip.h>

#define TEST_IRQ	60	/* an SPI no device of the board uses */

/* Sleep until jiffies has moved on by n ticks. Context: process, IRQs on. */
static void wait_ticks(unsigned long n)
{
	unsigned long end = jiffies + n;

	while (time_before(jiffies, end))
		arch_cpu_idle();
}

/* ---- irq ------------------------------------------------------------------ */

static int hits[2];
static bool handler_saw_hardirq, handler_saw_irqs_off;

static irqreturn_t test_handler(int irq, void *dev_id)
{
	int *hit = dev_id;

	(*hit)++;
	handler_saw_hardirq = in_irq() && in_interrupt();
	handler_saw_irqs_off = irqs_disabled();
	return hit == &hits[0] ? IRQ_HANDLED : IRQ_NONE;
}

static void shared_irq_reaches_both_handlers(struct ktest *t)
{
	KTEST_ASSERT_TRUE(t, request_irq(TEST_IRQ, test_handler,
					 IRQF_SHARED | IRQF_TRIGGER_RISING, "test-a", &hits[0]) == 0);
	KTEST_EXPECT_EQ(t, request_irq(TEST_IRQ, test_handler, IRQF_SHARED, "test-b", &hits[1]), 0);
	hits[0] = hits[1] = 0;
	gic_set_pending(TEST_IRQ);
	wait_ticks(1);
	KTEST_EXPECT_EQ(t, hits[0], 1);
	KTEST_EXPECT_EQ(t, hits[1], 1);
	KTEST_EXPECT_TRUE(t, handler_saw_hardirq);
	KTEST_EXPECT_TRUE(t, handler_saw_irqs_off);
	KTEST_EXPECT_TRUE(t, free_irq(TEST_IRQ, &hits[0]) != NULL);
	KTEST_EXPECT_TRUE(t, free_irq(TEST_IRQ, &hits[1]) != NULL);
	KTEST_EXPECT_TRUE(t, free_irq(TEST_IRQ, &hits[1]) == NULL);	/* gone */
}

static void unshared_line_refuses_second_handler(struct ktest *t)
{
	KTEST_ASSERT_TRUE(t, request_irq(TEST_IRQ, test_handler, 0, "test-a", &hits[0]) == 0);
	KTEST_EXPECT_EQ(t, request_irq(TEST_IRQ, test_handler, IRQF_SHARED, "test-b", &hits[1]),
			-EBUSY);
	KTEST_EXPECT_EQ(t, request_irq(NR_IRQS, test_handler, 0, "bad", NULL), -EINVAL);
	free_irq(TEST_IRQ, &hits[0]);
}

static void context_outside_handlers(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, !in_interrupt());
	KTEST_EXPECT_TRUE(t, !in_atomic());
	KTEST_EXPECT_TRUE(t, !irqs_disabled());
	local_bh_disable();
	KTEST_EXPECT_TRUE(t, in_softirq() && !in_serving_softirq() && in_interrupt());
	local_bh_enable();
	KTEST_EXPECT_TRUE(t, !in_interrupt());
}

static const struct ktest_case irq_cases[] = {
	KTEST_CASE(shared_irq_reaches_both_handlers),
	KTEST_CASE(unshared_line_refuses_second_handler),
	KTEST_CASE(context_outside_handlers),
};
KTEST_SUITE(irq, irq_cases);

/* ---- time ----------------------------------------------------------------- */

/* 50 ticks measured on the global timer: HZ must be right within 1%. */
static void tick_rate_matches_hz(struct ktest *t)
{
	u64 start, ns;

	wait_ticks(1);		/* start right after a tick */
	start = ktime_get_ns();
	wait_ticks(50);
	ns = ktime_get_ns() - start;
	KTEST_EXPECT_TRUE(t, ns > 50 * (NSEC_PER_SEC / HZ) * 99 / 100);
	KTEST_EXPECT_TRUE(t, ns < 50 * (NSEC_PER_SEC / HZ) * 101 / 100);
}

static void clock_is_monotonic_and_finer_than_a_tick(struct ktest *t)
{
	u64 a = ktime_get_ns(), b = ktime_get_ns();

	KTEST_EXPECT_TRUE(t, b >= a);
	KTEST_EXPECT_TRUE(t, b - a < NSEC_PER_SEC / HZ);
}

static void time_after_survives_wrap(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, time_after(5UL, (unsigned long)-5));
	KTEST_EXPECT_TRUE(t, time_before((unsigned long)-5, 5UL));
	KTEST_EXPECT_TRUE(t, time_after_eq(jiffies, jiffies));
	KTEST_EXPECT_EQ(t, msecs_to_jiffies(1000), HZ);
}

static int timer_fired;
static unsigned long timer_fired_at;
static struct timer_list test_timer;

static void count_timer(struct timer_list *tl)
{
	timer_fired++;
	timer_fired_at = jiffies;
}

static void mod_timer_fires_once_at_expiry(struct ktest *t)
{
	unsigned long due;

	timer_setup(&test_timer, count_timer, 0);
	timer_fired = 0;
	due = jiffies + 3;
	KTEST_EXPECT_EQ(t, mod_timer(&test_timer, due), 0);
	KTEST_EXPECT_TRUE(t, timer_pending(&test_timer));
	KTEST_EXPECT_EQ(t, mod_timer(&test_timer, due), 1);	/* was pending */
	wait_ticks(6);
	KTEST_EXPECT_EQ(t, timer_fired, 1);
	KTEST_EXPECT_TRUE(t, time_after_eq(timer_fired_at, due));
	KTEST_EXPECT_TRUE(t, !timer_pending(&test_timer));
}

static void del_timer_prevents_firing(struct ktest *t)
{
	timer_setup(&test_timer, count_timer, 0);
	timer_fired = 0;
	mod_timer(&test_timer, jiffies + 2);
	KTEST_EXPECT_EQ(t, del_timer(&test_timer), 1);
	KTEST_EXPECT_EQ(t, del_timer(&test_timer), 0);
	wait_ticks(4);
	KTEST_EXPECT_EQ(t, timer_fired, 0);
}

static int rearm_count;

static void rearming_timer(struct timer_list *tl)
{
	if (++rearm_count < 5)
		mod_timer(tl, jiffies + 1);
}

static void timer_rearms_from_its_callback(struct ktest *t)
{
	timer_setup(&test_timer, rearming_timer, 0);
	rearm_count = 0;
	mod_timer(&test_timer, jiffies + 1);
	wait_ticks(12);
	KTEST_EXPECT_EQ(t, rearm_count, 5);
	KTEST_EXPECT_EQ(t, del_timer_sync(&test_timer), 0);
}

static const struct ktest_case time_cases[] = {
	KTEST_CASE(tick_rate_matches_hz),
	KTEST_CASE(clock_is_monotonic_and_finer_than_a_tick),
	KTEST_CASE(time_after_survives_wrap),
	KTEST_CASE(mod_timer_fires_once_at_expiry),
	KTEST_CASE(del_timer_prevents_firing),
	KTEST_CASE(timer_rearms_from_its_callback),
};
KTEST_SUITE(time, time_cases);

/* ---- deferred work ----------------------------------------------------------- */

static int tasklet_runs;
static bool tasklet_saw_softirq, tasklet_saw_irqs_on, top_half_done;

static void test_tasklet_fn(unsigned long data)
{
	tasklet_runs++;
	tasklet_saw_softirq = in_serving_softirq() && !in_irq();
	tasklet_saw_irqs_on = !irqs_disabled();
	KTEST_EXPECT_TRUE((struct ktest *)data, top_half_done);
}

static struct tasklet_struct test_tasklet;

static void tasklet_scheduled_twice_runs_once(struct ktest *t)
{
	tasklet_init(&test_tasklet, test_tasklet_fn, (unsigned long)t);
	tasklet_runs = 0;
	top_half_done = true;
	local_bh_disable();
	tasklet_schedule(&test_tasklet);
	tasklet_schedule(&test_tasklet);
	KTEST_EXPECT_EQ(t, tasklet_runs, 0);	/* bottom halves are off */
	local_bh_enable();			/* ... and run here */
	KTEST_EXPECT_EQ(t, tasklet_runs, 1);
	tasklet_kill(&test_tasklet);
}

static irqreturn_t scheduling_handler(int irq, void *dev_id)
{
	top_half_done = false;
	tasklet_schedule(&test_tasklet);
	top_half_done = true;	/* the tasklet must not run before this line */
	return IRQ_HANDLED;
}

static void softirq_runs_after_top_half_with_irqs_on(struct ktest *t)
{
	tasklet_init(&test_tasklet, test_tasklet_fn, (unsigned long)t);
	tasklet_runs = 0;
	KTEST_ASSERT_TRUE(t, request_irq(TEST_IRQ, scheduling_handler, IRQF_TRIGGER_RISING,
					 "test-tasklet", NULL) == 0);
	gic_set_pending(TEST_IRQ);
	wait_ticks(1);
	KTEST_EXPECT_EQ(t, tasklet_runs, 1);
	KTEST_EXPECT_TRUE(t, tasklet_saw_softirq);
	KTEST_EXPECT_TRUE(t, tasklet_saw_irqs_on);
	free_irq(TEST_IRQ, NULL);
	tasklet_kill(&test_tasklet);
}

static int work_runs;
static bool work_saw_process_context;

static void test_work_fn(struct work_struct *w)
{
	work_runs++;
	work_saw_process_context = !in_interrupt();
}

static void work_runs_once_in_process_context(struct ktest *t)
{
	static struct work_struct work;

	INIT_WORK(&work, test_work_fn);
	work_runs = 0;
	preempt_disable();	/* keep the worker from running before we look */
	KTEST_EXPECT_TRUE(t, schedule_work(&work));
	KTEST_EXPECT_TRUE(t, !schedule_work(&work));	/* already queued */
	preempt_enable();
	flush_work(&work);
	KTEST_EXPECT_EQ(t, work_runs, 1);
	KTEST_EXPECT_TRUE(t, work_saw_process_context);
	KTEST_EXPECT_TRUE(t, !flush_work(&work));	/* nothing to wait for */
}

static const struct ktest_case deferred_cases[] = {
	KTEST_CASE(tasklet_scheduled_twice_runs_once),
	KTEST_CASE(softirq_runs_after_top_half_with_irqs_on),
	KTEST_CASE(work_runs_once_in_process_context),
};
KTEST_SUITE(deferred, deferred_cases);

/* ---- locking under interrupt load ---------------------------------------------- */

#define LOAD_TICKS	10

static atomic_t atomic_counter;
static unsigned int locked_counter;
static DEFINE_SPINLOCK(counter_lock);
static unsigned int irq_adds;

/* Hardirq: bump both counters, interrupting the loop below anywhere. */
static irqreturn_t load_handler(int irq, void *dev_id)
{
	for (int i = 0; i < 100; i++) {
		atomic_inc(&atomic_counter);
		spin_lock(&counter_lock);
		locked_counter++;
		spin_unlock(&counter_lock);
		irq_adds++;
	}
	return IRQ_HANDLED;
}

static void counters_lose_no_updates_under_irq_load(struct ktest *t)
{
	unsigned long end, flags;
	unsigned int mine = 0;

	atomic_set(&atomic_counter, 0);
	locked_counter = irq_adds = 0;
	KTEST_ASSERT_TRUE(t, request_irq(TEST_IRQ, load_handler, IRQF_TRIGGER_RISING,
					 "test-load", NULL) == 0);
	for (end = jiffies + LOAD_TICKS; time_before(jiffies, end); mine++) {
		if (mine % 64 == 0)
			gic_set_pending(TEST_IRQ);	/* fires a few instructions later */
		atomic_inc(&atomic_counter);
		spin_lock_irqsave(&counter_lock, flags);
		locked_counter++;
		spin_unlock_irqrestore(&counter_lock, flags);
	}
	free_irq(TEST_IRQ, NULL);
	KTEST_EXPECT_TRUE(t, irq_adds >= 100 * 100);
	KTEST_EXPECT_EQ(t, atomic_read(&atomic_counter), mine + irq_adds);
	KTEST_EXPECT_EQ(t, locked_counter, mine + irq_adds);
}

static void atomic_ops_return_right_values(struct ktest *t)
{
	atomic_t v = ATOMIC_INIT(5);
	unsigned long word = 0;

	KTEST_EXPECT_EQ(t, atomic_add_return(3, &v), 8);
	KTEST_EXPECT_EQ(t, atomic_cmpxchg(&v, 8, 1), 8);
	KTEST_EXPECT_EQ(t, atomic_cmpxchg(&v, 8, 2), 1);	/* no exchange */
	KTEST_EXPECT_EQ(t, atomic_read(&v), 1);
	KTEST_EXPECT_TRUE(t, atomic_dec_and_test(&v));
	KTEST_EXPECT_EQ(t, atomic_xchg(&v, 7), 0);
	KTEST_EXPECT_TRUE(t, !test_and_set_bit(3, &word));
	KTEST_EXPECT_TRUE(t, test_and_set_bit(3, &word));
	KTEST_EXPECT_EQ(t, word, 8);
	KTEST_EXPECT_TRUE(t, test_and_clear_bit(3, &word));
	KTEST_EXPECT_EQ(t, word, 0);
}

#if DEBUG_SPINLOCK
static void lock_debug_catches_recursion_and_bad_unlock(struct ktest *t)
{
	static DEFINE_SPINLOCK(l);
	unsigned int before = spinlock_bugs;

	spin_lock(&l);
	spin_lock(&l);		/* recursion: reported, not a hang */
	KTEST_EXPECT_EQ(t, spinlock_bugs, before + 1);
	KTEST_EXPECT_TRUE(t, spin_is_locked(&l));
	spin_unlock(&l);
	KTEST_EXPECT_TRUE(t, !spin_is_locked(&l));
	spin_unlock(&l);	/* not held: reported, lock unchanged */
	KTEST_EXPECT_EQ(t, spinlock_bugs, before + 2);
	KTEST_EXPECT_TRUE(t, spin_trylock(&l));
	KTEST_EXPECT_TRUE(t, !spin_trylock(&l));
	spin_unlock(&l);
	KTEST_EXPECT_EQ(t, preempt_count(), 0);	/* every variant balanced */
}
#endif

static void rwlock_readers_share_writer_excludes(struct ktest *t)
{
	static DEFINE_RWLOCK(rw);

	read_lock(&rw);
	read_lock(&rw);
	KTEST_EXPECT_EQ(t, rw.raw.lock, 2);
	read_unlock(&rw);
	read_unlock(&rw);
	write_lock(&rw);
	KTEST_EXPECT_EQ(t, rw.raw.lock, RW_WRITER);
	write_unlock(&rw);
	KTEST_EXPECT_EQ(t, rw.raw.lock, 0);
	KTEST_EXPECT_EQ(t, preempt_count(), 0);
}

static const struct ktest_case locking_cases[] = {
	KTEST_CASE(counters_lose_no_updates_under_irq_load),
	KTEST_CASE(atomic_ops_return_right_values),
#if DEBUG_SPINLOCK
	KTEST_CASE(lock_debug_catches_recursion_and_bad_unlock),
#endif
	KTEST_CASE(rwlock_readers_share_writer_excludes),
};
KTEST_SUITE(locking, locking_cases);
