// SPDX-License-Identifier: MIT
/*
 * The initramfs at boot. For now it is read through and checked, and
 * what it holds is reported; the files issue unpacks it into the RAM
 * file system that becomes "/". Linux counterpart: init/initramfs.c
 * (populate_rootfs, unpack_to_rootfs).
 * Context: process (task 1), once.
 */
#define pr_fmt(fmt) "initramfs: " fmt

#include <armlet/cpio.h>
#include <armlet/init.h>
#include <armlet/printk.h>
#include <asm/memory.h>
#include <asm/setup.h>

struct tally {
	unsigned int files, dirs, links, nodes;
};

static int count_entry(void *ctx, const struct cpio_entry *e)
{
	struct tally *t = ctx;

	switch (e->mode & 0170000) {
	case 0040000:
		t->dirs++;
		break;
	case 0120000:
		t->links++;
		break;
	case 0100000:
		t->files++;
		break;
	default:
		t->nodes++;	/* devices, FIFOs, sockets */
	}
	return 0;
}

void initramfs_check(void)
{
	struct tally t = { 0 };
	int n;

	if (!boot_params.initrd_size) {
		pr_info("none (boot with an initrd, e.g. make run INITRD=file.cpio)\n");
		return;
	}
	n = cpio_parse(__va(boot_params.initrd_start), boot_params.initrd_size, count_entry, &t);
	if (n < 0) {
		pr_err("archive unusable after %u entries; going on without the rest\n",
		       t.files + t.dirs + t.links + t.nodes);
		return;
	}
	pr_info("%d entries: %u files, %u directories, %u symlinks, %u other (%u bytes)\n", n,
		t.files, t.dirs, t.links, t.nodes, boot_params.initrd_size);
}
