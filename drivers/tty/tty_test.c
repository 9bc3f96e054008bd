// SPDX-License-Identifier: MIT
/*
 * In-kernel tests of terminals. The "ttyAMA0" suite uses the real UART:
 * it says "tty: type now" and tests/harness.py types TTY_INPUT on the
 * serial line, which arrives through the PL011 interrupt and N_TTY; the
 * lines read back show canonical editing. The "tty" suite drives the tty
 * core with a fake port, for raw mode and echo. Run with "ktest=tty,ttyAMA0".
 */
#include <armlet/delay.h>
#include <armlet/err.h>
#include <armlet/errno.h>
#include <armlet/fs.h>
#include <armlet/ktest.h>
#include <armlet/printk.h>
#include <armlet/slab.h>
#include <armlet/string.h>
#include <armlet/tty.h>

#define NODE		"/dev/ttyAMA0"
#define WAIT_MS		10000	/* for the harness to type */

/* Read one line (or EOF: returns 0) from a non-blocking tty, waiting for it. */
static ssize_t read_line(struct file *f, char *buf, size_t n)
{
	ssize_t got = -EAGAIN;

	for (int ms = 0; got == -EAGAIN && ms < WAIT_MS; ms += 10) {
		got = vfs_read(f, buf, n - 1, &f->pos);
		if (got == -EAGAIN)
			msleep(10);
	}
	buf[got > 0 ? got : 0] = '\0';
	return got;
}

/* Let every queued byte go out, so our echo does not split a KTAP line. */
static void drain(struct file *f)
{
	struct termios t;

	if (!vfs_ioctl(f, TCGETS, (unsigned long)&t))
		vfs_ioctl(f, TCSETSW, (unsigned long)&t);
}

/* What the harness types (tests/harness.py TTY_INPUT), line by line:
 *   "hellp<DEL>o, tty<CR>"   "garbage<^U>kept<LF>"   "one two<^W>three<LF>"
 *   "<^D>"   "after eof<LF>"
 */
static void ttyAMA0_canonical_editing_over_the_uart(struct ktest *t)
{
	struct file *f = filp_open(NODE, O_RDWR | O_NONBLOCK, 0);
	char line[64];

	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	pr_info("tty: type now\n");
	KTEST_EXPECT_EQ(t, read_line(f, line, sizeof(line)), 11);
	KTEST_EXPECT_STREQ(t, line, "hello, tty\n");	/* DEL erased, CR became NL */
	read_line(f, line, sizeof(line));
	KTEST_EXPECT_STREQ(t, line, "kept\n");		/* ^U killed the line */
	read_line(f, line, sizeof(line));
	KTEST_EXPECT_STREQ(t, line, "one three\n");	/* ^W erased a word */
	KTEST_EXPECT_EQ(t, read_line(f, line, sizeof(line)), 0);	/* ^D: end of file */
	read_line(f, line, sizeof(line));
	KTEST_EXPECT_STREQ(t, line, "after eof\n");
	drain(f);
	filp_close(f);
}

static void ttyAMA0_ioctls(struct ktest *t)
{
	struct file *f = filp_open(NODE, O_RDWR | O_NONBLOCK, 0);
	struct termios tio, saved;
	struct winsize ws;
	int inq = -1;

	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, TCGETS, (unsigned long)&saved), 0);
	KTEST_EXPECT_TRUE(t, (saved.c_lflag & (ICANON | ECHO | ISIG)) == (ICANON | ECHO | ISIG));
	KTEST_EXPECT_EQ(t, saved.c_cc[VERASE], 0177);
	KTEST_EXPECT_EQ(t, saved.c_cc[VEOF], 4);
	tio = saved;
	tio.c_lflag &= ~(ICANON | ECHO);
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, TCSETS, (unsigned long)&tio), 0);
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, TCGETS, (unsigned long)&tio), 0);
	KTEST_EXPECT_EQ(t, tio.c_lflag & (ICANON | ECHO), 0);
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, TCSETS, (unsigned long)&saved), 0);
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, TIOCGWINSZ, (unsigned long)&ws), 0);
	KTEST_EXPECT_TRUE(t, ws.ws_col == 80 && ws.ws_row == 24);
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, FIONREAD, (unsigned long)&inq), 0);
	KTEST_EXPECT_EQ(t, inq, 0);
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, TCGETS, 0x10), -EFAULT);
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, TCSETS, 0x10), -EFAULT);
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, 0x54ff, 0), -ENOTTY);
	filp_close(f);
}

