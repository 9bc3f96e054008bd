// SPDX-License-Identifier: MIT
/*
 * Path names to dentries, and the operations that create and remove
 * names. Linux counterpart: fs/namei.c (link_path_walk, walk_component,
 * follow_dotdot, do_mkdirat, do_unlinkat).
 *
 * A walk goes component by component from the root ("/...") or the
 * current directory, handles "." and "..", crosses mount points in both
 * directions and follows symbolic links (at most MAX_SYMLINKS, then
 * ELOOP). Every step holds a reference on the dentry it stands on.
 *
 * Context: process; callers hold vfs_lock (the *_path functions take it).
 */
#include <armlet/errno.h>
#include <armlet/fs.h>
#include <armlet/sched.h>
#include <armlet/string.h>

struct path root_path(void);

void path_get(const struct path *p)
{
	dget(p->dentry);
}

void path_put(const struct path *p)
{
	dput(p->dentry);
}

/* Step onto a file system mounted on p->dentry, as often as there is one. */
static void follow_mount(struct path *p)
{
	while (p->dentry->mounted) {
		struct vfsmount *m = p->dentry->mounted;

		dput(p->dentry);
		p->mnt = m;
		p->dentry = dget(m->root);
	}
}

/* ".." : the parent, leaving a mounted file system through its mount point. */
static void follow_dotdot(struct path *p)
{
	while (p->dentry == p->mnt->root && p->mnt->parent) {
		dput(p->dentry);
		p->dentry = dget(p->mnt->mountpoint);
		p->mnt = p->mnt->parent;
	}
	if (p->dentry->parent != p->dentry) {
		struct dentry *parent = dget(p->dentry->parent);

		dput(p->dentry);
		p->dentry = parent;
	}
}

static int walk(const char *name, struct path *p, unsigned int flags, int *links,
		const char **last, int *lastlen);

/* Replace p (standing on a symlink's directory) by where the link leads. */
static int follow_link(struct path *p, struct dentry *link, int *links)
{
	const char *target = link->inode->i_op->get_link(link->inode);

	if (++*links > MAX_SYMLINKS)
		return -ELOOP;
	return walk(target, p, LOOKUP_FOLLOW, links, NULL, NULL);
}

/* The child of the directory p names name[0..len), created negative if absent. */
static struct dentry *lookup_child(struct path *p, const char *name, int len)
{
	struct dentry *d = d_lookup(p->dentry, name, len);

	if (d)
		return d;
	d = d_alloc(p->dentry, name, len);
	if (d && p->dentry->inode->i_op && p->dentry->inode->i_op->lookup)
		p->dentry->inode->i_op->lookup(p->dentry->inode, d);
	return d;
}

/*
 * walk - resolve name starting from p (which it moves and keeps a
 * reference on). With LOOKUP_PARENT it stops before the last component
 * and returns that in *last / *lastlen.
 */
static int walk(const char *name, struct path *p, unsigned int flags, int *links,
		const char **last, int *lastlen)
{
	if (*name == '/') {
		path_put(p);
		*p = root_path();
		path_get(p);
	}
	for (;;) {
		struct dentry *child;
		const char *comp;
		int len, err;
		bool is_last;

		while (*name == '/')
			name++;
		if (!*name)
			return 0;
		comp = name;
		while (*name && *name != '/')
			name++;
		len = (int)(name - comp);
		if (len > NAME_MAX)
			return -ENAMETOOLONG;
		if (!p->dentry->inode)
			return -ENOENT;	/* a directory removed under us (a stale cwd) */
		if (!S_ISDIR(p->dentry->inode->mode))
			return -ENOTDIR;
		is_last = true;		/* only slashes left after this component? */
		for (const char *s = name; *s; s++)
			is_last &= *s == '/';
		if (is_last && (flags & LOOKUP_PARENT)) {
			*last = comp;
			*lastlen = len;
			return 0;
		}
		if (len == 1 && comp[0] == '.')
			continue;
		if (len == 2 && comp[0] == '.' && comp[1] == '.') {
			follow_dotdot(p);
			continue;
		}
		child = lookup_child(p, comp, len);
		if (!child)
			return -ENOMEM;
		if (!child->inode) {
			dput(child);
			return -ENOENT;
		}
		/* A trailing '/' asks for a directory: follow a link to see one. */
		if (S_ISLNK(child->inode->mode) &&
		    (!is_last || *name == '/' || (flags & LOOKUP_FOLLOW))) {
			err = follow_link(p, child, links);
			dput(child);
			if (err)
				return err;
		} else {
			dput(p->dentry);
			p->dentry = child;
			follow_mount(p);
		}
		if (*name == '/' && !S_ISDIR(p->dentry->inode->mode))
			return -ENOTDIR;	/* "file/" */
	}
}

