/* SPDX-License-Identifier: MIT */
/*
 * Reading "newc" cpio archives, the initramfs format (Linux:
 * Documentation/driver-api/early-userspace/buffer-format.rst). Each entry
 * is a 110-byte ASCII-hex header ("070701", or "070702" with a checksum),
 * the NUL-terminated name, padding to 4 bytes, the data, padding to 4.
 * The archive ends with an entry named "TRAILER!!!"; several archives may
 * follow each other, with zero padding between them.
 */
#ifndef ARMLET_CPIO_H
#define ARMLET_CPIO_H

#include <armlet/types.h>

#define CPIO_HEADER_SIZE	110
#define CPIO_TRAILER		"TRAILER!!!"

struct cpio_entry {
	const char *name;	/* NUL-terminated, inside the archive */
	u32 ino, mode, uid, gid, nlink, mtime, filesize;
	u32 dev_major, dev_minor;	/* the file system it came from (hard links) */
	u32 rdev_major, rdev_minor;	/* a device node's device */
	const void *data;	/* filesize bytes (a symlink's target, unterminated) */
	size_t offset;		/* of its header in the archive, for messages */
};

/* Called for every entry but the trailer; a non-zero return stops the walk. */
typedef int (*cpio_entry_fn)(void *ctx, const struct cpio_entry *e);

/*
 * cpio_parse - call fn for each entry of the archive(s) in buf. Returns
 * the number of entries, or a negative errno after reporting the first
 * problem (what and at which offset); the entries before it were already
 * passed to fn, so a caller can keep what could be read.
 */
int cpio_parse(const void *buf, size_t len, cpio_entry_fn fn, void *ctx);

#endif /* ARMLET_CPIO_H */
