/* SPDX-License-Identifier: MIT */
/*
 * The virtual file system: Linux's four objects and their operations
 * (<linux/fs.h>, <linux/dcache.h>, <linux/mount.h>). docs/files.md draws
 * how open() reaches a driver.
 *
 *   super_block  one mounted file system
 *   inode        one file (its type, size, operations, device number)
 *   dentry       one name in a directory, pointing at an inode
 *   file         one open instance: the position, the flags
 *
 * Locking: vfs_lock (a mutex) serialises every change to the name space
 * (creating, removing, mounting) and every path walk; a file's position
 * belongs to its holder. Reference counts keep a dentry, inode or file
 * alive while anyone uses it. Context: process (they may sleep).
 */
#ifndef ARMLET_FS_H
#define ARMLET_FS_H

#include <armlet/kdev_t.h>
#include <armlet/list.h>
#include <armlet/mutex.h>
#include <armlet/path.h>
#include <armlet/stat.h>
#include <armlet/types.h>

#define NAME_MAX	255
#define PATH_MAX	4096
#define MAX_SYMLINKS	8	/* followed in one walk before ELOOP */

typedef long long loff_t;
typedef long ssize_t;

struct inode;
struct dentry;
struct file;
struct super_block;
struct vfsmount;
struct dir_context;
struct seq_buf;
struct task_struct;

struct inode_operations {
	int (*create)(struct inode *dir, struct dentry *d, unsigned int mode);
	int (*mkdir)(struct inode *dir, struct dentry *d, unsigned int mode);
	int (*mknod)(struct inode *dir, struct dentry *d, unsigned int mode, dev_t dev);
	int (*symlink)(struct inode *dir, struct dentry *d, const char *target);
	int (*link)(struct dentry *old, struct inode *dir, struct dentry *d);
	int (*unlink)(struct inode *dir, struct dentry *d);
	int (*rmdir)(struct inode *dir, struct dentry *d);
	/* A name not in the dentry cache: fill in d->inode, or leave it NULL. */
	void (*lookup)(struct inode *dir, struct dentry *d);
	const char *(*get_link)(struct inode *inode);
};

struct file_operations {
	int (*open)(struct inode *inode, struct file *f);
	int (*release)(struct inode *inode, struct file *f);
	/* buf is a user pointer: use copy_to_user/copy_from_user. */
	ssize_t (*read)(struct file *f, char *buf, size_t n, loff_t *pos);
	ssize_t (*write)(struct file *f, const char *buf, size_t n, loff_t *pos);
	loff_t (*llseek)(struct file *f, loff_t offset, int whence);
	long (*unlocked_ioctl)(struct file *f, unsigned int cmd, unsigned long arg);
	int (*iterate)(struct file *f, struct dir_context *ctx);
};

struct super_operations {
	void (*evict_inode)(struct inode *inode);	/* the last reference went */
};

struct inode {
	unsigned long ino;
	unsigned int mode;		/* S_IF* | permissions */
	unsigned int nlink;
	unsigned int uid, gid;
	loff_t size;
	u32 mtime;
	dev_t rdev;			/* a device node's device */
	int count;			/* references (dentries, files) */
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;
	struct super_block *sb;
	void *private;			/* the file system's data */
};

struct dentry {
	char name[NAME_MAX + 1];
	struct dentry *parent;		/* itself for a root */
	struct inode *inode;		/* NULL: a negative entry (the name is free) */
	struct list_head children;
	struct list_head child;		/* in parent->children */
	int count;
	struct vfsmount *mounted;	/* a file system is mounted here */
	struct super_block *sb;
};

#define SB_NOCACHE	0x1	/* drop a dentry at its last reference (proc) */

struct super_block {
	const struct super_operations *s_op;
	unsigned int s_flags;		/* SB_* */
	struct dentry *root;
	const char *type;
	void *fs_info;
	unsigned long next_ino;
};

struct vfsmount {
	struct dentry *root;		/* of the mounted file system */
	struct dentry *mountpoint;	/* where, in the parent */
	struct vfsmount *parent;
	struct super_block *sb;
	char where[64];			/* the path, for /proc/mounts */
	struct list_head list;
};

