// SPDX-License-Identifier: MIT
/*
 * The memory devices of major 1: /dev/null (reads end at once, writes
 * vanish), /dev/zero (reads zeros), /dev/full (writes fail with ENOSPC)
 * and /dev/kmsg (the kernel log, one record per read; a write becomes a
 * printk). Linux counterpart: drivers/char/mem.c and kernel/printk/printk.c
 * (devkmsg_read). Context: process.
 */
#define pr_fmt(fmt) "mem: " fmt

#include <armlet/cdev.h>
#include <armlet/errno.h>
#include <armlet/fs.h>
#include <armlet/kernel.h>
#include <armlet/printk.h>
#include <armlet/slab.h>
#include <armlet/string.h>
#include <armlet/uaccess.h>

#define MEM_MAJOR	1

static ssize_t read_null(struct file *f, char *buf, size_t n, loff_t *pos)
{
	return 0;
}

static ssize_t write_null(struct file *f, const char *buf, size_t n, loff_t *pos)
{
	return (ssize_t)n;
}

static ssize_t read_zero(struct file *f, char *buf, size_t n, loff_t *pos)
{
	static const char zeros[256];
	size_t done = 0;

	while (done < n) {
		size_t chunk = min(n - done, sizeof(zeros));

		if (copy_to_user(buf + done, zeros, chunk))
			return done ? (ssize_t)done : -EFAULT;
		done += chunk;
	}
	return (ssize_t)n;
}

static ssize_t write_full(struct file *f, const char *buf, size_t n, loff_t *pos)
{
	return -ENOSPC;
}

static loff_t seek_nowhere(struct file *f, loff_t offset, int whence)
{
	f->pos = 0;
	return 0;
}

/* Each reader has its own place in the log: the next sequence number. */
static int kmsg_open(struct inode *inode, struct file *f)
{
	f->private_data = kzalloc(sizeof(u32), GFP_KERNEL);
	return f->private_data ? 0 : -ENOMEM;
}

static int kmsg_release(struct inode *inode, struct file *f)
{
	kfree(f->private_data);
	return 0;
}

static ssize_t kmsg_read(struct file *f, char *buf, size_t n, loff_t *pos)
{
	char line[LOG_LINE_MAX + 32];
	int len = log_read_record(f->private_data, line, sizeof(line));

	if (len < 0)
		return len;
	if ((size_t)len > n)
		return -EINVAL;	/* as Linux: one whole record per read */
	if (copy_to_user(buf, line, len))
		return -EFAULT;
	return len;
}

static ssize_t kmsg_write(struct file *f, const char *buf, size_t n, loff_t *pos)
{
	char line[LOG_LINE_MAX];
	size_t len = min(n, sizeof(line) - 1);

	if (copy_from_user(line, buf, len))
		return -EFAULT;
	line[len] = '\0';
	printk(KERN_INFO "%s%s", line, len && line[len - 1] == '\n' ? "" : "\n");
	return (ssize_t)n;
}

static const struct file_operations null_fops = {
	.read = read_null, .write = write_null, .llseek = seek_nowhere,
};
static const struct file_operations zero_fops = {
	.read = read_zero, .write = write_null, .llseek = seek_nowhere,
};
static const struct file_operations full_fops = {
	.read = read_zero, .write = write_full, .llseek = seek_nowhere,
};
static const struct file_operations kmsg_fops = {
	.open = kmsg_open, .release = kmsg_release, .read = kmsg_read, .write = kmsg_write,
};

static const struct {
	const char *name;
	unsigned int minor;
	const struct file_operations *fops;
} mem_devices[] = {
	{ "null", 3, &null_fops },
	{ "zero", 5, &zero_fops },
	{ "full", 7, &full_fops },
	{ "kmsg", 11, &kmsg_fops },
};

static int mem_open(struct inode *inode, struct file *f)
{
	for (size_t i = 0; i < ARRAY_SIZE(mem_devices); i++) {
		if (MINOR(inode->rdev) == mem_devices[i].minor) {
			f->f_op = mem_devices[i].fops;
			return f->f_op->open ? f->f_op->open(inode, f) : 0;
		}
	}
	return -ENXIO;
}

/* One driver for the major; the minor picks the device at open, as Linux's. */
static const struct file_operations memory_fops = { .open = mem_open };

void chr_dev_init(void)
{
	if (register_chrdev(MEM_MAJOR, "mem", &memory_fops) < 0)
		pr_err("cannot register major %d\n", MEM_MAJOR);
	for (size_t i = 0; i < ARRAY_SIZE(mem_devices); i++)
		device_create(mem_devices[i].name, MKDEV(MEM_MAJOR, mem_devices[i].minor));
}
