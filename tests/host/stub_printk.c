// SPDX-License-Identifier: MIT
/*
 * printk for host tests: the kernel code under test reports problems with
 * printk; here every message a console would show at the default level
 * (all but KERN_DEBUG) is kept in a buffer so a test can check that
 * the right warning was given (htest_log_has). The real formatter,
 * kernel/vsprintf.c, is linked in, so messages read as they would on the
 * console.
 */
#include <stdarg.h>
#include <string.h>

#include "htest.h"
#include <armlet/printk.h>

static char log_text[64 * 1024];
static size_t log_len;

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;

/* The CPU state the kernel code under test sees (tests/host/asm/). */
unsigned long host_cpsr_i;
/* Weak: kernel/softirq.c has the real one when a test links it. */
__attribute__((weak)) unsigned int __preempt_count[4];
__attribute__((weak)) unsigned int __need_resched[4];

/* No threads on the host: leftover softirqs just stay pending. */
__attribute__((weak)) void wakeup_softirqd(void)
{
}

/* No scheduler on the host: a preemption point does nothing. */
__attribute__((weak)) void preempt_schedule(void)
{
}

int vprintk(const char *fmt, va_list args)
{
	int level = printk_get_level(fmt);
	int n;

	if (level >= 0)
		fmt += 2;
	if (level >= console_loglevel && level != 'c')
		return 0;
	n = vsnprintf(log_text + log_len, sizeof(log_text) - log_len, fmt, args);
	if (n > 0)
		log_len += (size_t)n < sizeof(log_text) - log_len ?
			   (size_t)n : sizeof(log_text) - log_len - 1;
	return n;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}

const char *htest_log(void)
{
	return log_text;
}

void htest_log_clear(void)
{
	log_len = 0;
	log_text[0] = '\0';
}

int htest_log_has(const char *needle)
{
	return strstr(log_text, needle) != NULL;
}
