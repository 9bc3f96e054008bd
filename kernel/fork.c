// SPDX-License-Identifier: MIT
/*
 * Making, finding and freeing tasks. Linux counterparts: kernel/fork.c
 * (copy_process, put_task_struct), kernel/pid.c, kernel/exit.c (do_exit,
 * release_task) and init/init_task.c.
 *
 * A task's kernel stack is THREAD_SIZE of vmalloc memory, so an overflow
 * runs into an unmapped guard page. A task is referenced by its parent
 * (until reaped) and by itself (until it has finished running).
 *
 * Locking: tasklist_lock, with IRQs off, protects the task list, the
 * parent/children links and pid allocation.
 */
#define pr_fmt(fmt) "task: " fmt

#include <armlet/errno.h>
#include <armlet/fs.h>
#include <armlet/kernel.h>
#include <armlet/printk.h>
#include <armlet/seq_buf.h>
#include <armlet/sched.h>
#include <armlet/slab.h>
#include <armlet/string.h>
#include <armlet/vmalloc.h>
#include <asm/memory.h>
#include "sched/sched.h"

#define PID_MAX		32768

static DEFINE_SPINLOCK(tasklist_lock);
static struct list_head all_tasks = LIST_HEAD_INIT(all_tasks);
static struct kmem_cache *task_cache;
static int last_pid;
static unsigned int task_count;
struct task_struct init_task;

extern char __svc_stack_guard[];	/* the boot stack starts a page above */
void ret_from_kthread(void);

static struct task_struct *find_task_locked(int pid);

/* A free pid after last_pid, wrapping round; 0 if all are taken. */
static int alloc_pid_locked(void)
{
	for (int i = 0; i < PID_MAX; i++) {
		int pid = last_pid + 1 + i;

		if (pid >= PID_MAX)
			pid = pid - PID_MAX + 1;	/* pid 0 is the idle task's */
		if (!find_task_locked(pid)) {
			last_pid = pid;
			return pid;
		}
	}
	return 0;
}

/* Caller holds tasklist_lock. */
static struct task_struct *find_task_locked(int pid)
{
	struct task_struct *p;

	list_for_each_entry(p, &all_tasks, tasks)
		if (p->pid == pid)
			return p;
	return NULL;
}

static void init_sched_fields(struct task_struct *p, const struct task_struct *parent)
{
	p->policy = SCHED_NORMAL;
	p->static_prio = parent && !(parent->flags & PF_IDLE) ? parent->static_prio : DEFAULT_PRIO;
	p->normal_prio = p->prio = p->static_prio;
	p->sched_class = &fair_sched_class;
	set_load_weight(p);
	INIT_LIST_HEAD(&p->rt.run_list);
	INIT_LIST_HEAD(&p->se.run_node);
}

/*
 * create_kernel_task - a new task that will run fn(arg) on its own stack,
 * not yet runnable (TASK_UNINTERRUPTIBLE until wake_up_process). Returns
 * NULL when memory or pids run out. Context: process.
 */
struct task_struct *create_kernel_task(int (*fn)(void *), void *arg, const char *name,
				       struct task_struct *parent)
{
	struct task_struct *p = kmem_cache_alloc(task_cache, GFP_KERNEL | __GFP_ZERO);
	unsigned long flags;

	if (!p)
		return NULL;
	p->stack = vmalloc(THREAD_SIZE);
	if (!p->stack) {
		kmem_cache_free(task_cache, p);
		return NULL;
	}
	strlcpy(p->comm, name, sizeof(p->comm));
	p->state = TASK_UNINTERRUPTIBLE;
	p->flags = PF_KTHREAD;
	p->usage = 2;		/* its parent's, and its own while it runs */
	p->preempt_count = 2;	/* as inside __schedule, holding rq->lock */
	p->ctx.sp = (u32)(uintptr_t)p->stack + THREAD_SIZE;
	p->ctx.pc = (u32)(uintptr_t)ret_from_kthread;
	p->ctx.r4 = (u32)(uintptr_t)fn;
	p->ctx.r5 = (u32)(uintptr_t)arg;
	INIT_LIST_HEAD(&p->children);
	init_sched_fields(p, parent);	/* vruntime 0: placed when first enqueued */

	spin_lock_irqsave(&tasklist_lock, flags);
	p->pid = alloc_pid_locked();
	p->parent = parent;
	list_add_tail(&p->sibling, &parent->children);
	list_add_tail(&p->tasks, &all_tasks);
	task_count++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!p->pid) {
		pr_err("out of pids\n");
		put_task_struct(p);
		return NULL;
	}
	if (parent->pwd.dentry)
		fs_copy_pwd(p, parent);
	return p;
}

/*
 * find_get_task_by_pid - the task with that pid, with a reference the
 * caller drops with put_task_struct(); NULL if there is none.
 */
struct task_struct *find_get_task_by_pid(int pid)
{
	struct task_struct *p;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_locked(pid);
	if (p && p->exit_state)
		p = NULL;	/* exited: as good as gone */
	if (p)
		p->usage++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p;
}

