// SPDX-License-Identifier: MIT
/*
 * The tty core: read(), write() and ioctl() on a terminal, between the
 * N_TTY line discipline and a port driver. Linux counterparts:
 * drivers/tty/tty_io.c (tty_read, tty_write), drivers/tty/tty_ioctl.c
 * (TCGETS, TCSETS), drivers/tty/tty_buffer.c.
 *
 * Bytes arrive from the port's interrupt handler (tty_receive_char) and
 * go through n_tty at once, so echo and line editing happen as the user
 * types, whether or not anyone is reading. Output goes into a tx ring that
 * the port drains from its interrupt; a writer that finds the ring full
 * sleeps on write_wait instead of spinning on the UART.
 *
 * Signals: ^C, ^\ and ^Z are counted (icount.signals) and, as Linux does
 * without NOFLSH, flush the input; sending them to the foreground process
 * waits for signals and process groups to exist.
 *
 * Context: process for the file operations; tty_receive_char from the
 * interrupt handler. Locks: tty->lock, IRQs off (see <armlet/tty.h>).
 */
#include <armlet/errno.h>
#include <armlet/fs.h>
#include <armlet/kernel.h>
#include <armlet/string.h>
#include <armlet/tty.h>
#include <armlet/uaccess.h>

#define TTY_CHUNK	128	/* bytes copied from or to user space at a time */

static u32 tx_room(const struct tty_struct *tty)
{
	return TTY_TX_SIZE - (tty->tx_head - tty->tx_tail);
}

bool tty_tx_empty(const struct tty_struct *tty)
{
	return tty->tx_head == tty->tx_tail;
}

/* The sink for echo and output: the tx ring (a full ring drops echo, as Linux). */
static void tx_put(void *ctx, char c)
{
	struct tty_struct *tty = ctx;

	if (tx_room(tty)) {
		tty->tx[tty->tx_head % TTY_TX_SIZE] = (unsigned char)c;
		tty->tx_head++;
	}
}

int tty_tx_pop(struct tty_struct *tty)
{
	int c;

	if (tty_tx_empty(tty))
		return -1;
	c = tty->tx[tty->tx_tail % TTY_TX_SIZE];
	tty->tx_tail++;
	if (tx_room(tty) == TTY_TX_SIZE / 2 || tty_tx_empty(tty))
		wake_up_all(&tty->write_wait);	/* half empty (writers), empty (TCSETSW) */
	return c;
}

void tty_init(struct tty_struct *tty, const char *name, const struct tty_operations *ops,
	      void *driver_data)
{
	tty->name = name;
	spin_lock_init(&tty->lock);
	n_tty_init(&tty->ldisc);
	tty->winsize = (struct winsize){ .ws_row = 24, .ws_col = 80 };
	init_waitqueue_head(&tty->read_wait);
	init_waitqueue_head(&tty->write_wait);
	tty->ops = ops;
	tty->driver_data = driver_data;
}

void tty_receive_char(struct tty_struct *tty, unsigned char c)
{
	struct n_tty_sink echo = { .put = tx_put, .ctx = tty };
	unsigned long flags;
	bool readable;

	spin_lock_irqsave(&tty->lock, flags);
	tty->icount.rx++;
	n_tty_receive_char(&tty->ldisc, c, &echo);
	while (n_tty_take_signal(&tty->ldisc))
		tty->icount.signals++;
	readable = n_tty_readable(&tty->ldisc);
	if (!tty_tx_empty(tty))
		tty->ops->start_tx(tty);
	spin_unlock_irqrestore(&tty->lock, flags);
	if (readable)
		wake_up_all(&tty->read_wait);
}

static bool tty_readable(struct tty_struct *tty)
{
	unsigned long flags;
	bool ready;

	spin_lock_irqsave(&tty->lock, flags);
	ready = n_tty_readable(&tty->ldisc);
	spin_unlock_irqrestore(&tty->lock, flags);
	return ready;
}

/*
 * read: canonical mode returns one line (or 0 at ^D), raw mode what is
 * buffered; both sleep until there is something, or return -EAGAIN
 * with O_NONBLOCK.
 */
