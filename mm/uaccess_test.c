// SPDX-License-Identifier: MIT
/*
 * In-kernel tests of the user-copy routines: a bad pointer gives an error
 * and never an oops, a copy that runs into an unmapped page stops exactly
 * there and says how much was left, copy_from_user zeroes what it could
 * not fill. A vmalloc'ed page, whose guard page follows it, stands in for
 * the end of a user mapping. Run with "ktest=uaccess".
 */
#include <armlet/errno.h>
#include <armlet/ktest.h>
#include <armlet/mm.h>
#include <armlet/string.h>
#include <armlet/uaccess.h>
#include <armlet/vmalloc.h>

#define UNMAPPED	((void *)0x10)

static void uaccess_bad_pointer_is_an_error(struct ktest *t)
{
	char buf[8] = "kernel";
	int v = 7;

	KTEST_EXPECT_EQ(t, copy_to_user(UNMAPPED, buf, sizeof(buf)), sizeof(buf));
	KTEST_EXPECT_EQ(t, copy_from_user(buf, UNMAPPED, sizeof(buf)), sizeof(buf));
	KTEST_EXPECT_TRUE(t, !memcmp(buf, "\0\0\0\0\0\0\0\0", 8));	/* zeroed */
	KTEST_EXPECT_EQ(t, get_user(v, (int *)UNMAPPED), -EFAULT);
	KTEST_EXPECT_EQ(t, v, 7);	/* untouched on failure */
	KTEST_EXPECT_EQ(t, put_user(v, (int *)UNMAPPED), -EFAULT);
	KTEST_EXPECT_EQ(t, strncpy_from_user(buf, UNMAPPED, sizeof(buf)), -EFAULT);
}

static void uaccess_copy_stops_at_the_unmapped_page(struct ktest *t)
{
	char *page = vmalloc(PAGE_SIZE), *edge;
	char buf[20];

	KTEST_ASSERT_TRUE(t, page);
	edge = page + PAGE_SIZE - 8;	/* 8 mapped bytes, then the guard page */
	memset(buf, 'x', sizeof(buf));
	KTEST_EXPECT_EQ(t, copy_to_user(edge, buf, sizeof(buf)), 12);
	KTEST_EXPECT_TRUE(t, !memcmp(edge, "xxxxxxxx", 8));
	memcpy(edge, "abcdefgh", 8);
	memset(buf, 'y', sizeof(buf));
	KTEST_EXPECT_EQ(t, copy_from_user(buf, edge, sizeof(buf)), 12);
	KTEST_EXPECT_TRUE(t, !memcmp(buf, "abcdefgh\0\0\0\0", 12));
	KTEST_EXPECT_EQ(t, strncpy_from_user(buf, edge, sizeof(buf)), -EFAULT);	/* no NUL in reach */
	edge[7] = '\0';
	KTEST_EXPECT_EQ(t, strncpy_from_user(buf, edge, sizeof(buf)), 7);
	KTEST_EXPECT_STREQ(t, buf, "abcdefg");
	vfree(page);
}

static void uaccess_good_copies(struct ktest *t)
{
	char src[] = "hello", dst[8];
	int v = 0, w = 42;

	KTEST_EXPECT_EQ(t, copy_from_user(dst, src, sizeof(src)), 0);
	KTEST_EXPECT_STREQ(t, dst, "hello");
	KTEST_EXPECT_EQ(t, put_user(w, &v), 0);
	KTEST_EXPECT_EQ(t, v, 42);
	KTEST_EXPECT_EQ(t, get_user(w, &src[1]), 0);
	KTEST_EXPECT_EQ(t, w, 'e');
	KTEST_EXPECT_EQ(t, strncpy_from_user(dst, src, 3), 3);	/* count reached: not terminated */
	KTEST_EXPECT_EQ(t, strncpy_from_user(dst, src, 0), 0);
}

static const struct ktest_case uaccess_cases[] = {
	KTEST_CASE(uaccess_bad_pointer_is_an_error),
	KTEST_CASE(uaccess_copy_stops_at_the_unmapped_page),
	KTEST_CASE(uaccess_good_copies),
};
KTEST_SUITE(uaccess, uaccess_cases);
