// SPDX-License-Identifier: MIT
/*
 * Host tests for softirqs and tasklets (kernel/softirq.c): priority order,
 * the pending mask, interrupts enabled while actions run, the bounded
 * restart loop, local_bh_disable/enable, and tasklet semantics. The CPU's
 * IRQ mask is the variable host_cpsr_i (tests/host/asm/irqflags.h).
 */
#include "htest.h"
#include <armlet/bottom_half.h>
#include <armlet/softirq.h>
#include <asm/bitops.h>

extern unsigned long host_cpsr_i;

static char order[64];
static unsigned int norder;
static bool irqs_were_on, serving_softirq;
static int self_raises;

static void record(char c)
{
	order[norder++] = c;
	order[norder] = '\0';
	irqs_were_on = host_cpsr_i == 0;
	serving_softirq = in_serving_softirq();
}

static void act_hi(void) { record('H'); }
static void act_timer(void) { record('T'); }
static void act_block(void) { record('B'); }
static void act_tasklet(void) { record('K'); }

static void act_raises_block(void)
{
	record('T');
	raise_softirq(BLOCK_SOFTIRQ);
}

static void act_raises_itself(void)
{
	self_raises++;
	raise_softirq(TIMER_SOFTIRQ);
}

/* A fresh softirq layer with recording actions on HI, TIMER, BLOCK, TASKLET. */
static void setup(void)
{
	softirq_init();
	open_softirq(HI_SOFTIRQ, act_hi);
	open_softirq(TIMER_SOFTIRQ, act_timer);
	open_softirq(BLOCK_SOFTIRQ, act_block);
	open_softirq(TASKLET_SOFTIRQ, act_tasklet);
	norder = 0;
	order[0] = '\0';
	host_cpsr_i = 0;
	softirq_deferred = 0;
}

static void test_pending_softirqs_run_in_priority_order(void)
{
	setup();
	local_bh_disable();
	raise_softirq(TASKLET_SOFTIRQ);
	raise_softirq(BLOCK_SOFTIRQ);
	raise_softirq(HI_SOFTIRQ);
	raise_softirq(TIMER_SOFTIRQ);
	CHECK_EQ(local_softirq_pending(), (1 << HI_SOFTIRQ) | (1 << TIMER_SOFTIRQ) |
					  (1 << BLOCK_SOFTIRQ) | (1 << TASKLET_SOFTIRQ));
	CHECK_STR(order, "");
	local_bh_enable();
	CHECK_STR(order, "HTBK");
	CHECK_EQ(local_softirq_pending(), 0);
	CHECK_EQ(preempt_count(), 0);
}

static void test_raising_twice_runs_once(void)
{
	setup();
	local_bh_disable();
	raise_softirq(TIMER_SOFTIRQ);
	raise_softirq(TIMER_SOFTIRQ);
	local_bh_enable();
	CHECK_STR(order, "T");
}

static void test_actions_run_with_irqs_enabled_and_in_softirq(void)
{
	setup();
	host_cpsr_i = 1;		/* as irq_exit() calls it */
	raise_softirq_irqoff(HI_SOFTIRQ);
	do_softirq_irq_exit();
	CHECK(irqs_were_on);
	CHECK(serving_softirq);
	CHECK_EQ(host_cpsr_i, 1);	/* off again when it returns */
	CHECK_EQ(preempt_count(), 0);
}

static void test_nested_bh_disable_runs_at_the_outermost_enable(void)
{
	setup();
	local_bh_disable();
	local_bh_disable();
	raise_softirq(TIMER_SOFTIRQ);
	local_bh_enable();
	CHECK_STR(order, "");
	CHECK(in_softirq());
	local_bh_enable();
	CHECK_STR(order, "T");
	CHECK(!in_softirq());
}

static void test_nothing_runs_inside_a_hardirq(void)
{
	setup();
	preempt_count_add(HARDIRQ_OFFSET);
	local_bh_disable();
	raise_softirq(TIMER_SOFTIRQ);
	local_bh_enable();	/* in_interrupt(): leave it to irq_exit() */
	CHECK_STR(order, "");
	CHECK(htest_log_has("local_bh_enable() in hardirq context"));
	preempt_count_sub(HARDIRQ_OFFSET);
	host_cpsr_i = 1;
	do_softirq_irq_exit();
	CHECK_STR(order, "T");
}

/* A softirq raised by an action runs in the same call, in a second round. */
static void test_raised_during_a_round_runs_in_the_next(void)
{
	setup();
	open_softirq(TIMER_SOFTIRQ, act_raises_block);
	raise_softirq(TIMER_SOFTIRQ);
	local_bh_disable();
	local_bh_enable();
	CHECK_STR(order, "TB");
	CHECK_EQ(softirq_deferred, 0);
}