static ssize_t tty_read(struct file *f, char *buf, size_t n, loff_t *pos)
{
	struct tty_struct *tty = f->private_data;
	char kbuf[TTY_CHUNK];
	unsigned long flags;
	size_t got = 0;
	bool ready;
	long err;

	for (;;) {
		if (!(f->flags & O_NONBLOCK)) {
			err = wait_event_interruptible(tty->read_wait, tty_readable(tty));
			if (err)
				return err;
		}
		spin_lock_irqsave(&tty->lock, flags);
		ready = n_tty_readable(&tty->ldisc);
		if (ready)
			got = n_tty_read(&tty->ldisc, kbuf, min(n, sizeof(kbuf)));
		spin_unlock_irqrestore(&tty->lock, flags);
		if (ready)
			break;
		if (f->flags & O_NONBLOCK)
			return -EAGAIN;	/* another reader took it, or nothing came */
	}
	return copy_to_user(buf, kbuf, got) ? -EFAULT : (ssize_t)got;
}

static bool tty_writable(struct tty_struct *tty)
{
	return READ_ONCE(tty->tx_head) - READ_ONCE(tty->tx_tail) <= TTY_TX_SIZE - 2;
}

/* Queue kbuf[0..n) with output processing; returns how many went in. */
static size_t queue_output(struct tty_struct *tty, const char *kbuf, size_t n)
{
	struct n_tty_sink out = { .put = tx_put, .ctx = tty };
	unsigned long flags;
	size_t i = 0;

	spin_lock_irqsave(&tty->lock, flags);
	while (i < n && tx_room(tty) >= 2)	/* ONLCR may make two of one */
		n_tty_output_char(&tty->ldisc, kbuf[i++], &out);
	if (!tty_tx_empty(tty))
		tty->ops->start_tx(tty);
	spin_unlock_irqrestore(&tty->lock, flags);
	return i;
}

/* write: all n bytes, sleeping while the tx ring is full. */
static ssize_t tty_write(struct file *f, const char *buf, size_t n, loff_t *pos)
{
	struct tty_struct *tty = f->private_data;
	char kbuf[TTY_CHUNK];
	size_t done = 0;

	while (done < n) {
		size_t len = min(n - done, sizeof(kbuf)), queued = 0;

		if (copy_from_user(kbuf, buf + done, len))
			return done ? (ssize_t)done : -EFAULT;
		while (queued < len) {
			queued += queue_output(tty, kbuf + queued, len - queued);
			if (queued < len &&
			    wait_event_interruptible(tty->write_wait, tty_writable(tty)))
				return (ssize_t)(done + queued);
		}
		done += len;
	}
	return (ssize_t)n;
}

static long tty_set_termios(struct tty_struct *tty, unsigned int cmd, const void *arg)
{
	struct termios t;
	unsigned long flags;

	if (copy_from_user(&t, arg, sizeof(t)))
		return -EFAULT;
	if (cmd != TCSETS)	/* TCSETSW, TCSETSF: let the output drain first */
		wait_event_interruptible(tty->write_wait, tty_tx_empty(tty));
	spin_lock_irqsave(&tty->lock, flags);
	if (cmd == TCSETSF)
		n_tty_flush_input(&tty->ldisc);
	n_tty_set_termios(&tty->ldisc, &t);
	spin_unlock_irqrestore(&tty->lock, flags);
	wake_up_all(&tty->read_wait);	/* going raw may make bytes readable */
	return 0;
}

static long tty_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = f->private_data;
	void *uarg = (void *)arg;
	int inq;

	switch (cmd) {
	case TCGETS:
		return copy_to_user(uarg, &tty->ldisc.termios, sizeof(struct termios)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return tty_set_termios(tty, cmd, uarg);
	case TIOCGWINSZ:
		return copy_to_user(uarg, &tty->winsize, sizeof(tty->winsize)) ? -EFAULT : 0;
	case TIOCSWINSZ:
		return copy_from_user(&tty->winsize, uarg, sizeof(tty->winsize)) ? -EFAULT : 0;
	case FIONREAD:
		inq = (int)n_tty_inq(&tty->ldisc);
		return put_user(inq, (int *)uarg);
	default:
		return -ENOTTY;
	}
}

const struct file_operations tty_fops = {
	.read = tty_read,
	.write = tty_write,
	.unlocked_ioctl = tty_ioctl,
};
