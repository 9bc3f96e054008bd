// SPDX-License-Identifier: MIT
/*
 * In-kernel tests of the VFS: files from the initramfs (rootfs/ in the
 * tree, which the harness boots with), open/read/write/lseek/close and
 * the errno of each misuse, path walking, reference counting, and device
 * nodes reaching their driver by major and minor. Run with "ktest=vfs,dev".
 */
#include <armlet/cdev.h>
#include <armlet/err.h>
#include <armlet/errno.h>
#include <armlet/fs.h>
#include <armlet/ktest.h>
#include <armlet/log_ring.h>
#include <armlet/printk.h>
#include <armlet/string.h>
#include <armlet/uaccess.h>

#define TMP	"/ktest-tmp"

/* Open name or return its -errno, for checking errors in one line. */
static long open_err(const char *name, unsigned int flags)
{
	struct file *f = filp_open(name, flags, 0644);

	if (IS_ERR(f))
		return PTR_ERR(f);
	filp_close(f);
	return 0;
}

/* The whole of name (at most n - 1 bytes) as a string; the length or -errno. */
static long slurp(const char *name, char *buf, size_t n)
{
	struct file *f = filp_open(name, O_RDONLY, 0);
	loff_t pos = 0;
	ssize_t got;

	if (IS_ERR(f))
		return PTR_ERR(f);
	got = kernel_read(f, buf, n - 1, &pos);
	filp_close(f);
	buf[got > 0 ? got : 0] = '\0';
	return got;
}

static long write_file(const char *name, const char *s, unsigned int flags)
{
	struct file *f = filp_open(name, O_WRONLY | O_CREAT | flags, 0644);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = vfs_write(f, s, strlen(s), &pos);
	filp_close(f);
	return n;
}

static void vfs_reads_initramfs_file(struct ktest *t)
{
	char buf[32];
	struct file *f = filp_open("/etc/hostname", O_RDONLY, 0);
	loff_t pos = 0;

	KTEST_ASSERT_TRUE(t, !IS_ERR(f));	/* boot with build/initramfs.cpio */
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), 7);
	KTEST_EXPECT_TRUE(t, !memcmp(buf, "armlet\n", 7));
	KTEST_EXPECT_EQ(t, pos, 7);
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), 0);	/* EOF */
	KTEST_EXPECT_TRUE(t, S_ISREG(f->inode->mode));
	KTEST_EXPECT_EQ(t, f->inode->mode & 0777, 0644);
	KTEST_EXPECT_TRUE(t, f->inode->mtime != 0);
	filp_close(f);
}

static void vfs_lseek_moves_position(struct ktest *t)
{
	struct file *f = filp_open("/etc/hostname", O_RDONLY, 0);
	char buf[8] = { 0 };

	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 2, SEEK_SET), 2);
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 4, &f->pos), 4);
	KTEST_EXPECT_STREQ(t, buf, "mlet");
	KTEST_EXPECT_EQ(t, vfs_llseek(f, -1, SEEK_CUR), 5);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, -2, SEEK_END), 5);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 100, SEEK_END), 107);	/* past the end is fine */
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 4, &f->pos), 0);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, -1, SEEK_SET), -EINVAL);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 0, 7), -EINVAL);
	KTEST_EXPECT_EQ(t, f->pos, 107);	/* a failed seek leaves it */
	filp_close(f);
}

static void vfs_open_errors_are_linux_errno(struct ktest *t)
{
	char longname[NAME_MAX + 3];

	memset(longname, 'a', sizeof(longname) - 1);
	longname[0] = '/';
	longname[sizeof(longname) - 1] = '\0';
	KTEST_EXPECT_EQ(t, open_err("/no/such/file", O_RDONLY), -ENOENT);
	KTEST_EXPECT_EQ(t, open_err("/etc/nosuch", O_RDONLY), -ENOENT);
	KTEST_EXPECT_EQ(t, open_err("/etc/hostname/x", O_RDONLY), -ENOTDIR);
	KTEST_EXPECT_EQ(t, open_err("/etc/hostname/", O_RDONLY), -ENOTDIR);
	KTEST_EXPECT_EQ(t, open_err("/etc/hostname", O_RDONLY | O_DIRECTORY), -ENOTDIR);
	KTEST_EXPECT_EQ(t, open_err("/etc", O_WRONLY), -EISDIR);
	KTEST_EXPECT_EQ(t, open_err("/etc", O_RDWR), -EISDIR);
	KTEST_EXPECT_EQ(t, open_err("", O_RDONLY), -ENOENT);
	KTEST_EXPECT_EQ(t, open_err(longname, O_RDONLY), -ENAMETOOLONG);
	KTEST_EXPECT_EQ(t, open_err("/etc/hostname", O_RDONLY | O_CREAT | O_EXCL), -EEXIST);
	KTEST_EXPECT_EQ(t, open_err("/etc", O_RDONLY | O_DIRECTORY), 0);
}

