/* SPDX-License-Identifier: MIT */
/*
 * What the scheduling classes share with the core (kernel/sched/ only).
 * Linux: kernel/sched/sched.h.
 */
#ifndef KERNEL_SCHED_SCHED_H
#define KERNEL_SCHED_SCHED_H

#include <armlet/sched.h>

struct rq *this_rq(void);
void activate_task(struct rq *rq, struct task_struct *p, bool wakeup);
void deactivate_task(struct rq *rq, struct task_struct *p);
u64 update_curr_exec(struct rq *rq, struct task_struct *curr);
void set_load_weight(struct task_struct *p);

/* Which class a policy belongs to. */
static inline bool rt_policy(unsigned int policy)
{
	return policy == SCHED_FIFO || policy == SCHED_RR;
}

#endif /* KERNEL_SCHED_SCHED_H */
