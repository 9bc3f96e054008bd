/* SPDX-License-Identifier: MIT */
/*
 * N_TTY, the default tty line discipline (Linux: drivers/tty/n_tty.c): the
 * state machine between a serial port's received bytes and read(). It
 * edits lines in canonical mode (erase, kill, word erase, EOF), echoes,
 * maps CR/NL, turns ^C ^\ ^Z into pending signals, and hands out bytes
 * as they come in raw mode. drivers/tty/n_tty.c explains the ring.
 *
 * Pure logic: no locks, no sleeping, no allocation, no hardware. Output
 * (echo) goes through a caller's sink. Built on the host as well for
 * tests/host/test_n_tty.c.
 *
 * Context: the caller serialises every call on one struct n_tty (the tty
 * driver holds its lock, IRQs off, as bytes arrive from the UART IRQ); the
 * echo sink is called with that lock held and must not sleep.
 */
#ifndef ARMLET_N_TTY_H
#define ARMLET_N_TTY_H

#include <armlet/termios.h>
#include <armlet/types.h>

#define N_TTY_BUF_SIZE 4096 /* read ring, bytes; a power of two */

/* Signal numbers n_tty_take_signal() returns (Linux's asm/signal.h). */
#define SIGINT	2
#define SIGQUIT 3
#define SIGTSTP 20

/* Where echo and output go: put(ctx, c) for each byte, in order. */
struct n_tty_sink {
	void (*put)(void *ctx, char c);
	void *ctx;
};

/*
 * Positions are free-running u32 counters (slot = pos % N_TTY_BUF_SIZE),
 * compared by difference. Invariant, in that sense:
 * tail <= line_start <= head <= tail + N_TTY_BUF_SIZE.
 * Canonical mode: [tail, line_start) holds complete lines, each ending at
 * a slot marked in line_end; [line_start, head) is the line under edit.
 * Raw mode: line_start == head, all of [tail, head) is readable and no
 * slot in it is marked in line_end or eof.
 */
struct n_tty {
	struct termios termios;
	u32 tail;			   /* next byte read() returns */
	u32 line_start;			   /* canonical: first byte of the edited line */
	u32 head;			   /* where the next byte goes */
	unsigned int column;		   /* terminal cursor column, from our output */
	unsigned int line_column;	   /* column of the edited line's first echo */
	u32 signals;			   /* pending signals: bit n for signal n */
	bool lnext;			   /* VLNEXT seen: the next byte is literal */
	bool stopped;			   /* output stopped by VSTOP (IXON) */
	u32 line_end[N_TTY_BUF_SIZE / 32]; /* slot ends a line */
	u32 eof[N_TTY_BUF_SIZE / 32];	   /* slot is an EOF marker, no data */
	unsigned char buf[N_TTY_BUF_SIZE];
};

/* Reset ld: empty, Linux's default termios (cooked, echo, ^C ^D ^U DEL). */
void n_tty_init(struct n_tty *ld);

/* Write c to out with ld's output processing (OPOST: ONLCR, OCRNL). */
void n_tty_output_char(struct n_tty *ld, char c, const struct n_tty_sink *out);

/* One received byte. Echo goes to echo (NULL: none). Never fails; see .c. */
void n_tty_receive_char(struct n_tty *ld, unsigned char c, const struct n_tty_sink *echo);

/* The lowest pending signal number, cleared; 0 if none. */
int n_tty_take_signal(struct n_tty *ld);

/* Would read() return now, without waiting? (VTIME is the caller's job.) */
bool n_tty_readable(const struct n_tty *ld);

/* FIONREAD: bytes in complete lines (canonical) or buffered (raw). */
size_t n_tty_inq(const struct n_tty *ld);

/* Copy out at most one line (canonical) or n buffered bytes (raw). */
size_t n_tty_read(struct n_tty *ld, char *buf, size_t n);

/* TCSETS*: install *t, converting buffered input across an ICANON change. */
void n_tty_set_termios(struct n_tty *ld, const struct termios *t);

/* Discard all unread input, complete lines and the edited line alike. */
void n_tty_flush_input(struct n_tty *ld);

#endif /* ARMLET_N_TTY_H */
