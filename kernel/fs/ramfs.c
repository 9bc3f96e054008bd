// SPDX-License-Identifier: MIT
/*
 * ramfs: a file system that lives in memory only; the root file system
 * (filled from the initramfs) and /dev are ramfs. Linux counterpart:
 * fs/ramfs/ and fs/libfs.c (simple_lookup, dcache_readdir, simple_link).
 * A directory's entries are its dentries' children; a file's bytes are one
 * buffer, grown by doubling; a symlink keeps its target as a string.
 *
 * Context: process. vfs_lock is held for the name-space operations (the
 * VFS takes it); a file's own mutex (ramfs_data.lock) serialises its
 * reads, writes and truncation, since those run without vfs_lock.
 */
#include <armlet/errno.h>
#include <armlet/fs.h>
#include <armlet/kernel.h>
#include <armlet/mutex.h>
#include <armlet/slab.h>
#include <armlet/string.h>
#include <armlet/uaccess.h>
#include <armlet/vmalloc.h>

#define RAMFS_MAX_FILE	(64 << 20)	/* one file at most 64 MiB */
#define SMALL_BUFFER	(16 << 10)	/* kmalloc below this, vmalloc above */

struct ramfs_data {
	struct mutex lock;	/* buf, cap and the inode's size */
	char *buf;
	size_t cap;
};

static const struct inode_operations ramfs_dir_iops;
static const struct file_operations ramfs_dir_fops, ramfs_file_fops;
static const struct inode_operations ramfs_symlink_iops;

static void *buffer_alloc(size_t size)
{
	return size <= SMALL_BUFFER ? kzalloc(size, GFP_KERNEL) : vzalloc(size);
}

static void buffer_free(void *p, size_t size)
{
	if (size <= SMALL_BUFFER)
		kfree(p);
	else
		vfree(p);
}

/* Make room for size bytes of file data. Context: the file's lock held. */
static int reserve(struct inode *inode, loff_t size)
{
	struct ramfs_data *d = inode->private;
	size_t cap = d->cap ? d->cap : 64;
	char *buf;

	if (size > RAMFS_MAX_FILE)
		return -EFBIG;
	if ((size_t)size <= d->cap)
		return 0;
	while (cap < (size_t)size)
		cap *= 2;
	buf = buffer_alloc(cap);
	if (!buf)
		return -ENOSPC;
	if (d->buf) {
		memcpy(buf, d->buf, inode->size);
		buffer_free(d->buf, d->cap);
	}
	d->buf = buf;
	d->cap = cap;
	return 0;
}

static void ramfs_evict(struct inode *inode)
{
	struct ramfs_data *d = inode->private;

	if (S_ISLNK(inode->mode)) {
		kfree(inode->private);
	} else if (d) {
		if (d->buf)
			buffer_free(d->buf, d->cap);
		kfree(d);
	}
}

static const struct super_operations ramfs_sops = { .evict_inode = ramfs_evict };

/* A new inode of mode for this ramfs, with the right operations. */
static struct inode *ramfs_inode(struct super_block *sb, unsigned int mode, dev_t dev)
{
	struct inode *inode = new_inode(sb, mode);

	if (!inode)
		return NULL;
	if (S_ISDIR(mode)) {
		inode->i_op = &ramfs_dir_iops;
		inode->i_fop = &ramfs_dir_fops;
		inode->nlink = 2;
	} else if (S_ISREG(mode)) {
		inode->i_fop = &ramfs_file_fops;
		struct ramfs_data *d = kzalloc(sizeof(*d), GFP_KERNEL);

		if (!d) {
			kfree(inode);
			return NULL;
		}
		mutex_init(&d->lock);
		inode->private = d;
	} else if (S_ISLNK(mode)) {
		inode->i_op = &ramfs_symlink_iops;
	} else {
		inode->rdev = dev;
		inode->i_fop = &def_chr_fops;	/* devices: the driver takes over at open */
	}
	return inode;
}

static int ramfs_mknod(struct inode *dir, struct dentry *d, unsigned int mode, dev_t dev)
{
	struct inode *inode = ramfs_inode(dir->sb, mode, dev);

	if (!inode)
		return -ENOSPC;
	d_instantiate(d, inode);
	if (S_ISDIR(mode))
		dir->nlink++;
	return 0;
}

static int ramfs_create(struct inode *dir, struct dentry *d, unsigned int mode)
{
	return ramfs_mknod(dir, d, (mode & S_IALLUGO) | S_IFREG, 0);
}

static int ramfs_mkdir(struct inode *dir, struct dentry *d, unsigned int mode)
{
	return ramfs_mknod(dir, d, (mode & S_IALLUGO) | S_IFDIR, 0);
}

