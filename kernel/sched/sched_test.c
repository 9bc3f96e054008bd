// SPDX-License-Identifier: MIT
/*
 * In-kernel tests of the scheduler, proving each policy by the order in
 * which threads actually run: FIFO does not rotate, RR rotates every
 * quantum, a woken higher priority preempts at once, nice weights share
 * the CPU in proportion; and the sleeping primitives built on it.
 * Run with "ktest=sched,sync". The runner checks that no task leaks.
 */
#include <armlet/completion.h>
#include <armlet/delay.h>
#include <armlet/errno.h>
#include <armlet/irq.h>
#include <armlet/kthread.h>
#include <armlet/ktest.h>
#include <armlet/mutex.h>
#include <armlet/printk.h>
#include <armlet/sched.h>
#include <armlet/seq_buf.h>
#include <armlet/time.h>
#include <armlet/wait.h>
#include <asm/atomic.h>
#include <drivers/irqchip.h>

#define TEST_IRQ	60

/*
 * A trace of which thread ran, one entry each time the running thread
 * changes. volatile: the threads preempt each other between any two
 * instructions, so none may keep a copy in a register.
 */
static volatile char trace[64];
static volatile unsigned int ntrace;
static struct completion done;

static void trace_run(char id)
{
	if (!ntrace || trace[ntrace - 1] != id) {
		if (ntrace + 1 < sizeof(trace)) {
			trace[ntrace] = id;
			trace[ntrace + 1] = '\0';
			ntrace++;
		}
	}
}

/* The trace as a string, for comparing. */
static const char *trace_str(void)
{
	static char copy[sizeof(trace)];

	for (unsigned int i = 0; i < sizeof(trace); i++)
		copy[i] = trace[i];
	return copy;
}

static int set_policy(struct task_struct *p, int policy, int prio)
{
	struct sched_param sp = { .sched_priority = prio };

	return sched_setscheduler(p->pid, policy, &sp);
}

/* Longer than an RR quantum, so a FIFO thread that rotated would show it. */
#define SPIN_TICKS	((RR_TIMESLICE_MS * HZ) / 1000 + 5)

/* Spin for SPIN_TICKS ticks of CPU time (not wall time), tracing itself. */
static int spinner(void *arg)
{
	char id = (char)(uintptr_t)arg;
	unsigned long ran = 0, last = jiffies;

	while (ran < SPIN_TICKS) {
		if (jiffies != last) {
			last = jiffies;
			ran++;
		}
		trace_run(id);
	}
	complete(&done);
	return 0;
}

static struct task_struct *start(int (*fn)(void *), char id, int policy, int prio)
{
	struct task_struct *p = kthread_create(fn, (void *)(uintptr_t)id, "ktest-spin");

	if (p) {
		set_policy(p, policy, prio);
		wake_up_process(p);
	}
	return p;
}

static void wait_done(struct ktest *t, int n)
{
	for (int i = 0; i < n; i++)
		KTEST_EXPECT_TRUE(t, wait_for_completion_timeout(&done, 5 * HZ) > 0);
}

/* Two FIFO threads of one priority: the first runs to the end, then the second. */
static void fifo_equal_priority_does_not_rotate(struct ktest *t)
{
	init_completion(&done);
	ntrace = 0;
	trace[0] = '\0';
	preempt_disable();	/* both queued before either runs */
	start(spinner, 'A', SCHED_FIFO, 10);
	start(spinner, 'B', SCHED_FIFO, 10);
	preempt_enable();
	wait_done(t, 2);
	KTEST_EXPECT_STREQ(t, trace_str(), "AB");
}

/* Two RR threads of one priority: they take turns, a quantum each. */
static volatile unsigned long switch_jiffies[16];