/* More than the tx ring holds: the writer sleeps and the TX interrupt wakes it. */
static void ttyAMA0_write_more_than_the_ring(struct ktest *t)
{
	struct file *f = filp_open(NODE, O_WRONLY, 0);
	size_t n = 3 * TTY_TX_SIZE;
	char *buf = kmalloc(n, GFP_KERNEL);

	KTEST_ASSERT_TRUE(t, !IS_ERR(f) && buf);
	memset(buf, '.', n);
	memcpy(buf, "# ", 2);	/* a KTAP comment line */
	buf[n - 1] = '\n';
	KTEST_EXPECT_EQ(t, vfs_write(f, buf, n, &f->pos), n);
	drain(f);
	kfree(buf);
	filp_close(f);
}

static const struct ktest_case ttyAMA0_cases[] = {
	KTEST_CASE(ttyAMA0_canonical_editing_over_the_uart),
	KTEST_CASE(ttyAMA0_ioctls),
	KTEST_CASE(ttyAMA0_write_more_than_the_ring),
};
KTEST_SUITE(ttyAMA0, ttyAMA0_cases);

/* A fake port: what it "sends" lands in sent[]. */
static char sent[64];
static size_t nsent;

static void fake_start_tx(struct tty_struct *tty)
{
	int c;

	while ((c = tty_tx_pop(tty)) >= 0)
		if (nsent + 1 < sizeof(sent))
			sent[nsent++] = (char)c;
	sent[nsent] = '\0';
}

static const struct tty_operations fake_ops = { .start_tx = fake_start_tx };

/* An open file on a fresh tty over the fake port (no node, no driver). */
static struct tty_struct *fake_tty(struct file *f)
{
	static struct inode node = { .mode = S_IFCHR | 0600 };
	struct tty_struct *tty = kzalloc(sizeof(*tty), GFP_KERNEL);

	if (tty)
		tty_init(tty, "fake", &fake_ops, NULL);
	*f = (struct file){ .f_op = &tty_fops, .inode = &node, .private_data = tty,
			    .flags = O_RDWR | O_NONBLOCK };
	nsent = 0;
	sent[0] = '\0';
	return tty;
}

static void receive(struct tty_struct *tty, const char *s)
{
	for (; *s; s++)
		tty_receive_char(tty, (unsigned char)*s);
}

static void tty_cooked_waits_for_the_line_and_echoes(struct ktest *t)
{
	struct file f;
	struct tty_struct *tty = fake_tty(&f);
	char buf[16] = { 0 };

	KTEST_ASSERT_TRUE(t, tty);
	receive(tty, "ab");
	KTEST_EXPECT_EQ(t, vfs_read(&f, buf, sizeof(buf), &f.pos), -EAGAIN);
	receive(tty, "\r");
	KTEST_EXPECT_EQ(t, vfs_read(&f, buf, sizeof(buf), &f.pos), 3);
	KTEST_EXPECT_STREQ(t, buf, "ab\n");
	KTEST_EXPECT_STREQ(t, sent, "ab\r\n");	/* echo, with ONLCR */
	KTEST_EXPECT_EQ(t, vfs_write(&f, "x\n", 2, &f.pos), 2);
	KTEST_EXPECT_STREQ(t, sent, "ab\r\nx\r\n");
	kfree(tty);
}

static void tty_raw_mode_hands_out_bytes_at_once(struct ktest *t)
{
	struct file f;
	struct tty_struct *tty = fake_tty(&f);
	struct termios tio;
	char buf[16] = { 0 };

	KTEST_ASSERT_TRUE(t, tty);
	vfs_ioctl(&f, TCGETS, (unsigned long)&tio);
	tio.c_lflag &= ~(ICANON | ECHO);
	tio.c_cc[VMIN] = 1;
	KTEST_EXPECT_EQ(t, vfs_ioctl(&f, TCSETS, (unsigned long)&tio), 0);
	receive(tty, "q\x7f");
	KTEST_EXPECT_EQ(t, vfs_read(&f, buf, sizeof(buf), &f.pos), 2);
	KTEST_EXPECT_STREQ(t, buf, "q\x7f");	/* no editing */
	KTEST_EXPECT_STREQ(t, sent, "");	/* no echo */
	KTEST_EXPECT_EQ(t, tty->icount.rx, 2);
	receive(tty, "\x03");
	KTEST_EXPECT_EQ(t, tty->icount.signals, 1);	/* ISIG still on: ^C is a signal */
	kfree(tty);
}

static const struct ktest_case tty_cases[] = {
	KTEST_CASE(tty_cooked_waits_for_the_line_and_echoes),
	KTEST_CASE(tty_raw_mode_hands_out_bytes_at_once),
};
KTEST_SUITE(tty, tty_cases);
