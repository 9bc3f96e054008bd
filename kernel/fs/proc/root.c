// SPDX-License-Identifier: MIT
/*
 * The proc file system: a directory of registered files (proc_create_single)
 * and one directory per task, /proc/<pid>, all made up on lookup. Linux
 * counterparts: fs/proc/root.c, fs/proc/generic.c, fs/proc/base.c
 * (proc_pid_lookup), fs/seq_file.c (single_open).
 *
 * Nothing here is stored: a lookup makes an inode for the name, the
 * dentry is dropped at its last reference (SB_NOCACHE), and a file's
 * text is written by its show function when it is opened, into a buffer
 * that read() copies from. So every open sees the live values.
 *
 * Locking: proc_lock (a mutex) guards the list of entries; lookups and
 * directory reads run under vfs_lock, and take proc_lock inside it.
 * Context: process.
 */
#include <armlet/errno.h>
#include <armlet/fs.h>
#include <armlet/kernel.h>
#include <armlet/mm.h>
#include <armlet/mutex.h>
#include <armlet/printk.h>
#include <armlet/proc_fs.h>
#include <armlet/sched.h>
#include <armlet/seq_buf.h>
#include <armlet/slab.h>
#include <armlet/string.h>
#include <armlet/uaccess.h>
#include <armlet/vmalloc.h>

#define PROC_NAME_LEN	32
#define PROC_BUF_MAX	(256 * 1024)	/* the biggest text a file may have */
#define PID_POS_BASE	0x10000		/* readdir positions: entries, then pids */

/* A registered file in /proc. */
struct proc_entry {
	char name[PROC_NAME_LEN];
	unsigned int mode;
	void (*show)(struct seq_buf *m);
	struct list_head list;
};

/* A file in /proc/<pid>. */
struct pid_entry {
	const char *name;
	int (*show)(struct seq_buf *m, struct task_struct *p);
};

/* What a /proc inode stands for: an entry, a pid entry of a task, a pid directory. */
struct proc_inode {
	void (*show)(struct seq_buf *m);
	const struct pid_entry *pid_entry;
	int pid;
};

/* The text of an open file. */
struct proc_text {
	char *buf;
	size_t len;
};

static const struct pid_entry pid_entries[] = {
	{ "status", proc_pid_status },
	{ "stat", proc_pid_stat },
};

static DEFINE_MUTEX(proc_lock);
static struct list_head proc_entries = LIST_HEAD_INIT(proc_entries);

static const struct inode_operations proc_root_iops, proc_pid_iops;
static const struct file_operations proc_root_fops, proc_pid_fops, proc_file_fops;

/* Write the file's text: the show function, into a buffer that grows until it fits. */
static int proc_fill(const struct proc_inode *pi, struct proc_text *text)
{
	for (size_t size = PAGE_SIZE; size <= PROC_BUF_MAX; size *= 4) {
		struct task_struct *p = NULL;
		struct seq_buf m;
		int err = 0;

		text->buf = vmalloc(size);
		if (!text->buf)
			return -ENOMEM;
		seq_buf_init(&m, text->buf, size);
		if (pi->pid_entry) {
			p = find_get_task_by_pid(pi->pid);
			err = p ? pi->pid_entry->show(&m, p) : -ESRCH;	/* it has exited */
			if (p)
				put_task_struct(p);
		} else {
			pi->show(&m);
		}
		text->len = m.len;
		if (err || !m.overflow)
			return err;
		vfree(text->buf);
		text->buf = NULL;
	}
	return -EFBIG;
}

static int proc_file_open(struct inode *inode, struct file *f)
{
	struct proc_text *text = kzalloc(sizeof(*text), GFP_KERNEL);
	int err;

	if (!text)
		return -ENOMEM;
	err = proc_fill(inode->private, text);
	if (err) {
		vfree(text->buf);
		kfree(text);
		return err;
	}
	f->private_data = text;
	return 0;
}

