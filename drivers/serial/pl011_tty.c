// SPDX-License-Identifier: MIT
/*
 * The console UART as a terminal: /dev/ttyAMA0 and /dev/console, driven
 * by interrupts. Linux counterpart: drivers/tty/serial/amba-pl011.c
 * (pl011_int, pl011_rx_chars, pl011_tx_chars, pl011_start_tx).
 * Registers: include/drivers/pl011.h; the PL011 TRM (ARM DDI 0183).
 *
 * Receive: the RX and receive-timeout interrupts drain the FIFO into the
 * tty (tty_receive_char), counting the error bits that come with each
 * byte; bytes with a framing or parity error are dropped. Transmit: the
 * tty's tx ring is copied into the FIFO until it is full; the TX
 * interrupt (FIFO drained to its level) refills it, and is masked when the
 * ring is empty. Transmission starts by writing the first bytes directly,
 * since the TX interrupt only fires on a level crossing.
 *
 * printk stays on the polled console (drivers/serial/pl011.c), which
 * works with interrupts off and in a panic; its bytes and the tty's share
 * the FIFO. Context: the handler runs in IRQ context and takes tty->lock.
 */
#define pr_fmt(fmt) "ttyAMA0: " fmt

#include <armlet/cdev.h>
#include <armlet/errno.h>
#include <armlet/fs.h>
#include <armlet/init.h>
#include <armlet/irq.h>
#include <armlet/irqflags.h>
#include <armlet/mutex.h>
#include <armlet/mm.h>
#include <armlet/printk.h>
#include <armlet/proc_fs.h>
#include <armlet/seq_buf.h>
#include <armlet/tty.h>
#include <armlet/vmalloc.h>
#include <asm/io.h>
#include <asm/mach.h>
#include <drivers/pl011.h>

#define TTYAMA_MAJOR	204	/* Linux's numbers for ttyAMA0 and the console */
#define TTYAMA_MINOR	64
#define TTYAUX_MAJOR	5
#define CONSOLE_MINOR	1

struct pl011_port {
	uintptr_t base;
	unsigned int irq;
	struct tty_struct tty;
	struct cdev cdev_ama, cdev_console;
};

static struct pl011_port port;

/* Fill the FIFO from the tx ring; the TX interrupt stays on while bytes remain. */
static void pl011_start_tx(struct tty_struct *tty)
{
	struct pl011_port *p = tty->driver_data;
	u32 imsc;
	int c;

	while (!(readl(p->base + UART_FR) & UART_FR_TXFF) && (c = tty_tx_pop(tty)) >= 0) {
		writel((u32)c, p->base + UART_DR);
		tty->icount.tx++;
	}
	imsc = readl(p->base + UART_IMSC);
	imsc = tty_tx_empty(tty) ? imsc & ~UART_TXIM : imsc | UART_TXIM;
	writel(imsc, p->base + UART_IMSC);
}

/* Drain the receive FIFO into the tty, counting errors. Context: IRQ. */
static void pl011_rx_chars(struct pl011_port *p)
{
	while (!(readl(p->base + UART_FR) & UART_FR_RXFE)) {
		u32 dr = readl(p->base + UART_DR);

		if (dr & (UART_DR_OE | UART_DR_BE | UART_DR_FE | UART_DR_PE)) {
			p->tty.icount.overrun += !!(dr & UART_DR_OE);
			p->tty.icount.brk += !!(dr & UART_DR_BE);
			p->tty.icount.frame += !!(dr & UART_DR_FE);
			p->tty.icount.parity += !!(dr & UART_DR_PE);
			writel(0, p->base + UART_RSR);
			if (dr & (UART_DR_FE | UART_DR_PE | UART_DR_BE))
				continue;	/* the byte itself is garbage */
		}
		tty_receive_char(&p->tty, dr & 0xff);
	}
}

