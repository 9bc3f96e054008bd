/* SPDX-License-Identifier: MIT */
/*
 * Tasks and the scheduler. Linux: <linux/sched.h>, kernel/sched/sched.h.
 * docs/scheduler.md explains the design.
 *
 * Priorities as Linux numbers them: prio 0..99 are real-time (prio =
 * 99 - rt_priority, so rt_priority 99 is prio 0, the highest), 100..139
 * are normal tasks (nice -20..19 -> 100..139). Lower prio runs first.
 */
#ifndef ARMLET_SCHED_H
#define ARMLET_SCHED_H

#include <armlet/list.h>
#include <armlet/path.h>
#include <armlet/preempt.h>
#include <armlet/prio_array.h>
#include <armlet/spinlock.h>
#include <armlet/types.h>

/* task_struct.state (Linux values) */
#define TASK_RUNNING		0x0000	/* running or on a run queue */
#define TASK_INTERRUPTIBLE	0x0001	/* asleep; a signal wakes it too */
#define TASK_UNINTERRUPTIBLE	0x0002	/* asleep until its event */
#define __TASK_STOPPED		0x0004
#define TASK_DEAD		0x0080	/* exiting: never runs again */

/* task_struct.exit_state */
#define EXIT_DEAD		0x0010
#define EXIT_ZOMBIE		0x0020	/* exited, not yet reaped */

/* policies (Linux values, <uapi/linux/sched.h>) */
#define SCHED_NORMAL		0	/* SCHED_OTHER */
#define SCHED_OTHER		SCHED_NORMAL
#define SCHED_FIFO		1
#define SCHED_RR		2
#define SCHED_IDLE		5

#define MAX_RT_PRIO		100
#define MAX_PRIO		140
#define DEFAULT_PRIO		120	/* nice 0 */
#define NICE_TO_PRIO(n)		((n) + DEFAULT_PRIO)
#define PRIO_TO_NICE(p)		((p) - DEFAULT_PRIO)
#define MIN_NICE		(-20)
#define MAX_NICE		19

#define RR_TIMESLICE_MS		100	/* SCHED_RR quantum */
#define TASK_COMM_LEN		16
#define THREAD_SIZE		8192	/* a kernel stack */

/* task_struct.flags */
#define PF_KTHREAD		0x0001	/* a kernel thread */
#define PF_IDLE			0x0002	/* the idle task */
#define PF_EXITING		0x0004

/* Callee-saved registers of a switched-out task (boot/switch.S). */
struct cpu_context {
	u32 r4, r5, r6, r7, r8, r9, sl, fp;
	u32 sp;
	u32 pc;
};

/* The fair class's view of a task. */
struct sched_entity {
	u32 weight;			/* from nice: 1024 at nice 0 */
	u32 inv_weight;			/* 2^32 / weight, to divide by weight */
	u64 vruntime;			/* ns of CPU, scaled by 1024/weight */
	u64 exec_start;			/* rq clock when it last went on the CPU */
	struct list_head run_node;	/* in cfs_rq.tasks, ordered by vruntime */
};

/* The real-time class's view of a task. */
struct sched_rt_entity {
	struct list_head run_list;	/* in rt_rq.active.queue[prio] */
	unsigned int time_slice;	/* ticks left in this RR quantum */
};

struct sched_class;
struct kthread;

struct task_struct {
	struct cpu_context ctx;		/* first: boot/switch.S relies on it */
	volatile long state;
	unsigned int flags;		/* PF_* */
	unsigned int preempt_count;	/* saved here while switched out */
	int on_rq;

	int prio, static_prio, normal_prio;
	unsigned int rt_priority;	/* 1..99 for FIFO/RR, else 0 */
	unsigned int policy;
	const struct sched_class *sched_class;
	struct sched_entity se;
	struct sched_rt_entity rt;

	int pid;
	char comm[TASK_COMM_LEN];
	void *stack;			/* THREAD_SIZE bytes, guard page below */
	int usage;			/* references; freed at 0 */

	struct task_struct *parent;
	struct list_head children;	/* my children */
	struct list_head sibling;	/* in my parent's children */
	struct list_head tasks;		/* in the list of all tasks */
	int exit_state, exit_code;

	u64 sum_exec_runtime;		/* ns on the CPU */
	unsigned long utime_ticks;	/* ticks that found it running */
	unsigned long nvcsw, nivcsw;	/* voluntary and forced switches */

