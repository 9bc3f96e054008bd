/* SPDX-License-Identifier: MIT */
/*
 * Kernel threads. Linux: <linux/kthread.h>.
 *
 *   t = kthread_run(fn, data, "name");   ...   kthread_stop(t);
 *
 * fn runs in process context and should loop until kthread_should_stop();
 * kthread_stop() wakes it, waits for it to return and gives back fn's
 * return value. A thread that may return on its own must be kept alive
 * with get_task_struct() by whoever will kthread_stop() it, or kthreadd
 * may reap it first.
 */
#ifndef ARMLET_KTHREAD_H
#define ARMLET_KTHREAD_H

#include <armlet/sched.h>

struct task_struct *kthread_create(int (*fn)(void *data), void *data, const char *name);
struct task_struct *kthread_run(int (*fn)(void *data), void *data, const char *name);
int kthread_stop(struct task_struct *k);
bool kthread_should_stop(void);
void kthread_exit(int result) __noreturn;
void kthreadd_start(void);

#endif /* ARMLET_KTHREAD_H */