static int ramfs_symlink(struct inode *dir, struct dentry *d, const char *target)
{
	size_t len = strnlen(target, PATH_MAX);
	struct inode *inode;

	if (len == PATH_MAX)
		return -ENAMETOOLONG;
	inode = ramfs_inode(dir->sb, S_IFLNK | 0777, 0);
	if (!inode)
		return -ENOSPC;
	inode->private = kmalloc(len + 1, GFP_KERNEL);
	if (!inode->private) {
		iput(inode);
		return -ENOSPC;
	}
	memcpy(inode->private, target, len + 1);
	inode->size = len;
	d_instantiate(d, inode);
	return 0;
}

static const char *ramfs_get_link(struct inode *inode)
{
	return inode->private;
}

/* Another name for the same inode. */
static int ramfs_link(struct dentry *old, struct inode *dir, struct dentry *d)
{
	iget(old->inode);
	old->inode->nlink++;
	d_instantiate(d, old->inode);
	return 0;
}

static int ramfs_unlink(struct inode *dir, struct dentry *d)
{
	d->inode->nlink--;
	d_delete(d);
	return 0;
}

static int ramfs_rmdir(struct inode *dir, struct dentry *d)
{
	struct dentry *child;

	list_for_each_entry(child, &d->children, child)
		if (child->inode)
			return -ENOTEMPTY;
	dir->nlink--;
	d_delete(d);
	return 0;
}

static int ramfs_iterate(struct file *f, struct dir_context *ctx)
{
	struct dentry *dir = f->path.dentry, *d;
	loff_t i = 0;

	list_for_each_entry(d, &dir->children, child) {
		if (!d->inode)
			continue;
		if (i++ < ctx->pos)
			continue;
		if (ctx->actor(ctx, d->name, (int)strlen(d->name), i, d->inode->ino,
			       dt_type(d->inode->mode)))
			return 0;
		ctx->pos = i;
	}
	return 0;
}

static ssize_t ramfs_read(struct file *f, char *ubuf, size_t n, loff_t *pos)
{
	struct inode *inode = f->inode;
	struct ramfs_data *d = inode->private;
	ssize_t ret = 0;

	mutex_lock(&d->lock);
	if (*pos < inode->size) {
		n = min(n, (size_t)(inode->size - *pos));
		ret = copy_to_user(ubuf, d->buf + *pos, n) ? -EFAULT : (ssize_t)n;
		if (ret > 0)
			*pos += ret;
	}
	mutex_unlock(&d->lock);
	return ret;
}

static ssize_t ramfs_write(struct file *f, const char *ubuf, size_t n, loff_t *pos)
{
	struct inode *inode = f->inode;
	struct ramfs_data *d = inode->private;
	int err;

	mutex_lock(&d->lock);
	if (f->flags & O_APPEND)
		*pos = inode->size;
	err = reserve(inode, *pos + (loff_t)n);
	if (!err && *pos > inode->size)	/* a hole reads as zeros */
		memset(d->buf + inode->size, 0, *pos - inode->size);
	if (!err && copy_from_user(d->buf + *pos, ubuf, n))
		err = -EFAULT;
	if (!err) {
		*pos += n;
		if (*pos > inode->size)
			inode->size = *pos;
	}
	mutex_unlock(&d->lock);
	return err ? err : (ssize_t)n;
}

static int ramfs_open(struct inode *inode, struct file *f)
{
	struct ramfs_data *d = inode->private;

	if (S_ISREG(inode->mode) && (f->flags & O_TRUNC) && (f->flags & O_ACCMODE)) {
		mutex_lock(&d->lock);
		inode->size = 0;
		mutex_unlock(&d->lock);
	}
	return 0;
}

static const struct inode_operations ramfs_dir_iops = {
	.create = ramfs_create,
	.mkdir = ramfs_mkdir,
	.mknod = ramfs_mknod,
	.symlink = ramfs_symlink,
	.link = ramfs_link,
	.unlink = ramfs_unlink,
	.rmdir = ramfs_rmdir,
};

static const struct inode_operations ramfs_symlink_iops = { .get_link = ramfs_get_link };

static const struct file_operations ramfs_dir_fops = {
	.iterate = ramfs_iterate,
	.llseek = generic_file_llseek,
};

static const struct file_operations ramfs_file_fops = {
	.open = ramfs_open,
	.read = ramfs_read,
	.write = ramfs_write,
	.llseek = generic_file_llseek,
};

static int ramfs_fill_super(struct super_block *sb)
{
	sb->s_op = &ramfs_sops;
	sb->root = d_make_root(sb, ramfs_inode(sb, S_IFDIR | 0755, 0));
	return sb->root ? 0 : -ENOMEM;
}

static struct super_block *ramfs_mount(struct file_system_type *type)
{
	return mount_nodev(type, ramfs_fill_super);
}

struct file_system_type ramfs_fs_type = { .name = "ramfs", .mount = ramfs_mount };
