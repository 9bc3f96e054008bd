// SPDX-License-Identifier: MIT
/*
 * Host tests for the symbol lookup (kernel/kallsyms.c) over a table laid
 * out as scripts/kallsyms.py writes it: an address inside a function gets
 * its name and offset, one in a gap or outside every function gets none,
 * and sprint_symbol prints Linux's "name+0xoff/0xsize".
 */
#include "htest.h"
#include <armlet/kallsyms.h>

/* Three functions with a gap between the second and the third. */
const u32 kallsyms_num = 3;
const u32 kallsyms_addresses[] = { 0x80010000, 0x80010040, 0x80010100 };
const u32 kallsyms_sizes[] = { 0x40, 0x20, 0x10 };
const u32 kallsyms_name_offsets[] = { 0, 6, 13 };
const char kallsyms_names[] = "first\0second\0third";

static void test_start_of_a_function(void)
{
	unsigned long size, off;

	CHECK_STR(kallsyms_lookup(0x80010040, &size, &off), "second");
	CHECK_EQ(off, 0);
	CHECK_EQ(size, 0x20);
}

static void test_inside_and_last_byte(void)
{
	unsigned long size, off;

	CHECK_STR(kallsyms_lookup(0x8001003c, &size, &off), "first");
	CHECK_EQ(off, 0x3c);
	CHECK_STR(kallsyms_lookup(0x8001010f, &size, &off), "third");
	CHECK_EQ(off, 0xf);
}

static void test_gaps_and_outside_have_no_name(void)
{
	unsigned long size, off;

	CHECK(kallsyms_lookup(0x80010060, &size, &off) == NULL);	/* after second */
	CHECK(kallsyms_lookup(0x8000fffc, &size, &off) == NULL);	/* before first */
	CHECK(kallsyms_lookup(0x80010110, &size, &off) == NULL);	/* after third */
	CHECK(kallsyms_lookup(0, &size, &off) == NULL);
	CHECK(kallsyms_lookup(0xffffffff, &size, &off) == NULL);
}

static void test_sprint_symbol_format(void)
{
	char buf[64];

	CHECK_STR(sprint_symbol(buf, sizeof(buf), 0x80010044), "second+0x4/0x20");
	CHECK_STR(sprint_symbol(buf, sizeof(buf), 0x80010000), "first+0x0/0x40");
	CHECK_STR(sprint_symbol(buf, sizeof(buf), 0x80010060), "0x80010060");
	CHECK_STR(sprint_symbol(buf, 8, 0x80010044), "second+");	/* truncated, terminated */
}

HTEST_MAIN(TEST(test_start_of_a_function), TEST(test_inside_and_last_byte),
	   TEST(test_gaps_and_outside_have_no_name), TEST(test_sprint_symbol_format))