static int rr_timed_spinner(void *arg)
{
	char id = (char)(uintptr_t)arg;
	unsigned int quantum = (RR_TIMESLICE_MS * HZ) / 1000;
	unsigned long ran = 0, last = jiffies;

	while (ran < 2 * quantum + quantum / 2) {	/* two full quanta and a half */
		if (jiffies != last) {
			last = jiffies;
			ran++;
		}
		if (!ntrace || trace[ntrace - 1] != id) {
			if (ntrace < ARRAY_SIZE(switch_jiffies))
				switch_jiffies[ntrace] = jiffies;
			trace_run(id);
		}
	}
	complete(&done);
	return 0;
}

static void rr_rotates_every_quantum(struct ktest *t)
{
	unsigned int quantum = (RR_TIMESLICE_MS * HZ) / 1000, ms = 0;

	init_completion(&done);
	ntrace = 0;
	trace[0] = '\0';
	preempt_disable();
	start(rr_timed_spinner, 'A', SCHED_RR, 10);
	start(rr_timed_spinner, 'B', SCHED_RR, 10);
	preempt_enable();
	wait_done(t, 2);
	KTEST_EXPECT_STREQ(t, trace_str(), "ABABAB");
	for (unsigned int i = 1; i <= 3 && i + 1 < ntrace; i++) {	/* the full quanta */
		long slice = (long)(switch_jiffies[i + 1] - switch_jiffies[i]);

		KTEST_EXPECT_TRUE(t, slice >= (long)quantum - 1 && slice <= (long)quantum + 1);
	}
	KTEST_EXPECT_EQ(t, sched_rr_get_interval(0, &ms), 0);
	KTEST_EXPECT_EQ(t, ms, 0);		/* we are SCHED_OTHER */
}

/* A higher level runs first; equal levels keep their order. */
static void higher_rt_priority_runs_first(struct ktest *t)
{
	init_completion(&done);
	ntrace = 0;
	trace[0] = '\0';
	preempt_disable();	/* start all three before any of them runs */
	start(spinner, 'L', SCHED_FIFO, 5);
	start(spinner, 'H', SCHED_FIFO, 50);
	start(spinner, 'M', SCHED_RR, 20);
	preempt_enable();
	wait_done(t, 3);
	KTEST_EXPECT_STREQ(t, trace_str(), "HML");
}

/* ---- wake-up preemption -------------------------------------------------- */

static DECLARE_WAIT_QUEUE_HEAD(high_wait);
static volatile int waker_progress;
static int seen_progress;
static bool high_should_run;
static struct task_struct *high_task;

static int high_thread(void *unused)
{
	while (!kthread_should_stop()) {
		wait_event(high_wait, high_should_run || kthread_should_stop());
		if (high_should_run) {
			seen_progress = waker_progress;
			high_should_run = false;
			complete(&done);
		}
	}
	return 0;
}

static irqreturn_t waking_handler(int irq, void *dev_id)
{
	high_should_run = true;
	wake_up(&high_wait);
	return IRQ_HANDLED;
}

static void wakeup_preempts_at_once(struct ktest *t)
{
	init_completion(&done);
	high_task = kthread_create(high_thread, NULL, "ktest-high");
	KTEST_ASSERT_TRUE(t, high_task != NULL);
	set_policy(high_task, SCHED_FIFO, 50);
	wake_up_process(high_task);
	msleep(20);			/* let it go to sleep on high_wait */

	/* From an interrupt: it must run before the interrupted code's next line. */
	KTEST_ASSERT_TRUE(t, request_irq(TEST_IRQ, waking_handler, IRQF_TRIGGER_RISING,
					 "ktest-wake", NULL) == 0);
	waker_progress = 1;
	gic_set_pending(TEST_IRQ);
	for (volatile int i = 0; i < 100; i++)	/* the interrupt arrives in here */
		;
	waker_progress = 2;
	KTEST_EXPECT_TRUE(t, wait_for_completion_timeout(&done, HZ) > 0);
	KTEST_EXPECT_EQ(t, seen_progress, 1);
	free_irq(TEST_IRQ, NULL);

	/* From process context: before wake_up() returns. */
	waker_progress = 3;
	high_should_run = true;
	wake_up(&high_wait);
	waker_progress = 4;
	KTEST_EXPECT_TRUE(t, wait_for_completion_timeout(&done, HZ) > 0);
	KTEST_EXPECT_EQ(t, seen_progress, 3);
	KTEST_EXPECT_EQ(t, kthread_stop(high_task), 0);
}

