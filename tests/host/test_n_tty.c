// SPDX-License-Identifier: MIT
/*
 * Host tests for the N_TTY line discipline (drivers/tty/n_tty.c): line
 * assembly, CR/NL mapping, erase/kill/word erase and their echo, EOF,
 * signals, raw mode and VMIN, mode switches, partial reads, a full buffer,
 * output processing, and the termios ABI numbers shared with Linux.
 */
#include "htest.h"
#include <armlet/compiler.h>
#include <armlet/n_tty.h>
#include <armlet/termios.h>

#define DEL "\177"

static struct n_tty ld;

/* Everything echoed or output, as a NUL-terminated string. */
static struct {
	char text[16384];
	size_t len;
} screen;

static void screen_put(void *ctx, char c)
{
	if (screen.len < sizeof(screen.text) - 1)
		screen.text[screen.len++] = c;
	screen.text[screen.len] = '\0';
}

static const struct n_tty_sink sink = {.put = screen_put, .ctx = NULL};

static void screen_clear(void)
{
	screen.len = 0;
	screen.text[0] = '\0';
}

/* A fresh line discipline with the default (cooked) settings. */
static void setup(void)
{
	n_tty_init(&ld);
	screen_clear();
}

static void type(const char *s)
{
	while (*s)
		n_tty_receive_char(&ld, (unsigned char)*s++, &sink);
}

static void type_n(unsigned char c, int n)
{
	while (n-- > 0)
		n_tty_receive_char(&ld, c, &sink);
}

/* Read up to n bytes into a static string; *len gets the count. */
static const char *read_n(size_t n, size_t *len)
{
	static char buf[N_TTY_BUF_SIZE + 1];

	*len = n_tty_read(&ld, buf, n);
	buf[*len] = '\0';
	return buf;
}

static const char *read_all(void)
{
	size_t len;

	return read_n(N_TTY_BUF_SIZE, &len);
}

static void set_lflag(tcflag_t set, tcflag_t clear)
{
	struct termios t = ld.termios;

	t.c_lflag = (t.c_lflag | set) & ~clear;
	n_tty_set_termios(&ld, &t);
}

static void set_raw(unsigned char vmin)
{
	struct termios t = ld.termios;

	t.c_lflag &= ~ICANON;
	t.c_cc[VMIN] = vmin;
	n_tty_set_termios(&ld, &t);
}

static void test_termios_abi_matches_linux(void)
{
	CHECK_EQ(sizeof(struct termios), 36);
	CHECK_EQ(offsetof(struct termios, c_line), 16);
	CHECK_EQ(offsetof(struct termios, c_cc), 17);
	CHECK_EQ(NCCS, 19);
	CHECK_EQ(sizeof(struct winsize), 8);
	CHECK_EQ(TCGETS, 0x5401);
	CHECK_EQ(TCSETS, 0x5402);
	CHECK_EQ(TCSETSW, 0x5403);
	CHECK_EQ(TCSETSF, 0x5404);
	CHECK_EQ(TIOCGWINSZ, 0x5413);
	CHECK_EQ(FIONREAD, 0x541B);
	CHECK_EQ(ICANON, 0x2);
	CHECK_EQ(ECHO, 0x8);
	CHECK_EQ(ECHOCTL, 0x200);
	CHECK_EQ(ECHOKE, 0x800);
	CHECK_EQ(IEXTEN, 0x8000);
	CHECK_EQ(ICRNL, 0x100);
	CHECK_EQ(IXON, 0x400);
	CHECK_EQ(ONLCR, 0x4);
	CHECK_EQ(CS8 | CREAD, 0xb0);
	CHECK_EQ(B115200, 0x1002);
	CHECK_EQ(VEOF, 4);
	CHECK_EQ(VMIN, 6);
	CHECK_EQ(VWERASE, 14);
	CHECK_EQ(VEOL2, 16);
}

