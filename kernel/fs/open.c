// SPDX-License-Identifier: MIT
/*
 * Opening, reading, writing, seeking, ioctl and closing files, and reading
 * directories. Linux counterparts: fs/open.c (do_filp_open, vfs_open),
 * fs/read_write.c (vfs_read, vfs_write, generic_file_llseek), fs/ioctl.c,
 * fs/readdir.c (iterate_dir).
 *
 * Errors as Linux: EBADF (read on a write-only file), EISDIR (reading or
 * writing a directory), ENOTDIR (O_DIRECTORY on a file), EEXIST (O_CREAT
 * | O_EXCL), EACCES (no permission bit at all for the access), EINVAL (no
 * such operation), ESPIPE (no seeking), ENOTTY (no ioctls).
 * Context: process.
 */
#include <armlet/err.h>
#include <armlet/errno.h>
#include <armlet/fs.h>
#include <armlet/slab.h>
#include <armlet/string.h>

/* Root may do anything the mode bits allow anyone to do. */
static int may_open(struct inode *inode, unsigned int flags)
{
	unsigned int acc = flags & O_ACCMODE;

	if (S_ISDIR(inode->mode) && acc != O_RDONLY)
		return -EISDIR;
	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->mode))
		return -ENOTDIR;
	if (acc != O_WRONLY && !(inode->mode & 0444))
		return -EACCES;
	if (acc != O_RDONLY && !(inode->mode & 0222))
		return -EACCES;
	return 0;
}

/*
 * Where O_CREAT makes the file for name, into buf (PATH_MAX bytes): name
 * itself, or, when name is a symbolic link leading nowhere, the place the
 * link names (relative to the link's directory), as Linux does. With
 * O_EXCL any existing name, link or not, is -EEXIST. Context: vfs_lock held.
 */
static int creat_target(const char *name, unsigned int flags, char *buf)
{
	strlcpy(buf, name, PATH_MAX);
	for (int links = 0; links <= MAX_SYMLINKS; links++) {
		const char *target;
		size_t dir = 0;
		struct path lp;
		int err = kern_path(buf, 0, &lp);

		if (err == -ENOENT)
			return 0;
		if (err)
			return err;
		if (!S_ISLNK(lp.dentry->inode->mode) || (flags & O_EXCL)) {
			path_put(&lp);
			return -EEXIST;
		}
		target = lp.dentry->inode->i_op->get_link(lp.dentry->inode);
		for (size_t i = 0; buf[i] && target[0] != '/'; i++)
			if (buf[i] == '/')
				dir = i + 1;	/* keep the link's directory */
		err = strlcpy(buf + dir, target, PATH_MAX - dir) >= PATH_MAX - dir ? -ENAMETOOLONG : 0;
		path_put(&lp);
		if (err)
			return err;
	}
	return -ELOOP;
}

/* O_CREAT: make the file for name (or a dangling link's target). Context: vfs_lock held. */
static int create_for_open(const char *name, unsigned int flags, unsigned int mode,
			   bool *created)
{
	char *where = kmalloc(PATH_MAX, GFP_KERNEL);
	int err = where ? creat_target(name, flags, where) : -ENOMEM;

	if (!err) {
		mutex_unlock(&vfs_lock);
		err = vfs_mknod_path(where, S_IFREG | (mode & S_IALLUGO), 0);
		mutex_lock(&vfs_lock);
		*created = !err;
		if (err == -EEXIST && !(flags & O_EXCL))
			err = 0;	/* made by someone else meanwhile */
	}
	kfree(where);
	return err;
}

/*
 * Find name, creating it with O_CREAT; returns it referenced in *p and
 * sets *created when this call made it (a new file opens whatever its
 * mode, as on Linux: open("f", O_WRONLY | O_CREAT, 0444) may write).
 */
