/* SPDX-License-Identifier: MIT */
/*
 * The polled PL011 driver's interface (drivers/serial/pl011.c).
 */
#ifndef DRIVERS_SERIAL_H
#define DRIVERS_SERIAL_H

#include <armlet/console.h>
#include <armlet/kernel.h>

struct pl011_console {
	struct console con;
	uintptr_t base;
};

void pl011_setup(uintptr_t base, unsigned int clk_hz);
void pl011_putc(uintptr_t base, char c);
int pl011_getc(uintptr_t base);
void pl011_puts(uintptr_t base, const char *s);
void pl011_console_init(struct pl011_console *pc, uintptr_t base,
			unsigned int clk_hz);

#endif /* DRIVERS_SERIAL_H */
