// SPDX-License-Identifier: MIT
/*
 * Host tests for the ATAG parser (kernel/atags.c): lists as QEMU builds
 * them for 64M/256M/1G with and without initrd and command line, and every
 * kind of malformed list, which must give a warning and safe defaults.
 */
#include <stdlib.h>

#include "htest.h"
#include <asm/setup.h>

#define RAM_BASE	0x60000000u
#define MiB		0x100000u

static const struct ram_window ram = {
	.base = RAM_BASE, .max_size = 1024 * MiB, .default_size = 64 * MiB,
};

/* A tag list under construction, in a heap buffer sized to fit exactly. */
struct list {
	unsigned int words[4096];
	unsigned int n;
};

static void put_tag(struct list *l, unsigned int size, unsigned int tag)
{
	l->words[l->n++] = size;
	l->words[l->n++] = tag;
}

static void add_core(struct list *l)
{
	put_tag(l, 5, ATAG_CORE);
	l->words[l->n++] = 1;		/* flags */
	l->words[l->n++] = 4096;	/* pagesize */
	l->words[l->n++] = 0;		/* rootdev */
}

static void add_mem(struct list *l, unsigned int start, unsigned int size)
{
	put_tag(l, 4, ATAG_MEM);
	l->words[l->n++] = size;
	l->words[l->n++] = start;
}

static void add_initrd(struct list *l, unsigned int start, unsigned int size)
{
	put_tag(l, 4, ATAG_INITRD2);
	l->words[l->n++] = start;
	l->words[l->n++] = size;
}

/* As Linux boot loaders do: size = 2 + (strlen + 4) / 4 words, NUL-padded. */
static void add_cmdline(struct list *l, const char *s)
{
	unsigned int words = (strlen(s) + 4) / 4;

	put_tag(l, 2 + words, ATAG_CMDLINE);
	memset(&l->words[l->n], 0, words * 4);
	memcpy(&l->words[l->n], s, strlen(s));
	l->n += words;
}

static void add_none(struct list *l)
{
	put_tag(l, 0, ATAG_NONE);
}

/* Parse l from an exactly sized heap copy, so ASan sees any over-read. */
static int parse(const struct list *l, struct boot_params *bp)
{
	size_t bytes = l->n * 4;
	void *copy = malloc(bytes);
	int ret;

	memcpy(copy, l->words, bytes);
	ret = atags_parse(copy, bytes, &ram, bp);
	free(copy);
	return ret;
}

/* The list QEMU's vexpress-a9 boot stub writes (see PLATFORM.md). */
static void qemu_list(struct list *l, unsigned int mem_mib, bool initrd, const char *cmdline)
{
	l->n = 0;
	add_core(l);
	add_mem(l, RAM_BASE, mem_mib * MiB);
	if (initrd)
		add_initrd(l, RAM_BASE + (mem_mib * MiB / 2 < 128 * MiB ? mem_mib * MiB / 2 : 128 * MiB),
			   12345);
	if (cmdline)
		add_cmdline(l, cmdline);
	add_none(l);
}

static struct list l;
static struct boot_params bp;

static void check_default_memory(void)
{
	CHECK_EQ(bp.nr_banks, 1);
	CHECK_EQ(bp.bank[0].start, RAM_BASE);
	CHECK_EQ(bp.bank[0].size, 64 * MiB);
	CHECK(bp.default_memory);
	CHECK(htest_log_has("assuming 64 MiB"));
}

static void test_qemu_64m_plain(void)
{
	qemu_list(&l, 64, false, NULL);
	CHECK_EQ(parse(&l, &bp), 0);
	CHECK(bp.from_atags);
	CHECK_EQ(bp.nr_banks, 1);
	CHECK_EQ(bp.bank[0].start, RAM_BASE);
	CHECK_EQ(bp.bank[0].size, 64 * MiB);
	CHECK_EQ(bp.initrd_size, 0);
	CHECK_STR(bp.cmdline, "");
	CHECK_STR(htest_log(), "");
}

