/* SPDX-License-Identifier: MIT */
/*
 * A minimal host unit-test framework that prints KTAP version 1, the same
 * format as the in-kernel ktest runner, so tests/harness.py reads both.
 *
 *   static void test_x(void) { CHECK(1 + 1 == 2); CHECK_STR(a, "b"); }
 *   HTEST_MAIN(TEST(test_x), TEST(test_y))
 *
 * A failed CHECK prints a "# file:line: ..." diagnostic and marks the case
 * "not ok"; the case goes on. The exit status is 1 if any case failed.
 */
#ifndef HTEST_H
#define HTEST_H

#include <stdio.h>
#include <string.h>

struct htest {
	const char *name;
	void (*fn)(void);
};

extern int htest_failures;

#define TEST(fn)	{ #fn, fn }

#define CHECK(cond)								\
	do {									\
		if (!(cond)) {							\
			printf("    # %s:%d: CHECK(%s) failed\n", __FILE__,	\
			       __LINE__, #cond);				\
			htest_failures++;					\
		}								\
	} while (0)

#define CHECK_EQ(a, b)								\
	do {									\
		long long _a = (long long)(a), _b = (long long)(b);		\
		if (_a != _b) {							\
			printf("    # %s:%d: %s == %s failed: %lld (0x%llx) != %lld (0x%llx)\n", \
			       __FILE__, __LINE__, #a, #b, _a, _a, _b, _b);	\
			htest_failures++;					\
		}								\
	} while (0)

#define CHECK_STR(a, b)								\
	do {									\
		const char *_a = (a), *_b = (b);				\
		if (!_a || !_b || strcmp(_a, _b)) {				\
			printf("    # %s:%d: %s == %s failed: \"%s\" != \"%s\"\n",	\
			       __FILE__, __LINE__, #a, #b, _a ? _a : "(null)",	\
			       _b ? _b : "(null)");				\
			htest_failures++;					\
		}								\
	} while (0)

int htest_run(const char *suite, const struct htest *tests, int n);

#define HTEST_MAIN(...)								\
	int main(void)								\
	{									\
		static const struct htest tests[] = { __VA_ARGS__ };		\
		return htest_run(HTEST_SUITE, tests,				\
				 (int)(sizeof(tests) / sizeof(tests[0])));	\
	}

/* Kernel log lines printed by the code under test (see stub_printk.c). */
const char *htest_log(void);
void htest_log_clear(void);
int htest_log_has(const char *needle);

#endif /* HTEST_H */