static void test_init_gives_linux_defaults(void)
{
	setup();
	CHECK_EQ(ld.termios.c_iflag, ICRNL | IXON);
	CHECK_EQ(ld.termios.c_oflag, OPOST | ONLCR);
	CHECK_EQ(ld.termios.c_lflag,
		 ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN);
	CHECK_EQ(ld.termios.c_cflag & CSIZE, CS8);
	CHECK_EQ(ld.termios.c_cc[VINTR], 3);
	CHECK_EQ(ld.termios.c_cc[VQUIT], 034);
	CHECK_EQ(ld.termios.c_cc[VERASE], 0177);
	CHECK_EQ(ld.termios.c_cc[VKILL], 025);
	CHECK_EQ(ld.termios.c_cc[VEOF], 4);
	CHECK_EQ(ld.termios.c_cc[VMIN], 1);
	CHECK_EQ(ld.termios.c_cc[VTIME], 0);
	CHECK_EQ(ld.termios.c_cc[VSUSP], 032);
	CHECK_EQ(ld.termios.c_cc[VWERASE], 027);
	CHECK_EQ(ld.termios.c_cc[VEOL], 0);
	CHECK(!n_tty_readable(&ld));
	CHECK_EQ(n_tty_inq(&ld), 0);
	CHECK_EQ(n_tty_take_signal(&ld), 0);
}

static void test_line_readable_only_after_newline(void)
{
	setup();
	type("abc");
	CHECK(!n_tty_readable(&ld));
	CHECK_EQ(n_tty_inq(&ld), 0);
	CHECK_STR(read_all(), "");
	type("\n");
	CHECK(n_tty_readable(&ld));
	CHECK_EQ(n_tty_inq(&ld), 4);
	CHECK_STR(read_all(), "abc\n");
	CHECK(!n_tty_readable(&ld));
	CHECK_STR(screen.text, "abc\r\n");
}

/* A NUL byte is data, not the disabled VEOL (whose c_cc entry is 0). */
static void test_nul_byte_does_not_end_line(void)
{
	size_t len;
	const char *s;

	setup();
	n_tty_receive_char(&ld, 0, &sink);
	CHECK(!n_tty_readable(&ld));
	type("\n");
	s = read_n(10, &len);
	CHECK_EQ(len, 2);
	CHECK(s[0] == 0 && s[1] == '\n');
}

static void test_one_line_per_read(void)
{
	setup();
	type("one\ntwo\n");
	CHECK_EQ(n_tty_inq(&ld), 8);
	CHECK_STR(read_all(), "one\n");
	CHECK_STR(read_all(), "two\n");
	CHECK(!n_tty_readable(&ld));
}

static void test_cr_maps_to_nl_with_icrnl(void)
{
	struct termios t;

	setup();
	type("hi\r");
	CHECK(n_tty_readable(&ld));
	CHECK_STR(read_all(), "hi\n");
	CHECK_STR(screen.text, "hi\r\n");

	t = ld.termios;
	t.c_iflag &= ~ICRNL;
	n_tty_set_termios(&ld, &t);
	type("a\r");
	CHECK(!n_tty_readable(&ld)); /* CR is just data now */
	type("\n");
	CHECK_STR(read_all(), "a\r\n");

	t.c_iflag |= IGNCR;
	n_tty_set_termios(&ld, &t);
	type("b\r\n");
	CHECK_STR(read_all(), "b\n");
}

static void test_inlcr_maps_nl_to_cr(void)
{
	struct termios t;

	setup();
	t = ld.termios;
	t.c_iflag = INLCR;
	n_tty_set_termios(&ld, &t);
	type("x\n");
	CHECK(!n_tty_readable(&ld)); /* NL became CR: no line end */
	set_raw(1);
	CHECK_STR(read_all(), "x\r");
}

static void test_del_and_backspace_erase_with_echo(void)
{
	setup();
	type("abx" DEL "c\n");
	CHECK_STR(read_all(), "abc\n");
	CHECK_STR(screen.text, "abx\b \bc\r\n");

	screen_clear();
	type("aby\bc\n");
	CHECK_STR(read_all(), "abc\n");
	CHECK_STR(screen.text, "aby\b \bc\r\n");
}

