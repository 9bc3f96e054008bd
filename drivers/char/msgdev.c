// SPDX-License-Identifier: MIT
/*
 * The message device, /dev/msgdev: the model character driver to copy
 * for your own (docs/drivers.md walks through it). It keeps one short
 * message; write() or IOCTL_SET_MSG replaces it, read() or IOCTL_GET_MSG
 * returns it, IOCTL_GET_NTH_BYTE returns one byte of it. The ioctl numbers
 * are in include/drivers/msgdev.h, shared with the programs that use it.
 *
 * The parts every character driver has, in the order the kernel meets them:
 *   1. file_operations: what open/read/write/ioctl on the node do;
 *   2. a device number: alloc_chrdev_region (a free major) or
 *      register_chrdev_region (a fixed one);
 *   3. a cdev joining the number to the operations: cdev_init, cdev_add;
 *   4. the node /dev/msgdev: device_create;
 *   5. module_init: the function that does 2-4 at boot.
 *
 * Like the classic example, one file may have it open at a time (others
 * get -EBUSY). Locking: msg_lock (a mutex) guards the message, since two
 * threads may share the one open file. Context: process.
 */
#define pr_fmt(fmt) "msgdev: " fmt

#include <armlet/cdev.h>
#include <armlet/errno.h>
#include <armlet/fs.h>
#include <armlet/init.h>
#include <armlet/mutex.h>
#include <armlet/printk.h>
#include <armlet/string.h>
#include <armlet/uaccess.h>
#include <asm/atomic.h>
#include <drivers/msgdev.h>

static char message[MSGDEV_MSG_LEN];	/* always NUL-terminated */
static DEFINE_MUTEX(msg_lock);
static atomic_t in_use;			/* 1 while a file has it open */
static struct cdev msgdev_cdev;
static dev_t msgdev_number;

static int msgdev_open(struct inode *inode, struct file *f)
{
	if (atomic_cmpxchg(&in_use, 0, 1) != 0)
		return -EBUSY;
	return 0;
}

static int msgdev_release(struct inode *inode, struct file *f)
{
	atomic_set(&in_use, 0);
	return 0;
}

/* read: the message from *pos on; 0 (end of file) past its end. */
static ssize_t msgdev_read(struct file *f, char *buf, size_t n, loff_t *pos)
{
	size_t len;
	ssize_t ret;

	mutex_lock(&msg_lock);
	len = strlen(message);
	if (*pos >= (loff_t)len) {
		ret = 0;
	} else {
		n = min(n, len - (size_t)*pos);
		ret = copy_to_user(buf, message + *pos, n) ? -EFAULT : (ssize_t)n;
		if (ret > 0)
			*pos += ret;
	}
	mutex_unlock(&msg_lock);
	return ret;
}

/* write: the bytes become the message, from *pos on (longer ones are cut). */
static ssize_t msgdev_write(struct file *f, const char *buf, size_t n, loff_t *pos)
{
	size_t room;
	ssize_t ret;

	mutex_lock(&msg_lock);
	if (*pos >= MSGDEV_MSG_LEN - 1) {
		ret = -ENOSPC;
		goto out;
	}
	room = min(n, (size_t)(MSGDEV_MSG_LEN - 1 - *pos));
	if (copy_from_user(message + *pos, buf, room)) {
		ret = -EFAULT;
		goto out;
	}
	message[*pos + room] = '\0';
	*pos += room;
	ret = (ssize_t)room;
out:
	mutex_unlock(&msg_lock);
	return ret;
}

/* IOCTL_SET_MSG: copy the user's string in; -EINVAL if it does not fit. */
static long set_msg(const char *user_str)
{
	char tmp[MSGDEV_MSG_LEN];
	long len = strncpy_from_user(tmp, user_str, sizeof(tmp));

	if (len < 0)
		return len;
	if (len == sizeof(tmp))
		return -EINVAL;
	mutex_lock(&msg_lock);
	memcpy(message, tmp, len + 1);
	mutex_unlock(&msg_lock);
	return 0;
}

/* IOCTL_GET_MSG: copy the message, NUL included, out; returns its length. */
static long get_msg(char *user_buf)
{
	long len;

	mutex_lock(&msg_lock);
	len = (long)strlen(message);
	if (copy_to_user(user_buf, message, len + 1))
		len = -EFAULT;
	mutex_unlock(&msg_lock);
	return len;
}

/* IOCTL_GET_NTH_BYTE: byte n of the message, or -EINVAL past its end. */
static long get_nth_byte(unsigned long n)
{
	long ret;

	mutex_lock(&msg_lock);
	ret = n < strlen(message) ? (unsigned char)message[n] : -EINVAL;
	mutex_unlock(&msg_lock);
	return ret;
}

static long msgdev_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case IOCTL_SET_MSG:
		return set_msg((const char *)arg);
	case IOCTL_GET_MSG:
		return get_msg((char *)arg);
	case IOCTL_GET_NTH_BYTE:
		return get_nth_byte(arg);
	default:
		return -ENOTTY;	/* Linux's answer to an ioctl a driver does not know */
	}
}

static const struct file_operations msgdev_fops = {
	.open = msgdev_open,
	.release = msgdev_release,
	.read = msgdev_read,
	.write = msgdev_write,
	.llseek = generic_file_llseek,
	.unlocked_ioctl = msgdev_ioctl,
};

/* Steps 2-4: a number, the cdev, the node. Undo what was done on failure. */
static int msgdev_init(void)
{
	int err = alloc_chrdev_region(&msgdev_number, 0, 1, MSGDEV_NAME);

	if (err)
		return err;
	cdev_init(&msgdev_cdev, &msgdev_fops);
	err = cdev_add(&msgdev_cdev, msgdev_number, 1);
	if (err)
		goto out_region;
	err = device_create(MSGDEV_NAME, msgdev_number);
	if (err)
		goto out_cdev;
	strlcpy(message, "Hello from msgdev\n", sizeof(message));
	pr_info("major %u, /dev/%s\n", MAJOR(msgdev_number), MSGDEV_NAME);
	return 0;
out_cdev:
	cdev_del(&msgdev_cdev);
out_region:
	unregister_chrdev_region(msgdev_number, 1);
	return err;
}
module_init(msgdev_init);