static int proc_file_release(struct inode *inode, struct file *f)
{
	struct proc_text *text = f->private_data;

	vfree(text->buf);
	kfree(text);
	return 0;
}

static ssize_t proc_file_read(struct file *f, char *buf, size_t n, loff_t *pos)
{
	struct proc_text *text = f->private_data;

	if (*pos >= (loff_t)text->len)
		return 0;
	n = min(n, text->len - (size_t)*pos);
	if (copy_to_user(buf, text->buf + *pos, n))
		return -EFAULT;
	*pos += n;
	return (ssize_t)n;
}

static loff_t proc_file_llseek(struct file *f, loff_t offset, int whence)
{
	struct proc_text *text = f->private_data;
	loff_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? f->pos :
		      whence == SEEK_END ? (loff_t)text->len : -1;

	if (base < 0 || base + offset < 0)
		return -EINVAL;
	f->pos = base + offset;
	return f->pos;
}

/* A new inode for a /proc name; pi is copied into it. */
static struct inode *proc_inode(struct super_block *sb, unsigned int mode,
				const struct proc_inode *pi)
{
	struct inode *inode = new_inode(sb, mode);
	struct proc_inode *copy = kmalloc(sizeof(*copy), GFP_KERNEL);

	if (!inode || !copy) {
		kfree(copy);
		iput(inode);
		return NULL;
	}
	*copy = *pi;
	inode->private = copy;
	if (S_ISDIR(mode)) {
		inode->nlink = 2;
		inode->i_op = pi->pid ? &proc_pid_iops : &proc_root_iops;
		inode->i_fop = pi->pid ? &proc_pid_fops : &proc_root_fops;
	} else {
		inode->i_fop = &proc_file_fops;
	}
	return inode;
}

static void proc_evict(struct inode *inode)
{
	kfree(inode->private);
}

static int parse_pid(const char *name)
{
	int pid = 0;

	if (*name < '1' || *name > '9')
		return 0;
	for (; *name; name++) {
		if (*name < '0' || *name > '9' || pid > 100000000)
			return 0;
		pid = pid * 10 + (*name - '0');
	}
	return pid;
}

static void proc_root_lookup(struct inode *dir, struct dentry *d)
{
	struct proc_inode pi = { 0 };
	struct proc_entry *e;
	struct task_struct *p;

	pi.pid = parse_pid(d->name);
	if (pi.pid) {
		p = find_get_task_by_pid(pi.pid);
		if (p) {
			put_task_struct(p);
			d_instantiate(d, proc_inode(dir->sb, S_IFDIR | 0555, &pi));
		}
		return;
	}
	mutex_lock(&proc_lock);
	list_for_each_entry(e, &proc_entries, list) {
		if (!strcmp(e->name, d->name)) {
			pi.show = e->show;
			d_instantiate(d, proc_inode(dir->sb, S_IFREG | e->mode, &pi));
			break;
		}
	}
	mutex_unlock(&proc_lock);
}

static void proc_pid_lookup(struct inode *dir, struct dentry *d)
{
	const struct proc_inode *parent = dir->private;

	for (size_t i = 0; i < ARRAY_SIZE(pid_entries); i++) {
		if (!strcmp(pid_entries[i].name, d->name)) {
			struct proc_inode pi = { .pid_entry = &pid_entries[i], .pid = parent->pid };

			d_instantiate(d, proc_inode(dir->sb, S_IFREG | 0444, &pi));
			return;
		}
	}
}

