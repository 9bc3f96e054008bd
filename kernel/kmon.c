// SPDX-License-Identifier: MIT
/*
 * kmon: a tiny command monitor on the console, so that "make run" gives a
 * prompt before Armlet has processes and a shell (the user-space issue
 * replaces it with /bin/sh). It polls the UART; the tty issue makes input
 * interrupt-driven. Like U-Boot's or a ROM monitor's prompt, not like Linux.
 *
 * Context: task 1 (init), process context; never returns.
 */
#include <armlet/console.h>
#include <armlet/err.h>
#include <armlet/fs.h>
#include <armlet/init.h>
#include <armlet/kernel.h>
#include <armlet/irq.h>
#include <armlet/mm.h>
#include <armlet/time.h>
#include <armlet/slab.h>
#include <armlet/vmalloc.h>
#include <armlet/params.h>
#include <armlet/printk.h>
#include <armlet/seq_buf.h>
#include <armlet/sched.h>
#include <armlet/reboot.h>
#include <armlet/string.h>
#include "kmon.h"

#define KMON_LINE_MAX	128
#define KMON_ARGS_MAX	4

struct kmon_cmd {
	const char *name;
	const char *help;
	void (*run)(int argc, char **argv);
};

static void cmd_help(int argc, char **argv);

static void cmd_version(int argc, char **argv)
{
	console_printf("%s", armlet_banner);
}

static void show_all(void (*show)(struct seq_buf *m));

static void cmd_bootinfo(int argc, char **argv)
{
	show_all(show_boot_params);
}

static void cmd_dmesg(int argc, char **argv)
{
	dmesg_print();
}

static void cmd_loglevel(int argc, char **argv)
{
	int level;

	if (argc < 2) {
		console_printf("console log level %d\n", console_loglevel);
		return;
	}
	if (kstrtoint(argv[1], &level) || level < 0 || level > CONSOLE_LOGLEVEL_DEBUG) {
		console_printf("loglevel: '%s' is not a level from 0 to %d\n", argv[1],
			     CONSOLE_LOGLEVEL_DEBUG);
		return;
	}
	console_loglevel = level;
}

/*
 * Print a table on the console (not into the log). Big tables get a
 * bigger buffer and a second try.
 */
static void show_all(void (*show)(struct seq_buf *m))
{
	for (size_t size = 4096; size <= 256 * 1024; size *= 4) {
		char *buf = vmalloc(size);
		struct seq_buf s;

		if (!buf)
			return;
		seq_buf_init(&s, buf, size);
		show(&s);
		for (size_t off = 0; !s.overflow && off < s.len; off += LOG_LINE_MAX - 1)
			console_printf("%.*s", (int)min(s.len - off, (size_t)LOG_LINE_MAX - 1),
				       buf + off);
		vfree(buf);
		if (!s.overflow)
			return;
	}
}

static void cmd_meminfo(int argc, char **argv)
{
	show_all(show_meminfo);
}

static void cmd_buddyinfo(int argc, char **argv)
{
	show_all(show_buddyinfo);
}

static void cmd_slabinfo(int argc, char **argv)
{
	show_all(show_slabinfo);
}

static void cmd_vmallocinfo(int argc, char **argv)
{
	show_all(show_vmallocinfo);
}

static void cmd_interrupts(int argc, char **argv)
{
	show_all(show_interrupts);
}

static void cmd_ps(int argc, char **argv)
{
	show_all(show_tasks);
}

static void cmd_runqueue(int argc, char **argv)
{
	show_all(show_runqueue);
}

static void cmd_uptime(int argc, char **argv)
{
	u64 ns = ktime_get_ns();

	console_printf("up %llu.%06llu s, %llu ticks at HZ=%u\n", ns / NSEC_PER_SEC,
		       ns % NSEC_PER_SEC / 1000, get_jiffies_64(), HZ);
}

static void cmd_poweroff(int argc, char **argv)
{
	machine_power_off();
}