static int open_path(const char *name, unsigned int flags, unsigned int mode, struct path *p,
		     bool *created)
{
	int err = kern_path(name, (flags & O_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, p);

	if (err == -ENOENT && (flags & O_CREAT) && name_ends_in_slash(name)) {
		err = -EISDIR;	/* O_CREAT makes files, and "name/" is a directory */
	} else if (err == -ENOENT && (flags & O_CREAT)) {
		err = create_for_open(name, flags, mode, created);
		if (!err)
			err = kern_path(name, LOOKUP_FOLLOW, p);
	} else if (!err && (flags & O_CREAT) && (flags & O_EXCL)) {
		path_put(p);
		err = -EEXIST;
	}
	if (!err && (flags & O_NOFOLLOW) && S_ISLNK(p->dentry->inode->mode)) {
		path_put(p);
		err = -ELOOP;
	}
	return err;
}

/* Let go of what an open file holds: its inode, its path, itself. */
static void put_filp(struct file *f)
{
	mutex_lock(&vfs_lock);
	iput(f->inode);
	path_put(&f->path);
	mutex_unlock(&vfs_lock);
	kfree(f);
}

/*
 * filp_open - open name: the file, or ERR_PTR(-errno) (test with IS_ERR).
 * Context: process.
 */
struct file *filp_open(const char *name, unsigned int flags, unsigned int mode)
{
	struct file *f;
	bool created = false;
	struct path p;
	int err;

	mutex_lock(&vfs_lock);
	err = open_path(name, flags, mode, &p, &created);
	if (err)
		goto out;
	err = created ? 0 : may_open(p.dentry->inode, flags);
	if (err)
		goto out_path;
	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f) {
		err = -ENOMEM;
		goto out_path;
	}
	f->path = p;
	f->inode = p.dentry->inode;
	iget(f->inode);
	f->f_op = f->inode->i_fop;
	f->flags = flags;
	f->count = 1;
	mutex_unlock(&vfs_lock);
	err = f->f_op && f->f_op->open ? f->f_op->open(f->inode, f) : 0;
	if (err) {
		put_filp(f);	/* no release: the driver's open did not happen */
		return ERR_PTR(err);
	}
	return f;
out_path:
	path_put(&p);
out:
	mutex_unlock(&vfs_lock);
	return ERR_PTR(err);
}

/* filp_close - drop a reference; the last one calls the driver's release. */
int filp_close(struct file *f)
{
	if (--f->count)
		return 0;
	if (f->f_op && f->f_op->release)
		f->f_op->release(f->inode, f);
	put_filp(f);
	return 0;
}

ssize_t vfs_read(struct file *f, char *buf, size_t n, loff_t *pos)
{
	if ((f->flags & O_ACCMODE) == O_WRONLY)
		return -EBADF;
	if (S_ISDIR(f->inode->mode))
		return -EISDIR;
	if (!f->f_op || !f->f_op->read)
		return -EINVAL;
	return f->f_op->read(f, buf, n, pos);
}

ssize_t vfs_write(struct file *f, const char *buf, size_t n, loff_t *pos)
{
	if ((f->flags & O_ACCMODE) == O_RDONLY)
		return -EBADF;
	if (!f->f_op || !f->f_op->write)
		return -EINVAL;
	return f->f_op->write(f, buf, n, pos);
}

/* Reading into a kernel buffer (kernel threads have no user/kernel split). */
ssize_t kernel_read(struct file *f, void *buf, size_t n, loff_t *pos)
{
	return vfs_read(f, buf, n, pos);
}

loff_t generic_file_llseek(struct file *f, loff_t offset, int whence)
{
	loff_t base;

	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = f->pos;
		break;
	case SEEK_END:
		base = f->inode->size;
		break;
	default:
		return -EINVAL;
	}
	if (base + offset < 0)
		return -EINVAL;
	f->pos = base + offset;
	return f->pos;
}

loff_t vfs_llseek(struct file *f, loff_t offset, int whence)
{
	if (!f->f_op || !f->f_op->llseek)
		return -ESPIPE;
	return f->f_op->llseek(f, offset, whence);
}

long vfs_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	if (!f->f_op || !f->f_op->unlocked_ioctl)
		return -ENOTTY;
	return f->f_op->unlocked_ioctl(f, cmd, arg);
}

int iterate_dir(struct file *f, struct dir_context *ctx)
{
	int err;

	if (!S_ISDIR(f->inode->mode))
		return -ENOTDIR;
	if (!f->f_op || !f->f_op->iterate)
		return -EINVAL;
	mutex_lock(&vfs_lock);
	ctx->pos = f->pos;
	err = f->f_op->iterate(f, ctx);
	f->pos = ctx->pos;
	mutex_unlock(&vfs_lock);
	return err;
}
