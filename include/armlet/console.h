/* SPDX-License-Identifier: MIT */
/*
 * Consoles: where printk output goes. Linux counterpart: struct console in
 * <linux/console.h>. A console here is write-mostly and polled; the
 * interrupt-driven tty comes with the files issue.
 */
#ifndef ARMLET_CONSOLE_H
#define ARMLET_CONSOLE_H

#include <armlet/types.h>

struct console {
	const char *name;
	/* Write n bytes; '\n' is sent as CR LF. Context: any, polls. */
	void (*write)(struct console *con, const char *s, size_t n);
	/* One received byte, or -1 if none is waiting. May be NULL. */
	int (*poll_getc)(struct console *con);
	struct console *next;
};

void register_console(struct console *con);
/* Format to the consoles only, bypassing the log (monitor output, echo). */
void console_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void unregister_console(struct console *con);

/*
 * console_init - register the board's console (idempotent); printk then
 * replays what the log ring holds. panic() calls it too, so a crash before
 * the normal call still reaches the UART. Defined in kernel/setup.c.
 */
void console_init(void);

/* Read one byte from the first console that can read, waiting for it. */
int console_getc(void);

#endif /* ARMLET_CONSOLE_H */
