// SPDX-License-Identifier: MIT
/*
 * Host tests for the interrupt table's formatting (kernel/irq/proc.c): the
 * columns line up like Linux's /proc/interrupts for any number of CPUs,
 * handler names are listed in order, and long lines are cut, not overrun.
 */
#include "htest.h"
#include <armlet/irq_format.h>

/* kernel/irq/proc.c's show_interrupts() is not under test: satisfy the link. */
const struct irq_desc *irq_desc_if_requested(unsigned int irq)
{
	return NULL;
}
unsigned int irq_err_count;

static char buf[256];

static void test_header_has_one_column_per_cpu(void)
{
	format_irq_header(buf, sizeof(buf), 1);
	CHECK_STR(buf, "            CPU0");
	format_irq_header(buf, sizeof(buf), 2);
	CHECK_STR(buf, "            CPU0       CPU1");
}

static void test_line_with_one_handler(void)
{
	const unsigned int counts[] = { 412 };
	const char *names[] = { "twd" };
	int len = format_irq_line(buf, sizeof(buf), 29, counts, 1, "GIC", "Edge", names, 1);

	CHECK_STR(buf, "  29:        412      GIC  29 Edge     twd");
	CHECK_EQ(len, (int)strlen(buf));
}

static void test_counts_line_up_under_the_header(void)
{
	const unsigned int counts[] = { 1, 4294967295u };
	const char *names[] = { "x" };
	char header[64];
	const char *col;

	format_irq_header(header, sizeof(header), 2);
	format_irq_line(buf, sizeof(buf), 5, counts, 2, "GIC", "Level", names, 1);
	/* the last digit of each count sits under the last character of CPUn */
	col = strstr(header, "CPU1") + 3;
	CHECK_EQ(buf[col - header], '5');
	CHECK_EQ(buf[col - header + 1], ' ');
	col = strstr(header, "CPU0") + 3;
	CHECK_EQ(buf[col - header], '1');
}

static void test_shared_line_lists_every_handler(void)
{
	const unsigned int counts[] = { 7 };
	const char *names[] = { "eth0", "usb", "mmc" };

	format_irq_line(buf, sizeof(buf), 60, counts, 1, "GIC", "Level", names, 3);
	CHECK(strstr(buf, " eth0, usb, mmc") != NULL);
	CHECK(buf[strlen(buf) - 1] == 'c');
}

static void test_no_chip_prints_none(void)
{
	const unsigned int counts[] = { 0 };

	format_irq_line(buf, sizeof(buf), 3, counts, 1, NULL, "Level", NULL, 0);
	CHECK(strstr(buf, "    none   3 Level") != NULL);
}

static void test_small_buffer_is_cut_and_terminated(void)
{
	const unsigned int counts[] = { 123456 };
	const char *names[] = { "a-very-long-handler-name" };
	char small[24];
	int len = format_irq_line(small, sizeof(small), 29, counts, 1, "GIC", "Edge", names, 1);

	CHECK_EQ(strlen(small), sizeof(small) - 1);
	CHECK_EQ(len, (int)sizeof(small) - 1);
	CHECK(!strncmp(small, "  29:     123456      G", sizeof(small) - 1));
}

HTEST_MAIN(TEST(test_header_has_one_column_per_cpu), TEST(test_line_with_one_handler),
	   TEST(test_counts_line_up_under_the_header), TEST(test_shared_line_lists_every_handler),
	   TEST(test_no_chip_prints_none), TEST(test_small_buffer_is_cut_and_terminated))
