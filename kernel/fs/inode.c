// SPDX-License-Identifier: MIT
/*
 * Inodes: allocation and reference counting. Linux counterpart:
 * fs/inode.c (new_inode, iput). An inode goes when its last reference
 * does; its file system frees what it attached (evict_inode).
 * Context: process, vfs_lock held for changes to count.
 */
#include <armlet/fs.h>
#include <armlet/slab.h>
#include <armlet/time.h>

struct inode *new_inode(struct super_block *sb, unsigned int mode)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);

	if (!inode)
		return NULL;
	inode->sb = sb;
	inode->mode = mode;
	inode->ino = ++sb->next_ino;
	inode->nlink = 1;
	inode->count = 1;
	inode->mtime = (u32)(ktime_get_ns() / NSEC_PER_SEC);
	return inode;
}

void iget(struct inode *inode)
{
	inode->count++;
}

void iput(struct inode *inode)
{
	if (!inode || --inode->count)
		return;
	if (inode->sb->s_op && inode->sb->s_op->evict_inode)
		inode->sb->s_op->evict_inode(inode);
	kfree(inode);
}
