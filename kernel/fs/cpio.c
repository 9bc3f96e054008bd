// SPDX-License-Identifier: MIT
/*
 * The newc cpio reader behind the initramfs (see cpio.h). Linux
 * counterpart: init/initramfs.c (its state machine: do_header, do_name,
 * do_copy, do_skip). Every field is checked against what is left of the
 * buffer before it is used, so a corrupt or truncated archive is reported,
 * never read past.
 * Pure code: also built on the host for tests/host/test_cpio.c, which
 * uses archives made by GNU cpio.
 */
#define pr_fmt(fmt) "cpio: " fmt

#include <armlet/cpio.h>
#include <armlet/errno.h>
#include <armlet/printk.h>
#include <armlet/string.h>

#define FIELD_LEN	8
#define NR_FIELDS	13	/* after the 6-byte magic */
#define NAME_MAX_LEN	4096

enum { F_INO, F_MODE, F_UID, F_GID, F_NLINK, F_MTIME, F_FILESIZE, F_DEVMAJOR, F_DEVMINOR,
       F_RDEVMAJOR, F_RDEVMINOR, F_NAMESIZE, F_CHECK };

static size_t pad4(size_t n)
{
	return (n + 3) & ~(size_t)3;
}

/* Eight hex digits; false if any is not one. */
static bool parse_hex(const char *s, u32 *val)
{
	u32 v = 0;

	for (int i = 0; i < FIELD_LEN; i++) {
		char c = s[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return false;
	}
	*val = v;
	return true;
}

static int bad(size_t off, const char *what)
{
	pr_err("corrupt archive at offset %u: %s\n", (unsigned int)off, what);
	return -EINVAL;
}

/* Decode the header at p (CPIO_HEADER_SIZE bytes available). */
static int parse_header(const char *p, size_t off, u32 *f, bool *has_crc)
{
	if (!memcmp(p, "\x1f\x8b", 2))
		return bad(off, "gzip-compressed (build the initramfs uncompressed)");
	if (memcmp(p, "07070", 5) || (p[5] != '1' && p[5] != '2'))
		return bad(off, "no newc magic 070701/070702 (is it another cpio format?)");
	*has_crc = p[5] == '2';
	for (int i = 0; i < NR_FIELDS; i++)
		if (!parse_hex(p + 6 + i * FIELD_LEN, &f[i]))
			return bad(off, "header field is not hex");
	return 0;
}

/* The "crc" of newc-crc archives is the byte sum of the data. */
static u32 byte_sum(const unsigned char *p, u32 n)
{
	u32 sum = 0;

	while (n--)
		sum += *p++;
	return sum;
}

/* Skip the zero padding between concatenated archives, in whole words. */
static size_t skip_zeros(const unsigned char *buf, size_t off, size_t len)
{
	while (len - off >= 4 && !buf[off] && !buf[off + 1] && !buf[off + 2] && !buf[off + 3])
		off += 4;
	if (off < len && len - off < 4 && !memcmp(buf + off, "\0\0\0", len - off))
		off = len;	/* a short tail of zeros */
	return off;
}

int cpio_parse(const void *buffer, size_t len, cpio_entry_fn fn, void *ctx)
{
	const unsigned char *buf = buffer;
	size_t off = 0;
	bool trailer_seen = false;
	int count = 0;

	while ((off = skip_zeros(buf, off, len)) < len) {
		struct cpio_entry e;
		u32 f[NR_FIELDS];
		bool has_crc;
		size_t name_off, data_off;
		int err;

		if (off & 3)
			return bad(off, "entry not 4-byte aligned");
		if (len - off < CPIO_HEADER_SIZE)
			return bad(off, "truncated header");
		err = parse_header((const char *)buf + off, off, f, &has_crc);
		if (err)
			return err;
		name_off = off + CPIO_HEADER_SIZE;
		if (f[F_NAMESIZE] == 0 || f[F_NAMESIZE] > NAME_MAX_LEN)
			return bad(off, "name size 0 or too long");
		if (f[F_NAMESIZE] > len - name_off)
			return bad(off, "truncated name");
		if (buf[name_off + f[F_NAMESIZE] - 1] != '\0')
			return bad(off, "name not NUL-terminated");
		data_off = pad4(name_off + f[F_NAMESIZE]);
		if (data_off > len || f[F_FILESIZE] > len - data_off)
			return bad(off, "truncated file data");

		e = (struct cpio_entry){
			.name = (const char *)buf + name_off, .ino = f[F_INO], .mode = f[F_MODE],
			.uid = f[F_UID], .gid = f[F_GID], .nlink = f[F_NLINK], .mtime = f[F_MTIME],
			.filesize = f[F_FILESIZE], .dev_major = f[F_DEVMAJOR],
			.dev_minor = f[F_DEVMINOR], .rdev_major = f[F_RDEVMAJOR],
			.rdev_minor = f[F_RDEVMINOR], .data = buf + data_off, .offset = off,
		};
		/* GNU cpio sums regular files only (a symlink's check field is 0). */
		if (has_crc && (e.mode & 0170000) == 0100000 &&
		    byte_sum(e.data, e.filesize) != f[F_CHECK])
			return bad(off, "checksum does not match the data");
		off = pad4(data_off + f[F_FILESIZE]);
		if (off > len)
			off = len;	/* the last padding may be missing */

		trailer_seen = !strcmp(e.name, CPIO_TRAILER);
		if (trailer_seen)
			continue;
		count++;
		err = fn(ctx, &e);
		if (err)
			return err;
	}
	if (!trailer_seen) {
		pr_err("archive ends at offset %u without " CPIO_TRAILER " (truncated?)\n",
		       (unsigned int)len);
		return -EINVAL;
	}
	return count;
}