static void test_erase_without_echoe_echoes_the_erase_char(void)
{
	setup();
	set_lflag(0, ECHOE);
	type("ab" DEL "\n");
	CHECK_STR(read_all(), "a\n");
	CHECK_STR(screen.text, "ab^?\r\n");
	screen_clear();
	type(DEL "\025"); /* nothing to erase: nothing echoed */
	CHECK_STR(screen.text, "");
}

static void test_erase_stops_at_line_start(void)
{
	setup();
	type("a" DEL DEL DEL "\b\bb\n");
	CHECK_STR(read_all(), "b\n");
	CHECK_STR(screen.text, "a\b \bb\r\n");
}

static void test_erase_never_reaches_complete_line(void)
{
	setup();
	type("one\n" DEL DEL "\025\027x\n");
	CHECK_STR(read_all(), "one\n");
	CHECK_STR(read_all(), "x\n");
	CHECK_STR(screen.text, "one\r\nx\r\n");
}

static void test_kill_erases_whole_line(void)
{
	setup();
	type("keep\nhello\025bye\n");
	CHECK_STR(read_all(), "keep\n");
	CHECK_STR(read_all(), "bye\n");
	CHECK_STR(screen.text, "keep\r\nhello\b \b\b \b\b \b\b \b\b \bbye\r\n");
}

static void test_kill_without_echoke_echoes_char_and_newline(void)
{
	setup();
	set_lflag(0, ECHOKE);
	type("abc\025d\n");
	CHECK_STR(read_all(), "d\n");
	CHECK_STR(screen.text, "abc^U\r\nd\r\n");
}

static void test_word_erase(void)
{
	setup();
	type("echo foo  \027bar\n");
	CHECK_STR(read_all(), "echo bar\n");
	CHECK_STR(screen.text, "echo foo  \b \b\b \b\b \b\b \b\b \bbar\r\n");

	type("  \027x\n"); /* only blanks: back to line start */
	CHECK_STR(read_all(), "x\n");
	type("a b\027\027\027c\n");
	CHECK_STR(read_all(), "c\n");

	set_lflag(0, IEXTEN); /* ^W is plain data without IEXTEN */
	type("a\027\n");
	CHECK_STR(read_all(), "a\027\n");
}

static void test_eof_at_line_start_reads_zero(void)
{
	size_t len;

	setup();
	type("\004");
	CHECK(n_tty_readable(&ld));
	CHECK_EQ(n_tty_inq(&ld), 1);
	read_n(100, &len);
	CHECK_EQ(len, 0);
	CHECK(!n_tty_readable(&ld)); /* the marker was consumed */
	CHECK_STR(screen.text, "");  /* EOF is not echoed */
	type("x\n");
	CHECK_STR(read_all(), "x\n");
}

static void test_eof_after_lines(void)
{
	size_t len;

	setup();
	type("a\n\004b\n");
	CHECK_STR(read_all(), "a\n");
	read_n(100, &len);
	CHECK_EQ(len, 0);
	CHECK_STR(read_all(), "b\n");
}

static void test_eof_mid_line_returns_line_without_newline(void)
{
	size_t len;

	setup();
	type("abc\004");
	CHECK(n_tty_readable(&ld));
	CHECK_STR(read_n(100, &len), "abc");
	CHECK_EQ(len, 3);
	CHECK(!n_tty_readable(&ld)); /* no EOF after the text */
	type("\004");		     /* a second ^D is the EOF */
	read_n(100, &len);
	CHECK_EQ(len, 0);
}

/* A zero-byte read never consumes an EOF marker. */
static void test_zero_length_read_keeps_eof(void)
{
	size_t len;

	setup();
	type("\004");
	read_n(0, &len);
	CHECK_EQ(len, 0);
	CHECK(n_tty_readable(&ld));
}

static void test_echo_printable_and_control_chars(void)
{
	setup();
	type("a\001\tz");
	CHECK_STR(screen.text, "a^A\tz");

	setup();
	set_lflag(0, ECHOCTL);
	type("a\001");
	CHECK_STR(screen.text, "a\001");
}

