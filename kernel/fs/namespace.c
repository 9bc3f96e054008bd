// SPDX-License-Identifier: MIT
/*
 * File system types and mounts. Linux counterpart: fs/namespace.c
 * (do_mount, attach_recursive_mnt) and fs/filesystems.c
 * (register_filesystem). The root is a ramfs (Linux: rootfs); /dev is
 * another ramfs instance and /proc the proc file system.
 *
 * Context: process; vfs_lock protects the mount list and mount points.
 */
#define pr_fmt(fmt) "vfs: " fmt

#include <armlet/errno.h>
#include <armlet/fs.h>
#include <armlet/proc_fs.h>
#include <armlet/printk.h>
#include <armlet/seq_buf.h>
#include <armlet/slab.h>
#include <armlet/string.h>

DEFINE_MUTEX(vfs_lock);

static struct file_system_type *file_systems;
static struct list_head mounts = LIST_HEAD_INIT(mounts);
static struct vfsmount *root_mnt;

int register_filesystem(struct file_system_type *fs)
{
	for (struct file_system_type *f = file_systems; f; f = f->next)
		if (!strcmp(f->name, fs->name))
			return -EBUSY;
	fs->next = file_systems;
	file_systems = fs;
	return 0;
}

static struct file_system_type *find_filesystem(const char *name)
{
	for (struct file_system_type *f = file_systems; f; f = f->next)
		if (!strcmp(f->name, name))
			return f;
	return NULL;
}

struct path root_path(void)
{
	return (struct path){ .mnt = root_mnt, .dentry = root_mnt->root };
}

static struct vfsmount *new_mount(struct file_system_type *type, const char *where)
{
	struct super_block *sb = type->mount(type);
	struct vfsmount *m;

	if (!sb)
		return NULL;
	m = kzalloc(sizeof(*m), GFP_KERNEL);
	if (!m)
		return NULL;
	m->sb = sb;
	m->root = sb->root;
	strlcpy(m->where, where, sizeof(m->where));
	list_add_tail(&m->list, &mounts);
	return m;
}

/*
 * mount_nodev - a new super block of type, with no device behind it;
 * fill_super gives it its operations and root. NULL if either fails.
 */
struct super_block *mount_nodev(struct file_system_type *type,
				int (*fill_super)(struct super_block *sb))
{
	struct super_block *sb = kzalloc(sizeof(*sb), GFP_KERNEL);

	if (!sb)
		return NULL;
	sb->type = type->name;
	if (fill_super(sb)) {
		kfree(sb);
		return NULL;
	}
	return sb;
}

/*
 * do_mount - mount a new file system of type on the directory where.
 * Errors: -ENODEV (no such type), -ENOENT/-ENOTDIR (where), -EBUSY
 * (something is mounted there already), -ENOMEM.
 */
int do_mount(const char *type, const char *where)
{
	struct file_system_type *fs = find_filesystem(type);
	struct vfsmount *m;
	struct path p;
	int err;

	if (!fs)
		return -ENODEV;
	mutex_lock(&vfs_lock);
	err = kern_path(where, LOOKUP_FOLLOW, &p);
	if (err)
		goto out;
	if (!S_ISDIR(p.dentry->inode->mode)) {
		err = -ENOTDIR;
	} else if (p.dentry->mounted) {
		err = -EBUSY;
	} else {
		m = new_mount(fs, where);
		if (!m) {
			err = -ENOMEM;
		} else {
			m->parent = p.mnt;
			m->mountpoint = dget(p.dentry);
			p.dentry->mounted = m;
		}
	}
	path_put(&p);
out:
	mutex_unlock(&vfs_lock);
	return err;
}

/* show_mounts - like /proc/mounts: device, mount point, type, options. */
void show_mounts(struct seq_buf *m)
{
	struct vfsmount *mnt;

	mutex_lock(&vfs_lock);
	list_for_each_entry(mnt, &mounts, list)
		seq_printf(m, "%s %s %s rw 0 0\n", mnt->sb->type, mnt->where, mnt->sb->type);
	mutex_unlock(&vfs_lock);
}

extern struct file_system_type ramfs_fs_type;

/*
 * vfs_init - the root file system and its standard mount points.
 * Context: process (task 1), before anything opens a file.
 */
void vfs_init(void)
{
	register_filesystem(&ramfs_fs_type);
	root_mnt = new_mount(&ramfs_fs_type, "/");
	if (!root_mnt)
		panic("cannot make the root file system");
	root_mnt->mountpoint = root_mnt->root;
	vfs_mkdir_path("/dev", 0755);
	if (do_mount("ramfs", "/dev"))
		pr_err("cannot mount /dev\n");
	proc_root_init();
}
