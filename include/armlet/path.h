/* SPDX-License-Identifier: MIT */
/*
 * A place in the name space: a dentry and the mount it was reached
 * through (Linux: <linux/path.h>). Its own header because both the VFS
 * and task_struct (the current directory) hold one.
 */
#ifndef ARMLET_PATH_H
#define ARMLET_PATH_H

struct vfsmount;
struct dentry;

struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};

#endif /* ARMLET_PATH_H */