static void test_echo_off(void)
{
	setup();
	set_lflag(0, ECHO);
	type("secret" DEL "\n\003");
	CHECK_STR(screen.text, "");

	setup();
	set_lflag(ECHONL, ECHO);
	type("pw\n");
	CHECK_STR(screen.text, "\r\n");
	CHECK_STR(read_all(), "pw\n");
}

static void test_ctrl_c_sets_sigint_flushes_and_echoes(void)
{
	setup();
	type("done\npartial\003");
	CHECK_EQ(n_tty_take_signal(&ld), SIGINT);
	CHECK_EQ(n_tty_take_signal(&ld), 0);
	CHECK(!n_tty_readable(&ld)); /* complete and partial lines gone */
	CHECK_EQ(n_tty_inq(&ld), 0);
	CHECK_STR(screen.text, "done\r\npartial^C");
	type("x\n");
	CHECK_STR(read_all(), "x\n");
}

static void test_quit_and_suspend_signals(void)
{
	setup();
	type("\034\032");
	CHECK_STR(screen.text, "^\\^Z");
	CHECK_EQ(n_tty_take_signal(&ld), SIGQUIT);
	CHECK_EQ(n_tty_take_signal(&ld), SIGTSTP);
	CHECK_EQ(n_tty_take_signal(&ld), 0);
}

static void test_noflsh_keeps_input(void)
{
	setup();
	set_lflag(NOFLSH, 0);
	type("ab\003c\n");
	CHECK_EQ(n_tty_take_signal(&ld), SIGINT);
	CHECK_STR(read_all(), "abc\n");
}

static void test_isig_off_makes_ctrl_c_data(void)
{
	setup();
	set_lflag(0, ISIG);
	type("\003\n");
	CHECK_EQ(n_tty_take_signal(&ld), 0);
	CHECK_STR(read_all(), "\003\n");
}

static void test_lnext_quotes_next_char(void)
{
	setup();
	type("\026\003\026" DEL "\n");
	CHECK_EQ(n_tty_take_signal(&ld), 0);
	CHECK_STR(read_all(), "\003" DEL "\n");
	CHECK_STR(screen.text, "^C^?\r\n");
}

static void test_ixon_stop_start_are_not_input(void)
{
	setup();
	type("a\023");
	CHECK(ld.stopped);
	type("\021b\n");
	CHECK(!ld.stopped);
	CHECK_STR(read_all(), "ab\n");
}

static void test_raw_mode_bytes_readable_without_editing(void)
{
	setup();
	set_raw(1);
	type("a");
	CHECK(n_tty_readable(&ld));
	CHECK_EQ(n_tty_inq(&ld), 1);
	CHECK_STR(read_all(), "a");
	CHECK(!n_tty_readable(&ld));
	type("x" DEL "\025\027\004\n");
	CHECK_STR(read_all(), "x" DEL "\025\027\004\n");
	CHECK_EQ(n_tty_take_signal(&ld), 0);
	type("\003"); /* ISIG still applies */
	CHECK_EQ(n_tty_take_signal(&ld), SIGINT);
}

static void test_raw_mode_vmin(void)
{
	size_t len;

	setup();
	set_raw(3);
	type("ab");
	CHECK(!n_tty_readable(&ld));
	type("c");
	CHECK(n_tty_readable(&ld));
	CHECK_STR(read_n(2, &len), "ab");
	CHECK_STR(read_all(), "c");

	set_raw(0); /* VMIN 0: a read never waits */
	CHECK(n_tty_readable(&ld));
	read_n(10, &len);
	CHECK_EQ(len, 0);
}

static void test_canon_to_raw_makes_partial_line_readable(void)
{
	setup();
	type("line\n\004part");
	set_raw(1);
	CHECK_EQ(ld.line_start, ld.head);
	CHECK(n_tty_readable(&ld));
	CHECK_EQ(n_tty_inq(&ld), 9); /* the EOF marker is dropped */
	CHECK_STR(read_all(), "line\npart");
}