/* ---- nice ------------------------------------------------------------------ */

static int nice_spinner(void *arg)
{
	while (!kthread_should_stop())
		;
	return 0;
}

/* nice 0 and nice 5 share the CPU 1024:336 (weights), within 10%. */
static void nice_weights_share_the_cpu(struct ktest *t)
{
	struct task_struct *a = kthread_create(nice_spinner, NULL, "ktest-nice0");
	struct task_struct *b = kthread_create(nice_spinner, NULL, "ktest-nice5");
	u64 ta, tb, permille, want = 1000 * 1024 / (1024 + 336);

	KTEST_ASSERT_TRUE(t, a && b);
	set_user_nice(a, 0);
	set_user_nice(b, 5);
	get_task_struct(a);
	get_task_struct(b);
	wake_up_process(a);
	wake_up_process(b);
	msleep(2000);			/* guest time: 2 s of the two sharing */
	ta = a->sum_exec_runtime;
	tb = b->sum_exec_runtime;
	kthread_stop(a);
	kthread_stop(b);
	put_task_struct(a);
	put_task_struct(b);
	permille = ta * 1000 / (ta + tb);
	printk_force("    # nice 0 got %llu ms, nice 5 got %llu ms: %llu per mille (expected %llu)\n",
		     ta / 1000000, tb / 1000000, permille, want);
	KTEST_EXPECT_TRUE(t, permille * 100 >= want * 90 && permille * 100 <= want * 110);
	KTEST_EXPECT_TRUE(t, ta + tb > 1800 * NSEC_PER_MSEC);	/* and little else ran */
}

static void syscalls_check_their_arguments(struct ktest *t)
{
	struct sched_param sp = { .sched_priority = 0 };
	unsigned int ms;

	KTEST_EXPECT_EQ(t, sched_setscheduler(0, SCHED_FIFO, &sp), -EINVAL);	/* FIFO needs 1..99 */
	sp.sched_priority = 100;
	KTEST_EXPECT_EQ(t, sched_setscheduler(0, SCHED_RR, &sp), -EINVAL);
	KTEST_EXPECT_EQ(t, sched_setscheduler(0, 42, &sp), -EINVAL);
	KTEST_EXPECT_EQ(t, sched_setscheduler(0, SCHED_OTHER, NULL), -EINVAL);
	sp.sched_priority = 1;
	KTEST_EXPECT_EQ(t, sched_setscheduler(30000, SCHED_FIFO, &sp), -ESRCH);
	KTEST_EXPECT_EQ(t, sched_getscheduler(30000), -ESRCH);
	KTEST_EXPECT_EQ(t, sched_getscheduler(0), SCHED_OTHER);
	KTEST_EXPECT_EQ(t, sched_get_priority_max(SCHED_FIFO), 99);
	KTEST_EXPECT_EQ(t, sched_get_priority_min(SCHED_RR), 1);
	KTEST_EXPECT_EQ(t, sched_get_priority_max(SCHED_OTHER), 0);
	KTEST_EXPECT_EQ(t, sched_get_priority_min(7), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_getpriority(0, 0), 20);		/* nice 0 */
	KTEST_EXPECT_EQ(t, sys_nice(3), 0);
	KTEST_EXPECT_EQ(t, sys_getpriority(0, 0), 17);
	KTEST_EXPECT_EQ(t, sys_setpriority(0, 0, -40), 0);	/* clamped to -20 */
	KTEST_EXPECT_EQ(t, task_nice(current), -20);
	KTEST_EXPECT_EQ(t, sys_setpriority(0, 0, 0), 0);
	KTEST_EXPECT_EQ(t, sched_rr_get_interval(30000, &ms), -ESRCH);
	KTEST_EXPECT_EQ(t, sys_getpriority(9, 0), -EINVAL);
}