static void cmd_reboot(int argc, char **argv)
{
	machine_restart();
}

static const struct kmon_cmd commands[] = {
	{ "help", "list the commands", cmd_help },
	{ "version", "print the kernel version", cmd_version },
	{ "bootinfo", "show RAM, initrd and command line from the ATAGs", cmd_bootinfo },
	{ "dmesg", "print the kernel log buffer", cmd_dmesg },
	{ "loglevel", "[N] show or set the console log level", cmd_loglevel },
	{ "meminfo", "memory totals (like /proc/meminfo)", cmd_meminfo },
	{ "buddyinfo", "free blocks per order (like /proc/buddyinfo)", cmd_buddyinfo },
	{ "slabinfo", "slab caches (like /proc/slabinfo)", cmd_slabinfo },
	{ "vmallocinfo", "vmalloc and ioremap areas", cmd_vmallocinfo },
	{ "interrupts", "interrupt counts (like /proc/interrupts)", cmd_interrupts },
	{ "uptime", "time since boot and ticks", cmd_uptime },
	{ "ls", "[DIR] list a directory (try /proc, /dev)", kmon_ls },
	{ "cat", "FILE print a file (try /proc/meminfo)", kmon_cat },
	{ "cd", "[DIR] change directory", kmon_cd },
	{ "ps", "every task: state, policy, priority, CPU time", cmd_ps },
	{ "runqueue", "the run queue, class by class", cmd_runqueue },
	{ "poweroff", "switch the machine off (QEMU exits)", cmd_poweroff },
	{ "reboot", "restart the machine", cmd_reboot },
};

static void cmd_help(int argc, char **argv)
{
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
		console_printf("  %-12s %s\n", commands[i].name, commands[i].help);
}

/* The console terminal once its driver is up: lines come edited by N_TTY. */
static struct file *console_tty;

/* One line from the terminal, without its newline; ^D gives an empty line. */
static size_t read_tty_line(char *buf, size_t size)
{
	loff_t pos = 0;
	ssize_t n = vfs_read(console_tty, buf, size - 1, &pos);

	if (n <= 0) {
		console_printf("\n");
		n = 0;
	}
	if (n && buf[n - 1] == '\n')
		n--;
	buf[n] = '\0';
	return (size_t)n;
}

/* Read one line: from the terminal, else polling the UART with our own echo. */
static size_t read_line(char *buf, size_t size)
{
	if (console_tty)
		return read_tty_line(buf, size);
	size_t len = 0;

	for (;;) {
		int c = console_getc();

		if (c == '\r' || c == '\n') {
			console_printf("\n");
			buf[len] = '\0';
			return len;
		}
		if ((c == 0x7f || c == '\b') && len) {
			len--;
			console_printf("\b \b");
		} else if (c >= ' ' && c < 0x7f && len + 1 < size) {
			buf[len++] = (char)c;
			console_printf("%c", c);
		}
	}
}

static void run_line(char *line)
{
	char *argv[KMON_ARGS_MAX], *val;
	int argc = 0;

	while (*line == ' ')
		line++;
	while (*line && argc < KMON_ARGS_MAX) {
		line = next_arg(line, &argv[argc], &val);
		if (val)
			val[-1] = '=';	/* monitor words keep their '=' */
		argc++;
	}
	if (!argc)
		return;
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++) {
		if (!strcmp(argv[0], commands[i].name)) {
			commands[i].run(argc, argv);
			return;
		}
	}
	console_printf("%s: unknown command; try 'help'\n", argv[0]);
}

void kmon_run(void)
{
	char line[KMON_LINE_MAX];

	console_tty = filp_open("/dev/console", O_RDWR, 0);
	if (IS_ERR(console_tty))
		console_tty = NULL;
	console_printf("\n");
	kmon_motd();
	console_printf("Armlet kernel monitor. Type 'help' for commands.\n");
	for (;;) {
		console_printf("armlet> ");
		read_line(line, sizeof(line));
		run_line(line);
	}
}