/* The directory walks start from when the name is relative: the task's current one. */
static struct path start_path(void)
{
	struct path p = current->pwd.dentry ? current->pwd : root_path();

	path_get(&p);
	return p;
}

/* vfs_chdir - make name the current task's directory (chdir(2)). 0 or -errno. */
int vfs_chdir(const char *name)
{
	struct path p;
	int err;

	mutex_lock(&vfs_lock);
	err = kern_path(name, LOOKUP_FOLLOW, &p);
	if (!err && !S_ISDIR(p.dentry->inode->mode)) {
		path_put(&p);
		err = -ENOTDIR;
	}
	if (!err) {
		if (current->pwd.dentry)
			path_put(&current->pwd);
		current->pwd = p;
	}
	mutex_unlock(&vfs_lock);
	return err;
}

/* A new task starts in its creator's directory. Context: process. */
void fs_copy_pwd(struct task_struct *to, const struct task_struct *from)
{
	mutex_lock(&vfs_lock);
	to->pwd = from->pwd;
	if (to->pwd.dentry)
		path_get(&to->pwd);
	mutex_unlock(&vfs_lock);
}

/* An exiting task lets go of its directory. Context: process. */
void fs_drop_pwd(struct task_struct *p)
{
	mutex_lock(&vfs_lock);
	if (p->pwd.dentry)
		path_put(&p->pwd);
	p->pwd.dentry = NULL;
	mutex_unlock(&vfs_lock);
}

/*
 * kern_path - resolve name into *path (referenced; release with
 * path_put). Context: vfs_lock held.
 */
int kern_path(const char *name, unsigned int flags, struct path *path)
{
	int links = 0, err;

	if (!*name)
		return -ENOENT;
	if (strnlen(name, PATH_MAX) == PATH_MAX)
		return -ENAMETOOLONG;
	*path = start_path();
	err = walk(name, path, flags & ~LOOKUP_PARENT, &links, NULL, NULL);
	if (err)
		path_put(path);
	return err;
}

/*
 * The parent directory of name and its last component, referenced, with
 * *child the (possibly negative) dentry for it. "/" and names ending in
 * "." or ".." have no last component to create or remove: -EEXIST/-EINVAL.
 */
static int lookup_create(const char *name, struct path *parent, struct dentry **child)
{
	const char *last = NULL;
	int lastlen = 0, links = 0, err;

	if (!*name)
		return -ENOENT;
	if (strnlen(name, PATH_MAX) == PATH_MAX)
		return -ENAMETOOLONG;
	*parent = start_path();
	err = walk(name, parent, LOOKUP_PARENT, &links, &last, &lastlen);
	if (!err && !last)
		err = -EEXIST;	/* the root */
	if (!err && (lastlen == 1 || lastlen == 2) && !strncmp(last, "..", lastlen))
		err = -EINVAL;
	if (!err && !S_ISDIR(parent->dentry->inode->mode))
		err = -ENOTDIR;
	if (!err) {
		*child = lookup_child(parent, last, lastlen);
		if (!*child)
			err = -ENOMEM;
	}
	if (err)
		path_put(parent);
	return err;
}

/* "name/": only a directory may be meant (Linux's LOOKUP_DIRECTORY). */
bool name_ends_in_slash(const char *name)
{
	size_t len = strlen(name);

	return len && name[len - 1] == '/';
}

/*
 * Create name with op (a closure over mkdir/mknod/symlink/link). Only a
 * directory may be made under a name that ends in '/'.
 */
