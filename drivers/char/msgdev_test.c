// SPDX-License-Identifier: MIT
/*
 * In-kernel tests of the message device through its node, as a program
 * would use it: the three ioctls, read/write, one opener at a time, and
 * clear errors for bad arguments. Run with "ktest=msgdev".
 */
#include <armlet/err.h>
#include <armlet/errno.h>
#include <armlet/fs.h>
#include <armlet/ktest.h>
#include <armlet/string.h>
#include <drivers/msgdev.h>

#define NODE		"/dev/" MSGDEV_NAME
#define UNMAPPED	((unsigned long)0x10)	/* no user space in a kernel thread */

static struct file *open_msgdev(struct ktest *t)
{
	struct file *f = filp_open(NODE, O_RDWR, 0);

	if (IS_ERR(f)) {
		ktest_fail(t, __FILE__, __LINE__, "open " NODE ": error %ld", PTR_ERR(f));
		return NULL;
	}
	return f;
}

static void msgdev_ioctl_numbers_are_encoded(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, _IOC_TYPE(IOCTL_SET_MSG), 'M');
	KTEST_EXPECT_EQ(t, _IOC_NR(IOCTL_GET_NTH_BYTE), 2);
	KTEST_EXPECT_EQ(t, _IOC_DIR(IOCTL_SET_MSG), _IOC_WRITE);
	KTEST_EXPECT_EQ(t, _IOC_DIR(IOCTL_GET_MSG), _IOC_READ);
	KTEST_EXPECT_EQ(t, _IOC_SIZE(IOCTL_GET_NTH_BYTE), sizeof(int));
	/* Linux's RTC_RD_TIME, _IOR('p', 0x09, struct rtc_time) of 36 bytes */
	KTEST_EXPECT_EQ(t, _IOR('p', 0x09, char[36]), 0x80247009);
}

static void msgdev_set_get_nth(struct ktest *t)
{
	struct file *f = open_msgdev(t);
	char buf[MSGDEV_MSG_LEN];

	if (!f)
		return;
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, IOCTL_SET_MSG, (unsigned long)"hello, world"), 0);
	memset(buf, 0x7f, sizeof(buf));
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, IOCTL_GET_MSG, (unsigned long)buf), 12);
	KTEST_EXPECT_STREQ(t, buf, "hello, world");
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, IOCTL_GET_NTH_BYTE, 0), 'h');
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, IOCTL_GET_NTH_BYTE, 11), 'd');
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, IOCTL_GET_NTH_BYTE, 12), -EINVAL);
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, IOCTL_GET_NTH_BYTE, -1UL), -EINVAL);
	filp_close(f);
}

static void msgdev_read_write(struct ktest *t)
{
	struct file *f = open_msgdev(t);
	char buf[MSGDEV_MSG_LEN] = { 0 };
	loff_t pos = 0;

	if (!f)
		return;
	KTEST_EXPECT_EQ(t, vfs_write(f, "written", 7, &pos), 7);
	pos = 0;
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 3, &pos), 3);
	KTEST_EXPECT_EQ(t, kernel_read(f, buf + 3, sizeof(buf), &pos), 4);
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), 0);	/* the end */
	KTEST_EXPECT_STREQ(t, buf, "written");
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, IOCTL_GET_NTH_BYTE, 6), 'n');	/* one message */
	filp_close(f);
}

static void msgdev_bad_arguments(struct ktest *t)
{
	struct file *f = open_msgdev(t);
	char too_long[MSGDEV_MSG_LEN + 1];

	if (!f)
		return;
	vfs_ioctl(f, IOCTL_SET_MSG, (unsigned long)"kept");
	memset(too_long, 'x', sizeof(too_long) - 1);
	too_long[sizeof(too_long) - 1] = '\0';
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, IOCTL_SET_MSG, (unsigned long)too_long), -EINVAL);
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, IOCTL_SET_MSG, UNMAPPED), -EFAULT);
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, IOCTL_GET_MSG, UNMAPPED), -EFAULT);
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, _IO('M', 9), 0), -ENOTTY);
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, IOCTL_GET_NTH_BYTE, 3), 't');	/* unchanged */
	filp_close(f);
}

static void msgdev_one_opener(struct ktest *t)
{
	struct file *f = open_msgdev(t), *g;

	if (!f)
		return;
	for (int i = 0; i < 2; i++) {	/* a refused open must not release the first */
		g = filp_open(NODE, O_RDONLY, 0);
		KTEST_EXPECT_EQ(t, IS_ERR(g) ? PTR_ERR(g) : 0, -EBUSY);
		if (!IS_ERR(g))
			filp_close(g);
	}
	filp_close(f);
	f = open_msgdev(t);	/* free again after the close */
	if (f)
		filp_close(f);
}

static const struct ktest_case msgdev_cases[] = {
	KTEST_CASE(msgdev_ioctl_numbers_are_encoded),
	KTEST_CASE(msgdev_set_get_nth),
	KTEST_CASE(msgdev_read_write),
	KTEST_CASE(msgdev_bad_arguments),
	KTEST_CASE(msgdev_one_opener),
};
KTEST_SUITE(msgdev, msgdev_cases);