static void test_qemu_256m_initrd_cmdline(void)
{
	qemu_list(&l, 256, true, "console=ttyAMA0 ktest=all");
	CHECK_EQ(parse(&l, &bp), 0);
	CHECK_EQ(bp.bank[0].size, 256 * MiB);
	CHECK_EQ(bp.initrd_start, 0x68000000);
	CHECK_EQ(bp.initrd_size, 12345);
	CHECK_STR(bp.cmdline, "console=ttyAMA0 ktest=all");
}

static void test_qemu_1g_initrd(void)
{
	qemu_list(&l, 1024, true, NULL);
	CHECK_EQ(parse(&l, &bp), 0);
	CHECK_EQ(bp.bank[0].size, 1024 * MiB);
	CHECK_EQ(bp.initrd_start, 0x68000000);
	CHECK_STR(bp.cmdline, "");
}

static void test_qemu_64m_initrd_cmdline(void)
{
	qemu_list(&l, 64, true, "a");
	CHECK_EQ(parse(&l, &bp), 0);
	CHECK_EQ(bp.initrd_start, 0x62000000);
	CHECK_STR(bp.cmdline, "a");
}

/* Every command-line length 0..12 tests the word padding arithmetic. */
static void test_cmdline_lengths(void)
{
	char s[16] = "";

	for (int len = 0; len <= 12; len++) {
		s[len] = '\0';
		qemu_list(&l, 128, false, s);
		CHECK_EQ(parse(&l, &bp), 0);
		CHECK_STR(bp.cmdline, s);
		s[len] = 'a' + len;
	}
}

static void test_core_with_size_2(void)
{
	l.n = 0;
	put_tag(&l, 2, ATAG_CORE);
	add_mem(&l, RAM_BASE, 128 * MiB);
	add_none(&l);
	CHECK_EQ(parse(&l, &bp), 0);
	CHECK_EQ(bp.bank[0].size, 128 * MiB);
}

static void test_two_banks(void)
{
	l.n = 0;
	add_core(&l);
	add_mem(&l, RAM_BASE, 64 * MiB);
	add_mem(&l, RAM_BASE + 128 * MiB, 32 * MiB);
	add_none(&l);
	CHECK_EQ(parse(&l, &bp), 0);
	CHECK_EQ(bp.nr_banks, 2);
	CHECK_EQ(bp.bank[1].start, RAM_BASE + 128 * MiB);
	CHECK_EQ(bp.bank[1].size, 32 * MiB);
}

static void test_unknown_tag_skipped(void)
{
	l.n = 0;
	add_core(&l);
	put_tag(&l, 3, 0x54410007);	/* ATAG_REVISION */
	l.words[l.n++] = 42;
	add_mem(&l, RAM_BASE, 128 * MiB);
	add_none(&l);
	CHECK_EQ(parse(&l, &bp), 0);
	CHECK_EQ(bp.bank[0].size, 128 * MiB);
}

static void test_no_core_first(void)
{
	l.n = 0;
	add_mem(&l, RAM_BASE, 256 * MiB);
	add_none(&l);
	CHECK_EQ(parse(&l, &bp), -EINVAL);
	CHECK(!bp.from_atags);
	CHECK(htest_log_has("does not start with ATAG_CORE"));
	check_default_memory();
}

/* Nothing from a structurally broken list may be used, not even its cmdline. */
static void test_zero_size_tag(void)
{
	l.n = 0;
	add_core(&l);
	add_cmdline(&l, "must-not-be-used");
	put_tag(&l, 0, ATAG_MEM);
	add_none(&l);
	CHECK_EQ(parse(&l, &bp), -EINVAL);
	CHECK(htest_log_has("bad size 0"));
	CHECK_STR(bp.cmdline, "");
	check_default_memory();
}

static void test_size_1_tag(void)
{
	l.n = 0;
	add_core(&l);
	put_tag(&l, 1, 0x54410007);
	add_none(&l);
	CHECK_EQ(parse(&l, &bp), -EINVAL);
	CHECK(htest_log_has("bad size 1"));
}

static void test_known_tag_too_small(void)
{
	l.n = 0;
	add_core(&l);
	put_tag(&l, 3, ATAG_MEM);	/* needs 4 words */
	l.words[l.n++] = 64 * MiB;
	add_none(&l);
	CHECK_EQ(parse(&l, &bp), -EINVAL);
	CHECK(htest_log_has("bad size 3"));
	check_default_memory();
}