/* /proc: the registered entries (positions 0..n-1), then the pids. */
static int proc_root_iterate(struct file *f, struct dir_context *ctx)
{
	struct proc_entry *e;
	loff_t i = 0;
	char name[12];
	int pid;

	mutex_lock(&proc_lock);
	list_for_each_entry(e, &proc_entries, list) {
		if (i++ < ctx->pos)
			continue;
		if (ctx->actor(ctx, e->name, (int)strlen(e->name), i, 0, DT_REG)) {
			mutex_unlock(&proc_lock);
			return 0;
		}
		ctx->pos = i;
	}
	mutex_unlock(&proc_lock);
	if (ctx->pos < PID_POS_BASE)
		ctx->pos = PID_POS_BASE;
	for (pid = next_pid_after((int)(ctx->pos - PID_POS_BASE)); pid; pid = next_pid_after(pid)) {
		int len = snprintf(name, sizeof(name), "%d", pid);

		if (ctx->actor(ctx, name, len, PID_POS_BASE + pid, 0, DT_DIR))
			return 0;
		ctx->pos = PID_POS_BASE + pid;
	}
	return 0;
}

static int proc_pid_iterate(struct file *f, struct dir_context *ctx)
{
	for (; ctx->pos < (loff_t)ARRAY_SIZE(pid_entries); ctx->pos++) {
		const char *name = pid_entries[ctx->pos].name;

		if (ctx->actor(ctx, name, (int)strlen(name), ctx->pos + 1, 0, DT_REG))
			return 0;
	}
	return 0;
}

static const struct inode_operations proc_root_iops = { .lookup = proc_root_lookup };
static const struct inode_operations proc_pid_iops = { .lookup = proc_pid_lookup };
static const struct file_operations proc_root_fops = { .iterate = proc_root_iterate };
static const struct file_operations proc_pid_fops = { .iterate = proc_pid_iterate };
static const struct file_operations proc_file_fops = {
	.open = proc_file_open,
	.release = proc_file_release,
	.read = proc_file_read,
	.llseek = proc_file_llseek,
};
static const struct super_operations proc_sops = { .evict_inode = proc_evict };

/*
 * proc_create_single - the file /proc/name, whose text show writes at
 * each open. Context: process.
 */
int proc_create_single(const char *name, unsigned int mode, void (*show)(struct seq_buf *m))
{
	struct proc_entry *e, *new;
	int err = 0;

	if (!*name || strchr(name, '/') || strlen(name) >= PROC_NAME_LEN || parse_pid(name))
		return -EINVAL;
	new = kzalloc(sizeof(*new), GFP_KERNEL);
	if (!new)
		return -ENOMEM;
	strlcpy(new->name, name, sizeof(new->name));
	new->mode = mode & 0444;
	new->show = show;
	mutex_lock(&proc_lock);
	list_for_each_entry(e, &proc_entries, list)
		if (!strcmp(e->name, name))
			err = -EEXIST;
	if (!err)
		list_add_tail(&new->list, &proc_entries);
	mutex_unlock(&proc_lock);
	if (err)
		kfree(new);
	return err;
}

/* remove_proc_entry - take /proc/name away; files open on it keep their text. */
void remove_proc_entry(const char *name)
{
	struct proc_entry *e;

	mutex_lock(&proc_lock);
	list_for_each_entry(e, &proc_entries, list) {
		if (!strcmp(e->name, name)) {
			list_del(&e->list);
			kfree(e);
			break;
		}
	}
	mutex_unlock(&proc_lock);
}

static int proc_fill_super(struct super_block *sb)
{
	struct proc_inode root_pi = { 0 };

	sb->s_op = &proc_sops;
	sb->s_flags = SB_NOCACHE;
	sb->root = d_make_root(sb, proc_inode(sb, S_IFDIR | 0555, &root_pi));
	return sb->root ? 0 : -ENOMEM;
}

static struct super_block *proc_mount(struct file_system_type *type)
{
	return mount_nodev(type, proc_fill_super);
}

static struct file_system_type proc_fs_type = { .name = "proc", .mount = proc_mount };

/* proc_root_init - the standard files, and /proc mounted. Context: task 1, boot. */
void proc_root_init(void)
{
	int err;

	register_filesystem(&proc_fs_type);
	proc_misc_init();
	err = vfs_mkdir_path("/proc", 0555);
	if (!err || err == -EEXIST)
		err = do_mount("proc", "/proc");
	if (err)
		pr_err("proc: cannot mount /proc: error %d\n", err);
}
