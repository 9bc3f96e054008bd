// SPDX-License-Identifier: MIT
/*
 * PL011 UART console, polled. Linux counterparts:
 * drivers/tty/serial/amba-pl011.c (pl011_console_write, the earlycon) and
 * arch/arm/include/debug/pl01x.S (DEBUG_LL). Registers: include/drivers/pl011.h.
 *
 * Polling means no interrupts are needed, so this works from the first
 * instruction of C to the last line of a panic. Context: any.
 */
#include <armlet/console.h>
#include <asm/io.h>
#include <drivers/pl011.h>
#include <drivers/serial.h>

/*
 * pl011_setup - program 8N1 at PL011_BAUD from the UART's reference clock.
 * QEMU ignores the rate, real boards need it. Divisor = clk / (16 * baud),
 * the fraction in 64ths (TRM 3.3.6). The FIFO enable bit is kept as the
 * boot loader left it: changing LCRH.FEN empties the receive FIFO, and
 * would throw away what the user already typed.
 */
void pl011_setup(uintptr_t base, unsigned int clk_hz)
{
	unsigned int div64 = (4 * clk_hz + PL011_BAUD / 2) / PL011_BAUD;
	u32 fifo = readl(base + UART_LCRH) & UART_LCRH_FEN;

	while (readl(base + UART_FR) & UART_FR_BUSY)
		;
	writel(0, base + UART_CR);
	writel(UART_ICR_ALL, base + UART_ICR);
	writel(0, base + UART_IMSC);
	writel(div64 >> 6, base + UART_IBRD);
	writel(div64 & 0x3f, base + UART_FBRD);
	writel(UART_LCRH_WLEN8 | fifo, base + UART_LCRH);
	writel(UART_CR_UARTEN | UART_CR_TXE | UART_CR_RXE, base + UART_CR);
}

void pl011_putc(uintptr_t base, char c)
{
	while (readl(base + UART_FR) & UART_FR_TXFF)
		;
	writel((unsigned char)c, base + UART_DR);
}

int pl011_getc(uintptr_t base)
{
	if (readl(base + UART_FR) & UART_FR_RXFE)
		return -1;
	return readl(base + UART_DR) & 0xff;
}

void pl011_puts(uintptr_t base, const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			pl011_putc(base, '\r');
		pl011_putc(base, *s);
	}
}

static void pl011_console_write(struct console *con, const char *s, size_t n)
{
	struct pl011_console *pc = container_of(con, struct pl011_console, con);

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			pl011_putc(pc->base, '\r');
		pl011_putc(pc->base, s[i]);
	}
}

static int pl011_console_getc(struct console *con)
{
	return pl011_getc(container_of(con, struct pl011_console, con)->base);
}

/* pl011_console_init - set up the UART at base and make it a console. */
void pl011_console_init(struct pl011_console *pc, uintptr_t base,
			unsigned int clk_hz)
{
	pc->base = base;
	pc->con = (struct console){
		.name = "ttyAMA0",
		.write = pl011_console_write,
		.poll_getc = pl011_console_getc,
	};
	pl011_setup(base, clk_hz);
	register_console(&pc->con);
}