static void test_huge_size_runs_past_end(void)
{
	l.n = 0;
	add_core(&l);
	put_tag(&l, 0xffffffff, ATAG_CMDLINE);
	add_none(&l);
	CHECK_EQ(parse(&l, &bp), -EINVAL);
	CHECK(htest_log_has("runs past"));
	check_default_memory();
}

static void test_truncated_list_without_none(void)
{
	qemu_list(&l, 256, true, "abc");
	l.n -= 2;	/* drop ATAG_NONE */
	CHECK_EQ(parse(&l, &bp), -EINVAL);
	CHECK(htest_log_has("no ATAG_NONE"));
	CHECK_EQ(bp.initrd_size, 0);
	check_default_memory();
}

/* Cut the list in the middle of a tag: the parser must not read past it. */
static void test_truncated_inside_tag(void)
{
	for (unsigned int cut = 1; cut < 10; cut++) {
		qemu_list(&l, 256, false, "hello world");
		l.n = cut;
		CHECK_EQ(parse(&l, &bp), -EINVAL);
		CHECK_EQ(bp.nr_banks, 1);
	}
}

static void test_empty_window(void)
{
	qemu_list(&l, 256, false, NULL);
	CHECK_EQ(atags_parse(l.words, 0, &ram, &bp), -EINVAL);
	check_default_memory();
}

static void test_null_and_misaligned_pointer(void)
{
	CHECK_EQ(atags_parse(NULL, 64, &ram, &bp), -EINVAL);
	CHECK(htest_log_has("no ATAG list"));
	check_default_memory();
	htest_log_clear();
	qemu_list(&l, 256, false, NULL);
	CHECK_EQ(atags_parse((char *)l.words + 2, 64, &ram, &bp), -EINVAL);
	CHECK(htest_log_has("not a word-aligned"));
	check_default_memory();
}

static void test_overlapping_banks(void)
{
	l.n = 0;
	add_core(&l);
	add_mem(&l, RAM_BASE, 128 * MiB);
	add_mem(&l, RAM_BASE + 64 * MiB, 128 * MiB);
	add_cmdline(&l, "kept");
	add_none(&l);
	CHECK_EQ(parse(&l, &bp), -EINVAL);
	CHECK(htest_log_has("overlaps"));
	CHECK_STR(bp.cmdline, "kept");
	check_default_memory();
}

static void test_zero_size_bank(void)
{
	l.n = 0;
	add_core(&l);
	add_mem(&l, RAM_BASE, 0);
	add_none(&l);
	CHECK_EQ(parse(&l, &bp), -EINVAL);
	CHECK(htest_log_has("has size 0"));
	check_default_memory();
}

static void test_bank_outside_ram_window(void)
{
	l.n = 0;
	add_core(&l);
	add_mem(&l, 0x00000000, 256 * MiB);
	add_none(&l);
	CHECK_EQ(parse(&l, &bp), -EINVAL);
	CHECK(htest_log_has("outside RAM"));
	check_default_memory();
}

static void test_bank_wrapping_address_space(void)
{
	l.n = 0;
	add_core(&l);
	add_mem(&l, 0x9ff00000, 0xfff00000);
	add_none(&l);
	CHECK_EQ(parse(&l, &bp), -EINVAL);
	check_default_memory();
}

static void test_too_many_banks(void)
{
	l.n = 0;
	add_core(&l);
	for (unsigned int i = 0; i <= NR_BANKS; i++)
		add_mem(&l, RAM_BASE + i * 16 * MiB, 16 * MiB);
	add_none(&l);
	CHECK_EQ(parse(&l, &bp), -EINVAL);
	CHECK(htest_log_has("more than 8"));
	check_default_memory();
}

static void test_cmdline_not_terminated(void)
{
	l.n = 0;
	add_core(&l);
	put_tag(&l, 4, ATAG_CMDLINE);
	memcpy(&l.words[l.n], "abcdefgh", 8);	/* no NUL in its 8 bytes */
	l.n += 2;
	add_mem(&l, RAM_BASE, 128 * MiB);
	add_none(&l);
	CHECK_EQ(parse(&l, &bp), -EINVAL);
	CHECK(htest_log_has("not NUL-terminated"));
	CHECK_STR(bp.cmdline, "abcdefgh");
	CHECK_EQ(bp.bank[0].size, 128 * MiB);
}