void get_task_struct(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	p->usage++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/* Drop a reference; the last one takes the task off the lists and frees it. */
void put_task_struct(struct task_struct *p)
{
	unsigned long flags;
	bool last;

	spin_lock_irqsave(&tasklist_lock, flags);
	last = --p->usage == 0;
	if (last) {
		list_del(&p->tasks);
		list_del(&p->sibling);
		task_count--;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!last)
		return;
	vfree(p->stack);
	kfree(p->kthread);
	kmem_cache_free(task_cache, p);
}

unsigned int nr_tasks(void)
{
	return READ_ONCE(task_count);
}

/*
 * release_zombies - reap parent's exited children (drop the parent's
 * reference). Returns how many. Context: process (the parent).
 */
int release_zombies(struct task_struct *parent)
{
	struct task_struct *p, *next, *zombie;
	unsigned long flags;
	int n = 0;

	do {
		zombie = NULL;
		spin_lock_irqsave(&tasklist_lock, flags);
		list_for_each_entry_safe(p, next, &parent->children, sibling) {
			if (p->exit_state == EXIT_ZOMBIE) {
				p->exit_state = EXIT_DEAD;
				zombie = p;
				break;
			}
		}
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (zombie) {
			put_task_struct(zombie);
			n++;
		}
	} while (zombie);
	return n;
}

/*
 * do_exit - end the current task with code: it becomes a zombie for its
 * parent to reap, and never runs again. Its stack is freed by the next
 * task to run (finish_task_switch). Context: process.
 */
void do_exit(int code)
{
	struct task_struct *me = current;
	unsigned long flags;

	if (me->flags & PF_IDLE)
		panic("the idle task tried to exit");
	if (me->pwd.dentry)
		fs_drop_pwd(me);
	spin_lock_irqsave(&tasklist_lock, flags);
	me->flags |= PF_EXITING;
	me->exit_code = code;
	me->exit_state = EXIT_ZOMBIE;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	wake_up_process(me->parent);	/* so it can reap */
	/*
	 * No preemption from here on: a dead task taken off the CPU by an
	 * interrupt would stay queued while the next task frees its stack.
	 * The count it leaves behind dies with it.
	 */
	preempt_disable();
	__set_current_state(TASK_DEAD);
	schedule();
	panic("a dead task ran again");
}

/* sched_init part: the boot thread becomes task 0, the idle task. */
void fork_init(void)
{
	task_cache = kmem_cache_create("task_struct", sizeof(struct task_struct), 8, 0, NULL);
	if (!task_cache)
		panic("no task_struct cache");
	strlcpy(init_task.comm, "swapper/0", sizeof(init_task.comm));
	init_task.state = TASK_RUNNING;
	init_task.flags = PF_KTHREAD | PF_IDLE;
	init_task.usage = 1;
	init_task.stack = __svc_stack_guard + PAGE_SIZE;
	init_task.parent = &init_task;
	INIT_LIST_HEAD(&init_task.children);
	INIT_LIST_HEAD(&init_task.sibling);
	init_sched_fields(&init_task, NULL);
	init_task.policy = SCHED_IDLE;
	init_task.sched_class = &idle_sched_class;
	init_task.prio = init_task.static_prio = init_task.normal_prio = MAX_PRIO;
	list_add_tail(&init_task.tasks, &all_tasks);
	task_count = 1;
}

static const char *policy_name(const struct task_struct *p)
{
	if (p->flags & PF_IDLE)
		return "-";
	switch (p->policy) {
	case SCHED_NORMAL: return "OTHER";
	case SCHED_FIFO: return "FIFO";
	case SCHED_RR: return "RR";
	case SCHED_IDLE: return "IDLE";
	default: return "?";
	}
}

/* The letter ps and /proc show for p's state, as Linux's: R S D Z X. */
char task_state_char(const struct task_struct *p)
{
	if (p->exit_state == EXIT_ZOMBIE)
		return 'Z';
	switch (p->state) {
	case TASK_RUNNING: return 'R';
	case TASK_INTERRUPTIBLE: return 'S';
	case TASK_UNINTERRUPTIBLE: return 'D';
	default: return 'X';
	}
}

/* next_pid_after - the smallest pid above pid of a live task, or 0 (for /proc). */
int next_pid_after(int pid)
{
	struct task_struct *p;
	unsigned long flags;
	int best = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &all_tasks, tasks)
		if (p->pid > pid && !p->exit_state && (!best || p->pid < best))
			best = p->pid;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return best;
}

/* show_tasks - every task, like ps: pid, parent, state, policy, priority, CPU time. */
void show_tasks(struct seq_buf *m)
{
	struct task_struct *p;
	unsigned long flags;

	seq_printf(m, "  PID  PPID S POLICY PRI NICE   TIME(ms)  TICKS SWITCHES COMMAND\n");
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &all_tasks, tasks) {
		char state = task_state_char(p);

		seq_printf(m, "%5d %5d %c %-6s %3d %4d %10llu %6lu %8lu %s\n", p->pid,
		       p->parent->pid, state, policy_name(p), p->prio,
		       p->flags & PF_IDLE ? 0 : task_nice(p),
		       p->sum_exec_runtime / 1000000, p->utime_ticks, p->nvcsw + p->nivcsw,
		       p->comm);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
}
