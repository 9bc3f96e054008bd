// SPDX-License-Identifier: MIT
/*
 * Host tests of the path walk (kernel/fs/namei.c) over the real dcache,
 * inodes, ramfs, mounts and open files: what POSIX and Linux's
 * path_resolution(7) promise about absolute and relative names, "." and
 * "..", mount points, slashes, NAME_MAX and PATH_MAX, symbolic links, the
 * errno of each misuse, hard links, unlinked open files, and that every
 * dentry, inode and file a test makes goes away when it is done.
 */
/* The C library's dev_t and loff_t differ from the kernel's <armlet/fs.h>. */
#define dev_t  host_dev_t
#define loff_t host_loff_t
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#undef dev_t
#undef loff_t

#include "htest.h"
#include <armlet/err.h>
#include <armlet/errno.h>
#include <armlet/fs.h>
#include <armlet/mutex.h>
#include <armlet/printk.h>
#include <armlet/sched.h>

/* tests/host/vfs_stubs.c: live kmalloc/vmalloc blocks, all (0) or of one size. */
long vfs_stub_live(size_t size);

#define T "/t" /* every test works below this directory */

/* ---- Setting up and counting ---- */

/* What must be the same before and after a test. */
struct census {
	long objects; /* live kmalloc + vmalloc blocks */
	long dentries, inodes, files;
	int root_count; /* references on "/" (each child holds one) */
	unsigned int root_nlink;
};

/* vfs_init() as task 1 does at boot, then a second ramfs on /mnt. Once. */
static void vfs_setup(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	vfs_init();
	CHECK_EQ(vfs_mkdir_path("/mnt", 0755), 0);
	CHECK_EQ(do_mount("ramfs", "/mnt"), 0);
}

static struct census census_take(void)
{
	struct dentry *root;

	vfs_setup();
	root = root_path().dentry;
	return (struct census){
		.objects = vfs_stub_live(0),
		.dentries = vfs_stub_live(sizeof(struct dentry)),
		.inodes = vfs_stub_live(sizeof(struct inode)),
		.files = vfs_stub_live(sizeof(struct file)),
		.root_count = root->count,
		.root_nlink = root->inode->nlink,
	};
}

/* Everything the test made is gone, and no lock was misused or left held. */
#define CHECK_CENSUS(before)                                                                       \
	do {                                                                                       \
		struct census _now = census_take();                                                \
		CHECK_EQ(_now.dentries, (before).dentries);                                        \
		CHECK_EQ(_now.inodes, (before).inodes);                                            \
		CHECK_EQ(_now.files, (before).files);                                              \
		CHECK_EQ(_now.objects, (before).objects);                                          \
		CHECK_EQ(_now.root_count, (before).root_count);                                    \
		CHECK_EQ(_now.root_nlink, (before).root_nlink);                                    \
		CHECK(!mutex_is_locked(&vfs_lock));                                                \
		CHECK_EQ(mutex_bugs, 0);                                                           \
		CHECK(current->pwd.dentry == NULL);                                                \
	} while (0)

/* ---- Helpers over the VFS calls ---- */

/* kern_path under vfs_lock, as its callers take it. */
static int lookup(const char *name, unsigned int flags, struct path *p)
{
	int err;

	mutex_lock(&vfs_lock);
	err = kern_path(name, flags, p);
	mutex_unlock(&vfs_lock);
	return err;
}

static void put(struct path *p)
{
	mutex_lock(&vfs_lock);
	path_put(p);
	mutex_unlock(&vfs_lock);
}

/* 0 or the -errno of resolving name. */
static int lookup_err(const char *name, unsigned int flags)
{
	struct path p;
	int err = lookup(name, flags, &p);

	if (!err)
		put(&p);
	return err;
}

/* The mode of what name names (a final symlink not followed), or 0. */
static unsigned int mode_of(const char *name)
{
	struct path p;
	unsigned int mode;

	if (lookup(name, 0, &p))
		return 0;
	mode = p.dentry->inode->mode;
	put(&p);
	return mode;
}

static unsigned int nlink_of(const char *name)
{
	struct path p;
	unsigned int nlink;

	if (lookup(name, 0, &p))
		return 0;
	nlink = p.dentry->inode->nlink;
	put(&p);
	return nlink;
}

/* Do a and b (final symlinks followed) name the same dentry of the same mount? */
static bool same(const char *a, const char *b)
{
	struct path pa, pb;
	int ea = lookup(a, LOOKUP_FOLLOW, &pa), eb = lookup(b, LOOKUP_FOLLOW, &pb);
	bool ok = !ea && !eb && pa.dentry == pb.dentry && pa.mnt == pb.mnt;

	if (ea || eb)
		printf("    # \"%.60s\": %d, \"%.60s\": %d\n", a, ea, b, eb);
	if (!ea)
		put(&pa);
	if (!eb)
		put(&pb);
	return ok;
}

static long open_err(const char *name, unsigned int flags)
{
	struct file *f = filp_open(name, flags, 0644);

	if (IS_ERR(f))
		return PTR_ERR(f);
	filp_close(f);
	return 0;
}