static irqreturn_t pl011_interrupt(int irq, void *dev_id)
{
	struct pl011_port *p = dev_id;
	u32 mis = readl(p->base + UART_MIS);
	unsigned long flags;

	if (!mis)
		return IRQ_NONE;
	writel(mis, p->base + UART_ICR);
	if (mis & (UART_RXIM | UART_RTIM | UART_ERRIM))
		pl011_rx_chars(p);
	if (mis & UART_TXIM) {
		spin_lock_irqsave(&p->tty.lock, flags);
		pl011_start_tx(&p->tty);
		spin_unlock_irqrestore(&p->tty.lock, flags);
	}
	return IRQ_HANDLED;
}

static const struct tty_operations pl011_tty_ops = { .start_tx = pl011_start_tx };

/*
 * Start receiving: take the interrupt and unmask RX. As Linux's
 * uart_startup, this waits for the first open, so bytes typed before
 * anyone reads stay in the UART (and are not echoed into the boot log).
 */
static int pl011_startup(struct pl011_port *p)
{
	unsigned long flags;
	int err = request_irq(p->irq, pl011_interrupt, 0, "uart-pl011", p);

	if (err)
		return err;
	local_irq_save(flags);
	writel(UART_ICR_ALL, p->base + UART_ICR);
	writel(UART_RXIM | UART_RTIM | UART_ERRIM, p->base + UART_IMSC);
	pl011_rx_chars(p);	/* typed ahead: no interrupt will announce it */
	local_irq_restore(flags);
	return 0;
}

/* Both nodes are the same terminal: start the port once, hand the file to the tty core. */
static int pl011_tty_open(struct inode *inode, struct file *f)
{
	static DEFINE_MUTEX(startup_lock);
	static bool started;
	int err = 0;

	mutex_lock(&startup_lock);
	if (!started)
		err = pl011_startup(&port);
	started |= !err;
	mutex_unlock(&startup_lock);
	if (err)
		return err;
	f->private_data = &port.tty;
	f->f_op = &tty_fops;
	return 0;
}

static const struct file_operations pl011_open_fops = { .open = pl011_tty_open };

/* /proc/ttyAMA: the port and its counters, as Linux's /proc/tty/driver/ttyAMA. */
static void pl011_show(struct seq_buf *m)
{
	const struct tty_icount *ic = &port.tty.icount;

	seq_printf(m, "serinfo:1.0 driver revision:\n");
	seq_printf(m, "0: uart:PL011 mmio:0x%08lx irq:%u tx:%lu rx:%lu fe:%lu pe:%lu brk:%lu "
		   "oe:%lu signals:%lu\n", (unsigned long)machine_desc->uart_base, port.irq,
		   ic->tx, ic->rx, ic->frame, ic->parity, ic->brk, ic->overrun, ic->signals);
}

static int add_node(struct cdev *c, dev_t dev, const char *region, const char *node)
{
	int err = register_chrdev_region(dev, 1, region);

	if (err)
		return err;
	cdev_init(c, &pl011_open_fops);
	err = cdev_add(c, dev, 1);
	if (!err)
		err = device_create(node, dev);
	return err;
}

/* Map the UART and make the two nodes; the port starts at the first open. */
static int pl011_tty_init(void)
{
	void *base = ioremap(machine_desc->uart_base, PAGE_SIZE);
	int err;

	if (!base)
		return -ENOMEM;
	port.base = (uintptr_t)base;
	port.irq = machine_desc->uart_irq;
	tty_init(&port.tty, "ttyAMA0", &pl011_tty_ops, &port);
	err = add_node(&port.cdev_ama, MKDEV(TTYAMA_MAJOR, TTYAMA_MINOR), "ttyAMA", "ttyAMA0");
	if (!err)
		err = add_node(&port.cdev_console, MKDEV(TTYAUX_MAJOR, CONSOLE_MINOR),
			       "/dev/console", "console");
	if (!err)
		err = proc_create_single("ttyAMA", 0444, pl011_show);
	if (!err)
		pr_info("PL011 at 0x%08lx, irq %u, interrupt-driven\n",
			(unsigned long)machine_desc->uart_base, port.irq);
	return err;
}
device_initcall(pl011_tty_init);
