/* SPDX-License-Identifier: MIT */
/*
 * printk() and its log levels, as in Linux's <linux/printk.h> and
 * <linux/kern_levels.h>: a message starts with KERN_SOH and a digit,
 * lower is more urgent, and only messages more urgent than
 * console_loglevel reach the console. Every message goes to the log ring.
 */
#ifndef ARMLET_PRINTK_H
#define ARMLET_PRINTK_H

#include <stdarg.h>
#include <armlet/compiler.h>
#include <armlet/types.h>

#define KERN_SOH	"\001"
#define KERN_SOH_ASCII	'\001'
#define KERN_EMERG	KERN_SOH "0"	/* system is unusable */
#define KERN_ALERT	KERN_SOH "1"	/* action must be taken immediately */
#define KERN_CRIT	KERN_SOH "2"	/* critical conditions */
#define KERN_ERR	KERN_SOH "3"	/* error conditions */
#define KERN_WARNING	KERN_SOH "4"	/* warning conditions */
#define KERN_NOTICE	KERN_SOH "5"	/* normal but significant condition */
#define KERN_INFO	KERN_SOH "6"	/* informational */
#define KERN_DEBUG	KERN_SOH "7"	/* debug-level messages */
#define KERN_CONT	KERN_SOH "c"	/* continues the previous line */

#define LOGLEVEL_EMERG		0
#define LOGLEVEL_ERR		3
#define LOGLEVEL_WARNING	4
#define LOGLEVEL_NOTICE		5
#define LOGLEVEL_INFO		6
#define LOGLEVEL_DEBUG		7

#define MESSAGE_LOGLEVEL_DEFAULT	LOGLEVEL_WARNING /* printk() without a level */
#define CONSOLE_LOGLEVEL_DEFAULT	7	/* show all but KERN_DEBUG */
#define CONSOLE_LOGLEVEL_QUIET		4	/* "quiet": errors only */
#define CONSOLE_LOGLEVEL_DEBUG		10	/* "debug": everything */

/* Longest single message; longer ones are cut. */
#define LOG_LINE_MAX	512

#define CONSOLE_LOGLEVEL_MOTORMOUTH	15	/* oops and panic: show everything */

extern int console_loglevel;

/* Show everything from now on: an oops or panic must never be filtered. */
static inline void console_verbose(void)
{
	console_loglevel = CONSOLE_LOGLEVEL_MOTORMOUTH;
}

int printk(const char *fmt, ...) __printf(1, 2);
int vprintk(const char *fmt, va_list args);

/* Print straight to the consoles whatever the level (KTAP output, oops). */
void printk_force(const char *fmt, ...) __printf(1, 2);

/* Read the log one record at a time (/dev/kmsg); see kernel/printk.c. */
int log_read_record(u32 *seq, char *buf, size_t size);

/* Print every record of the log ring to the consoles, oldest first. */
void dmesg_print(void);

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

#define pr_emerg(fmt, ...)	printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...)	printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...)	printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)	printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...)	printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...)	printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...)	printk(KERN_CONT fmt, ##__VA_ARGS__)

/*
 * printk_get_level - the level a message asks for.
 * Returns 0-7, 'c' for KERN_CONT, or -1 when the message has no prefix.
 */
static inline int printk_get_level(const char *s)
{
	if (s[0] != KERN_SOH_ASCII || !s[1])
		return -1;
	if (s[1] >= '0' && s[1] <= '7')
		return s[1] - '0';
	if (s[1] == 'c')
		return 'c';
	return -1;
}

/* vsprintf.c: C99 semantics, returns the length it would have written. */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
/* Like snprintf but returns what it really wrote (Linux's scnprintf). */
int scnprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

#endif /* ARMLET_PRINTK_H */
