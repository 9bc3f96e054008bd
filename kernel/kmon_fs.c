// SPDX-License-Identifier: MIT
/*
 * The monitor's file commands: ls, cat and cd, so the files of the
 * initramfs, /dev and /proc can be looked at from the console before
 * there is a shell. They go through the VFS like any caller would.
 * Context: task 1 (the monitor), process context.
 */
#include <armlet/console.h>
#include <armlet/err.h>
#include <armlet/errno.h>
#include <armlet/fs.h>
#include "kmon.h"

/* Print "cmd: name: what went wrong" for a -errno. */
static void complain(const char *cmd, const char *name, long err)
{
	const char *why = err == -ENOENT ? "no such file or directory" :
			  err == -ENOTDIR ? "not a directory" :
			  err == -EISDIR ? "is a directory" :
			  err == -EACCES ? "permission denied" :
			  err == -ENXIO ? "no such device" :
			  err == -ELOOP ? "too many levels of symbolic links" :
			  err == -ENAMETOOLONG ? "file name too long" : "error";

	console_printf("%s: %s: %s (%ld)\n", cmd, name, why, err);
}

struct ls_ctx {
	struct dir_context ctx;
	int column;
};

static int ls_entry(struct dir_context *ctx, const char *name, int len, loff_t pos,
		    unsigned long ino, unsigned int type)
{
	struct ls_ctx *l = container_of(ctx, struct ls_ctx, ctx);
	const char *mark = type == DT_DIR ? "/" : type == DT_LNK ? "@" : type == DT_CHR ? "%" : "";

	console_printf("%.*s%s%s", len, name, mark, ++l->column % 6 ? "\t" : "\n");
	return 0;
}

/* ls [DIR]: the names in a directory; / marks directories, @ links, % devices. */
void kmon_ls(int argc, char **argv)
{
	const char *name = argc > 1 ? argv[1] : ".";
	struct file *f = filp_open(name, O_RDONLY | O_DIRECTORY, 0);
	struct ls_ctx l = { .ctx.actor = ls_entry };
	int err;

	if (IS_ERR(f)) {
		complain("ls", name, PTR_ERR(f));
		return;
	}
	err = iterate_dir(f, &l.ctx);
	if (l.column % 6)
		console_printf("\n");
	if (err)
		complain("ls", name, err);
	filp_close(f);
}

/* cat FILE: the file's bytes on the console. */
void kmon_cat(int argc, char **argv)
{
	char buf[128];
	struct file *f;
	loff_t pos = 0;
	ssize_t n;

	if (argc < 2) {
		console_printf("usage: cat FILE\n");
		return;
	}
	f = filp_open(argv[1], O_RDONLY, 0);
	if (IS_ERR(f)) {
		complain("cat", argv[1], PTR_ERR(f));
		return;
	}
	while ((n = kernel_read(f, buf, sizeof(buf), &pos)) > 0)
		console_printf("%.*s", (int)n, buf);
	if (n < 0)
		complain("cat", argv[1], n);
	filp_close(f);
}

/* cd [DIR]: change the monitor's current directory (default /). */
void kmon_cd(int argc, char **argv)
{
	int err = vfs_chdir(argc > 1 ? argv[1] : "/");

	if (err)
		complain("cd", argv[1], err);
}

/* The message of the day, /etc/motd, if the initramfs has one. */
void kmon_motd(void)
{
	char *argv[] = { "cat", "/etc/motd" };
	struct file *f = filp_open(argv[1], O_RDONLY, 0);

	if (IS_ERR(f))
		return;
	filp_close(f);
	kmon_cat(2, argv);
}