static const struct ktest_case sched_cases[] = {
	KTEST_CASE(fifo_equal_priority_does_not_rotate),
	KTEST_CASE(rr_rotates_every_quantum),
	KTEST_CASE(higher_rt_priority_runs_first),
	KTEST_CASE(wakeup_preempts_at_once),
	KTEST_CASE(nice_weights_share_the_cpu),
	KTEST_CASE(syscalls_check_their_arguments),
};
KTEST_SUITE(sched, sched_cases);

/* ---- sleeping primitives ------------------------------------------------------ */

static DECLARE_WAIT_QUEUE_HEAD(never_wq);

static void wait_event_timeout_expires(struct ktest *t)
{
	unsigned long start = jiffies;
	long left = wait_event_timeout(never_wq, false, 5);

	KTEST_EXPECT_EQ(t, left, 0);
	KTEST_EXPECT_TRUE(t, time_after_eq(jiffies, start + 5));
	KTEST_EXPECT_TRUE(t, wait_event_timeout(never_wq, true, 5) == 5);
}

#define MUTEX_THREADS	4
#define MUTEX_ROUNDS	50

static DEFINE_MUTEX(test_mutex);
static unsigned int shared_counter;

/* Increment under the mutex, sleeping inside the critical section. */
static int mutex_worker(void *arg)
{
	for (int i = 0; i < MUTEX_ROUNDS; i++) {
		mutex_lock(&test_mutex);
		unsigned int v = shared_counter;

		if (i % 10 == 0)
			msleep(10);	/* others pile up on the mutex meanwhile */
		else
			yield();
		shared_counter = v + 1;
		mutex_unlock(&test_mutex);
	}
	complete(&done);
	return 0;
}

static void mutex_hands_off_without_lost_wakeups(struct ktest *t)
{
	init_completion(&done);
	shared_counter = 0;
	for (int i = 0; i < MUTEX_THREADS; i++)
		KTEST_ASSERT_TRUE(t, kthread_run(mutex_worker, NULL, "ktest-mutex") != NULL);
	wait_done(t, MUTEX_THREADS);
	KTEST_EXPECT_EQ(t, shared_counter, MUTEX_THREADS * MUTEX_ROUNDS);
	KTEST_EXPECT_TRUE(t, !mutex_is_locked(&test_mutex));
}

static void mutex_misuse_is_reported(struct ktest *t)
{
	static DEFINE_MUTEX(m);
	unsigned int before = mutex_bugs;

	mutex_unlock(&m);	/* not locked */
	KTEST_EXPECT_EQ(t, mutex_bugs, before + 1);
	KTEST_EXPECT_TRUE(t, mutex_trylock(&m));
	KTEST_EXPECT_TRUE(t, !mutex_trylock(&m));
	mutex_unlock(&m);
	KTEST_EXPECT_EQ(t, mutex_bugs, before + 1);
}

static struct semaphore test_sem;
static atomic_t holders, max_holders;

static int sem_worker(void *arg)
{
	for (int i = 0; i < 10; i++) {
		down(&test_sem);
		int now = atomic_inc_return(&holders);

		if (now > atomic_read(&max_holders))
			atomic_set(&max_holders, now);
		msleep(10);
		atomic_dec(&holders);
		up(&test_sem);
	}
	complete(&done);
	return 0;
}