static void test_raw_to_canon_makes_buffered_bytes_a_line(void)
{
	setup();
	set_raw(1);
	type("abc");
	set_lflag(ICANON, 0);
	CHECK(n_tty_readable(&ld));
	type(DEL "\025"); /* editing can not reach them */
	type("de\n");
	CHECK_STR(read_all(), "abc");
	CHECK_STR(read_all(), "de\n");
	CHECK(!n_tty_readable(&ld));
}

static void test_partial_reads_of_a_long_line(void)
{
	char line[101];
	size_t len;
	const char *s;

	setup();
	memset(line, 'q', 99);
	line[99] = '\n';
	line[100] = '\0';
	type(line);
	type("next\n");
	for (int i = 0; i < 3; i++) {
		s = read_n(30, &len);
		CHECK_EQ(len, 30);
		CHECK(s[0] == 'q' && s[29] == 'q');
	}
	s = read_n(30, &len);
	CHECK_EQ(len, 10); /* never past the end of the line */
	CHECK(s[8] == 'q' && s[9] == '\n');
	CHECK_STR(read_n(2, &len), "ne");
	CHECK_STR(read_all(), "xt\n");
}

/* Canonical: a full buffer keeps one slot, so a newline still ends it. */
static void test_canon_full_buffer_keeps_room_for_newline(void)
{
	const char *s;
	size_t len;

	setup();
	type_n('a', N_TTY_BUF_SIZE + 100);
	CHECK(!n_tty_readable(&ld));
	CHECK_EQ(screen.len, N_TTY_BUF_SIZE - 1); /* dropped: no echo */
	type("\n");
	CHECK(n_tty_readable(&ld));
	s = read_n(N_TTY_BUF_SIZE, &len);
	CHECK_EQ(len, N_TTY_BUF_SIZE);
	CHECK(s[0] == 'a' && s[N_TTY_BUF_SIZE - 2] == 'a' && s[N_TTY_BUF_SIZE - 1] == '\n');
	type("ok\n");
	CHECK_STR(read_all(), "ok\n");
}

/* Canonical: full of complete lines, more input waits for a reader. */
static void test_canon_full_of_lines_drops_until_read(void)
{
	size_t len;

	setup();
	for (int i = 0; i < N_TTY_BUF_SIZE / 4; i++)
		type("abc\n");
	CHECK_EQ(n_tty_inq(&ld), N_TTY_BUF_SIZE);
	type("x\n\004");
	CHECK_EQ(n_tty_inq(&ld), N_TTY_BUF_SIZE);
	CHECK_STR(read_all(), "abc\n");
	type("yz\n"); /* 4 slots free: "yz\n" fits */
	for (int i = 1; i < N_TTY_BUF_SIZE / 4; i++)
		read_n(100, &len);
	CHECK_STR(read_all(), "yz\n");
	CHECK(!n_tty_readable(&ld));
}

static void test_raw_full_buffer_drops_extra(void)
{
	const char *s;
	size_t len;

	setup();
	set_raw(1);
	type_n('r', N_TTY_BUF_SIZE);
	type("extra");
	CHECK_EQ(n_tty_inq(&ld), N_TTY_BUF_SIZE);
	s = read_n(N_TTY_BUF_SIZE, &len);
	CHECK_EQ(len, N_TTY_BUF_SIZE);
	CHECK(s[N_TTY_BUF_SIZE - 1] == 'r');
	type("z");
	CHECK_STR(read_all(), "z");
}

/* Many laps of the ring, starting just below 2^32. */
static void test_ring_wraps_cleanly(void)
{
	char expect[16], line[16];
	int bad = 0;

	setup();
	ld.tail = ld.line_start = ld.head = 0xfffff000u;
	for (int i = 0; i < 5000; i++) {
		snprintf(line, sizeof(line), "l%dx" DEL "%d\n", i, i % 7);
		snprintf(expect, sizeof(expect), "l%d%d\n", i, i % 7);
		type(line);
		if (strcmp(read_all(), expect))
			bad++;
	}
	CHECK(ld.head < 0x10000000u); /* it did pass 2^32 */
	CHECK_EQ(bad, 0);
}