/* Replace name's contents by s: the bytes written or -errno. */
static long write_file(const char *name, const char *s)
{
	struct file *f = filp_open(name, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	loff_t pos = 0;
	long n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = vfs_write(f, s, strlen(s), &pos);
	filp_close(f);
	return n;
}

/* name's contents as a string ("" on any error). */
static const char *read_file(const char *name)
{
	static char buf[256];
	struct file *f = filp_open(name, O_RDONLY, 0);
	loff_t pos = 0;
	ssize_t n;

	buf[0] = '\0';
	if (IS_ERR(f))
		return buf;
	n = vfs_read(f, buf, sizeof(buf) - 1, &pos);
	buf[n > 0 ? n : 0] = '\0';
	filp_close(f);
	return buf;
}

/* The tree most tests start from: /t, /t/d and /t/d/f holding "data". */
static void make_tree(void)
{
	CHECK_EQ(vfs_mkdir_path(T, 0755), 0);
	CHECK_EQ(vfs_mkdir_path(T "/d", 0755), 0);
	CHECK_EQ(write_file(T "/d/f", "data"), 4);
}

static void remove_tree(void)
{
	CHECK_EQ(vfs_unlink_path(T "/d/f"), 0);
	CHECK_EQ(vfs_rmdir_path(T "/d"), 0);
	CHECK_EQ(vfs_rmdir_path(T), 0);
}

/* dir + "/" + n copies of c, in buf. */
static char *long_name(char *buf, const char *dir, char c, int n)
{
	size_t len = strlen(dir);

	memcpy(buf, dir, len);
	buf[len++] = '/';
	memset(buf + len, c, n);
	buf[len + n] = '\0';
	return buf;
}

/* ---- Absolute and relative names, ".", ".." ---- */

static void absolute_paths_resolve(void)
{
	struct census c = census_take();
	struct path p, root = root_path();

	make_tree();
	CHECK_EQ(lookup(T "/d/f", LOOKUP_FOLLOW, &p), 0);
	CHECK(S_ISREG(p.dentry->inode->mode));
	CHECK_STR(p.dentry->name, "f");
	CHECK_STR(p.dentry->parent->name, "d");
	CHECK_STR(p.dentry->parent->parent->name, "t");
	CHECK(p.dentry->parent->parent->parent == root.dentry);
	CHECK(p.mnt == root.mnt);
	put(&p);
	CHECK(S_ISDIR(mode_of(T "/d")));
	CHECK_EQ(lookup("/", 0, &p), 0);
	CHECK(p.dentry == root.dentry && p.mnt == root.mnt);
	put(&p);
	CHECK_STR(read_file(T "/d/f"), "data");
	remove_tree();
	CHECK_CENSUS(c);
}

static void relative_paths_start_at_the_current_directory(void)
{
	struct census c = census_take();
	struct task_struct child = {0};

	make_tree();
	CHECK(same("t/d/f", T "/d/f")); /* no directory yet: "/" */
	CHECK_EQ(vfs_chdir(T), 0);
	CHECK(same("d/f", T "/d/f"));
	CHECK(same(".", T));
	CHECK_EQ(vfs_chdir("d"), 0); /* relative to the last one */
	CHECK(same("f", T "/d/f"));
	CHECK_STR(read_file("f"), "data");
	CHECK_EQ(vfs_chdir("f"), -ENOTDIR);
	CHECK_EQ(vfs_chdir("missing"), -ENOENT);
	CHECK(same(".", T "/d")); /* failed chdirs changed nothing */

	fs_copy_pwd(&child, current); /* a new task starts here too */
	CHECK(child.pwd.dentry == current->pwd.dentry);
	fs_drop_pwd(&child);
	CHECK(child.pwd.dentry == NULL);

	CHECK_EQ(vfs_mkdir_path("sub", 0755), 0);
	CHECK(S_ISDIR(mode_of(T "/d/sub")));
	CHECK_EQ(vfs_symlink_path("f", "ln"), 0);
	CHECK(same(T "/d/ln", "f"));
	CHECK_EQ(vfs_unlink_path("ln"), 0);
	CHECK_EQ(vfs_rmdir_path("sub"), 0);
	CHECK_EQ(lookup_err(T "/d/sub", 0), -ENOENT);
	fs_drop_pwd(current);
	CHECK(same("t/d/f", T "/d/f"));
	remove_tree();
	CHECK_CENSUS(c);
}

static void dot_and_dotdot(void)
{
	struct census c = census_take();

	make_tree();
	CHECK(same(T "/./d/./f", T "/d/f"));
	CHECK(same(T "/.", T));
	CHECK(same(T "/d/..", T));
	CHECK(same(T "/d/../d/f", T "/d/f"));
	CHECK(same(T "/d/../..", "/"));
	CHECK(same("./t/d", T "/d"));
	CHECK(same("t/d/../../t/./d/f", T "/d/f"));
	remove_tree();
	CHECK_CENSUS(c);
}

static void dotdot_at_the_root_stays_at_the_root(void)
{
	struct census c = census_take();
	struct path p, root = root_path();

	make_tree();
	CHECK_EQ(lookup("/..", 0, &p), 0);
	CHECK(p.dentry == root.dentry && p.mnt == root.mnt);
	put(&p);
	CHECK(same("/../..", "/"));
	CHECK(same("/../../t/../../..", "/"));
	CHECK(same("/../t/d/f", T "/d/f"));
	CHECK_EQ(vfs_chdir("/"), 0);
	CHECK(same("..", "/"));
	CHECK(same("../../t/d", T "/d"));
	fs_drop_pwd(current);
	CHECK(same("..", "/"));
	remove_tree();
	CHECK_CENSUS(c);
}

static void dotdot_leaves_a_mounted_file_system(void)
{
	struct census c = census_take();
	struct path m, root = root_path();

	make_tree();
	CHECK_EQ(lookup("/mnt", 0, &m), 0); /* the mounted root, not the mount point */
	CHECK(m.mnt != root.mnt);
	CHECK(m.dentry == m.mnt->root);
	CHECK(m.mnt->parent == root.mnt);
	put(&m);
	CHECK(same("/mnt/..", "/"));
	CHECK(same("/mnt/../t/d/f", T "/d/f"));
	CHECK(same("/dev/..", "/"));
	CHECK_EQ(vfs_mkdir_path("/mnt/sub", 0755), 0);
	CHECK(same("/mnt/sub/..", "/mnt"));
	CHECK(same("/mnt/sub/../..", "/"));
	CHECK_EQ(vfs_chdir("/mnt/sub"), 0);
	CHECK(same("..", "/mnt"));
	CHECK(same("../..", "/"));
	CHECK(same("../../mnt/sub", "/mnt/sub"));
	fs_drop_pwd(current);
	CHECK_EQ(vfs_chdir("/mnt"), 0);
	CHECK(same("..", "/"));
	fs_drop_pwd(current);
	CHECK_EQ(vfs_symlink_path("/mnt/sub", T "/m"), 0); /* ".." is the physical parent */
	CHECK(same(T "/m/..", "/mnt"));
	CHECK(same(T "/m/../..", "/"));
	CHECK_EQ(vfs_unlink_path(T "/m"), 0);
	CHECK_EQ(vfs_rmdir_path("/mnt/sub"), 0);
	remove_tree();
	CHECK_CENSUS(c);
}

/* ---- Slashes ---- */

static void repeated_and_trailing_slashes_on_directories(void)
{
	struct census c = census_take();

	make_tree();
	CHECK(same("//t///d//f", T "/d/f"));
	CHECK(same("///", "/"));
	CHECK(same(T "/d/", T "/d"));
	CHECK(same(T "/d//", T "/d"));
	CHECK(same(T "//d/.//", T "/d"));
	CHECK_EQ(vfs_chdir(T "//"), 0);
	CHECK(same("d//f", T "/d/f"));
	fs_drop_pwd(current);
	CHECK_EQ(vfs_mkdir_path(T "/e/", 0755), 0); /* mkdir accepts "dir/" */
	CHECK(S_ISDIR(mode_of(T "/e")));
	CHECK_EQ(vfs_rmdir_path(T "//e//"), 0);
	remove_tree();
	CHECK_CENSUS(c);
}

static void trailing_slash_on_a_file_is_enotdir(void)
{
	struct census c = census_take();

	make_tree();
	CHECK_EQ(lookup_err(T "/d/f/", 0), -ENOTDIR);
	CHECK_EQ(lookup_err(T "/d/f/", LOOKUP_FOLLOW), -ENOTDIR);
	CHECK_EQ(lookup_err(T "/d/f//", 0), -ENOTDIR);
	CHECK_EQ(lookup_err(T "/d/f/.", 0), -ENOTDIR);
	CHECK_EQ(lookup_err(T "/d/f/..", 0), -ENOTDIR);
	CHECK_EQ(open_err(T "/d/f/", O_RDONLY), -ENOTDIR);
	CHECK_EQ(vfs_rmdir_path(T "/d/f/"), -ENOTDIR);
	CHECK_STR(read_file(T "/d/f"), "data");
	remove_tree();
	CHECK_CENSUS(c);
}

/*
 * unlink("file/"): -ENOTDIR and the file kept, as Linux (the trailing
 * slash was once dropped and the file removed).
 */
static void unlink_of_file_with_trailing_slash_is_enotdir(void)
{
	struct census c = census_take();

	make_tree();
	CHECK_EQ(vfs_unlink_path(T "/d/f/"), -ENOTDIR);
	CHECK_EQ(lookup_err(T "/d/f", 0), 0);
	if (lookup_err(T "/d/f", 0))
		write_file(T "/d/f", "data");
	remove_tree();
	CHECK_CENSUS(c);
}

/*
 * open("new/", O_CREAT): -EISDIR and nothing created, as Linux (likewise
 * symlink/link to "new/": -ENOENT). Once it made a regular file "new".
 */
static void open_creat_with_trailing_slash_is_eisdir(void)
{
	struct census c = census_take();

	make_tree();
	CHECK_EQ(open_err(T "/new/", O_WRONLY | O_CREAT), -EISDIR);
	CHECK_EQ(lookup_err(T "/new", 0), -ENOENT);
	CHECK_EQ(vfs_symlink_path("d/f", T "/sl/"), -ENOENT);
	CHECK_EQ(lookup_err(T "/sl", 0), -ENOENT);
	vfs_unlink_path(T "/new");
	vfs_unlink_path(T "/sl");
	remove_tree();
	CHECK_CENSUS(c);
}

/*
 * "link-to-file/" is -ENOTDIR, as "file/" is: the trailing slash is
 * checked after following a symlink in the last component too.
 */
static void trailing_slash_after_symlink_to_file_is_enotdir(void)
{
	struct census c = census_take();

	make_tree();
	CHECK_EQ(vfs_symlink_path("d/f", T "/fl"), 0);
	CHECK_EQ(lookup_err(T "/fl/", LOOKUP_FOLLOW), -ENOTDIR);
	CHECK_EQ(open_err(T "/fl/", O_RDONLY), -ENOTDIR);
	CHECK_EQ(vfs_chdir(T "/fl/"), -ENOTDIR);
	fs_drop_pwd(current);
	CHECK_EQ(vfs_unlink_path(T "/fl"), 0);
	remove_tree();
	CHECK_CENSUS(c);
}

/*
 * A trailing slash follows a final symlink even without LOOKUP_FOLLOW
 * (POSIX pathname resolution; Linux sets LOOKUP_FOLLOW | LOOKUP_DIRECTORY),
 * so "dirlink/" names the directory for lstat, O_NOFOLLOW and link's source.
 */
static void trailing_slash_follows_symlink_to_directory(void)
{
	struct census c = census_take();

	make_tree();
	CHECK_EQ(vfs_symlink_path("d", T "/dl"), 0);
	CHECK(same(T "/dl/", T "/d"));	   /* following: works */
	CHECK(S_ISDIR(mode_of(T "/dl/"))); /* not following */
	CHECK_EQ(open_err(T "/dl/", O_RDONLY | O_NOFOLLOW), 0);
	CHECK_EQ(vfs_unlink_path(T "/dl"), 0);
	remove_tree();
	CHECK_CENSUS(c);
}

/*
 * open(O_CREAT) of a dangling symlink creates the link's target, as Linux
 * does and "echo x > link" expects; O_CREAT | O_EXCL on any symlink gives
 * -EEXIST.
 */
static void open_creat_through_a_dangling_symlink_creates_its_target(void)
{
	struct census c = census_take();

	make_tree();
	CHECK_EQ(vfs_symlink_path("d/new", T "/dang"), 0);
	CHECK_EQ(open_err(T "/dang", O_WRONLY | O_CREAT | O_EXCL), -EEXIST);
	CHECK_EQ(lookup_err(T "/d/new", 0), -ENOENT);
	CHECK_EQ(write_file(T "/dang", "via link"), 8);
	CHECK_STR(read_file(T "/d/new"), "via link");
	vfs_unlink_path(T "/d/new");
	CHECK_EQ(vfs_unlink_path(T "/dang"), 0);
	remove_tree();
	CHECK_CENSUS(c);
}

/* ---- Length limits ---- */

static void component_of_name_max_bytes(void)
{
	struct census c = census_take();
	char dir[NAME_MAX + 8], file[2 * NAME_MAX + 8], longer[NAME_MAX + 8];
	char shorter[NAME_MAX + 8], below[2 * NAME_MAX + 8];
	struct path p;

	make_tree();
	long_name(dir, T, 'n', NAME_MAX);
	long_name(file, dir, 'f', NAME_MAX);
	long_name(longer, T, 'n', NAME_MAX + 1);
	long_name(shorter, T, 'n', NAME_MAX - 1);
	long_name(below, longer, 'f', 1);

	CHECK_EQ(vfs_mkdir_path(dir, 0755), 0);
	CHECK_EQ(write_file(file, "max"), 3);
	CHECK_STR(read_file(file), "max");
	CHECK_EQ(lookup(file, 0, &p), 0);
	CHECK_EQ(strlen(p.dentry->name), NAME_MAX);
	CHECK_EQ(strlen(p.dentry->parent->name), NAME_MAX);
	put(&p);
	CHECK_EQ(vfs_chdir(dir), 0);
	CHECK(same(file + strlen(dir) + 1, file));
	fs_drop_pwd(current);

	/* One byte more: refused everywhere, never matched against the 255-byte name. */
	CHECK_EQ(lookup_err(longer, 0), -ENAMETOOLONG);
	CHECK_EQ(lookup_err(below, 0), -ENAMETOOLONG);
	CHECK_EQ(vfs_mkdir_path(longer, 0755), -ENAMETOOLONG);
	CHECK_EQ(open_err(longer, O_WRONLY | O_CREAT), -ENAMETOOLONG);
	CHECK_EQ(vfs_symlink_path("d", longer), -ENAMETOOLONG);
	CHECK_EQ(vfs_link_path(T "/d/f", longer), -ENAMETOOLONG);
	CHECK_EQ(vfs_unlink_path(longer), -ENAMETOOLONG);
	CHECK_EQ(vfs_chdir(longer), -ENAMETOOLONG);
	CHECK_EQ(lookup_err(shorter, 0), -ENOENT); /* a prefix is another name */

	CHECK_EQ(vfs_unlink_path(file), 0);
	CHECK_EQ(vfs_rmdir_path(dir), 0);
	remove_tree();
	CHECK_CENSUS(c);
}

/* "/" then "./" (and a spare "/") up to len bytes, ending in "t/d/f". */
static char *padded_path(char *buf, size_t len)
{
	const char *tail = "t/d/f";
	size_t pad = len - 1 - strlen(tail), i = 0;

	buf[i++] = '/';
	if (pad % 2)
		buf[i++] = '/';
	for (; i < len - strlen(tail); i += 2)
		memcpy(buf + i, "./", 2);
	strcpy(buf + i, tail);
	return buf;
}

static void path_of_path_max_bytes_is_enametoolong(void)
{
	struct census c = census_take();
	char *name = malloc(PATH_MAX + 1);

	make_tree();
	padded_path(name, PATH_MAX - 1); /* with its NUL: PATH_MAX bytes */
	CHECK_EQ(strlen(name), PATH_MAX - 1);
	CHECK(same(name, T "/d/f"));
	CHECK_EQ(open_err(name, O_RDONLY), 0);

	padded_path(name, PATH_MAX);
	CHECK_EQ(strlen(name), PATH_MAX);
	CHECK_EQ(lookup_err(name, 0), -ENAMETOOLONG);
	CHECK_EQ(open_err(name, O_RDONLY), -ENAMETOOLONG);
	CHECK_EQ(open_err(name, O_WRONLY | O_CREAT), -ENAMETOOLONG);
	CHECK_EQ(vfs_mkdir_path(name, 0755), -ENAMETOOLONG);
	CHECK_EQ(vfs_unlink_path(name), -ENAMETOOLONG);
	CHECK_EQ(vfs_chdir(name), -ENAMETOOLONG);
	CHECK_EQ(vfs_symlink_path(name, T "/long"), -ENAMETOOLONG); /* as a target */
	CHECK_EQ(lookup_err(T "/long", 0), -ENOENT);
	CHECK_STR(read_file(T "/d/f"), "data");
	free(name);
	remove_tree();
	CHECK_CENSUS(c);
}

/* ---- Symbolic links ---- */

static void symlink_absolute(void)
{
	struct census c = census_take();
	struct path p;

	make_tree();
	CHECK_EQ(vfs_symlink_path(T "/d/f", T "/abs"), 0);
	CHECK_EQ(lookup(T "/abs", 0, &p), 0); /* the link itself */
	CHECK(S_ISLNK(p.dentry->inode->mode));
	CHECK_EQ(p.dentry->inode->size, strlen(T "/d/f"));
	put(&p);
	CHECK(same(T "/abs", T "/d/f"));
	CHECK_STR(read_file(T "/abs"), "data");
	CHECK_EQ(vfs_symlink_path(T "/d", T "/d/dabs"), 0); /* to a directory, mid-path */
	CHECK(same(T "/d/dabs/f", T "/d/f"));
	CHECK(same(T "/d/dabs/dabs/dabs/f", T "/d/f"));
	CHECK_EQ(vfs_chdir(T "/d/dabs"), 0);
	CHECK(same(".", T "/d"));
	fs_drop_pwd(current);
	CHECK_EQ(vfs_unlink_path(T "/d/dabs"), 0);
	CHECK_EQ(vfs_unlink_path(T "/abs"), 0);
	CHECK(same(T "/d/f", T "/d/f")); /* removing a link leaves its target */
	remove_tree();
	CHECK_CENSUS(c);
}

static void symlink_relative_to_its_own_directory(void)
{
	struct census c = census_take();

	make_tree();
	CHECK_EQ(write_file(T "/f", "other"), 5);
	CHECK_EQ(vfs_symlink_path("f", T "/d/rel"), 0);
	CHECK_EQ(vfs_symlink_path("../d/f", T "/d/up"), 0);
	CHECK_EQ(vfs_symlink_path("d/f", T "/down"), 0);
	CHECK_EQ(vfs_symlink_path("..", T "/d/parent"), 0);
	CHECK_EQ(vfs_chdir(T), 0); /* where "f" is the other file */
	CHECK(same("d/rel", T "/d/f"));
	CHECK_STR(read_file("d/rel"), "data");
	CHECK(same(T "/d/up", T "/d/f"));
	CHECK(same("down", T "/d/f"));
	CHECK(same("d/parent", T));
	CHECK(same("d/parent/d/parent/f", T "/f"));
	fs_drop_pwd(current);
	CHECK_EQ(vfs_unlink_path(T "/d/parent"), 0);
	CHECK_EQ(vfs_unlink_path(T "/down"), 0);
	CHECK_EQ(vfs_unlink_path(T "/d/up"), 0);
	CHECK_EQ(vfs_unlink_path(T "/d/rel"), 0);
	CHECK_EQ(vfs_unlink_path(T "/f"), 0);
	remove_tree();
	CHECK_CENSUS(c);
}

/* T/<prefix>1 -> first; T/<prefix>i -> <prefix>(i-1) up to n: name n needs n links. */
static void make_chain(const char *prefix, const char *first, int n)
{
	char name[32], target[32];

	for (int i = 1; i <= n; i++) {
		snprintf(name, sizeof(name), T "/%s%d", prefix, i);
		snprintf(target, sizeof(target), "%s%d", prefix, i - 1);
		CHECK_EQ(vfs_symlink_path(i == 1 ? first : target, name), 0);
	}
}

static void remove_chain(const char *prefix, int n)
{
	char name[32];

	for (int i = 1; i <= n; i++) {
		snprintf(name, sizeof(name), T "/%s%d", prefix, i);
		CHECK_EQ(vfs_unlink_path(name), 0);
	}
}

static void symlink_chain_of_max_symlinks_resolves_one_more_is_eloop(void)
{
	struct census c = census_take();
	char name[32];

	make_tree();
	make_chain("l", "d/f", MAX_SYMLINKS + 1);
	make_chain("m", "d", MAX_SYMLINKS + 1);

	snprintf(name, sizeof(name), T "/l%d", MAX_SYMLINKS);
	CHECK(same(name, T "/d/f"));
	CHECK_STR(read_file(name), "data");
	snprintf(name, sizeof(name), T "/m%d/f", MAX_SYMLINKS); /* mid-path */
	CHECK(same(name, T "/d/f"));

	snprintf(name, sizeof(name), T "/l%d", MAX_SYMLINKS + 1);
	CHECK_EQ(lookup_err(name, LOOKUP_FOLLOW), -ELOOP);
	CHECK_EQ(open_err(name, O_RDONLY), -ELOOP);
	CHECK_EQ(lookup_err(name, 0), 0); /* not following: fine */
	snprintf(name, sizeof(name), T "/m%d/f", MAX_SYMLINKS + 1);
	CHECK_EQ(lookup_err(name, 0), -ELOOP);
	CHECK_EQ(vfs_mkdir_path(name, 0755), -ELOOP); /* in the parent's walk */

	remove_chain("m", MAX_SYMLINKS + 1);
	remove_chain("l", MAX_SYMLINKS + 1);
	remove_tree();
	CHECK_CENSUS(c);
}

static void symlink_loops_are_eloop(void)
{
	struct census c = census_take();

	make_tree();
	CHECK_EQ(vfs_symlink_path("self", T "/self"), 0);
	CHECK_EQ(vfs_symlink_path(T "/aself", T "/aself"), 0);
	CHECK_EQ(vfs_symlink_path("b", T "/a"), 0);
	CHECK_EQ(vfs_symlink_path("a", T "/b"), 0);
	CHECK_EQ(lookup_err(T "/self", LOOKUP_FOLLOW), -ELOOP);
	CHECK_EQ(lookup_err(T "/aself", LOOKUP_FOLLOW), -ELOOP);
	CHECK_EQ(lookup_err(T "/a", LOOKUP_FOLLOW), -ELOOP);
	CHECK_EQ(lookup_err(T "/self/x", 0), -ELOOP);
	CHECK_EQ(open_err(T "/self", O_RDONLY), -ELOOP);
	CHECK_EQ(open_err(T "/b", O_WRONLY | O_CREAT), -ELOOP);
	CHECK_EQ(vfs_chdir(T "/self"), -ELOOP);
	CHECK(S_ISLNK(mode_of(T "/self"))); /* the link itself is fine */
	CHECK_EQ(vfs_unlink_path(T "/b"), 0);
	CHECK_EQ(vfs_unlink_path(T "/a"), 0);
	CHECK_EQ(vfs_unlink_path(T "/aself"), 0);
	CHECK_EQ(vfs_unlink_path(T "/self"), 0);
	remove_tree();
	CHECK_CENSUS(c);
}

static void dangling_symlink_is_enoent(void)
{
	struct census c = census_take();

	make_tree();
	CHECK_EQ(vfs_symlink_path(T "/nowhere", T "/dang"), 0);
	CHECK_EQ(vfs_symlink_path("nowhere/f", T "/dang2"), 0);
	CHECK_EQ(lookup_err(T "/dang", LOOKUP_FOLLOW), -ENOENT);
	CHECK_EQ(lookup_err(T "/dang2", LOOKUP_FOLLOW), -ENOENT);
	CHECK_EQ(lookup_err(T "/dang/x", 0), -ENOENT);
	CHECK_EQ(open_err(T "/dang", O_RDONLY), -ENOENT);
	CHECK_EQ(vfs_chdir(T "/dang"), -ENOENT);
	CHECK(S_ISLNK(mode_of(T "/dang")));
	CHECK_EQ(vfs_unlink_path(T "/dang2"), 0);
	CHECK_EQ(vfs_unlink_path(T "/dang"), 0);
	remove_tree();
	CHECK_CENSUS(c);
}

static void o_nofollow_on_a_symlink_is_eloop(void)
{
	struct census c = census_take();

	make_tree();
	CHECK_EQ(vfs_symlink_path("d/f", T "/fl"), 0);
	CHECK_EQ(vfs_symlink_path("d", T "/dl"), 0);
	CHECK_EQ(vfs_symlink_path("nowhere", T "/dang"), 0);
	CHECK_EQ(open_err(T "/fl", O_RDONLY | O_NOFOLLOW), -ELOOP);
	CHECK_EQ(open_err(T "/fl", O_WRONLY | O_CREAT | O_NOFOLLOW), -ELOOP);
	CHECK_EQ(open_err(T "/dang", O_RDONLY | O_NOFOLLOW), -ELOOP);
	CHECK_EQ(open_err(T "/fl", O_RDONLY), 0);
	CHECK_EQ(open_err(T "/d/f", O_RDONLY | O_NOFOLLOW), 0);
	CHECK_EQ(open_err(T "/dl/f", O_RDONLY | O_NOFOLLOW), 0); /* only the last one */
	CHECK_EQ(vfs_unlink_path(T "/dang"), 0);
	CHECK_EQ(vfs_unlink_path(T "/dl"), 0);
	CHECK_EQ(vfs_unlink_path(T "/fl"), 0);
	remove_tree();
	CHECK_CENSUS(c);
}

/* ---- The errno of each misuse ---- */

static void file_used_as_directory_is_enotdir(void)
{
	struct census c = census_take();

	make_tree();
	CHECK_EQ(vfs_symlink_path("d/f", T "/fl"), 0);
	CHECK_EQ(lookup_err(T "/d/f/x", 0), -ENOTDIR);
	CHECK_EQ(lookup_err(T "/fl/x", 0), -ENOTDIR);
	CHECK_EQ(lookup_err(T "/d/f/x/y", 0), -ENOTDIR);
	CHECK_EQ(vfs_mkdir_path(T "/d/f/x", 0755), -ENOTDIR);
	CHECK_EQ(vfs_symlink_path("d", T "/d/f/x"), -ENOTDIR);
	CHECK_EQ(vfs_unlink_path(T "/d/f/x"), -ENOTDIR);
	CHECK_EQ(open_err(T "/d/f/x", O_WRONLY | O_CREAT), -ENOTDIR);
	CHECK_EQ(open_err(T "/d/f", O_RDONLY | O_DIRECTORY), -ENOTDIR);
	CHECK_EQ(vfs_chdir(T "/d/f"), -ENOTDIR);
	CHECK_EQ(vfs_chdir(T "/fl"), -ENOTDIR);
	fs_drop_pwd(current);
	CHECK_EQ(vfs_unlink_path(T "/fl"), 0);
	remove_tree();
	CHECK_CENSUS(c);
}

static void missing_component_is_enoent(void)
{
	struct census c = census_take();

	make_tree();
	CHECK_EQ(lookup_err(T "/nope", 0), -ENOENT);
	CHECK_EQ(lookup_err(T "/nope/f", 0), -ENOENT);
	CHECK_EQ(lookup_err("/nope/t/d", 0), -ENOENT);
	CHECK_EQ(lookup_err("", 0), -ENOENT);
	CHECK_EQ(vfs_mkdir_path(T "/nope/x", 0755), -ENOENT);
	CHECK_EQ(vfs_mkdir_path("", 0755), -ENOENT);
	CHECK_EQ(open_err(T "/nope/x", O_WRONLY | O_CREAT), -ENOENT);
	CHECK_EQ(open_err(T "/nope", O_RDONLY), -ENOENT);
	CHECK_EQ(vfs_unlink_path(T "/nope"), -ENOENT);
	CHECK_EQ(vfs_rmdir_path(T "/nope"), -ENOENT);
	CHECK_EQ(vfs_link_path(T "/nope", T "/x"), -ENOENT);
	CHECK_EQ(vfs_link_path(T "/d/f", T "/nope/x"), -ENOENT);
	CHECK_EQ(vfs_symlink_path("", T "/x"), -ENOENT);
	CHECK_EQ(vfs_chdir(T "/nope"), -ENOENT);
	CHECK_EQ(lookup_err(T "/x", 0), -ENOENT);
	remove_tree();
	CHECK_CENSUS(c); /* no negative dentry left behind */
}

static void existing_name_is_eexist(void)
{
	struct census c = census_take();

	make_tree();
	CHECK_EQ(vfs_symlink_path("nowhere", T "/dang"), 0);
	CHECK_EQ(vfs_mkdir_path(T "/d", 0755), -EEXIST);
	CHECK_EQ(vfs_mkdir_path(T "/d/", 0755), -EEXIST);
	CHECK_EQ(vfs_mkdir_path(T "/d/f", 0755), -EEXIST);
	CHECK_EQ(vfs_mkdir_path(T "/dang", 0755), -EEXIST);
	CHECK_EQ(vfs_mkdir_path("/mnt", 0755), -EEXIST);
	CHECK_EQ(vfs_symlink_path("x", T "/d"), -EEXIST);
	CHECK_EQ(vfs_link_path(T "/d/f", T "/d/f"), -EEXIST);
	CHECK_EQ(open_err(T "/d/f", O_WRONLY | O_CREAT | O_EXCL), -EEXIST);
	CHECK(S_ISDIR(mode_of(T "/d")));
	CHECK_STR(read_file(T "/d/f"), "data");
	CHECK_EQ(vfs_unlink_path(T "/dang"), 0);
	remove_tree();
	CHECK_CENSUS(c);
}

static void rmdir_of_non_empty_directory_is_enotempty(void)
{
	struct census c = census_take();

	make_tree();
	CHECK_EQ(nlink_of(T), 3); /* ".", its name, d's ".." */
	CHECK_EQ(vfs_mkdir_path(T "/e", 0755), 0);
	CHECK_EQ(vfs_mkdir_path(T "/e/sub", 0755), 0);
	CHECK_EQ(nlink_of(T), 4);
	CHECK_EQ(vfs_rmdir_path(T "/d"), -ENOTEMPTY);
	CHECK_EQ(vfs_rmdir_path(T "/e"), -ENOTEMPTY);
	CHECK_EQ(vfs_rmdir_path(T), -ENOTEMPTY);
	CHECK_EQ(vfs_rmdir_path(T "/e/sub"), 0);
	CHECK_EQ(vfs_rmdir_path(T "/e"), 0);
	CHECK_EQ(nlink_of(T), 3);
	CHECK_EQ(vfs_rmdir_path(T "/d/f"), -ENOTDIR);
	CHECK_EQ(vfs_unlink_path(T "/d"), -EISDIR);
	CHECK_EQ(vfs_rmdir_path("/mnt"), -EBUSY);
	CHECK_EQ(vfs_symlink_path("d", T "/dl"), 0);
	CHECK_EQ(vfs_rmdir_path(T "/dl"), -ENOTDIR); /* the link, not its target */
	CHECK_EQ(vfs_unlink_path(T "/dl"), 0);
	CHECK(S_ISDIR(mode_of(T "/d")));
	remove_tree();
	CHECK_CENSUS(c);
}

/* The code's errnos: -EEXIST for "/", -EINVAL for "." and ".." (Linux: EEXIST for all). */
static void creating_root_dot_or_dotdot_is_refused(void)
{
	struct census c = census_take();

	make_tree();
	CHECK_EQ(vfs_mkdir_path("/", 0755), -EEXIST);
	CHECK_EQ(vfs_mkdir_path("//", 0755), -EEXIST);
	CHECK_EQ(vfs_mkdir_path(".", 0755), -EINVAL);
	CHECK_EQ(vfs_mkdir_path("..", 0755), -EINVAL);
	CHECK_EQ(vfs_mkdir_path(T "/.", 0755), -EINVAL);
	CHECK_EQ(vfs_mkdir_path(T "/..", 0755), -EINVAL);
	CHECK_EQ(vfs_mkdir_path(T "/d/./", 0755), -EINVAL);
	CHECK_EQ(vfs_symlink_path("d", "/"), -EEXIST);
	CHECK_EQ(vfs_symlink_path("d", T "/."), -EINVAL);
	CHECK_EQ(vfs_link_path(T "/d/f", T "/.."), -EINVAL);
	CHECK_EQ(vfs_mknod_path(T "/..", S_IFREG | 0644, 0), -EINVAL);
	CHECK_EQ(open_err("/", O_WRONLY | O_CREAT), -EISDIR);
	CHECK_EQ(open_err(T "/.", O_RDONLY | O_CREAT | O_EXCL), -EEXIST);
	/* Nor can they be removed. */
	CHECK(vfs_rmdir_path("/") < 0);
	CHECK(vfs_rmdir_path(T "/.") < 0);
	CHECK(vfs_rmdir_path(T "/d/..") < 0);
	CHECK(vfs_unlink_path(T "/.") < 0);
	CHECK(S_ISDIR(mode_of(T)));
	CHECK(S_ISDIR(mode_of(T "/d")));
	remove_tree();
	CHECK_CENSUS(c);
}

/* ---- Hard links and unlinked open files ---- */

static void hard_links_share_data(void)
{
	struct census c = census_take();
	struct path a, b;
	struct file *f;
	loff_t pos = 0;

	make_tree();
	CHECK_EQ(write_file(T "/a", "one"), 3);
	CHECK_EQ(vfs_link_path(T "/a", T "/b"), 0);
	CHECK_EQ(vfs_link_path(T "/b", T "/d/c"), 0);
	CHECK_EQ(lookup(T "/a", 0, &a), 0);
	CHECK_EQ(lookup(T "/b", 0, &b), 0);
	CHECK(a.dentry != b.dentry && a.dentry->inode == b.dentry->inode);
	put(&b);
	put(&a);
	CHECK_EQ(nlink_of(T "/a"), 3);
	CHECK_STR(read_file(T "/b"), "one");
	CHECK_EQ(write_file(T "/d/c", "two!"), 4); /* O_TRUNC, via the third name */
	CHECK_STR(read_file(T "/a"), "two!");
	f = filp_open(T "/b", O_WRONLY | O_APPEND, 0);
	CHECK(!IS_ERR(f));
	if (!IS_ERR(f)) {
		CHECK_EQ(vfs_write(f, "3", 1, &pos), 1);
		filp_close(f);
	}
	CHECK_STR(read_file(T "/a"), "two!3");

	CHECK_EQ(vfs_unlink_path(T "/a"), 0);
	CHECK_EQ(nlink_of(T "/b"), 2);
	CHECK_STR(read_file(T "/b"), "two!3");
	CHECK_EQ(vfs_unlink_path(T "/b"), 0);
	CHECK_EQ(nlink_of(T "/d/c"), 1);
	CHECK_STR(read_file(T "/d/c"), "two!3");
	CHECK_EQ(vfs_stub_live(sizeof(struct inode)), c.inodes + 4); /* t, d, f, c */
	CHECK_EQ(vfs_unlink_path(T "/d/c"), 0);
	CHECK_EQ(vfs_stub_live(sizeof(struct inode)), c.inodes + 3); /* t, d, f */

	CHECK_EQ(vfs_link_path(T "/d", T "/dd"), -EPERM);    /* not directories */
	CHECK_EQ(vfs_link_path(T "/d/f", "/mnt/f"), -EXDEV); /* not across mounts */
	CHECK_EQ(nlink_of(T "/d/f"), 1);
	remove_tree();
	CHECK_CENSUS(c);
}

static void unlinked_open_file_keeps_its_data(void)
{
	struct census c = census_take();
	char buf[32] = {0};
	struct file *f;
	loff_t pos = 0;
	long inodes;

	make_tree();
	CHECK_EQ(write_file(T "/u", "still here"), 10);
	f = filp_open(T "/u", O_RDWR, 0);
	CHECK(!IS_ERR(f));
	if (IS_ERR(f))
		return;
	CHECK_EQ(vfs_unlink_path(T "/u"), 0);
	CHECK_EQ(lookup_err(T "/u", 0), -ENOENT);
	CHECK_EQ(f->inode->nlink, 0);
	CHECK_EQ(vfs_read(f, buf, sizeof(buf) - 1, &pos), 10);
	CHECK_STR(buf, "still here");
	CHECK_EQ(vfs_write(f, "!", 1, &pos), 1);

	CHECK_EQ(write_file(T "/u", "new"), 3); /* the name is free again */
	CHECK_STR(read_file(T "/u"), "new");
	pos = 0;
	memset(buf, 0, sizeof(buf));
	CHECK_EQ(vfs_read(f, buf, sizeof(buf) - 1, &pos), 11);
	CHECK_STR(buf, "still here!");

	inodes = vfs_stub_live(sizeof(struct inode));
	filp_close(f);
	CHECK_EQ(vfs_stub_live(sizeof(struct inode)), inodes - 1); /* at the last close */
	CHECK_EQ(vfs_unlink_path(T "/u"), 0);
	remove_tree();
	CHECK_CENSUS(c);
}

/*
 * rmdir of the current directory (allowed, as on Linux) leaves current->pwd
 * on a negative dentry: relative names then find nothing (-ENOENT). In a
 * child process, because a walk that forgets this dereferences NULL.
 */
static void walk_from_a_removed_current_directory_is_enoent(void)
{
	struct census c = census_take();
	int status = 0;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		int failures = htest_failures;

		alarm(5);
		CHECK_EQ(vfs_mkdir_path(T, 0755), 0);
		CHECK_EQ(vfs_chdir(T), 0);
		CHECK_EQ(vfs_rmdir_path(T), 0);
		CHECK_EQ(lookup_err(".", 0), -ENOENT);
		CHECK_EQ(lookup_err("x", 0), -ENOENT);
		CHECK_EQ(vfs_mkdir_path("x", 0755), -ENOENT);
		CHECK_EQ(open_err("x", O_WRONLY | O_CREAT), -ENOENT);
		fs_drop_pwd(current);
		fflush(stdout);
		_exit(htest_failures != failures); /* no leak check in the child */
	}
	if (pid > 0) {
		CHECK_EQ(waitpid(pid, &status, 0), pid);
		if (WIFSIGNALED(status))
			printf("    # child killed by signal %d\n", WTERMSIG(status));
		else if (WEXITSTATUS(status))
			printf("    # child exited with %d (crashed if a sanitizer report is "
			       "above)\n",
			       WEXITSTATUS(status));
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	CHECK_CENSUS(c);
}

/* ---- Reference counts over the whole run ---- */

/* Dentries reachable from d, into the file systems mounted below it. */
static long count_dentries(struct dentry *d, long *negative)
{
	struct dentry *child;
	long n = 1;

	if (!d->inode)
		++*negative;
	if (d->mounted)
		n += count_dentries(d->mounted->root, negative);
	list_for_each_entry(child, &d->children, child)
		n += count_dentries(child, negative);
	return n;
}

/* Runs last: after every test, only what vfs_init and the /mnt mount made is left. */
static void reference_counts_balance_over_the_run(void)
{
	struct census c = census_take();
	struct dentry *root = root_path().dentry;
	long negative = 0;

	/* "/", "/dev", "/mnt" and the roots of the ramfs on /dev and /mnt. */
	CHECK_EQ(count_dentries(root, &negative), 5);
	CHECK_EQ(negative, 0);
	CHECK_EQ(c.dentries, 5);
	CHECK_EQ(c.inodes, 5);
	CHECK_EQ(c.files, 0);
	CHECK_EQ(root->count, 3); /* its own and one per child */
	CHECK_EQ(root->inode->nlink, 4);
	CHECK_EQ(root->inode->count, 1);
	CHECK_EQ(lookup_err(T, 0), -ENOENT);
	CHECK(!mutex_is_locked(&vfs_lock));
	CHECK_EQ(mutex_bugs, 0);
}

HTEST_MAIN(TEST(absolute_paths_resolve), TEST(relative_paths_start_at_the_current_directory),
	   TEST(dot_and_dotdot), TEST(dotdot_at_the_root_stays_at_the_root),
	   TEST(dotdot_leaves_a_mounted_file_system),
	   TEST(repeated_and_trailing_slashes_on_directories),
	   TEST(trailing_slash_on_a_file_is_enotdir),
	   TEST(unlink_of_file_with_trailing_slash_is_enotdir),
	   TEST(open_creat_with_trailing_slash_is_eisdir),
	   TEST(trailing_slash_after_symlink_to_file_is_enotdir),
	   TEST(trailing_slash_follows_symlink_to_directory),
	   TEST(open_creat_through_a_dangling_symlink_creates_its_target), TEST(component_of_name_max_bytes),
	   TEST(path_of_path_max_bytes_is_enametoolong), TEST(symlink_absolute),
	   TEST(symlink_relative_to_its_own_directory),
	   TEST(symlink_chain_of_max_symlinks_resolves_one_more_is_eloop),
	   TEST(symlink_loops_are_eloop), TEST(dangling_symlink_is_enoent),
	   TEST(o_nofollow_on_a_symlink_is_eloop), TEST(file_used_as_directory_is_enotdir),
	   TEST(missing_component_is_enoent), TEST(existing_name_is_eexist),
	   TEST(rmdir_of_non_empty_directory_is_enotempty),
	   TEST(creating_root_dot_or_dotdot_is_refused), TEST(hard_links_share_data),
	   TEST(unlinked_open_file_keeps_its_data),
	   TEST(walk_from_a_removed_current_directory_is_enoent),
	   TEST(reference_counts_balance_over_the_run))
