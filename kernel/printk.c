// SPDX-License-Identifier: MIT
/*
 * printk: format a message, store it in the log ring, and show it on the
 * consoles if it is urgent enough. Linux counterpart: kernel/printk/printk.c.
 *
 * Context: any. Each message is formatted on the caller's stack; storing it
 * and writing it out happen under printk_lock with IRQs off, so lines from
 * a handler and the code it interrupted do not mix. During an oops the lock
 * is only tried: a CPU that died holding it must not silence the report.
 */
#include <armlet/console.h>
#include <armlet/errno.h>
#include <armlet/kernel.h>
#include <armlet/log_ring.h>
#include <armlet/params.h>
#include <armlet/printk.h>
#include <armlet/seq_buf.h>
#include <armlet/irqflags.h>
#include <armlet/delay.h>
#include <armlet/string.h>
#include <asm/spinlock.h>
#include <asm/traps.h>

#define LOG_BUF_SIZE	(64 * 1024)	/* power of two, see log_ring.h */

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;

static struct console *console_list;
static arch_spinlock_t printk_lock = __ARCH_SPIN_LOCK_UNLOCKED;
static u8 log_buf[LOG_BUF_SIZE] __aligned(4);
static struct log_ring log_ring;
static int last_level = MESSAGE_LOGLEVEL_DEFAULT;

static struct log_ring *ring(void);

/*
 * register_console - add con and show it what was logged before it came,
 * filtered by console_loglevel (Linux: CON_PRINTBUFFER), so messages from
 * before the console existed are not lost.
 */
void register_console(struct console *con)
{
	const struct log_record *rec;
	u32 pos = ring()->tail;

	while ((rec = log_ring_next(&log_ring, &pos)))
		if (rec->level < console_loglevel)
			con->write(con, rec->text, rec->len);
	con->next = console_list;
	console_list = con;
}

void unregister_console(struct console *con)
{
	for (struct console **p = &console_list; *p; p = &(*p)->next) {
		if (*p == con) {
			*p = con->next;
			return;
		}
	}
}

static void console_emit(const char *text, size_t len)
{
	for (struct console *con = console_list; con; con = con->next)
		con->write(con, text, len);
}

/* console_printf - format straight to the consoles, not into the log. */
void console_printf(const char *fmt, ...)
{
	char line[LOG_LINE_MAX];
	va_list args;
	int len;

	va_start(args, fmt);
	len = vsnprintf(line, sizeof(line), fmt, args);
	va_end(args);
	console_emit(line, min(len, (int)sizeof(line) - 1));
}

static struct log_ring *ring(void)
{
	if (!log_ring.buf)
		log_ring_init(&log_ring, log_buf, sizeof(log_buf));
	return &log_ring;
}

/* Split off the level prefix; returns the level to use. */
static int take_level(const char **fmt)
{
	int level = printk_get_level(*fmt);

	if (level < 0)
		return MESSAGE_LOGLEVEL_DEFAULT;
	*fmt += 2;
	return level == 'c' ? last_level : level;
}

/* Store one message in the log ring and, if urgent enough or forced, show it. */
static int log_and_emit(int level, bool force, const char *fmt, va_list args)
{
	char line[LOG_LINE_MAX];
	int len = min(vsnprintf(line, sizeof(line), fmt, args), (int)sizeof(line) - 1);
	unsigned long flags;
	bool locked;

	local_irq_save(flags);
	locked = oops_in_progress ? arch_spin_trylock(&printk_lock) :
				    (arch_spin_lock(&printk_lock), true);
	last_level = level;
	log_ring_store(ring(), level, line, len);
	if (force || level < console_loglevel)
		console_emit(line, len);
	if (locked)
		arch_spin_unlock(&printk_lock);
	local_irq_restore(flags);
	return len;
}

int vprintk(const char *fmt, va_list args)
{
	int level = take_level(&fmt);

	return log_and_emit(level, false, fmt, args);
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

void printk_force(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	log_and_emit(LOGLEVEL_EMERG, true, fmt, args);
	va_end(args);
}

/*
 * seq_show_to_log - print a table into the log, one printk per line.
 * Context: process or boot (a static buffer, so not re-entrant).
 */
void seq_show_to_log(void (*show)(struct seq_buf *s))
{
	static char buf[2048];
	struct seq_buf s;
	char *line = buf;

	seq_buf_init(&s, buf, sizeof(buf));
	show(&s);
	for (char *nl; (nl = strchr(line, '\n')); line = nl + 1)
		printk(KERN_INFO "%.*s\n", (int)(nl - line), line);
}

/*
 * log_read_record - copy the first record with sequence number >= *seq
 * into buf as "level,seq,0,-;text\n" (the /dev/kmsg format) and advance
 * *seq past it. Returns the length, 0 if there is none yet, or -ERANGE
 * if buf is too small. Records dropped before being read are skipped.
 */
int log_read_record(u32 *seq, char *buf, size_t size)
{
	const struct log_record *rec;
	unsigned long flags;
	u32 pos;
	int len = 0;

	local_irq_save(flags);
	arch_spin_lock(&printk_lock);
	pos = ring()->tail;
	while ((rec = log_ring_next(&log_ring, &pos))) {
		if ((s32)(rec->seq - *seq) < 0)
			continue;
		len = snprintf(buf, size, "%u,%u,0,-;%.*s%s", rec->level, rec->seq, rec->len,
			       rec->text, rec->len && rec->text[rec->len - 1] == '\n' ? "" : "\n");
		if (len >= (int)size)
			len = -ERANGE;
		else
			*seq = rec->seq + 1;
		break;
	}
	arch_spin_unlock(&printk_lock);
	local_irq_restore(flags);
	return len;
}

/* dmesg_print - replay the log ring on the consoles, each line with its level. */
void dmesg_print(void)
{
	const struct log_record *rec;
	bool line_start = true;
	u32 pos = ring()->tail;
	char prefix[48];

	if (log_ring.dropped)
		console_emit(prefix, scnprintf(prefix, sizeof(prefix),
			     "[%u older messages dropped]\n", log_ring.dropped));
	while ((rec = log_ring_next(&log_ring, &pos))) {
		if (line_start)
			console_emit(prefix, scnprintf(prefix, sizeof(prefix),
						       "<%u>", rec->level));
		console_emit(rec->text, rec->len);
		line_start = rec->len && rec->text[rec->len - 1] == '\n';
	}
}

/*
 * console_getc - wait for a byte. Between polls the task sleeps for a
 * tick, so an idle prompt leaves the CPU to others (and to the idle task's
 * wfi). Context: process, may sleep.
 */
int console_getc(void)
{
	for (;;) {
		for (struct console *con = console_list; con; con = con->next) {
			int c = con->poll_getc ? con->poll_getc(con) : -1;

			if (c >= 0)
				return c;
		}
		msleep(1000 / HZ);
	}
}

/* "loglevel=N": show messages with level < N on the console. */
static int set_loglevel(char *val)
{
	int level;

	if (kstrtoint(val, &level) || level < 0 || level > CONSOLE_LOGLEVEL_DEBUG)
		return -EINVAL;
	console_loglevel = level;
	return 0;
}
early_param("loglevel", set_loglevel);

static int set_quiet(char *val)
{
	console_loglevel = CONSOLE_LOGLEVEL_QUIET;
	return 0;
}
early_param("quiet", set_quiet);

static int set_debug(char *val)
{
	console_loglevel = CONSOLE_LOGLEVEL_DEBUG;
	return 0;
}
early_param("debug", set_debug);
