// SPDX-License-Identifier: MIT
/*
 * Host tests for the newc cpio reader (kernel/fs/cpio.c) on archives made
 * by GNU cpio (tests/host/cpio_fixtures.sh): every kind of entry comes out
 * right, and truncated, corrupted or foreign archives are reported, never
 * read past (ASan watches every byte).
 */
#include <stdio.h>
#include <stdlib.h>

#include "htest.h"
#include <armlet/cpio.h>
#include <armlet/errno.h>

#define FIXTURES	"build/host/fixtures/"
#define S_IFMT		0170000
#define S_IFDIR		0040000
#define S_IFREG		0100000
#define S_IFLNK		0120000

struct seen {
	char names[64][300];
	struct cpio_entry e[64];
	int n;
};

static int record(void *ctx, const struct cpio_entry *e)
{
	struct seen *s = ctx;

	if (s->n < 64) {
		snprintf(s->names[s->n], sizeof(s->names[0]), "%s", e->name);
		s->e[s->n] = *e;
	}
	s->n++;
	return 0;
}

/* The archive in an exactly sized heap buffer, so ASan sees any over-read. */
static unsigned char *load(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf;

	if (!f) {
		printf("    # cannot open %s (run make host-tests)\n", path);
		return NULL;
	}
	fseek(f, 0, SEEK_END);
	*len = (size_t)ftell(f);
	rewind(f);
	buf = malloc(*len ? *len : 1);
	if (fread(buf, 1, *len, f) != *len)
		*len = 0;
	fclose(f);
	return buf;
}

static const struct cpio_entry *find(const struct seen *s, const char *name)
{
	for (int i = 0; i < s->n && i < 64; i++)
		if (!strcmp(s->names[i], name))
			return &s->e[i];
	return NULL;
}

static int parse_copy(const unsigned char *buf, size_t len, struct seen *s)
{
	unsigned char *copy = malloc(len ? len : 1);
	int ret;

	if (len)
		memcpy(copy, buf, len);
	memset(s, 0, sizeof(*s));
	ret = cpio_parse(copy, len, record, s);
	free(copy);
	return ret;
}

static void test_gnu_cpio_archive_entries(void)
{
	size_t len;
	unsigned char *buf = load(FIXTURES "newc.cpio", &len);
	struct seen s;
	const struct cpio_entry *e;

	if (!buf) {
		CHECK(buf != NULL);
		return;
	}
	memset(&s, 0, sizeof(s));
	CHECK_EQ(cpio_parse(buf, len, record, &s), s.n);
	CHECK(s.n >= 30);
	e = find(&s, "hello.txt");
	CHECK(e && (e->mode & S_IFMT) == S_IFREG && e->filesize == 6 &&
	      !memcmp(e->data, "hello\n", 6));
	CHECK(e && e->mtime == 981173106);	/* 2001-02-03 04:05:06 UTC */
	e = find(&s, "empty");
	CHECK(e && e->filesize == 0 && (e->mode & S_IFMT) == S_IFREG);
	e = find(&s, "link");
	CHECK(e && (e->mode & S_IFMT) == S_IFLNK && e->filesize == 9 &&
	      !memcmp(e->data, "hello.txt", 9));
	e = find(&s, "dir");
	CHECK(e && (e->mode & S_IFMT) == S_IFDIR && (e->mode & 0777) == 0750);
	CHECK(find(&s, "dir/sub/one") != NULL);
	CHECK(find(&s, "d1/d2/d3/d4/d5/d6/d7/d8/d9/d10/d11/d12/d13/d14/d15/d16/d17/d18/d19/d20/leaf"));
	free(buf);
}

/* GNU cpio writes hard links with one inode number; the data goes with one of them. */
static void test_hard_links_share_an_inode(void)
{
	size_t len;
	unsigned char *buf = load(FIXTURES "newc.cpio", &len);
	struct seen s;
	const struct cpio_entry *a, *b;

	if (!buf) {
		CHECK(buf != NULL);
		return;
	}
	memset(&s, 0, sizeof(s));
	cpio_parse(buf, len, record, &s);
	a = find(&s, "hello.txt");
	b = find(&s, "hardlink");
	CHECK(a && b && a->ino == b->ino && a->nlink == 2 && b->nlink == 2);
	CHECK(a && b && a->dev_major == b->dev_major && a->dev_minor == b->dev_minor);
	CHECK(a && b && a->filesize + b->filesize == 6);
	free(buf);
}

static void test_long_name(void)
{
	size_t len;
	unsigned char *buf = load(FIXTURES "newc.cpio", &len);
	struct seen s;
	int found = 0;

	if (!buf) {
		CHECK(buf != NULL);
		return;
	}
	memset(&s, 0, sizeof(s));
	cpio_parse(buf, len, record, &s);
	for (int i = 0; i < s.n && i < 64; i++)
		found += strlen(s.names[i]) == strlen("dir/") + 200;
	CHECK_EQ(found, 1);
	free(buf);
}

