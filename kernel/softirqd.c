// SPDX-License-Identifier: MIT
/*
 * ksoftirqd: the thread that runs softirqs left over when __do_softirq()
 * gave up after MAX_SOFTIRQ_RESTART rounds. As a normal task it shares the
 * CPU fairly instead of starving everything else. Linux counterpart:
 * run_ksoftirqd in kernel/softirq.c.
 */
#include <armlet/irqflags.h>
#include <armlet/kthread.h>
#include <armlet/softirq.h>

static struct task_struct *ksoftirqd;

void wakeup_softirqd(void)
{
	if (ksoftirqd)
		wake_up_process(ksoftirqd);
}

static int run_ksoftirqd(void *unused)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!local_softirq_pending())
			schedule();
		__set_current_state(TASK_RUNNING);
		local_irq_disable();
		if (local_softirq_pending() && !in_interrupt())
			__do_softirq();
		local_irq_enable();
	}
	return 0;
}

void spawn_ksoftirqd(void)
{
	ksoftirqd = kthread_run(run_ksoftirqd, NULL, "ksoftirqd/0");
	if (!ksoftirqd)
		panic("cannot start ksoftirqd");
}
