/* SPDX-License-Identifier: MIT */
/*
 * ktest: the in-kernel test framework, in the spirit of Linux's KUnit
 * (<kunit/test.h>). A suite is a named array of cases; KTEST_SUITE puts it
 * in the .ktest_suites linker section. "ktest=all" or "ktest=a,b" on the
 * command line runs suites at boot and prints KTAP version 1 results,
 * which tests/harness.py reads. docs/testing.md explains the contract.
 *
 * EXPECT macros record a failure and go on; ASSERT macros record it and
 * return from the case (so cases are void functions).
 */
#ifndef ARMLET_KTEST_H
#define ARMLET_KTEST_H

#include <armlet/compiler.h>
#include <armlet/kernel.h>
#include <armlet/string.h>

struct ktest {
	const char *name;	/* the running case */
	int failures;		/* failed expectations so far */
};

struct ktest_case {
	const char *name;
	void (*run)(struct ktest *t);
};

struct ktest_suite {
	const char *name;
	const struct ktest_case *cases;
	size_t nr_cases;
};

#define KTEST_CASE(fn)	{ .name = #fn, .run = fn }

#define KTEST_SUITE(sname, case_array)					\
	static const struct ktest_suite __ktest_suite_##sname		\
		__used __section(".ktest_suites") __aligned(4) = {	\
		.name = #sname,						\
		.cases = case_array,					\
		.nr_cases = ARRAY_SIZE(case_array),			\
	}

void ktest_fail(struct ktest *t, const char *file, int line, const char *fmt, ...)
	__printf(4, 5);

#define KTEST_EXPECT_TRUE(t, cond)						\
	do {									\
		if (!(cond))							\
			ktest_fail(t, __FILE__, __LINE__, "expected %s", #cond);	\
	} while (0)

#define KTEST_EXPECT_EQ(t, a, b)						\
	do {									\
		long long _a = (long long)(a), _b = (long long)(b);		\
		if (_a != _b)							\
			ktest_fail(t, __FILE__, __LINE__,			\
				   "expected %s == %s, got %lld (0x%llx) and %lld (0x%llx)", \
				   #a, #b, _a, _a, _b, _b);			\
	} while (0)

#define KTEST_EXPECT_STREQ(t, a, b)						\
	do {									\
		const char *_a = (a), *_b = (b);				\
		if (strcmp(_a, _b))						\
			ktest_fail(t, __FILE__, __LINE__,			\
				   "expected %s == %s, got \"%s\" and \"%s\"",	\
				   #a, #b, _a, _b);				\
	} while (0)

#define KTEST_ASSERT_TRUE(t, cond)						\
	do {									\
		if (!(cond)) {							\
			ktest_fail(t, __FILE__, __LINE__, "assertion %s failed", #cond); \
			return;							\
		}								\
	} while (0)

/* Run the suites named in sel ("all" or "a,b,c"); returns the failures. */
int ktest_run(const char *sel);

#endif /* ARMLET_KTEST_H */