static void test_cmdline_too_long(void)
{
	char s[COMMAND_LINE_SIZE + 100];

	memset(s, 'x', sizeof(s) - 1);
	s[sizeof(s) - 1] = '\0';
	qemu_list(&l, 128, false, s);
	CHECK_EQ(parse(&l, &bp), -EINVAL);
	CHECK_EQ(strlen(bp.cmdline), COMMAND_LINE_SIZE - 1);
	CHECK(htest_log_has("cut to 1023"));
}

static void test_initrd_zero_size(void)
{
	l.n = 0;
	add_core(&l);
	add_mem(&l, RAM_BASE, 256 * MiB);
	add_initrd(&l, 0x68000000, 0);
	add_none(&l);
	CHECK_EQ(parse(&l, &bp), -EINVAL);
	CHECK_EQ(bp.initrd_size, 0);
	CHECK_EQ(bp.bank[0].size, 256 * MiB);
}

static void test_initrd_beyond_ram(void)
{
	l.n = 0;
	add_core(&l);
	add_mem(&l, RAM_BASE, 64 * MiB);
	add_initrd(&l, 0x68000000, 4096);	/* inside the window, past the bank */
	add_none(&l);
	CHECK_EQ(parse(&l, &bp), -EINVAL);
	CHECK(htest_log_has("initrd 0x68000000+0x00001000 is not inside RAM"));
	CHECK_EQ(bp.initrd_size, 0);
}

static void test_core_bad_pagesize(void)
{
	l.n = 0;
	put_tag(&l, 5, ATAG_CORE);
	l.words[l.n++] = 0;
	l.words[l.n++] = 65536;
	l.words[l.n++] = 0;
	add_mem(&l, RAM_BASE, 128 * MiB);
	add_none(&l);
	CHECK_EQ(parse(&l, &bp), -EINVAL);
	CHECK(htest_log_has("page size 65536"));
	CHECK_EQ(bp.bank[0].size, 128 * MiB);
}

/* Random garbage must never crash the parser or leave it without memory. */
static void test_random_garbage(void)
{
	srand(1234);
	for (int round = 0; round < 2000; round++) {
		l.n = 1 + rand() % 64;
		for (unsigned int i = 0; i < l.n; i++)
			l.words[i] = rand() % 4 ? (unsigned int)rand() % 16 : (unsigned int)rand();
		if (rand() % 2)
			l.words[1] = ATAG_CORE;
		parse(&l, &bp);
		CHECK(bp.nr_banks >= 1 && bp.nr_banks <= NR_BANKS);
		CHECK(strlen(bp.cmdline) < COMMAND_LINE_SIZE);
	}
}

HTEST_MAIN(TEST(test_qemu_64m_plain), TEST(test_qemu_256m_initrd_cmdline),
	   TEST(test_qemu_1g_initrd), TEST(test_qemu_64m_initrd_cmdline),
	   TEST(test_cmdline_lengths), TEST(test_core_with_size_2),
	   TEST(test_two_banks), TEST(test_unknown_tag_skipped),
	   TEST(test_no_core_first), TEST(test_zero_size_tag),
	   TEST(test_size_1_tag), TEST(test_known_tag_too_small),
	   TEST(test_huge_size_runs_past_end), TEST(test_truncated_list_without_none),
	   TEST(test_truncated_inside_tag), TEST(test_empty_window),
	   TEST(test_null_and_misaligned_pointer), TEST(test_overlapping_banks),
	   TEST(test_zero_size_bank), TEST(test_bank_outside_ram_window),
	   TEST(test_bank_wrapping_address_space), TEST(test_too_many_banks),
	   TEST(test_cmdline_not_terminated), TEST(test_cmdline_too_long),
	   TEST(test_initrd_zero_size), TEST(test_initrd_beyond_ram),
	   TEST(test_core_bad_pagesize), TEST(test_random_garbage))