static void test_crc_format_is_checked(void)
{
	size_t len;
	unsigned char *buf = load(FIXTURES "crc.cpio", &len);
	struct seen s;
	const struct cpio_entry *e;

	if (!buf) {
		CHECK(buf != NULL);
		return;
	}
	CHECK(parse_copy(buf, len, &s) >= 30);
	e = find(&s, "hello.txt");
	CHECK(e != NULL);
	/* flip a data byte: the checksum must catch it */
	for (size_t i = 0; i + 6 <= len; i++) {
		if (!memcmp(buf + i, "hello\n", 6)) {
			buf[i] = 'H';
			break;
		}
	}
	htest_log_clear();
	CHECK_EQ(parse_copy(buf, len, &s), -EINVAL);
	CHECK(htest_log_has("checksum does not match"));
	free(buf);
}

static void test_concatenated_archives(void)
{
	size_t len, len1;
	unsigned char *buf = load(FIXTURES "twice.cpio", &len);
	unsigned char *one = load(FIXTURES "newc.cpio", &len1);
	struct seen s;

	if (!buf || !one) {
		CHECK(buf && one);
		return;
	}
	CHECK_EQ(parse_copy(buf, len, &s), 2 * parse_copy(one, len1, &s));
	free(buf);
	free(one);
}

/* Every prefix of a good archive: an error or fewer entries, never a crash. */
static void test_every_truncation_is_reported(void)
{
	size_t len;
	unsigned char *buf = load(FIXTURES "newc.cpio", &len);
	struct seen s;
	int full, bad = 0;

	if (!buf) {
		CHECK(buf != NULL);
		return;
	}
	full = parse_copy(buf, len, &s);
	for (size_t cut = 0; cut < len; cut++) {
		int ret;

		htest_log_clear();
		ret = parse_copy(buf, cut, &s);
		if (ret == -EINVAL && htest_log_has("cpio: "))
			bad++;
		else if (ret == full)	/* only the zero padding after the trailer was cut */
			CHECK(cut > 0 && buf[cut] == 0);
		else
			CHECK(ret == -EINVAL);
	}
	CHECK(bad > (int)len / 2);
	free(buf);
}

static void test_garbage_and_foreign_formats(void)
{
	unsigned char gz[200] = { 0x1f, 0x8b, 8, 0 };
	unsigned char odc[200];
	unsigned char junk[512];
	struct seen s;

	htest_log_clear();
	CHECK_EQ(parse_copy(gz, sizeof(gz), &s), -EINVAL);
	CHECK(htest_log_has("gzip-compressed"));
	memset(odc, '0', sizeof(odc));
	memcpy(odc, "070707", 6);	/* the old portable format */
	htest_log_clear();
	CHECK_EQ(parse_copy(odc, sizeof(odc), &s), -EINVAL);
	CHECK(htest_log_has("no newc magic"));
	srand(7);
	for (int round = 0; round < 500; round++) {
		for (size_t i = 0; i < sizeof(junk); i++)
			junk[i] = (unsigned char)rand();
		if (round % 2)
			memcpy(junk, "070701", 6);
		CHECK_EQ(parse_copy(junk, sizeof(junk), &s), -EINVAL);
	}
}

static void test_empty_buffer_has_no_trailer(void)
{
	struct seen s;

	htest_log_clear();
	CHECK_EQ(parse_copy(NULL, 0, &s), -EINVAL);
	CHECK(htest_log_has("without TRAILER!!!"));
}

/* Header fields that lie about sizes must not send the reader off the end. */
static void test_lying_sizes(void)
{
	size_t len;
	unsigned char *buf = load(FIXTURES "newc.cpio", &len);
	struct seen s;

	if (!buf) {
		CHECK(buf != NULL);
		return;
	}
	memcpy(buf + 6 + 6 * 8, "FFFFFFF0", 8);	/* filesize of the first entry */
	htest_log_clear();
	CHECK_EQ(parse_copy(buf, len, &s), -EINVAL);
	CHECK(htest_log_has("truncated file data"));
	memcpy(buf + 6 + 6 * 8, "00000000", 8);
	memcpy(buf + 6 + 11 * 8, "7FFFFFFF", 8);	/* namesize */
	htest_log_clear();
	CHECK_EQ(parse_copy(buf, len, &s), -EINVAL);
	CHECK(htest_log_has("name size"));
	memcpy(buf + 6 + 11 * 8, "0000000G", 8);
	CHECK_EQ(parse_copy(buf, len, &s), -EINVAL);
	free(buf);
}

static int stop_at_second(void *ctx, const struct cpio_entry *e)
{
	return ++*(int *)ctx == 2 ? -ENOSPC : 0;
}

static void test_callback_error_stops_the_walk(void)
{
	size_t len;
	unsigned char *buf = load(FIXTURES "newc.cpio", &len);
	int calls = 0;

	if (!buf) {
		CHECK(buf != NULL);
		return;
	}
	CHECK_EQ(cpio_parse(buf, len, stop_at_second, &calls), -ENOSPC);
	CHECK_EQ(calls, 2);
	free(buf);
}

HTEST_MAIN(TEST(test_gnu_cpio_archive_entries), TEST(test_hard_links_share_an_inode),
	   TEST(test_long_name), TEST(test_crc_format_is_checked), TEST(test_concatenated_archives),
	   TEST(test_every_truncation_is_reported), TEST(test_garbage_and_foreign_formats),
	   TEST(test_empty_buffer_has_no_trailer), TEST(test_lying_sizes),
	   TEST(test_callback_error_stops_the_walk))
