// SPDX-License-Identifier: MIT
/*
 * N_TTY, the default line discipline (see n_tty.h). Linux counterpart:
 * drivers/tty/n_tty.c, whose behaviour this follows in a much smaller
 * form: one byte at a time, echo written straight to a sink.
 *
 * DOC: n_tty-ring
 * Received bytes go into a ring of N_TTY_BUF_SIZE slots:
 *
 *   tail            line_start            head
 *    |  "ls\n" "cd"^D  |  "vi fo"           |   free
 *    +-----------------+--------------------+---------
 *      complete lines     line under edit
 *
 * Erase, kill and word erase only move head back, never below line_start,
 * so they can not reach a line read() may already see. Ending a line ('\n',
 * VEOL, VEOL2, VEOF) marks its last slot in line_end and moves line_start to
 * head. VEOF on an empty line stores a marker slot (flagged in eof) so that
 * read() returns 0 once; VEOF after text just marks the last character.
 *
 * Full buffer: input that does not fit is dropped, without echo. In
 * canonical mode an ordinary character leaves one slot free, so a line
 * can always be ended by '\n' (or VEOL, VEOF) and read(): a full buffer
 * never wedges the reader.
 *
 * Not done (yet): VREPRINT, VDISCARD, IUCLC/OLCUC, parity and break
 * handling (the byte arrives here without the UART's error flags), IUTF8
 * (a multi-byte character is erased a byte at a time), and VTIME, which
 * needs a timer the caller owns.
 */
#include <armlet/n_tty.h>
#include <armlet/string.h>

#define SLOT_MASK (N_TTY_BUF_SIZE - 1)

_Static_assert((N_TTY_BUF_SIZE & SLOT_MASK) == 0, "N_TTY_BUF_SIZE is a power of two");

#define CTRL(c) (0x1f & (c)) /* CTRL('C') is ^C, 3 */

/* Linux's tty_std_termios: a cooked, echoing 38400 8N1 line... */
static const struct termios default_termios = {
	.c_iflag = ICRNL | IXON,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = B38400 | CS8 | CREAD | HUPCL,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
};

/* ...with its special characters (INIT_C_CC); 0 switches one off. */
static const cc_t default_cc[NCCS] = {
	[VINTR] = CTRL('C'),	[VQUIT] = CTRL('\\'),	[VERASE] = 0177,
	[VKILL] = CTRL('U'),	[VEOF] = CTRL('D'),	[VMIN] = 1,
	[VSTART] = CTRL('Q'),	[VSTOP] = CTRL('S'),	[VSUSP] = CTRL('Z'),
	[VREPRINT] = CTRL('R'), [VDISCARD] = CTRL('O'), [VWERASE] = CTRL('W'),
	[VLNEXT] = CTRL('V'),
};

enum erase_kind { ERASE_CHAR, ERASE_WORD, ERASE_LINE };

static u32 slot(u32 pos)
{
	return pos & SLOT_MASK;
}

static bool test_mark(const u32 *map, u32 pos)
{
	return map[slot(pos) / 32] & (1u << (pos % 32));
}

static void set_mark(u32 *map, u32 pos)
{
	map[slot(pos) / 32] |= 1u << (pos % 32);
}

static void clear_marks(struct n_tty *ld, u32 pos)
{
	ld->line_end[slot(pos) / 32] &= ~(1u << (pos % 32));
	ld->eof[slot(pos) / 32] &= ~(1u << (pos % 32));
}

static bool lflag(const struct n_tty *ld, tcflag_t bits)
{
	return ld->termios.c_lflag & bits;
}

static bool iflag(const struct n_tty *ld, tcflag_t bits)
{
	return ld->termios.c_iflag & bits;
}

/* Is c the special character cc[idx]? A disabled (0) entry matches nothing. */
static bool is_cc(const struct n_tty *ld, int idx, unsigned char c)
{
	return c == ld->termios.c_cc[idx] && c != _POSIX_VDISABLE;
}