/* A softirq that raises itself forever is cut off after MAX_SOFTIRQ_RESTART rounds. */
static void test_restart_loop_is_bounded(void)
{
	setup();
	open_softirq(TIMER_SOFTIRQ, act_raises_itself);
	self_raises = 0;
	local_bh_disable();
	raise_softirq(TIMER_SOFTIRQ);
	local_bh_enable();
	CHECK_EQ(self_raises, MAX_SOFTIRQ_RESTART);
	CHECK_EQ(softirq_deferred, 1);
	CHECK_EQ(local_softirq_pending(), 1 << TIMER_SOFTIRQ);	/* left for later */
	CHECK_EQ(preempt_count(), 0);
	open_softirq(TIMER_SOFTIRQ, act_timer);
	local_bh_disable();
	local_bh_enable();
	CHECK_EQ(local_softirq_pending(), 0);
}

static void test_unopened_softirq_is_reported(void)
{
	setup();
	open_softirq(NET_RX_SOFTIRQ, NULL);
	raise_softirq(NET_RX_SOFTIRQ);
	local_bh_disable();
	local_bh_enable();
	CHECK(htest_log_has("softirq 3 raised but never opened"));
}

/* ---- tasklets ---- */

static int tasklet_runs;
static struct tasklet_struct t1, t2;

static void tasklet_fn(unsigned long data)
{
	tasklet_runs++;
	record((char)data);
}

static void rescheduling_fn(unsigned long data)
{
	record((char)data);
	if (++tasklet_runs < 3)
		tasklet_schedule(&t1);
}

/* The real tasklet actions back on HI and TASKLET. */
static void tasklet_setup(void)
{
	setup();
	softirq_init();
	tasklet_runs = 0;
}

static void test_tasklet_scheduled_twice_runs_once(void)
{
	tasklet_setup();
	tasklet_init(&t1, tasklet_fn, 'a');
	local_bh_disable();
	tasklet_schedule(&t1);
	tasklet_schedule(&t1);
	local_bh_enable();
	CHECK_EQ(tasklet_runs, 1);
	CHECK_EQ(t1.state, 0);
}

static void test_hi_tasklets_run_before_normal_ones(void)
{
	tasklet_setup();
	tasklet_init(&t1, tasklet_fn, 'n');
	tasklet_init(&t2, tasklet_fn, 'h');
	local_bh_disable();
	tasklet_schedule(&t1);
	tasklet_hi_schedule(&t2);
	local_bh_enable();
	CHECK_STR(order, "hn");
}

static void test_tasklets_run_in_scheduling_order(void)
{
	tasklet_setup();
	tasklet_init(&t1, tasklet_fn, '1');
	tasklet_init(&t2, tasklet_fn, '2');
	local_bh_disable();
	tasklet_schedule(&t1);
	tasklet_schedule(&t2);
	local_bh_enable();
	CHECK_STR(order, "12");
}

static void test_tasklet_may_reschedule_itself(void)
{
	tasklet_setup();
	tasklet_init(&t1, rescheduling_fn, 'r');
	local_bh_disable();
	tasklet_schedule(&t1);
	local_bh_enable();
	CHECK_STR(order, "rrr");
}

/* A tasklet running elsewhere (RUN set) is put back, not run twice at once. */
static void test_running_tasklet_is_requeued_not_run(void)
{
	tasklet_setup();
	tasklet_init(&t1, tasklet_fn, 'x');
	set_bit(TASKLET_STATE_RUN, &t1.state);
	tasklet_schedule(&t1);
	local_bh_disable();
	local_bh_enable();
	CHECK_EQ(tasklet_runs, 0);
	CHECK(local_softirq_pending() & (1 << TASKLET_SOFTIRQ));
	clear_bit(TASKLET_STATE_RUN, &t1.state);
	local_bh_disable();
	local_bh_enable();
	CHECK_EQ(tasklet_runs, 1);
}

static void test_tasklet_kill_runs_out_a_scheduled_tasklet(void)
{
	tasklet_setup();
	tasklet_init(&t1, tasklet_fn, 'k');
	local_bh_disable();
	tasklet_schedule(&t1);
	preempt_count_sub(SOFTIRQ_DISABLE_OFFSET);	/* as if the bh section ended elsewhere */
	tasklet_kill(&t1);
	CHECK_EQ(tasklet_runs, 1);
	CHECK_EQ(t1.state, 0);
}

HTEST_MAIN(TEST(test_pending_softirqs_run_in_priority_order), TEST(test_raising_twice_runs_once),
	   TEST(test_actions_run_with_irqs_enabled_and_in_softirq),
	   TEST(test_nested_bh_disable_runs_at_the_outermost_enable),
	   TEST(test_nothing_runs_inside_a_hardirq),
	   TEST(test_raised_during_a_round_runs_in_the_next), TEST(test_restart_loop_is_bounded),
	   TEST(test_unopened_softirq_is_reported), TEST(test_tasklet_scheduled_twice_runs_once),
	   TEST(test_hi_tasklets_run_before_normal_ones),
	   TEST(test_tasklets_run_in_scheduling_order), TEST(test_tasklet_may_reschedule_itself),
	   TEST(test_running_tasklet_is_requeued_not_run),
	   TEST(test_tasklet_kill_runs_out_a_scheduled_tasklet))
