// SPDX-License-Identifier: MIT
/*
 * Dentries: the tree of names. Linux counterpart: fs/dcache.c. Armlet
 * keeps every dentry of its RAM file systems in memory (as Linux's ramfs
 * does through the dcache), so the tree IS the directory: a lookup is a
 * walk of the parent's children.
 *
 * Context: process, vfs_lock held.
 */
#include <armlet/fs.h>
#include <armlet/slab.h>
#include <armlet/string.h>

struct dentry *d_alloc(struct dentry *parent, const char *name, int len)
{
	struct dentry *d = kzalloc(sizeof(*d), GFP_KERNEL);

	if (!d)
		return NULL;
	memcpy(d->name, name, len);
	d->name[len] = '\0';
	d->count = 1;
	INIT_LIST_HEAD(&d->children);
	d->parent = parent;
	d->sb = parent->sb;
	dget(parent);
	list_add_tail(&d->child, &parent->children);
	return d;
}

struct dentry *d_alloc_root(struct super_block *sb, struct inode *root)
{
	struct dentry *d = kzalloc(sizeof(*d), GFP_KERNEL);

	if (!d)
		return NULL;
	strlcpy(d->name, "/", sizeof(d->name));
	d->count = 1;
	INIT_LIST_HEAD(&d->children);
	INIT_LIST_HEAD(&d->child);
	d->parent = d;
	d->sb = sb;
	d->inode = root;
	return d;
}

/* d_make_root - the root dentry of sb for inode; NULL (and the inode put) on failure. */
struct dentry *d_make_root(struct super_block *sb, struct inode *root)
{
	struct dentry *d = root ? d_alloc_root(sb, root) : NULL;

	if (!d)
		iput(root);
	return d;
}

/* The child named name[0..len) of parent, referenced, or NULL. */
struct dentry *d_lookup(struct dentry *parent, const char *name, int len)
{
	struct dentry *d;

	list_for_each_entry(d, &parent->children, child)
		if (d->inode && !strncmp(d->name, name, len) && d->name[len] == '\0')
			return dget(d);
	return NULL;
}

struct dentry *dget(struct dentry *d)
{
	d->count++;
	return d;
}

/*
 * dput - drop a reference. A dentry with an inode stays (it is the file's
 * name) until d_delete, unless its file system makes names up on lookup
 * (SB_NOCACHE); a negative one goes at its last reference.
 */
void dput(struct dentry *d)
{
	while (d && --d->count == 0 && d->parent != d) {
		struct dentry *parent = d->parent;

		if (d->inode && !(d->sb->s_flags & SB_NOCACHE))
			return;
		iput(d->inode);
		d->inode = NULL;
		list_del(&d->child);
		kfree(d);
		d = parent;
	}
}

void d_instantiate(struct dentry *d, struct inode *inode)
{
	d->inode = inode;
}

/* The name goes away: the dentry turns negative and its inode loses a link. */
void d_delete(struct dentry *d)
{
	struct inode *inode = d->inode;

	d->inode = NULL;
	d->count++;		/* balanced by the dput below, which frees it */
	iput(inode);
	dput(d);
}
