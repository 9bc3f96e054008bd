// SPDX-License-Identifier: MIT
/*
 * The ktest runner: select suites, run their cases, print KTAP version 1
 * (Documentation/dev-tools/ktap.rst in Linux) and report the result to the
 * harness through QEMU's exit status. Linux counterpart: lib/kunit/test.c
 * and executor.c.
 *
 * Output shape, one line per item, subtests indented by four spaces:
 *   KTAP version 1
 *   1..2
 *       KTAP version 1
 *       # Subtest: printk
 *       1..3
 *       ok 1 level_filter
 *       # default_level: kernel/printk_test.c:40: expected ...
 *       not ok 2 default_level
 *       ...
 *   not ok 1 printk
 *
 * Context: task 1 (init), process context; cases run one after another on
 * its kernel stack and may sleep.
 */
#include <armlet/init.h>
#include <armlet/irqflags.h>
#include <armlet/ktest.h>
#include <armlet/delay.h>
#include <armlet/sched.h>
#include <armlet/mm.h>
#include <armlet/params.h>
#include <armlet/printk.h>
#include <armlet/reboot.h>
#include <armlet/semihost.h>
#include <armlet/slab.h>

extern const struct ktest_suite __ktest_suites_start[], __ktest_suites_end[];

static char ktest_selection[128];

void ktest_fail(struct ktest *t, const char *file, int line, const char *fmt, ...)
{
	char msg[200];
	va_list args;

	va_start(args, fmt);
	vsnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	printk_force("    # %s: %s:%d: %s\n", t->name, file, line, msg);
	t->failures++;
}

/* Is name one of the comma-separated words of sel (or is sel "all")? */
static bool selected(const char *sel, const char *name)
{
	size_t len = strlen(name);

	if (!strcmp(sel, "all"))
		return true;
	for (const char *p = sel; *p; p++) {
		if ((p == sel || p[-1] == ',') && !strncmp(p, name, len) &&
		    (p[len] == ',' || !p[len]))
			return true;
	}
	return false;
}

static const struct ktest_suite *find_suite(const char *name, size_t len)
{
	for (const struct ktest_suite *s = __ktest_suites_start; s < __ktest_suites_end; s++)
		if (strlen(s->name) == len && !strncmp(s->name, name, len))
			return s;
	return NULL;
}

/* Names in sel that match no suite; each becomes a failed top-level test. */
static int count_unknown(const char *sel, bool print, int first)
{
	int n = 0;

	if (!strcmp(sel, "all"))
		return 0;
	for (const char *p = sel; *p;) {
		size_t len = 0;

		while (p[len] && p[len] != ',')
			len++;
		if (len && !find_suite(p, len)) {
			if (print)
				printk_force("not ok %d %.*s # no such test suite\n",
					     first + n, (int)len, p);
			n++;
		}
		p += len + (p[len] == ',');
	}
	return n;
}

/*
 * Free pages once exited tasks have been reaped (by kthreadd, soon after
 * they exit) and the slab caches have given back their empty slabs.
 */
static unsigned long settled_free_pages(unsigned int tasks)
{
	for (int i = 0; i < 100 && nr_tasks() > tasks; i++)
		msleep(10);
	kmem_cache_shrink_all();
	return nr_free_pages();
}

/*
 * The leak check that ends every suite: all pages free before it are free
 * again after it, and no task it started is left. It is one more case in
 * the suite's plan.
 */
static bool pages_returned(unsigned long before, unsigned int tasks, int number)
{
	unsigned long after = settled_free_pages(tasks);
	bool ok = after == before && nr_tasks() == tasks;

	if (after != before)
		printk_force("    # pages_returned: %ld pages not freed by the suite\n",
			     (long)(before - after));
	if (nr_tasks() != tasks)
		printk_force("    # pages_returned: %d tasks left behind by the suite\n",
			     (int)(nr_tasks() - tasks));
	printk_force("    %s %d pages_returned\n", ok ? "ok" : "not ok", number);
	return ok;
}

/*
 * A case must leave the CPU as it found it: interrupts on, no lock held,
 * bottom halves enabled. Anything else would fail the cases after it.
 */
static void check_context(struct ktest *t)
{
	if (preempt_count()) {
		ktest_fail(t, __FILE__, __LINE__, "left preempt_count at 0x%x (a lock held?)",
			   preempt_count());
		__preempt_count[smp_processor_id()] = 0;
	}
	if (irqs_disabled()) {
		ktest_fail(t, __FILE__, __LINE__, "left interrupts disabled");
		local_irq_enable();
	}
}

/* Run one suite as a KTAP subtest; returns its number of failed cases. */
static int run_suite(const struct ktest_suite *s, int index)
{
	unsigned int tasks_before = nr_tasks();
	unsigned long free_before = settled_free_pages(tasks_before);
	int failed = 0;

	printk_force("    KTAP version 1\n    # Subtest: %s\n    1..%u\n",
		     s->name, (unsigned int)s->nr_cases + 1);
	for (size_t i = 0; i < s->nr_cases; i++) {
		struct ktest t = { .name = s->cases[i].name };

		s->cases[i].run(&t);
		check_context(&t);
		printk_force("    %s %u %s\n", t.failures ? "not ok" : "ok",
			     (unsigned int)i + 1, t.name);
		failed += t.failures != 0;
	}
	failed += !pages_returned(free_before, tasks_before, (int)s->nr_cases + 1);
	printk_force("%s %d %s\n", failed ? "not ok" : "ok", index, s->name);
	return failed;
}

int ktest_run(const char *sel)
{
	int nr = 0, index = 0, failed = 0;
	const struct ktest_suite *s;

	for (s = __ktest_suites_start; s < __ktest_suites_end; s++)
		nr += selected(sel, s->name);
	nr += count_unknown(sel, false, 0);

	printk_force("KTAP version 1\n1..%d\n", nr);
	for (s = __ktest_suites_start; s < __ktest_suites_end; s++)
		if (selected(sel, s->name))
			failed += run_suite(s, ++index);
	failed += count_unknown(sel, true, index + 1);
	return failed;
}

/*
 * ktest_boot - if "ktest=" was given, run the tests and stop the machine:
 * QEMU exits 0 when all passed and EXIT_TESTS_FAILED otherwise (with
 * -semihosting), or the board powers off (without).
 */
void ktest_boot(void)
{
	int failed;

	if (!ktest_selection[0])
		return;
	failed = ktest_run(ktest_selection);
	pr_notice("ktest: %d failed\n", failed);
	semihost_exit(failed ? EXIT_TESTS_FAILED : EXIT_OK);
	machine_power_off();
}

static int set_ktest(char *val)
{
	if (!val || !*val || strlen(val) >= sizeof(ktest_selection))
		return -EINVAL;
	strlcpy(ktest_selection, val, sizeof(ktest_selection));
	return 0;
}
__setup("ktest", set_ktest);
