// SPDX-License-Identifier: MIT
/*
 * The scheduling system calls, kernel side, with Linux's semantics and
 * errors (sched_setscheduler(2), sched_get_priority_max(2), nice(2),
 * getpriority(2)): the user-space issue connects them to the syscall
 * table. Linux counterpart: kernel/sched/syscalls.c (core.c before 6.10).
 * Context: process.
 */
#include <armlet/errno.h>
#include <armlet/sched.h>
#include "sched.h"

#define PRIO_PROCESS	0	/* getpriority "which": the only one supported */
#define RR_TIMESLICE_TICKS	((RR_TIMESLICE_MS * HZ + 999) / 1000)

int task_nice(const struct task_struct *p)
{
	return PRIO_TO_NICE(p->static_prio);
}

/* The task pid names (0: the caller), referenced: drop it with put_task_struct(). */
static struct task_struct *get_task_of(int pid)
{
	if (pid == 0) {
		get_task_struct(current);
		return current;
	}
	return find_get_task_by_pid(pid);
}

static bool valid_policy(int policy)
{
	return policy == SCHED_NORMAL || policy == SCHED_FIFO || policy == SCHED_RR ||
	       policy == SCHED_IDLE;
}

/* Take p off its queue, let change() alter it, put it back and re-decide. */
static void requeue_changed(struct task_struct *p, void (*change)(struct task_struct *, int, int),
			    int a, int b)
{
	struct rq *rq = this_rq();
	unsigned long flags;
	bool queued, running;

	spin_lock_irqsave(&rq->lock, flags);
	queued = p->on_rq;
	running = rq->curr == p;
	if (queued)
		deactivate_task(rq, p);
	change(p, a, b);
	if (queued)
		activate_task(rq, p, false);
	if (running || (queued && p->prio < rq->curr->prio))
		resched_curr();
	spin_unlock_irqrestore(&rq->lock, flags);
}

static void change_policy(struct task_struct *p, int policy, int rt_priority)
{
	p->policy = policy;
	p->rt_priority = rt_priority;
	if (rt_policy(policy)) {
		p->prio = p->normal_prio = MAX_RT_PRIO - 1 - rt_priority;
		p->sched_class = &rt_sched_class;
		p->rt.time_slice = RR_TIMESLICE_TICKS;
	} else {
		p->prio = p->normal_prio = p->static_prio;
		p->sched_class = &fair_sched_class;
	}
	set_load_weight(p);	/* SCHED_IDLE has its own weight */
}

static void change_nice(struct task_struct *p, int nice, int unused)
{
	p->static_prio = NICE_TO_PRIO(nice);
	set_load_weight(p);
	if (!rt_policy(p->policy))
		p->prio = p->normal_prio = p->static_prio;
}

/*
 * sched_setscheduler - policy and rt priority of task pid (0: the caller).
 * FIFO and RR take priorities 1..99, the others 0. Errors: -ESRCH (no
 * such task), -EINVAL (bad policy or priority, or no param).
 */
int sched_setscheduler(int pid, int policy, const struct sched_param *param)
{
	struct task_struct *p;
	bool idle;
	int prio;

	if (!param || !valid_policy(policy) || pid < 0)
		return -EINVAL;
	prio = param->sched_priority;
	if (rt_policy(policy) ? prio < 1 || prio > MAX_RT_PRIO - 1 : prio != 0)
		return -EINVAL;
	p = get_task_of(pid);
	if (!p)
		return -ESRCH;
	idle = p->flags & PF_IDLE;	/* the idle task keeps its class */
	if (!idle)
		requeue_changed(p, change_policy, policy, prio);
	put_task_struct(p);
	return idle ? -EPERM : 0;
}

int sched_getscheduler(int pid)
{
	struct task_struct *p;
	int policy;

	if (pid < 0)
		return -EINVAL;
	p = get_task_of(pid);
	if (!p)
		return -ESRCH;
	policy = (int)p->policy;
	put_task_struct(p);
	return policy;
}

int sched_setparam(int pid, const struct sched_param *param)
{
	int policy = sched_getscheduler(pid);

	if (!param || policy < 0)
		return param ? policy : -EINVAL;
	return sched_setscheduler(pid, policy, param);
}

int sched_getparam(int pid, struct sched_param *param)
{
	struct task_struct *p;

	if (!param || pid < 0)
		return -EINVAL;
	p = get_task_of(pid);
	if (!p)
		return -ESRCH;
	param->sched_priority = (int)p->rt_priority;
	put_task_struct(p);
	return 0;
}

int sched_get_priority_max(int policy)
{
	if (!valid_policy(policy))
		return -EINVAL;
	return rt_policy(policy) ? MAX_RT_PRIO - 1 : 0;
}

int sched_get_priority_min(int policy)
{
	if (!valid_policy(policy))
		return -EINVAL;
	return rt_policy(policy) ? 1 : 0;
}

/* The RR quantum of pid in ms: 100 for SCHED_RR, 0 for the others. */
int sched_rr_get_interval(int pid, unsigned int *ms)
{
	struct task_struct *p;

	if (pid < 0 || !ms)
		return -EINVAL;
	p = get_task_of(pid);
	if (!p)
		return -ESRCH;
	*ms = p->sched_class->get_rr_interval(p);
	put_task_struct(p);
	return 0;
}

int sys_sched_yield(void)
{
	yield();
	return 0;
}

void set_user_nice(struct task_struct *p, int nice)
{
	nice = nice < MIN_NICE ? MIN_NICE : nice > MAX_NICE ? MAX_NICE : nice;
	requeue_changed(p, change_nice, nice, 0);
}

/* nice(2): add increment to the caller's nice, clamped; returns 0. */
int sys_nice(int increment)
{
	set_user_nice(current, task_nice(current) + increment);
	return 0;
}

/* getpriority(2), kernel side: 20 - nice (1..40), as Linux's syscall returns. */
int sys_getpriority(int which, int who)
{
	struct task_struct *p;

	int prio;

	if (which != PRIO_PROCESS)
		return -EINVAL;
	p = get_task_of(who);
	if (!p)
		return -ESRCH;
	prio = 20 - task_nice(p);
	put_task_struct(p);
	return prio;
}

int sys_setpriority(int which, int who, int niceval)
{
	struct task_struct *p;

	if (which != PRIO_PROCESS)
		return -EINVAL;
	p = get_task_of(who);
	if (!p)
		return -ESRCH;
	set_user_nice(p, niceval);
	put_task_struct(p);
	return 0;
}
