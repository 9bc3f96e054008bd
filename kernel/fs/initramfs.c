// SPDX-License-Identifier: MIT
/*
 * Unpacking the initramfs into the root file system. Linux counterpart:
 * init/initramfs.c (populate_rootfs, do_name, do_copy, maybe_link).
 *
 * Each cpio entry becomes a directory, file, symlink or device node under
 * "/"; an entry whose inode number was seen before (hard links: GNU cpio
 * gives every link the same number and the data to one of them) becomes a
 * link to the first. Names are taken relative to "/", and any with a ".."
 * component is refused. A corrupt archive is reported where it goes bad,
 * and what came before it stays.
 *
 * Context: process (task 1), once, before anything else opens a file.
 */
#define pr_fmt(fmt) "initramfs: " fmt

#include <armlet/cpio.h>
#include <armlet/err.h>
#include <armlet/errno.h>
#include <armlet/fs.h>
#include <armlet/init.h>
#include <armlet/printk.h>
#include <armlet/slab.h>
#include <armlet/string.h>
#include <asm/memory.h>
#include <asm/setup.h>

#define MAX_HARDLINKED	64

struct unpack {
	unsigned int files, dirs, links, nodes, skipped;
	struct {
		u32 dev_major, dev_minor, ino;
		char *path;
	} seen[MAX_HARDLINKED];
	unsigned int nseen;
};

/* ".", "./a/b" or "/a/b" -> "/", "/a/b"; false for a name with a ".." component. */
static bool make_path(const char *name, char *path, size_t size)
{
	while (name[0] == '.' && name[1] == '/')
		name += 2;
	if (!strcmp(name, "."))
		name = "";
	while (*name == '/')
		name++;
	for (const char *p = name; *p; p++)
		if (p[0] == '.' && p[1] == '.' && (p == name || p[-1] == '/') &&
		    (p[2] == '/' || !p[2]))
			return false;
	return snprintf(path, size, "/%s", name) < (int)size;
}

/* The path of an earlier link to the same inode, or NULL (and remember this one). */
static const char *hard_link_target(struct unpack *u, const struct cpio_entry *e,
				    const char *path)
{
	for (unsigned int i = 0; i < u->nseen; i++)
		if (u->seen[i].ino == e->ino && u->seen[i].dev_major == e->dev_major &&
		    u->seen[i].dev_minor == e->dev_minor)
			return u->seen[i].path;
	if (u->nseen < MAX_HARDLINKED) {
		u->seen[u->nseen].ino = e->ino;
		u->seen[u->nseen].dev_major = e->dev_major;
		u->seen[u->nseen].dev_minor = e->dev_minor;
		u->seen[u->nseen].path = kmalloc(strlen(path) + 1, GFP_KERNEL);
		if (u->seen[u->nseen].path)
			strlcpy(u->seen[u->nseen++].path, path, strlen(path) + 1);
	}
	return NULL;
}

static int write_file(const char *path, const struct cpio_entry *e, unsigned int flags)
{
	struct file *f = filp_open(path, O_WRONLY | flags, e->mode & S_IALLUGO);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return (int)PTR_ERR(f);
	n = e->filesize ? vfs_write(f, e->data, e->filesize, &pos) : 0;
	filp_close(f);
	return n < 0 ? (int)n : 0;
}

/* Give what path names the archive's modification time. */
static void set_mtime(const char *path, u32 mtime)
{
	struct path p;

	mutex_lock(&vfs_lock);
	if (!kern_path(path, 0, &p)) {
		p.dentry->inode->mtime = mtime;
		path_put(&p);
	}
	mutex_unlock(&vfs_lock);
}

static int unpack_entry(void *ctx, const struct cpio_entry *e)
{
	struct unpack *u = ctx;
	char path[PATH_MAX < 512 ? PATH_MAX : 512], target[256];
	const char *first;
	int err = 0;

	if (!make_path(e->name, path, sizeof(path))) {
		pr_err("entry \"%s\" refused (\"..\" or too long)\n", e->name);
		u->skipped++;
		return 0;
	}
	if (!strcmp(path, "/"))
		return 0;	/* the root exists already */
	switch (e->mode & S_IFMT) {
	case S_IFDIR:
		err = vfs_mkdir_path(path, e->mode & S_IALLUGO);
		err = err == -EEXIST ? 0 : err;
		u->dirs += !err;
		break;
	case S_IFREG:
		first = e->nlink > 1 ? hard_link_target(u, e, path) : NULL;
		if (first)
			err = vfs_link_path(first, path);
		err = err ? err : write_file(path, e, first ? 0 : O_CREAT | O_TRUNC);
		u->files += !err;
		break;
	case S_IFLNK:
		if (e->filesize >= sizeof(target)) {
			err = -ENAMETOOLONG;
			break;
		}
		memcpy(target, e->data, e->filesize);
		target[e->filesize] = '\0';
		err = vfs_symlink_path(target, path);
		u->links += !err;
		break;
	default:
		err = vfs_mknod_path(path, e->mode, MKDEV(e->rdev_major, e->rdev_minor));
		u->nodes += !err;
	}
	if (err) {
		pr_err("cannot create %s (mode 0%o): error %d\n", path, e->mode, err);
		u->skipped++;
	} else {
		set_mtime(path, e->mtime);
	}
	return 0;
}

/* populate_rootfs - unpack the initrd, if any, into "/". */
void populate_rootfs(void)
{
	struct unpack *u;
	int n;

	if (!boot_params.initrd_size) {
		pr_info("none (boot with an initrd, e.g. make run INITRD=file.cpio)\n");
		return;
	}
	u = kzalloc(sizeof(*u), GFP_KERNEL);
	if (!u)
		return;
	n = cpio_parse(__va(boot_params.initrd_start), boot_params.initrd_size, unpack_entry, u);
	if (n < 0)
		pr_err("archive unusable after %u entries; going on with what was read\n",
		       u->files + u->dirs + u->links + u->nodes);
	else
		pr_info("%d entries: %u files, %u directories, %u symlinks, %u other, %u refused "
			"(%u bytes)\n", n, u->files, u->dirs, u->links, u->nodes, u->skipped,
			boot_params.initrd_size);
	for (unsigned int i = 0; i < u->nseen; i++)
		kfree(u->seen[i].path);
	kfree(u);
}