static bool is_cntrl(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

static bool is_blank(unsigned char c)
{
	return c == ' ' || c == '\t';
}

static u32 room(const struct n_tty *ld)
{
	return N_TTY_BUF_SIZE - (ld->head - ld->tail);
}

/* Append c at head; the caller checked room(). */
static void put_byte(struct n_tty *ld, unsigned char c)
{
	clear_marks(ld, ld->head);
	ld->buf[slot(ld->head)] = c;
	ld->head++;
}

/* The cursor column after the terminal receives c at column col. */
static unsigned int advance_column(unsigned int col, unsigned char c)
{
	if (c == '\r')
		return 0;
	if (c == '\t')
		return (col | 7) + 1;
	if (c == '\b')
		return col ? col - 1 : 0;
	return is_cntrl(c) ? col : col + 1;
}

/**
 * n_tty_output_char - write one byte to the terminal, post-processed
 * @ld: the line discipline (its c_oflag; its column is kept up to date)
 * @c: the byte a program or the echo wrote
 * @out: where the resulting bytes go
 *
 * With OPOST: ONLCR sends '\n' as "\r\n", OCRNL sends '\r' as '\n'.
 * Context: the caller's tty lock.
 */
void n_tty_output_char(struct n_tty *ld, char c, const struct n_tty_sink *out)
{
	const tcflag_t oflag = ld->termios.c_oflag;

	if (oflag & OPOST) {
		if (c == '\n' && (oflag & ONLCR)) {
			out->put(out->ctx, '\r');
			ld->column = 0;
		} else if (c == '\r' && (oflag & OCRNL)) {
			c = '\n';
		}
	}
	out->put(out->ctx, c);
	ld->column = advance_column(ld->column, (unsigned char)c);
}

static void echo_raw(struct n_tty *ld, unsigned char c, const struct n_tty_sink *echo)
{
	if (echo)
		n_tty_output_char(ld, (char)c, echo);
}

/* ECHOCTL: control characters but TAB and NL echo as "^X". */
static bool echoes_as_caret(const struct n_tty *ld, unsigned char c)
{
	return lflag(ld, ECHOCTL) && is_cntrl(c) && c != '\t' && c != '\n';
}

/* Echo c as typed, or as "^X" (see echoes_as_caret()). */
static void echo_char(struct n_tty *ld, unsigned char c, const struct n_tty_sink *echo)
{
	if (echoes_as_caret(ld, c)) {
		echo_raw(ld, '^', echo);
		echo_raw(ld, c ^ 0100, echo);
	} else {
		echo_raw(ld, c, echo);
	}
}

/* The columns the echo of c took, starting at column col. */
static unsigned int echo_width(const struct n_tty *ld, unsigned char c, unsigned int col)
{
	if (c == '\t')
		return (col | 7) + 1 - col;
	if (echoes_as_caret(ld, c))
		return 2;
	return is_cntrl(c) ? 0 : 1;
}

/* The column the echo of the edited line had reached just before pos. */
static unsigned int column_before(const struct n_tty *ld, u32 pos)
{
	unsigned int col = ld->line_column;
	u32 p;

	for (p = ld->line_start; p != pos; p++)
		col += echo_width(ld, ld->buf[slot(p)], col);
	return col;
}

/*
 * Remove the last byte of the edited line and, if echo is set, rub it out
 * on the screen: back over as many columns as its echo took ("\b \b" each,
 * just '\b' for a tab, whose columns hold no ink). Only a tab's width
 * depends on what precedes it, so only a tab walks the line.
 */
static void rub_out(struct n_tty *ld, const struct n_tty_sink *echo)
{
	u32 pos = ld->head - 1;
	unsigned char c = ld->buf[slot(pos)];
	unsigned int before, cols;

	ld->head = pos;
	if (!echo)
		return;
	if (c == '\t') {
		before = column_before(ld, pos);
		cols = ld->column > before ? ld->column - before : 0;
	} else {
		cols = echo_width(ld, c, 0);
	}
	while (cols--) {
		echo_raw(ld, '\b', echo);
		if (c != '\t') {
			echo_raw(ld, ' ', echo);
			echo_raw(ld, '\b', echo);
		}
	}
}

/*
 * VERASE, VWERASE, VKILL: erase a character, a word (blanks, then the
 * non-blanks before them) or the whole edited line; never past
 * line_start. With ECHOE (and ECHOKE for a kill) the screen is rubbed out,
 * otherwise the erase character c itself is echoed (and a NL after a kill
 * under ECHOK).
 */
static void erase_input(struct n_tty *ld, unsigned char c, enum erase_kind kind,
			const struct n_tty_sink *echo)
{
	bool visual = lflag(ld, ECHOE) && (kind != ERASE_LINE || lflag(ld, ECHOKE));
	const struct n_tty_sink *rub = lflag(ld, ECHO) && visual ? echo : NULL;
	bool in_word = false;

	if (ld->head == ld->line_start)
		return; /* nothing to erase: no echo either */
	while (ld->head != ld->line_start) {
		unsigned char prev = ld->buf[slot(ld->head - 1)];

		if (kind == ERASE_WORD && is_blank(prev) && in_word)
			break;
		in_word |= !is_blank(prev);
		rub_out(ld, rub);
		if (kind == ERASE_CHAR)
			break;
	}
	if (lflag(ld, ECHO) && !visual) {
		echo_char(ld, c, echo);
		if (kind == ERASE_LINE && lflag(ld, ECHOK))
			echo_raw(ld, '\n', echo);
	}
}

/* The edited line is complete: read() may now see it. */
static void end_line(struct n_tty *ld)
{
	set_mark(ld->line_end, ld->head - 1);
	ld->line_start = ld->head;
}

/* VEOF: push the edited line as it is, or store an EOF marker if empty. */
static void receive_eof(struct n_tty *ld)
{
	if (ld->head == ld->line_start) {
		if (!room(ld))
			return;
		put_byte(ld, 0);
		set_mark(ld->eof, ld->head - 1);
	}
	end_line(ld);
}

/* '\n', VEOL, VEOL2: store c and end the line with it. */
static void receive_newline(struct n_tty *ld, unsigned char c, const struct n_tty_sink *echo)
{
	if (!room(ld))
		return;
	if (c == '\n' && lflag(ld, ECHO | ECHONL))
		echo_raw(ld, c, echo);
	else if (lflag(ld, ECHO))
		echo_char(ld, c, echo);
	put_byte(ld, c);
	end_line(ld);
}

/*
 * An ordinary byte: store and echo it. Canonical mode keeps one slot for
 * a line end; raw mode makes the byte readable at once.
 */
static void receive_plain(struct n_tty *ld, unsigned char c, const struct n_tty_sink *echo)
{
	bool canon = lflag(ld, ICANON);

	if (room(ld) <= (canon ? 1u : 0u))
		return;
	if (canon && ld->head == ld->line_start)
		ld->line_column = ld->column;
	if (lflag(ld, ECHO))
		echo_char(ld, c, echo);
	put_byte(ld, c);
	if (!canon)
		ld->line_start = ld->head;
}

/* Canonical mode: the editing characters, line ends, or plain text. */
static void receive_canon(struct n_tty *ld, unsigned char c, const struct n_tty_sink *echo)
{
	bool iexten = lflag(ld, IEXTEN);

	if (is_cc(ld, VERASE, c) || c == '\b')
		erase_input(ld, c, ERASE_CHAR, echo);
	else if (is_cc(ld, VKILL, c))
		erase_input(ld, c, ERASE_LINE, echo);
	else if (iexten && is_cc(ld, VWERASE, c))
		erase_input(ld, c, ERASE_WORD, echo);
	else if (iexten && is_cc(ld, VLNEXT, c))
		ld->lnext = true;
	else if (is_cc(ld, VEOF, c))
		receive_eof(ld);
	else if (c == '\n' || is_cc(ld, VEOL, c) || (iexten && is_cc(ld, VEOL2, c)))
		receive_newline(ld, c, echo);
	else
		receive_plain(ld, c, echo);
}

/*
 * ISIG: VINTR, VQUIT, VSUSP make a signal pending for the caller to send
 * to the foreground process group, flush unread input (unless NOFLSH) and
 * echo as "^C". Returns true if c was one of them.
 */
static bool receive_signal(struct n_tty *ld, unsigned char c, const struct n_tty_sink *echo)
{
	int sig;

	if (is_cc(ld, VINTR, c))
		sig = SIGINT;
	else if (is_cc(ld, VQUIT, c))
		sig = SIGQUIT;
	else if (is_cc(ld, VSUSP, c))
		sig = SIGTSTP;
	else
		return false;
	if (!lflag(ld, NOFLSH))
		n_tty_flush_input(ld);
	if (lflag(ld, ECHO))
		echo_char(ld, c, echo);
	ld->signals |= 1u << sig;
	return true;
}

/* IXON: VSTOP and VSTART stop and restart output and are not input. */
static bool receive_flow(struct n_tty *ld, unsigned char c)
{
	if (is_cc(ld, VSTOP, c)) {
		ld->stopped = true;
		return true;
	}
	if (is_cc(ld, VSTART, c)) {
		ld->stopped = false;
		return true;
	}
	if (iflag(ld, IXANY))
		ld->stopped = false;
	return false;
}

/**
 * n_tty_receive_char - process one byte received from the terminal
 * @ld: the line discipline
 * @c: the byte
 * @echo: where echo goes (NULL: nowhere, as if the terminal were gone)
 *
 * In order: ISTRIP; a byte after VLNEXT is stored as is; IXON flow
 * control; ISIG signals; IGNCR/ICRNL/INLCR; then canonical editing or raw
 * storage. VERASE and '\b' both erase, so DEL and ^H terminals both work.
 * A byte that does not fit is dropped (see DOC: n_tty-ring).
 * Context: the caller's tty lock, IRQs off; typically the UART IRQ.
 */
void n_tty_receive_char(struct n_tty *ld, unsigned char c, const struct n_tty_sink *echo)
{
	if (iflag(ld, ISTRIP))
		c &= 0x7f;
	if (ld->lnext) {
		ld->lnext = false;
		receive_plain(ld, c, echo);
		return;
	}
	if (iflag(ld, IXON) && receive_flow(ld, c))
		return;
	if (lflag(ld, ISIG) && receive_signal(ld, c, echo))
		return;
	if (c == '\r') {
		if (iflag(ld, IGNCR))
			return;
		if (iflag(ld, ICRNL))
			c = '\n';
	} else if (c == '\n' && iflag(ld, INLCR)) {
		c = '\r';
	}
	if (lflag(ld, ICANON))
		receive_canon(ld, c, echo);
	else
		receive_plain(ld, c, echo);
}

/**
 * n_tty_take_signal - the next signal the input asked for
 * @ld: the line discipline
 *
 * Returns the lowest pending signal number (SIGINT, SIGQUIT, SIGTSTP) and
 * clears it, or 0 if none is pending. Call until it returns 0.
 */
int n_tty_take_signal(struct n_tty *ld)
{
	int sig;

	for (sig = 1; sig < 32; sig++) {
		if (ld->signals & (1u << sig)) {
			ld->signals &= ~(1u << sig);
			return sig;
		}
	}
	return 0;
}

/**
 * n_tty_readable - would a read() return now?
 * @ld: the line discipline
 *
 * Canonical: a complete line or an EOF is buffered. Raw: at least VMIN
 * bytes are buffered; with VMIN 0 always, even with nothing to return.
 * VTIME is left to the caller, which owns the timers.
 */
bool n_tty_readable(const struct n_tty *ld)
{
	if (lflag(ld, ICANON))
		return ld->line_start != ld->tail;
	return ld->head - ld->tail >= ld->termios.c_cc[VMIN];
}

/**
 * n_tty_inq - the number of bytes read() could consume (FIONREAD)
 * @ld: the line discipline
 *
 * Canonical: the bytes of all complete lines, an EOF marker counting as
 * one; the edited line does not count. Raw: all buffered bytes.
 */
size_t n_tty_inq(const struct n_tty *ld)
{
	if (lflag(ld, ICANON))
		return ld->line_start - ld->tail;
	return ld->head - ld->tail;
}

/* Canonical read: up to n bytes of the first line, its end included. */
static size_t read_line(struct n_tty *ld, char *buf, size_t n)
{
	size_t copied = 0;

	while (ld->tail != ld->line_start && copied < n) {
		u32 pos = ld->tail++;

		if (test_mark(ld->eof, pos))
			break; /* only ever first: an EOF line is empty */
		buf[copied++] = (char)ld->buf[slot(pos)];
		if (test_mark(ld->line_end, pos))
			break;
	}
	return copied;
}

/**
 * n_tty_read - copy buffered input out
 * @ld: the line discipline
 * @buf: where to (a kernel buffer; the caller copies it to user space)
 * @n: its size
 *
 * Canonical: at most one line, its '\n' (or VEOL, VEOL2) included; with
 * n smaller than the line, its first n bytes, the rest left for the next
 * read. A line ended by VEOF after text comes back without a line end;
 * an EOF marker (VEOF on an empty line) is consumed and gives 0.
 * Raw: min(n, buffered) bytes.
 *
 * Returns the number of bytes copied. Check n_tty_readable() first,
 * under the same lock: then 0 (with n > 0) means end of file in canonical
 * mode, and nothing buffered under VMIN 0 in raw mode.
 * Context: the caller's tty lock.
 */
size_t n_tty_read(struct n_tty *ld, char *buf, size_t n)
{
	size_t copied = 0;

	if (lflag(ld, ICANON))
		return read_line(ld, buf, n);
	while (ld->tail != ld->head && copied < n)
		buf[copied++] = (char)ld->buf[slot(ld->tail++)];
	return copied;
}

/* Leaving canonical mode: drop EOF markers, they carry no data. */
static void drop_eof_markers(struct n_tty *ld)
{
	u32 from, to = ld->tail;

	for (from = ld->tail; from != ld->head; from++) {
		if (test_mark(ld->eof, from))
			continue;
		ld->buf[slot(to)] = ld->buf[slot(from)];
		clear_marks(ld, to);
		to++;
	}
	ld->head = to;
}

/*
 * Entering canonical mode: everything buffered becomes one complete line
 * (readable without a newline, as in Linux), and editing starts afresh.
 */
static void make_one_line(struct n_tty *ld)
{
	if (ld->head != ld->tail)
		set_mark(ld->line_end, ld->head - 1);
	ld->line_start = ld->head;
}

/**
 * n_tty_set_termios - install new settings (TCSETS, TCSETSW, TCSETSF)
 * @ld: the line discipline
 * @t: the new settings, already copied from user space
 *
 * Clearing ICANON makes the edited line readable as raw bytes; setting it
 * turns what is buffered into one complete line. TCSETSF's flush is the
 * caller's n_tty_flush_input(). Context: the caller's tty lock.
 */
void n_tty_set_termios(struct n_tty *ld, const struct termios *t)
{
	bool was_canon = lflag(ld, ICANON);

	ld->termios = *t;
	if (was_canon && !lflag(ld, ICANON)) {
		drop_eof_markers(ld);
		ld->line_start = ld->head;
	} else if (!was_canon && lflag(ld, ICANON)) {
		make_one_line(ld);
	}
	if (!iflag(ld, IXON))
		ld->stopped = false;
}

/**
 * n_tty_flush_input - discard all unread input (TCFLSH TCIFLUSH, signals)
 * @ld: the line discipline
 */
void n_tty_flush_input(struct n_tty *ld)
{
	ld->tail = ld->head;
	ld->line_start = ld->head;
	ld->lnext = false;
}

/**
 * n_tty_init - an empty line discipline with Linux's default settings
 * @ld: the line discipline
 */
void n_tty_init(struct n_tty *ld)
{
	memset(ld, 0, sizeof(*ld));
	ld->termios = default_termios;
	memcpy(ld->termios.c_cc, default_cc, sizeof(default_cc));
}
