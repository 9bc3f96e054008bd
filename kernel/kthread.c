// SPDX-License-Identifier: MIT
/*
 * Kernel threads (see kthread.h) and kthreadd, their parent, which reaps
 * them when they exit. Linux counterpart: kernel/kthread.c.
 */
#define pr_fmt(fmt) "kthread: " fmt

#include <armlet/completion.h>
#include <armlet/errno.h>
#include <armlet/kthread.h>
#include <armlet/printk.h>
#include <armlet/slab.h>

struct kthread {
	int (*fn)(void *data);
	void *data;
	bool should_stop;
	int result;
	struct completion exited;
};

extern struct task_struct init_task;
static struct task_struct *kthreadd_task;

/* The first function of every kernel thread: run fn, then exit with its result. */
static int kthread_main(void *arg)
{
	struct kthread *k = arg;

	return k->fn(k->data);
}

/*
 * kthread_create - a kernel thread that will run fn(data), created stopped:
 * wake_up_process() starts it. Its parent is kthreadd. Context: process.
 */
struct task_struct *kthread_create(int (*fn)(void *data), void *data, const char *name)
{
	struct kthread *k = kzalloc(sizeof(*k), GFP_KERNEL);
	struct task_struct *t;

	if (!k)
		return NULL;
	k->fn = fn;
	k->data = data;
	init_completion(&k->exited);
	t = create_kernel_task(kthread_main, k, name, kthreadd_task ? kthreadd_task : &init_task);
	if (!t) {
		kfree(k);
		return NULL;
	}
	t->kthread = k;
	return t;
}

struct task_struct *kthread_run(int (*fn)(void *data), void *data, const char *name)
{
	struct task_struct *t = kthread_create(fn, data, name);

	if (t)
		wake_up_process(t);
	return t;
}

bool kthread_should_stop(void)
{
	return current->kthread && READ_ONCE(current->kthread->should_stop);
}

/* Called from boot/switch.S when the thread's function returns. */
void kthread_exit(int result)
{
	struct kthread *k = current->kthread;

	if (k) {
		k->result = result;
		complete_all(&k->exited);
	}
	do_exit(result);
}

/*
 * kthread_stop - tell k to stop, wake it, wait until its function has
 * returned, and give back its result. Context: process, not k itself.
 */
int kthread_stop(struct task_struct *k)
{
	struct kthread *kt = k->kthread;
	int result;

	if (!kt || k == current) {
		pr_err("kthread_stop(%s): %s\n", k->comm, kt ? "from itself" : "not a kthread");
		return -EINVAL;
	}
	get_task_struct(k);
	WRITE_ONCE(kt->should_stop, true);
	wake_up_process(k);
	wait_for_completion(&kt->exited);
	result = kt->result;
	put_task_struct(k);	/* struct kthread goes with the task */
	return result;
}

/* kthreadd: the parent of kernel threads; reaps them as they exit. */
static int kthreadd(void *unused)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!release_zombies(current))
			schedule();
		__set_current_state(TASK_RUNNING);
	}
	return 0;
}

void kthreadd_start(void)
{
	kthreadd_task = create_kernel_task(kthreadd, NULL, "kthreadd", &init_task);
	if (!kthreadd_task)
		panic("cannot start kthreadd");
	wake_up_process(kthreadd_task);
}
