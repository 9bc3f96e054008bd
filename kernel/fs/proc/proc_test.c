// SPDX-License-Identifier: MIT
/*
 * In-kernel tests of /proc: each file holds the live value of what it
 * describes (meminfo's free memory falls by what was just allocated),
 * per-task directories come and go with their tasks, and a driver's
 * proc_create_single file shows its state at each open. Run with "ktest=proc".
 */
#include <armlet/delay.h>
#include <armlet/err.h>
#include <armlet/errno.h>
#include <armlet/fs.h>
#include <armlet/gfp.h>
#include <armlet/kernel.h>
#include <armlet/kthread.h>
#include <armlet/ktest.h>
#include <armlet/mm.h>
#include <armlet/printk.h>
#include <armlet/proc_fs.h>
#include <armlet/sched.h>
#include <armlet/seq_buf.h>
#include <armlet/string.h>

#define BUF_SIZE	8192

/*
 * The text of a /proc file, NUL-terminated, in one of a few static
 * buffers (so that reading does not itself move meminfo), or NULL.
 */
static char *read_proc(struct ktest *t, const char *name)
{
	static char bufs[4][BUF_SIZE];
	static unsigned int next;
	char *buf = bufs[next++ % ARRAY_SIZE(bufs)];
	struct file *f = filp_open(name, O_RDONLY, 0);
	loff_t pos = 0;
	ssize_t n = 0, got;

	if (IS_ERR(f)) {
		ktest_fail(t, __FILE__, __LINE__, "open %s: %ld", name, PTR_ERR(f));
		return NULL;
	}
	while ((got = kernel_read(f, buf + n, 100, &pos)) > 0 && n < BUF_SIZE - 101)
		n += got;	/* small reads: the position must carry over */
	buf[n] = '\0';
	filp_close(f);
	return buf;
}

/* The number after "key" in text, or -1. */
static long field(const char *text, const char *key)
{
	const char *s = text ? strstr(text, key) : NULL;
	long v = 0;

	if (!s)
		return -1;
	for (s += strlen(key); *s == ' ' || *s == '\t'; s++)
		;
	for (; *s >= '0' && *s <= '9'; s++)
		v = v * 10 + (*s - '0');
	return v;
}

static void proc_meminfo_follows_allocations(struct ktest *t)
{
	char *before = read_proc(t, "/proc/meminfo"), *during, *after;
	struct page *pages = alloc_pages(GFP_KERNEL, 6);	/* 256 KiB */
	long drop;

	KTEST_ASSERT_TRUE(t, before && pages);
	during = read_proc(t, "/proc/meminfo");
	__free_pages(pages, 6);
	after = read_proc(t, "/proc/meminfo");
	drop = field(before, "MemFree:") - field(during, "MemFree:");
	KTEST_EXPECT_TRUE(t, field(before, "MemTotal:") > 0);
	KTEST_EXPECT_TRUE(t, drop >= 256 && drop < 256 + 64);
	KTEST_EXPECT_EQ(t, field(after, "MemFree:"), field(before, "MemFree:"));
}

static void proc_standard_files(struct ktest *t)
{
	char *s;

	s = read_proc(t, "/proc/version");
	KTEST_EXPECT_TRUE(t, s && !strcmp(s, armlet_banner));
	s = read_proc(t, "/proc/cmdline");
	KTEST_EXPECT_TRUE(t, s && strstr(s, "ktest="));
	s = read_proc(t, "/proc/devices");
	KTEST_EXPECT_TRUE(t, s && strstr(s, "  1 mem\n") && strstr(s, " msgdev\n"));
	s = read_proc(t, "/proc/mounts");
	KTEST_EXPECT_TRUE(t, s && strstr(s, " /proc proc ") && strstr(s, " /dev "));
	s = read_proc(t, "/proc/buddyinfo");
	KTEST_EXPECT_TRUE(t, s && strstr(s, "Node 0"));
	s = read_proc(t, "/proc/slabinfo");
	KTEST_EXPECT_TRUE(t, s && strstr(s, "task_struct"));
}

static void proc_uptime_and_interrupts_move(struct ktest *t)
{
	char *up1 = read_proc(t, "/proc/uptime"), *irq1 = read_proc(t, "/proc/interrupts");
	char *up2, *irq2;

	msleep(50);
	up2 = read_proc(t, "/proc/uptime");
	irq2 = read_proc(t, "/proc/interrupts");
	KTEST_ASSERT_TRUE(t, up1 && up2 && irq1 && irq2);
	KTEST_EXPECT_TRUE(t, strcmp(up1, up2) < 0);	/* same width: later sorts after */
	KTEST_EXPECT_TRUE(t, strcmp(irq1, irq2) != 0);	/* the tick counted */
}