static void vfs_misuse_of_open_file(struct ktest *t)
{
	struct file *dir = filp_open("/etc", O_RDONLY, 0);
	struct file *ro = filp_open("/etc/hostname", O_RDONLY, 0);
	char buf[4];
	loff_t pos = 0;

	KTEST_ASSERT_TRUE(t, !IS_ERR(dir) && !IS_ERR(ro));
	KTEST_EXPECT_EQ(t, vfs_read(dir, buf, sizeof(buf), &pos), -EISDIR);
	KTEST_EXPECT_EQ(t, vfs_write(ro, "x", 1, &pos), -EBADF);
	KTEST_EXPECT_EQ(t, vfs_ioctl(ro, 0x5401, 0), -ENOTTY);
	filp_close(dir);
	filp_close(ro);
	KTEST_EXPECT_EQ(t, write_file(TMP "-wo", "data", 0), 4);
	ro = filp_open(TMP "-wo", O_WRONLY, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(ro));
	KTEST_EXPECT_EQ(t, vfs_read(ro, buf, sizeof(buf), &pos), -EBADF);
	filp_close(ro);
	KTEST_EXPECT_EQ(t, vfs_unlink_path(TMP "-wo"), 0);
}

static void vfs_permission_bits_give_eacces(struct ktest *t)
{
	struct file *f = filp_open(TMP "-ro", O_WRONLY | O_CREAT, 0444);

	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	filp_close(f);
	KTEST_EXPECT_EQ(t, open_err(TMP "-ro", O_WRONLY), -EACCES);
	KTEST_EXPECT_EQ(t, open_err(TMP "-ro", O_RDONLY), 0);
	KTEST_EXPECT_EQ(t, vfs_unlink_path(TMP "-ro"), 0);
}

static void vfs_write_then_read_back(struct ktest *t)
{
	char buf[64];

	KTEST_ASSERT_TRUE(t, vfs_mkdir_path(TMP, 0755) == 0);
	KTEST_EXPECT_EQ(t, write_file(TMP "/f", "hello", 0), 5);
	KTEST_EXPECT_EQ(t, write_file(TMP "/f", " world", O_APPEND), 6);
	KTEST_EXPECT_EQ(t, slurp(TMP "/f", buf, sizeof(buf)), 11);
	KTEST_EXPECT_STREQ(t, buf, "hello world");
	KTEST_EXPECT_EQ(t, write_file(TMP "/f", "HE", 0), 2);	/* overwrite in place */
	slurp(TMP "/f", buf, sizeof(buf));
	KTEST_EXPECT_STREQ(t, buf, "HEllo world");
	KTEST_EXPECT_EQ(t, write_file(TMP "/f", "new", O_TRUNC), 3);
	KTEST_EXPECT_EQ(t, slurp(TMP "/f", buf, sizeof(buf)), 3);
	KTEST_EXPECT_EQ(t, vfs_rmdir_path(TMP), -ENOTEMPTY);
	KTEST_EXPECT_EQ(t, vfs_unlink_path(TMP "/f"), 0);
	KTEST_EXPECT_EQ(t, vfs_unlink_path(TMP "/f"), -ENOENT);
	KTEST_EXPECT_EQ(t, vfs_rmdir_path(TMP), 0);
}