static void test_onlcr_output_mapping(void)
{
	struct termios t;

	setup();
	for (const char *s = "a\nb"; *s; s++)
		n_tty_output_char(&ld, *s, &sink);
	CHECK_STR(screen.text, "a\r\nb");

	screen_clear();
	t = ld.termios;
	t.c_oflag = OPOST; /* no ONLCR */
	n_tty_set_termios(&ld, &t);
	n_tty_output_char(&ld, '\n', &sink);
	t.c_oflag = ONLCR; /* ONLCR, but no OPOST */
	n_tty_set_termios(&ld, &t);
	n_tty_output_char(&ld, '\n', &sink);
	t.c_oflag = OPOST | OCRNL;
	n_tty_set_termios(&ld, &t);
	n_tty_output_char(&ld, '\r', &sink);
	CHECK_STR(screen.text, "\n\n\n");
}

/* Rubbing out a tab backs up to where it started, after a prompt. */
static void test_tab_erase_backs_up_to_tab_start(void)
{
	setup();
	n_tty_output_char(&ld, '$', &sink);
	n_tty_output_char(&ld, ' ', &sink);
	type("\t");
	CHECK_EQ(ld.column, 8);
	screen_clear();
	type(DEL);
	CHECK_STR(screen.text, "\b\b\b\b\b\b");
	CHECK_EQ(ld.column, 2);
	type("ab\t" DEL); /* from column 4: 4 columns */
	CHECK_STR(screen.text, "\b\b\b\b\b\bab\t\b\b\b\b");
}

static void test_control_char_erase_rubs_two_columns(void)
{
	setup();
	type("\001");
	CHECK_STR(screen.text, "^A");
	type(DEL);
	CHECK_STR(screen.text, "^A\b \b\b \b");
	CHECK_EQ(ld.column, 0);
}

HTEST_MAIN(TEST(test_termios_abi_matches_linux), TEST(test_init_gives_linux_defaults),
	   TEST(test_line_readable_only_after_newline), TEST(test_nul_byte_does_not_end_line),
	   TEST(test_one_line_per_read), TEST(test_cr_maps_to_nl_with_icrnl),
	   TEST(test_inlcr_maps_nl_to_cr), TEST(test_del_and_backspace_erase_with_echo),
	   TEST(test_erase_without_echoe_echoes_the_erase_char),
	   TEST(test_erase_stops_at_line_start), TEST(test_erase_never_reaches_complete_line),
	   TEST(test_kill_erases_whole_line),
	   TEST(test_kill_without_echoke_echoes_char_and_newline), TEST(test_word_erase),
	   TEST(test_eof_at_line_start_reads_zero), TEST(test_eof_after_lines),
	   TEST(test_eof_mid_line_returns_line_without_newline),
	   TEST(test_zero_length_read_keeps_eof), TEST(test_echo_printable_and_control_chars),
	   TEST(test_echo_off), TEST(test_ctrl_c_sets_sigint_flushes_and_echoes),
	   TEST(test_quit_and_suspend_signals), TEST(test_noflsh_keeps_input),
	   TEST(test_isig_off_makes_ctrl_c_data), TEST(test_lnext_quotes_next_char),
	   TEST(test_ixon_stop_start_are_not_input),
	   TEST(test_raw_mode_bytes_readable_without_editing), TEST(test_raw_mode_vmin),
	   TEST(test_canon_to_raw_makes_partial_line_readable),
	   TEST(test_raw_to_canon_makes_buffered_bytes_a_line),
	   TEST(test_partial_reads_of_a_long_line),
	   TEST(test_canon_full_buffer_keeps_room_for_newline),
	   TEST(test_canon_full_of_lines_drops_until_read), TEST(test_raw_full_buffer_drops_extra),
	   TEST(test_ring_wraps_cleanly), TEST(test_onlcr_output_mapping),
	   TEST(test_tab_erase_backs_up_to_tab_start),
	   TEST(test_control_char_erase_rubs_two_columns))
