/* SPDX-License-Identifier: MIT */
/*
 * Terminals: a tty joins a serial port (below) to the N_TTY line
 * discipline and to files (above). Linux: <linux/tty.h>,
 * drivers/tty/tty_io.c, <linux/serial_core.h>.
 *
 *   UART IRQ -> tty_receive_char -> n_tty (edit, echo) -> read_wait -> read()
 *   write() -> n_tty_output_char -> tx ring -> ops->start_tx -> UART FIFO
 *
 * Locking: tty->lock (a spinlock, IRQs off) guards the line discipline
 * and the tx ring; the UART's interrupt handler takes it. Readers sleep
 * on read_wait, writers on write_wait when the tx ring is full.
 */
#ifndef ARMLET_TTY_H
#define ARMLET_TTY_H

#include <armlet/n_tty.h>
#include <armlet/spinlock.h>
#include <armlet/termios.h>
#include <armlet/wait.h>

#define TTY_TX_SIZE	1024	/* bytes; a power of two */

struct tty_struct;

struct tty_operations {
	/* Move bytes from the tx ring into the hardware. Context: tty->lock held, IRQs off. */
	void (*start_tx)(struct tty_struct *tty);
};

/* What the port saw, as Linux's struct uart_icount (/proc/ttyAMA0). */
struct tty_icount {
	unsigned long rx, tx, frame, parity, overrun, brk, signals;
};

struct tty_struct {
	const char *name;
	spinlock_t lock;
	struct n_tty ldisc;
	unsigned char tx[TTY_TX_SIZE];
	u32 tx_head, tx_tail;		/* free-running; slot = pos % TTY_TX_SIZE */
	struct winsize winsize;
	struct tty_icount icount;
	struct wait_queue_head read_wait, write_wait;
	const struct tty_operations *ops;
	void *driver_data;
};

void tty_init(struct tty_struct *tty, const char *name, const struct tty_operations *ops,
	      void *driver_data);
/* A received byte, from the port's interrupt handler. Context: any (takes tty->lock). */
void tty_receive_char(struct tty_struct *tty, unsigned char c);
/* The next byte to send, or -1; wakes writers. Context: tty->lock held. */
int tty_tx_pop(struct tty_struct *tty);
bool tty_tx_empty(const struct tty_struct *tty);

/* The file operations of every tty node; f->private_data set by the driver's open. */
extern const struct file_operations tty_fops;

#endif /* ARMLET_TTY_H */