static void vfs_hole_reads_as_zeros(struct ktest *t)
{
	struct file *f = filp_open(TMP "-hole", O_RDWR | O_CREAT, 0644);
	char buf[8];
	loff_t pos = 4;

	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, vfs_write(f, "x", 1, &pos), 1);
	pos = 0;
	memset(buf, 0x55, sizeof(buf));
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), 5);
	KTEST_EXPECT_TRUE(t, !memcmp(buf, "\0\0\0\0x", 5));
	filp_close(f);
	KTEST_EXPECT_EQ(t, vfs_unlink_path(TMP "-hole"), 0);
}

/* An open file outlives its name: unlink removes the name, not the data. */
static void vfs_unlinked_file_stays_readable(struct ktest *t)
{
	struct file *f;
	char buf[8] = { 0 };
	loff_t pos = 0;

	KTEST_ASSERT_TRUE(t, write_file(TMP "-gone", "still", 0) == 5);
	f = filp_open(TMP "-gone", O_RDONLY, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, vfs_unlink_path(TMP "-gone"), 0);
	KTEST_EXPECT_EQ(t, open_err(TMP "-gone", O_RDONLY), -ENOENT);
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 5, &pos), 5);
	KTEST_EXPECT_STREQ(t, buf, "still");
	KTEST_EXPECT_EQ(t, f->inode->nlink, 0);
	filp_close(f);
}

static void vfs_dot_dotdot_and_mounts(struct ktest *t)
{
	char buf[16];

	KTEST_EXPECT_EQ(t, slurp("/etc/../etc/./hostname", buf, sizeof(buf)), 7);
	KTEST_EXPECT_EQ(t, slurp("/../../etc//hostname", buf, sizeof(buf)), 7);
	KTEST_EXPECT_EQ(t, slurp("/dev/../etc/hostname", buf, sizeof(buf)), 7);
	KTEST_EXPECT_EQ(t, open_err("/dev/null", O_RDONLY), 0);	/* across the mount */
	KTEST_EXPECT_EQ(t, open_err("/dev/../dev/zero", O_RDONLY), 0);
}

static void vfs_relative_paths_use_current_directory(struct ktest *t)
{
	char buf[16];

	KTEST_EXPECT_EQ(t, vfs_chdir("/etc/hostname"), -ENOTDIR);
	KTEST_EXPECT_EQ(t, vfs_chdir("/nosuch"), -ENOENT);
	KTEST_ASSERT_TRUE(t, vfs_chdir("/etc") == 0);
	KTEST_EXPECT_EQ(t, slurp("hostname", buf, sizeof(buf)), 7);
	KTEST_EXPECT_EQ(t, slurp("./hostname", buf, sizeof(buf)), 7);
	KTEST_EXPECT_EQ(t, slurp("../etc/hostname", buf, sizeof(buf)), 7);
	KTEST_EXPECT_EQ(t, open_err("motd/..", O_RDONLY), -ENOTDIR);
	KTEST_EXPECT_EQ(t, vfs_chdir("/dev"), 0);
	KTEST_EXPECT_EQ(t, open_err("null", O_WRONLY), 0);
	KTEST_EXPECT_EQ(t, open_err("hostname", O_RDONLY), -ENOENT);
	KTEST_EXPECT_EQ(t, vfs_chdir("/"), 0);
}

/* The current directory removed: relative names find nothing, as on Linux. */
static void vfs_removed_current_directory(struct ktest *t)
{
	KTEST_ASSERT_TRUE(t, vfs_mkdir_path(TMP "-cwd", 0755) == 0);
	KTEST_ASSERT_TRUE(t, vfs_chdir(TMP "-cwd") == 0);
	KTEST_EXPECT_EQ(t, vfs_rmdir_path(TMP "-cwd"), 0);
	KTEST_EXPECT_EQ(t, open_err("f", O_RDWR | O_CREAT), -ENOENT);
	KTEST_EXPECT_EQ(t, open_err(".", O_RDONLY), -ENOENT);
	KTEST_EXPECT_EQ(t, vfs_mkdir_path("d", 0755), -ENOENT);
	KTEST_EXPECT_EQ(t, open_err("/etc/hostname", O_RDONLY), 0);	/* absolute still work */
	KTEST_EXPECT_EQ(t, vfs_chdir("/"), 0);
}

