// SPDX-License-Identifier: MIT
/*
 * The files of /proc/<pid>: status (for people) and stat (for programs
 * such as ps), in Linux's formats. Linux counterparts: fs/proc/array.c
 * (proc_pid_status, do_task_stat). Fields Armlet has no notion of yet
 * (process groups, terminals, page faults, memory sizes) read as 0 so the
 * positions of the others stay where tools look for them.
 * Context: process; the caller holds a reference on p.
 */
#include <armlet/jiffies.h>
#include <armlet/proc_fs.h>
#include <armlet/sched.h>
#include <armlet/seq_buf.h>

#define USER_HZ	100	/* the unit of times in stat, whatever HZ is */

static const char *state_name(char state)
{
	switch (state) {
	case 'R': return "R (running)";
	case 'S': return "S (sleeping)";
	case 'D': return "D (disk sleep)";
	case 'Z': return "Z (zombie)";
	default: return "X (dead)";
	}
}

static int parent_pid(const struct task_struct *p)
{
	return p->parent && p->parent != p ? p->parent->pid : 0;
}

int proc_pid_status(struct seq_buf *m, struct task_struct *p)
{
	seq_printf(m, "Name:\t%s\n", p->comm);
	seq_printf(m, "State:\t%s\n", state_name(task_state_char(p)));
	seq_printf(m, "Tgid:\t%d\nPid:\t%d\nPPid:\t%d\n", p->pid, p->pid, parent_pid(p));
	seq_printf(m, "Threads:\t1\n");
	seq_printf(m, "voluntary_ctxt_switches:\t%lu\n", p->nvcsw);
	seq_printf(m, "nonvoluntary_ctxt_switches:\t%lu\n", p->nivcsw);
	return 0;
}

/* Linux's "priority" field: -1 - rt_priority for real-time tasks, prio - 100 otherwise. */
static int stat_priority(const struct task_struct *p)
{
	return p->rt_priority ? -1 - (int)p->rt_priority : p->prio - MAX_RT_PRIO;
}

/*
 * proc_pid_stat - one line of 52 fields (man 5 proc): pid (comm) state
 * ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt
 * utime stime cutime cstime priority nice num_threads itrealvalue
 * starttime vsize rss ... rt_priority policy ...
 */
int proc_pid_stat(struct seq_buf *m, struct task_struct *p)
{
	unsigned long utime = p->utime_ticks * USER_HZ / HZ;

	seq_printf(m, "%d (%s) %c %d 0 0 0 -1 %u 0 0 0 0 %lu 0 0 0 %d %d 1 0 0 0 0",
		   p->pid, p->comm, task_state_char(p), parent_pid(p), p->flags, utime,
		   stat_priority(p), task_nice(p));
	/* fields 25-40: memory layout, signals, wait channel, exit signal, cpu */
	seq_printf(m, " 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0");
	/* 41 rt_priority, 42 policy, then 43-52 */
	seq_printf(m, " %u %u 0 0 0 0 0 0 0 0 0 0\n", p->rt_priority, p->policy);
	return 0;
}