static void proc_pid_files_describe_the_task(struct ktest *t)
{
	char name[32], *s;

	snprintf(name, sizeof(name), "/proc/%d/status", current->pid);
	s = read_proc(t, name);
	KTEST_EXPECT_TRUE(t, s && strstr(s, "State:\tR (running)"));
	KTEST_EXPECT_EQ(t, field(s, "\nPid:"), current->pid);
	KTEST_EXPECT_TRUE(t, s && strstr(s, current->comm));
	snprintf(name, sizeof(name), "/proc/%d/stat", current->pid);
	s = read_proc(t, name);
	KTEST_ASSERT_TRUE(t, s);
	KTEST_EXPECT_EQ(t, field(s, ""), current->pid);
	{
		int spaces = 0;

		for (char *c = s; *c; c++)
			spaces += *c == ' ';
		KTEST_EXPECT_EQ(t, spaces, 51);	/* 52 fields (no spaces in our comms) */
	}
	KTEST_EXPECT_TRUE(t, IS_ERR(filp_open("/proc/99999/status", O_RDONLY, 0)));
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open("/proc/1/nosuch", O_RDONLY, 0)), -ENOENT);
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open("/proc/meminfo", O_WRONLY, 0)), -EACCES);
}

static int short_lived(void *arg)
{
	return 0;
}

static void proc_pid_dir_goes_with_its_task(struct ktest *t)
{
	struct task_struct *p = kthread_create(short_lived, NULL, "ktest-short");
	char name[32];
	int pid;

	KTEST_ASSERT_TRUE(t, p != NULL);
	pid = p->pid;	/* p is not ours to touch once it runs */
	snprintf(name, sizeof(name), "/proc/%d/status", pid);
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open(name, O_RDONLY | O_DIRECTORY, 0)), -ENOTDIR);
	wake_up_process(p);
	for (int i = 0; i < 100 && next_pid_after(pid - 1) == pid; i++)
		msleep(10);	/* until it has exited */
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open(name, O_RDONLY, 0)), -ENOENT);
}

struct listing {
	struct dir_context ctx;
	bool meminfo, init;
};

static int note(struct dir_context *ctx, const char *name, int len, loff_t pos,
		unsigned long ino, unsigned int type)
{
	struct listing *l = container_of(ctx, struct listing, ctx);

	l->meminfo |= len == 7 && !strncmp(name, "meminfo", 7) && type == DT_REG;
	l->init |= len == 1 && name[0] == '1' && type == DT_DIR;
	return 0;
}

static void proc_lists_files_and_tasks(struct ktest *t)
{
	struct file *f = filp_open("/proc", O_RDONLY | O_DIRECTORY, 0);
	struct listing l = { .ctx.actor = note };

	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, iterate_dir(f, &l.ctx), 0);
	KTEST_EXPECT_TRUE(t, l.meminfo);
	KTEST_EXPECT_TRUE(t, l.init);
	filp_close(f);
}

static int test_counter;

static void show_counter(struct seq_buf *m)
{
	seq_printf(m, "counter %d\n", test_counter);
}

static void proc_create_single_shows_live_state(struct ktest *t)
{
	char *s;

	KTEST_ASSERT_TRUE(t, proc_create_single("ktest-counter", 0444, show_counter) == 0);
	KTEST_EXPECT_EQ(t, proc_create_single("ktest-counter", 0444, show_counter), -EEXIST);
	KTEST_EXPECT_EQ(t, proc_create_single("a/b", 0444, show_counter), -EINVAL);
	KTEST_EXPECT_EQ(t, proc_create_single("42", 0444, show_counter), -EINVAL);
	test_counter = 1;
	s = read_proc(t, "/proc/ktest-counter");
	KTEST_EXPECT_TRUE(t, s && !strcmp(s, "counter 1\n"));
	test_counter = 2;
	s = read_proc(t, "/proc/ktest-counter");
	KTEST_EXPECT_TRUE(t, s && !strcmp(s, "counter 2\n"));
	remove_proc_entry("ktest-counter");
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open("/proc/ktest-counter", O_RDONLY, 0)), -ENOENT);
}

/* 320 KiB of text: more than a /proc file may hold. */
static void show_huge(struct seq_buf *m)
{
	for (int i = 0; i < 5000; i++)
		seq_printf(m, "%063d\n", i);
}

static void proc_too_big_is_an_error(struct ktest *t)
{
	KTEST_ASSERT_TRUE(t, proc_create_single("ktest-huge", 0444, show_huge) == 0);
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open("/proc/ktest-huge", O_RDONLY, 0)), -EFBIG);
	remove_proc_entry("ktest-huge");
}

static const struct ktest_case proc_cases[] = {
	KTEST_CASE(proc_meminfo_follows_allocations),
	KTEST_CASE(proc_standard_files),
	KTEST_CASE(proc_uptime_and_interrupts_move),
	KTEST_CASE(proc_pid_files_describe_the_task),
	KTEST_CASE(proc_pid_dir_goes_with_its_task),
	KTEST_CASE(proc_lists_files_and_tasks),
	KTEST_CASE(proc_create_single_shows_live_state),
	KTEST_CASE(proc_too_big_is_an_error),
};
KTEST_SUITE(proc, proc_cases);