struct file {
	const struct file_operations *f_op;
	struct path path;
	struct inode *inode;
	loff_t pos;
	unsigned int flags;		/* O_* */
	int count;
	void *private_data;		/* the driver's */
};

/* Directory reading: iterate calls actor once per entry from ctx->pos on. */
struct dir_context {
	int (*actor)(struct dir_context *ctx, const char *name, int len, loff_t pos,
		     unsigned long ino, unsigned int type);
	loff_t pos;
};

static inline unsigned int iminor(const struct inode *inode)
{
	return MINOR(inode->rdev);
}

static inline unsigned int imajor(const struct inode *inode)
{
	return MAJOR(inode->rdev);
}

/* DT_* types for readdir (Linux values) */
#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10

static inline unsigned int dt_type(unsigned int mode)
{
	return (mode & S_IFMT) >> 12;
}

extern struct mutex vfs_lock;

/* Inodes and dentries (kernel/fs/inode.c, dcache.c) */
struct inode *new_inode(struct super_block *sb, unsigned int mode);
void iget(struct inode *inode);
void iput(struct inode *inode);
struct dentry *d_alloc(struct dentry *parent, const char *name, int len);
struct dentry *d_alloc_root(struct super_block *sb, struct inode *root);
struct dentry *d_make_root(struct super_block *sb, struct inode *root);
struct dentry *d_lookup(struct dentry *parent, const char *name, int len);
struct dentry *dget(struct dentry *d);
void dput(struct dentry *d);
void d_instantiate(struct dentry *d, struct inode *inode);
void d_delete(struct dentry *d);

/* Path walk (kernel/fs/namei.c) */
#define LOOKUP_FOLLOW	0x1	/* follow a symlink in the last component */
#define LOOKUP_PARENT	0x2	/* stop at the parent; *last gets the name */
int kern_path(const char *name, unsigned int flags, struct path *path);
int vfs_chdir(const char *name);
bool name_ends_in_slash(const char *name);
void fs_copy_pwd(struct task_struct *to, const struct task_struct *from);
void fs_drop_pwd(struct task_struct *p);
void path_get(const struct path *p);
void path_put(const struct path *p);

/* Files (kernel/fs/open.c, read_write.c, readdir.c) */
struct file *filp_open(const char *name, unsigned int flags, unsigned int mode);
int filp_close(struct file *f);
ssize_t kernel_read(struct file *f, void *buf, size_t n, loff_t *pos);
ssize_t vfs_read(struct file *f, char *buf, size_t n, loff_t *pos);
ssize_t vfs_write(struct file *f, const char *buf, size_t n, loff_t *pos);
loff_t vfs_llseek(struct file *f, loff_t offset, int whence);
long vfs_ioctl(struct file *f, unsigned int cmd, unsigned long arg);
int iterate_dir(struct file *f, struct dir_context *ctx);
loff_t generic_file_llseek(struct file *f, loff_t offset, int whence);

/* Name-space changes (kernel/fs/namei.c) */
int vfs_mkdir_path(const char *name, unsigned int mode);
int vfs_mknod_path(const char *name, unsigned int mode, dev_t dev);
int vfs_symlink_path(const char *target, const char *name);
int vfs_link_path(const char *oldname, const char *newname);
int vfs_unlink_path(const char *name);
int vfs_rmdir_path(const char *name);

/* Mounts (kernel/fs/namespace.c) */
struct file_system_type {
	const char *name;
	struct super_block *(*mount)(struct file_system_type *type);
	struct file_system_type *next;
};

int register_filesystem(struct file_system_type *fs);
struct super_block *mount_nodev(struct file_system_type *type,
				int (*fill_super)(struct super_block *sb));
int do_mount(const char *type, const char *where);
struct path root_path(void);
void show_mounts(struct seq_buf *m);
void vfs_init(void);

/* Character devices (kernel/fs/char_dev.c) */
extern const struct file_operations def_chr_fops;

#endif /* ARMLET_FS_H */