static void semaphore_admits_count_holders(struct ktest *t)
{
	init_completion(&done);
	sema_init(&test_sem, 2);
	atomic_set(&holders, 0);
	atomic_set(&max_holders, 0);
	for (int i = 0; i < 4; i++)
		KTEST_ASSERT_TRUE(t, kthread_run(sem_worker, NULL, "ktest-sem") != NULL);
	wait_done(t, 4);
	KTEST_EXPECT_EQ(t, atomic_read(&max_holders), 2);
	KTEST_EXPECT_TRUE(t, !down_trylock(&test_sem));
	KTEST_EXPECT_TRUE(t, !down_trylock(&test_sem));
	KTEST_EXPECT_TRUE(t, down_trylock(&test_sem));	/* count exhausted: fails */
	up(&test_sem);
	up(&test_sem);
}

/* Exclusive waiters are woken one per wake_up(), the others all at once. */
static DECLARE_WAIT_QUEUE_HEAD(excl_wq);
static atomic_t excl_woken;
static volatile bool excl_release;

static int exclusive_waiter(void *arg)
{
	DEFINE_WAIT(w);

	prepare_to_wait_exclusive(&excl_wq, &w, TASK_UNINTERRUPTIBLE);
	while (!excl_release) {
		schedule();
		atomic_inc(&excl_woken);
		prepare_to_wait_exclusive(&excl_wq, &w, TASK_UNINTERRUPTIBLE);
	}
	finish_wait(&excl_wq, &w);
	complete(&done);
	return 0;
}

static void exclusive_waiters_wake_one_at_a_time(struct ktest *t)
{
	init_completion(&done);
	atomic_set(&excl_woken, 0);
	excl_release = false;
	for (int i = 0; i < 3; i++)
		KTEST_ASSERT_TRUE(t, kthread_run(exclusive_waiter, NULL, "ktest-excl") != NULL);
	msleep(20);		/* all three asleep on the queue */
	wake_up(&excl_wq);
	msleep(20);
	KTEST_EXPECT_EQ(t, atomic_read(&excl_woken), 1);
	wake_up(&excl_wq);
	msleep(20);
	KTEST_EXPECT_EQ(t, atomic_read(&excl_woken), 2);
	excl_release = true;
	wake_up_all(&excl_wq);
	wait_done(t, 3);
}

static int stoppable(void *arg)
{
	while (!kthread_should_stop())
		msleep(5);
	return 42;
}

static void kthread_stop_returns_the_result(struct ktest *t)
{
	unsigned int before;

	for (int i = 0; i < 50 && nr_tasks() > 5; i++)	/* earlier tests' threads reaped */
		msleep(10);
	before = nr_tasks();
	struct task_struct *k = kthread_run(stoppable, NULL, "ktest-stop");

	KTEST_ASSERT_TRUE(t, k != NULL);
	KTEST_EXPECT_EQ(t, nr_tasks(), before + 1);
	msleep(20);
	KTEST_EXPECT_EQ(t, kthread_stop(k), 42);
	for (int i = 0; i < 50 && nr_tasks() > before; i++)
		msleep(10);
	KTEST_EXPECT_EQ(t, nr_tasks(), before);	/* reaped by kthreadd */
	if (nr_tasks() != before)
		seq_show_to_log(show_tasks);
}

static void scheduling_while_atomic_is_reported(struct ktest *t)
{
	unsigned int before = schedule_bugs;

	preempt_disable();
	schedule();		/* a bug: reported, and survived */
	preempt_enable();
	KTEST_EXPECT_EQ(t, schedule_bugs, before + 1);
	KTEST_EXPECT_EQ(t, preempt_count(), 0);
}

static const struct ktest_case sync_cases[] = {
	KTEST_CASE(wait_event_timeout_expires),
	KTEST_CASE(mutex_hands_off_without_lost_wakeups),
	KTEST_CASE(mutex_misuse_is_reported),
	KTEST_CASE(semaphore_admits_count_holders),
	KTEST_CASE(exclusive_waiters_wake_one_at_a_time),
	KTEST_CASE(kthread_stop_returns_the_result),
	KTEST_CASE(scheduling_while_atomic_is_reported),
};
KTEST_SUITE(sync, sync_cases);