static void vfs_symlinks_follow_and_loop(struct ktest *t)
{
	char buf[16];

	KTEST_ASSERT_TRUE(t, vfs_symlink_path("/etc/hostname", TMP "-link") == 0);
	KTEST_EXPECT_EQ(t, slurp(TMP "-link", buf, sizeof(buf)), 7);
	KTEST_EXPECT_EQ(t, open_err(TMP "-link", O_RDONLY | O_NOFOLLOW), -ELOOP);
	KTEST_EXPECT_EQ(t, vfs_symlink_path("etc", TMP "-rel"), 0);	/* relative to its dir */
	KTEST_EXPECT_EQ(t, slurp(TMP "-rel/hostname", buf, sizeof(buf)), 7);
	KTEST_EXPECT_EQ(t, vfs_symlink_path(TMP "-loop", TMP "-loop"), 0);
	KTEST_EXPECT_EQ(t, open_err(TMP "-loop", O_RDONLY), -ELOOP);
	KTEST_EXPECT_EQ(t, vfs_symlink_path("/nowhere", TMP "-dangling"), 0);
	KTEST_EXPECT_EQ(t, open_err(TMP "-dangling", O_RDONLY), -ENOENT);
	vfs_unlink_path(TMP "-link");
	vfs_unlink_path(TMP "-rel");
	vfs_unlink_path(TMP "-loop");
	vfs_unlink_path(TMP "-dangling");
}

struct names {
	struct dir_context ctx;
	char seen[256];
};

static int collect(struct dir_context *ctx, const char *name, int len, loff_t pos,
		   unsigned long ino, unsigned int type)
{
	struct names *n = container_of(ctx, struct names, ctx);
	size_t at = strlen(n->seen);

	snprintf(n->seen + at, sizeof(n->seen) - at, "%.*s:%u ", len, name, type);
	return 0;
}

static void vfs_lists_directories(struct ktest *t)
{
	struct file *f = filp_open("/etc", O_RDONLY | O_DIRECTORY, 0);
	struct names n = { .ctx.actor = collect };

	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, iterate_dir(f, &n.ctx), 0);
	KTEST_EXPECT_TRUE(t, strstr(n.seen, "hostname:8 ") != NULL);
	KTEST_EXPECT_TRUE(t, strstr(n.seen, "motd:8 ") != NULL);
	n.seen[0] = '\0';
	KTEST_EXPECT_EQ(t, iterate_dir(f, &n.ctx), 0);	/* at the end: nothing more */
	KTEST_EXPECT_STREQ(t, n.seen, "");
	filp_close(f);
	f = filp_open("/dev", O_RDONLY, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	iterate_dir(f, &n.ctx);
	KTEST_EXPECT_TRUE(t, strstr(n.seen, "null:2 ") && strstr(n.seen, "zero:2 "));
	filp_close(f);
}

static const struct ktest_case vfs_cases[] = {
	KTEST_CASE(vfs_reads_initramfs_file),
	KTEST_CASE(vfs_lseek_moves_position),
	KTEST_CASE(vfs_open_errors_are_linux_errno),
	KTEST_CASE(vfs_misuse_of_open_file),
	KTEST_CASE(vfs_permission_bits_give_eacces),
	KTEST_CASE(vfs_write_then_read_back),
	KTEST_CASE(vfs_hole_reads_as_zeros),
	KTEST_CASE(vfs_unlinked_file_stays_readable),
	KTEST_CASE(vfs_dot_dotdot_and_mounts),
	KTEST_CASE(vfs_relative_paths_use_current_directory),
	KTEST_CASE(vfs_removed_current_directory),
	KTEST_CASE(vfs_symlinks_follow_and_loop),
	KTEST_CASE(vfs_lists_directories),
};
KTEST_SUITE(vfs, vfs_cases);

/* A test driver: two minors, each read returns "minor N" and counts opens. */
static int test_opens[2];

static int testdev_open(struct inode *inode, struct file *f)
{
	test_opens[iminor(inode)]++;
	return 0;
}

static ssize_t testdev_read(struct file *f, char *buf, size_t n, loff_t *pos)
{
	char msg[16];
	int len = snprintf(msg, sizeof(msg), "minor %u", iminor(f->inode));

	n = min(n, (size_t)len);
	return copy_to_user(buf, msg, n) ? -EFAULT : (ssize_t)n;
}

