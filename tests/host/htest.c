// SPDX-License-Identifier: MIT
/*
 * Runner for the host unit tests (see htest.h): prints one KTAP suite.
 */
#include "htest.h"

int htest_failures;

int htest_run(const char *suite, const struct htest *tests, int n)
{
	int failed = 0;

	printf("KTAP version 1\n1..1\n");
	printf("    KTAP version 1\n    # Subtest: %s\n    1..%d\n", suite, n);
	for (int i = 0; i < n; i++) {
		int before = htest_failures;

		htest_log_clear();
		tests[i].fn();
		if (htest_failures != before)
			failed++;
		printf("    %s %d %s\n", htest_failures != before ? "not ok" : "ok",
		       i + 1, tests[i].name);
		fflush(stdout);	/* on the pipe before a sanitizer can kill the next case */
	}
	printf("%s 1 %s\n", failed ? "not ok" : "ok", suite);
	return failed ? 1 : 0;
}