	struct kthread *kthread;	/* PF_KTHREAD: its kthread data */
	unsigned long sleep_timeout;	/* schedule_timeout's timer expiry */
	struct path pwd;		/* current directory; NULL dentry: "/" */
};

/*
 * The scheduling-class interface: the seam where a lab adds a policy.
 * The core calls these with the run-queue lock held and IRQs off, except
 * get_rr_interval (a read of the task's policy, no lock).
 */
struct rq;
struct sched_class {
	const char *name;
	const struct sched_class *next;	/* the next lower class */
	void (*enqueue_task)(struct rq *rq, struct task_struct *p, bool wakeup);
	void (*dequeue_task)(struct rq *rq, struct task_struct *p);
	void (*yield_task)(struct rq *rq);
	/* p woke up: should it preempt rq->curr (of the same class)? */
	bool (*check_preempt_curr)(struct rq *rq, struct task_struct *p);
	struct task_struct *(*pick_next_task)(struct rq *rq);
	void (*put_prev_task)(struct rq *rq, struct task_struct *p);
	void (*task_tick)(struct rq *rq, struct task_struct *p);
	unsigned int (*get_rr_interval)(struct task_struct *p);	/* ms */
};

extern const struct sched_class rt_sched_class, fair_sched_class, idle_sched_class;
/* The top of the ->next chain: a class above rt goes in front of it here. */
#define sched_class_highest	(&rt_sched_class)

struct rt_rq {
	struct prio_array active;
};

struct cfs_rq {
	struct list_head tasks;		/* runnable, by vruntime; curr not on it */
	unsigned int nr_running;	/* on the list */
	u64 min_vruntime;		/* never goes back */
};

struct rq {
	spinlock_t lock;
	struct task_struct *curr, *idle;
	unsigned int nr_running;	/* all classes, curr included */
	u64 clock;			/* ns, updated at scheduling events */
	unsigned long nr_switches;
	struct rt_rq rt;
	struct cfs_rq cfs;
};

extern struct task_struct *current_task[NR_CPUS];
#define current		(current_task[smp_processor_id()])

/* Core */
void sched_init(void);
void schedule(void);
void preempt_schedule(void);
void preempt_schedule_irq(void);
bool wake_up_process(struct task_struct *p);
bool wake_up_state(struct task_struct *p, unsigned int state);
void scheduler_tick(void);
void yield(void);
void resched_curr(void);
void cpu_idle_loop(void) __noreturn;
extern unsigned int schedule_bugs;
void set_user_nice(struct task_struct *p, int nice);
int task_nice(const struct task_struct *p);
u32 sched_prio_to_weight(int nice);

#define set_current_state(s)	do { WRITE_ONCE(current->state, (s)); smp_mb(); } while (0)
#define __set_current_state(s)	WRITE_ONCE(current->state, (s))

/* Tasks */
struct task_struct *create_kernel_task(int (*fn)(void *), void *arg, const char *name,
				       struct task_struct *parent);
struct task_struct *find_get_task_by_pid(int pid);
void get_task_struct(struct task_struct *p);
void put_task_struct(struct task_struct *p);
void do_exit(int code) __noreturn;
unsigned int nr_tasks(void);
struct seq_buf;
void show_tasks(struct seq_buf *m);
char task_state_char(const struct task_struct *p);
extern struct task_struct init_task;	/* task 0, the idle task; runs on the boot stack */
int next_pid_after(int pid);
void show_runqueue(struct seq_buf *m);
int release_zombies(struct task_struct *parent);

/* Signals arrive with the IPC issue; until then no task has one pending. */
static inline bool signal_pending(const struct task_struct *p)
{
	return false;
}

/* Scheduling system calls, kernel side (kernel/sched/syscalls.c). */
struct sched_param {
	int sched_priority;
};

int sched_setscheduler(int pid, int policy, const struct sched_param *param);
int sched_getscheduler(int pid);
int sched_setparam(int pid, const struct sched_param *param);
int sched_getparam(int pid, struct sched_param *param);
int sched_get_priority_max(int policy);
int sched_get_priority_min(int policy);
int sched_rr_get_interval(int pid, unsigned int *ms);
int sys_sched_yield(void);
int sys_nice(int increment);
int sys_getpriority(int which, int who);
int sys_setpriority(int which, int who, int niceval);

#endif /* ARMLET_SCHED_H */