static const struct file_operations testdev_fops = {
	.open = testdev_open,
	.read = testdev_read,
};

static void dev_open_dispatches_by_major_minor(struct ktest *t)
{
	struct cdev c;
	dev_t dev;
	char buf[16];

	KTEST_ASSERT_TRUE(t, alloc_chrdev_region(&dev, 0, 2, "ktestdev") == 0);
	KTEST_EXPECT_TRUE(t, MAJOR(dev) != 0);
	cdev_init(&c, &testdev_fops);
	KTEST_ASSERT_TRUE(t, cdev_add(&c, dev, 2) == 0);
	KTEST_EXPECT_EQ(t, vfs_mknod_path(TMP "-d0", S_IFCHR | 0600, dev), 0);
	KTEST_EXPECT_EQ(t, vfs_mknod_path(TMP "-d1", S_IFCHR | 0600, dev + 1), 0);
	KTEST_EXPECT_EQ(t, vfs_mknod_path(TMP "-d2", S_IFCHR | 0600, dev + 2), 0);
	test_opens[0] = test_opens[1] = 0;
	KTEST_EXPECT_EQ(t, slurp(TMP "-d1", buf, sizeof(buf)), 7);
	KTEST_EXPECT_STREQ(t, buf, "minor 1");
	KTEST_EXPECT_EQ(t, slurp(TMP "-d0", buf, sizeof(buf)), 7);
	KTEST_EXPECT_STREQ(t, buf, "minor 0");
	KTEST_EXPECT_EQ(t, test_opens[0], 1);
	KTEST_EXPECT_EQ(t, test_opens[1], 1);
	KTEST_EXPECT_EQ(t, open_err(TMP "-d2", O_RDONLY), -ENXIO);	/* no driver */
	KTEST_EXPECT_EQ(t, register_chrdev_region(dev, 1, "clash"), -EBUSY);
	cdev_del(&c);
	KTEST_EXPECT_EQ(t, open_err(TMP "-d0", O_RDONLY), -ENXIO);
	unregister_chrdev_region(dev, 2);
	vfs_unlink_path(TMP "-d0");
	vfs_unlink_path(TMP "-d1");
	vfs_unlink_path(TMP "-d2");
}

static void dev_zero_null_full(struct ktest *t)
{
	char buf[16];
	struct file *f;
	loff_t pos = 0;

	f = filp_open("/dev/zero", O_RDWR, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	memset(buf, 0xaa, sizeof(buf));
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), sizeof(buf));
	KTEST_EXPECT_TRUE(t, !memcmp(buf, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 16));
	KTEST_EXPECT_EQ(t, vfs_write(f, buf, 5, &pos), 5);	/* swallowed */
	filp_close(f);
	f = filp_open("/dev/null", O_RDWR, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), 0);
	KTEST_EXPECT_EQ(t, vfs_write(f, "discard", 7, &pos), 7);
	filp_close(f);
	f = filp_open("/dev/full", O_RDWR, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, vfs_write(f, "x", 1, &pos), -ENOSPC);
	buf[0] = 1;
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 4, &pos), 4);
	KTEST_EXPECT_EQ(t, buf[0], 0);
	filp_close(f);
}

static void dev_kmsg_reads_the_log(struct ktest *t)
{
	struct file *f = filp_open("/dev/kmsg", O_RDONLY, 0);
	static char rec[LOG_LINE_MAX + 64];
	bool found = false;
	loff_t pos = 0;
	ssize_t n;

	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	pr_info("kmsg-marker-4711\n");
	while ((n = kernel_read(f, rec, sizeof(rec) - 1, &pos)) > 0) {
		rec[n] = '\0';
		found |= strstr(rec, "kmsg-marker-4711") != NULL;
	}
	KTEST_EXPECT_TRUE(t, found);
	filp_close(f);
}

static const struct ktest_case dev_cases[] = {
	KTEST_CASE(dev_open_dispatches_by_major_minor),
	KTEST_CASE(dev_zero_null_full),
	KTEST_CASE(dev_kmsg_reads_the_log),
};
KTEST_SUITE(dev, dev_cases);
