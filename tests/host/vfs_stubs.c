// SPDX-License-Identifier: MIT
/*
 * What the VFS (kernel/fs/namei.c, dcache.c, inode.c, ramfs.c,
 * namespace.c, open.c) calls outside itself, for host tests that run it
 * on the host: kmalloc and vmalloc over the C library's heap, counted so
 * a test can check that every dentry, inode and file it made went away;
 * mutexes that report misuse instead of sleeping; one task as `current`;
 * user copies as memcpy (kernel threads may pass kernel buffers).
 */
#include <stdalign.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
/* The C library's dev_t and loff_t differ from the kernel's <armlet/fs.h>. */
#define dev_t  host_dev_t
#define loff_t host_loff_t
#include <stdlib.h>
#undef dev_t
#undef loff_t

#include <armlet/fs.h>
#include <armlet/kernel.h>
#include <armlet/mutex.h>
#include <armlet/printk.h>
#include <armlet/proc_fs.h>
#include <armlet/sched.h>
#include <armlet/slab.h>
#include <armlet/time.h>
#include <armlet/uaccess.h>
#include <armlet/vmalloc.h>

#define ALLOC_MAGIC   0x6b6d616cu /* "kmal" */
#define POISON_NEW    0xa5	  /* kmalloc without __GFP_ZERO: not zeroed */
#define TRACKED_SIZES 1024	  /* live counts kept per size below this */

/* Before every block: its size, for the per-size counts. */
struct alloc_hdr {
	alignas(max_align_t) size_t size;
	unsigned int magic;
};

static long live_objects;
static long live_by_size[TRACKED_SIZES];

/* Live kmalloc/vmalloc blocks: all of them (size 0) or those of exactly size bytes. */
long vfs_stub_live(size_t size)
{
	if (!size)
		return live_objects;
	return size < TRACKED_SIZES ? live_by_size[size] : -1;
}

static void *tracked_alloc(size_t size, bool zero)
{
	struct alloc_hdr *h = malloc(sizeof(*h) + size);

	if (!h)
		return NULL;
	h->size = size;
	h->magic = ALLOC_MAGIC;
	memset(h + 1, zero ? 0 : POISON_NEW, size);
	live_objects++;
	if (size < TRACKED_SIZES)
		live_by_size[size]++;
	return h + 1;
}

static void tracked_free(const void *p, const char *who)
{
	struct alloc_hdr *h;

	if (!p)
		return;
	h = (struct alloc_hdr *)p - 1;
	if (h->magic != ALLOC_MAGIC)
		panic("%s: %p was not allocated here\n", who, p);
	h->magic = 0;
	live_objects--;
	if (h->size < TRACKED_SIZES)
		live_by_size[h->size]--;
	free(h);
}

void *kmalloc(size_t size, gfp_t gfp)
{
	return tracked_alloc(size, gfp & __GFP_ZERO);
}

void kfree(const void *p)
{
	tracked_free(p, "kfree");
}

void *vmalloc(unsigned long size)
{
	return tracked_alloc(size, false);
}

void *vzalloc(unsigned long size)
{
	return tracked_alloc(size, true);
}

void vfree(const void *p)
{
	tracked_free(p, "vfree");
}

/* The one task of the host tests: a kernel thread, as init is when it mounts the root. */
static struct task_struct host_init_task = {.pid = 1, .comm = "init", .flags = PF_KTHREAD};
struct task_struct *current_task[NR_CPUS] = {&host_init_task};

/*
 * Mutexes for one thread: there is no one to wait for, so locking a held
 * mutex (a deadlock on the target) or unlocking one this task does not
 * hold is counted in mutex_bugs and logged, as kernel/locking/mutex.c does.
 */
unsigned int mutex_bugs;

static void mutex_bug(struct mutex *m, const char *what)
{
	mutex_bugs++;
	printk(KERN_ERR "mutex %s: %s\n", m->name ? m->name : "?", what);
}

void mutex_init(struct mutex *m)
{
	m->owner = NULL;
	spin_lock_init(&m->wait_lock);
	INIT_LIST_HEAD(&m->wait_list);
	m->name = NULL;
}

void mutex_lock(struct mutex *m)
{
	if (m->owner)
		mutex_bug(m, "locked while held (deadlock)");
	m->owner = current;
}

void mutex_unlock(struct mutex *m)
{
	if (m->owner != current)
		mutex_bug(m, "unlocked by a task not holding it");
	m->owner = NULL;
}

bool mutex_is_locked(struct mutex *m)
{
	return m->owner != NULL;
}

/* A kernel thread's address limit: everything, so kernel buffers pass access_ok. */
unsigned long current_addr_limit(void)
{
	return ~0UL;
}

unsigned long __copy_user(void *to, const void *from, unsigned long n)
{
	memcpy(to, from, n);
	return 0;
}

/* A clock that moves 1 ms per reading, from 2001-02-03 (any fixed non-zero time). */
u64 ktime_get_ns(void)
{
	static u64 now = 981173106ull * NSEC_PER_SEC;

	return now += NSEC_PER_MSEC;
}

/* /proc is not built into the host tests. */
void proc_root_init(void)
{
}

/* char_dev.c's: device nodes are not opened by the host tests. */
const struct file_operations def_chr_fops;

void panic(const char *fmt, ...)
{
	va_list args;

	fflush(stdout);
	fprintf(stderr, "panic: ");
	va_start(args, fmt);
	vfprintf(stderr, fmt, args);
	va_end(args);
	abort();
}

/* kernel/string.c's, for C libraries without it (glibc before 2.38). */
__attribute__((weak)) size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}