static int create_path(const char *name, int (*op)(struct inode *dir, struct dentry *d,
						   const void *arg), const void *arg, bool makes_dir)
{
	struct dentry *child;
	struct path parent;
	int err;

	mutex_lock(&vfs_lock);
	err = lookup_create(name, &parent, &child);
	if (!err) {
		if (child->inode)
			err = -EEXIST;
		else if (!makes_dir && name_ends_in_slash(name))
			err = -ENOENT;
		else
			err = op(parent.dentry->inode, child, arg);
		dput(child);
		path_put(&parent);
	}
	mutex_unlock(&vfs_lock);
	return err;
}

struct node_args {
	unsigned int mode;
	dev_t dev;
};

static int op_mkdir(struct inode *dir, struct dentry *d, const void *arg)
{
	const struct node_args *a = arg;

	return dir->i_op && dir->i_op->mkdir ? dir->i_op->mkdir(dir, d, a->mode) : -EPERM;
}

static int op_mknod(struct inode *dir, struct dentry *d, const void *arg)
{
	const struct node_args *a = arg;

	return dir->i_op && dir->i_op->mknod ? dir->i_op->mknod(dir, d, a->mode, a->dev) : -EPERM;
}

static int op_symlink(struct inode *dir, struct dentry *d, const void *arg)
{
	return dir->i_op && dir->i_op->symlink ? dir->i_op->symlink(dir, d, arg) : -EPERM;
}

int vfs_mkdir_path(const char *name, unsigned int mode)
{
	struct node_args a = { .mode = mode };

	return create_path(name, op_mkdir, &a, true);
}

int vfs_mknod_path(const char *name, unsigned int mode, dev_t dev)
{
	struct node_args a = { .mode = mode, .dev = dev };

	if (S_ISDIR(mode) || S_ISLNK(mode) || !(mode & S_IFMT))
		return -EINVAL;
	return create_path(name, op_mknod, &a, false);
}

int vfs_symlink_path(const char *target, const char *name)
{
	if (!*target)
		return -ENOENT;
	return create_path(name, op_symlink, target, false);
}

static int op_link(struct inode *dir, struct dentry *d, const void *arg)
{
	const struct path *old = arg;

	if (S_ISDIR(old->dentry->inode->mode))
		return -EPERM;
	if (old->dentry->sb != d->sb)
		return -EXDEV;
	return dir->i_op && dir->i_op->link ? dir->i_op->link(old->dentry, dir, d) : -EPERM;
}

int vfs_link_path(const char *oldname, const char *newname)
{
	struct path old;
	int err;

	mutex_lock(&vfs_lock);
	err = kern_path(oldname, 0, &old);
	mutex_unlock(&vfs_lock);
	if (err)
		return err;
	err = create_path(newname, op_link, &old, false);
	mutex_lock(&vfs_lock);
	path_put(&old);
	mutex_unlock(&vfs_lock);
	return err;
}

/* Remove name: a directory with rmdir, anything else with unlink. */
static int remove_path(const char *name, bool dir)
{
	struct dentry *child;
	struct path parent;
	int err;

	mutex_lock(&vfs_lock);
	err = lookup_create(name, &parent, &child);
	if (!err) {
		struct inode *pdir = parent.dentry->inode;

		if (!child->inode)
			err = -ENOENT;
		else if (child->mounted)
			err = -EBUSY;
		else if (dir && !S_ISDIR(child->inode->mode))
			err = -ENOTDIR;
		else if (!dir && S_ISDIR(child->inode->mode))
			err = -EISDIR;
		else if (!dir && name_ends_in_slash(name))
			err = -ENOTDIR;	/* unlink("file/") */
		else if (!pdir->i_op || !(dir ? pdir->i_op->rmdir : pdir->i_op->unlink))
			err = -EPERM;
		else
			err = dir ? pdir->i_op->rmdir(pdir, child) : pdir->i_op->unlink(pdir, child);
		dput(child);
		path_put(&parent);
	}
	mutex_unlock(&vfs_lock);
	return err;
}

int vfs_unlink_path(const char *name)
{
	return remove_path(name, false);
}

int vfs_rmdir_path(const char *name)
{
	return remove_path(name, true);
}
