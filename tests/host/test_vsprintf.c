// SPDX-License-Identifier: MIT
/*
 * Host tests for the kernel's formatter (kernel/vsprintf.c): every
 * conversion, flag, width, precision and length modifier, C99 truncation
 * rules, and grids of formats checked against the C library's snprintf.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "htest.h"
#include <armlet/printk.h>

/*
 * "snprintf" is the kernel's here (host.mk renames it to kernel_snprintf);
 * __builtin_snprintf still calls the C library's, the reference for C99.
 */
#define libc_snprintf __builtin_snprintf

static char buf[256];

/*
 * The kernel's vsnprintf without the compiler's format checking, for
 * formats that -Wformat rejects (unknown conversions, flags C ignores).
 */
static int kfmt(char *b, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(b, size, fmt, args);
	va_end(args);
	return n;
}

/* Kernel output must equal the expected string, and so must the length. */
#define CHECK_FMT(expect, ...)							\
	do {									\
		int _n = snprintf(buf, sizeof(buf), __VA_ARGS__);		\
		CHECK_STR(buf, expect);						\
		CHECK_EQ(_n, strlen(expect));					\
	} while (0)

/* The same through kfmt, for formats that -Wformat warns about on purpose. */
#define CHECK_KFMT(expect, ...)							\
	do {									\
		int _n = kfmt(buf, sizeof(buf), __VA_ARGS__);			\
		CHECK_STR(buf, expect);						\
		CHECK_EQ(_n, strlen(expect));					\
	} while (0)

/* Kernel and C library must agree on the text and the returned length. */
#define CHECK_AS_LIBC(...)							\
	do {									\
		char _c[256];							\
		int _kn = snprintf(buf, sizeof(buf), __VA_ARGS__);		\
		int _cn = libc_snprintf(_c, sizeof(_c), __VA_ARGS__);		\
		CHECK_STR(buf, _c);						\
		CHECK_EQ(_kn, _cn);						\
	} while (0)

static void test_plain_text_is_copied(void)
{
	CHECK_KFMT("", "");
	CHECK_FMT("hello, world", "hello, world");
	CHECK_FMT("tab\there\n", "tab\there\n");
}

static void test_signed_decimal_d_and_i(void)
{
	CHECK_FMT("0", "%d", 0);
	CHECK_FMT("42", "%d", 42);
	CHECK_FMT("-42", "%i", -42);
	CHECK_FMT("2147483647", "%d", INT_MAX);
	CHECK_FMT("a1b-2c", "a%db%ic", 1, -2);
}

static void test_unsigned_decimal(void)
{
	CHECK_FMT("0", "%u", 0u);
	CHECK_FMT("4294967295", "%u", UINT_MAX);
	CHECK_FMT("4294967295", "%u", (unsigned int)-1);
}

static void test_hex_lower_and_upper(void)
{
	CHECK_FMT("0", "%x", 0u);
	CHECK_FMT("deadbeef", "%x", 0xdeadbeefu);
	CHECK_FMT("DEADBEEF", "%X", 0xdeadbeefu);
	CHECK_FMT("ffffffff", "%x", UINT_MAX);
}

static void test_octal(void)
{
	CHECK_FMT("0", "%o", 0u);
	CHECK_FMT("10", "%o", 8u);
	CHECK_FMT("755", "%o", 0755u);
	CHECK_FMT("37777777777", "%o", UINT_MAX);
}

static void test_char(void)
{
	CHECK_FMT("x", "%c", 'x');
	CHECK_FMT("[a][b]", "[%c][%c]", 'a', 'b');
	CHECK_FMT("\xff", "%c", 0xff);
	CHECK_FMT("    z", "%5c", 'z');
	CHECK_FMT("z    |", "%-5c|", 'z');
}

/* A NUL from %c is one character of output: it is stored and counted. */
static void test_char_nul_is_one_character(void)
{
	memset(buf, 'X', sizeof(buf));
	CHECK_EQ(snprintf(buf, sizeof(buf), "a%cb", 0), 3);
	CHECK_EQ(buf[0], 'a');
	CHECK_EQ(buf[1], '\0');
	CHECK_EQ(buf[2], 'b');
	CHECK_EQ(buf[3], '\0');
	CHECK_EQ(snprintf(buf, sizeof(buf), "%3c|", 0), 4);
	CHECK(!memcmp(buf, "  \0|", 5));
	CHECK_EQ(snprintf(buf, sizeof(buf), "%-3c|", 0), 4);
	CHECK(!memcmp(buf, "\0  |", 5));
}

static void test_string(void)
{
	CHECK_FMT("abc", "%s", "abc");
	CHECK_FMT("", "%s", "");
	CHECK_FMT("<x><yz>", "<%s><%s>", "x", "yz");
	CHECK_FMT("   ab", "%5s", "ab");
	CHECK_FMT("ab   |", "%-5s|", "ab");
	CHECK_FMT("abcdef", "%3s", "abcdef");	/* width never cuts */
}

/* Through kfmt: the compiler rightly warns about a NULL %s argument. */
static void test_null_string_prints_null_marker(void)
{
	CHECK_EQ(kfmt(buf, sizeof(buf), "%s", NULL), 6);
	CHECK_STR(buf, "(null)");
	CHECK_EQ(kfmt(buf, sizeof(buf), "%8s", NULL), 8);
	CHECK_STR(buf, "  (null)");
	CHECK_EQ(kfmt(buf, sizeof(buf), "%-8s|", NULL), 9);
	CHECK_STR(buf, "(null)  |");
}

static void test_percent_literal(void)
{
	CHECK_FMT("%", "%%");
	CHECK_FMT("100%", "%d%%", 100);
	CHECK_FMT("%d", "%%d");
	CHECK_FMT("a%%b", "a%%%%b");
}

static void test_width_pads_on_the_left(void)
{
	CHECK_FMT("   42", "%5d", 42);
	CHECK_FMT("  -42", "%5d", -42);
	CHECK_FMT("   ff", "%5x", 0xffu);
	CHECK_FMT("123456", "%3d", 123456);	/* never cut */
	CHECK_FMT("7", "%1d", 7);
	CHECK_FMT("7", "%0d", 7);
}

static void test_minus_flag_pads_on_the_right(void)
{
	CHECK_FMT("42   |", "%-5d|", 42);
	CHECK_FMT("-42  |", "%-5d|", -42);
	CHECK_FMT("ff   |", "%-5x|", 0xffu);
	CHECK_FMT("0x1f |", "%-#5x|", 0x1fu);
}

static void test_zero_flag_pads_between_sign_and_digits(void)
{
	CHECK_FMT("00042", "%05d", 42);
	CHECK_FMT("-0042", "%05d", -42);
	CHECK_FMT("+0042", "%+05d", 42);
	CHECK_FMT(" 0042", "% 05d", 42);
	CHECK_FMT("0x002a", "%#06x", 0x2au);
	CHECK_FMT("0X002A", "%#06X", 0x2au);
	CHECK_FMT("000000ff", "%08x", 0xffu);
}

static void test_minus_flag_overrides_zero_flag(void)
{
	CHECK_KFMT("42   |", "%-05d|", 42);
	CHECK_KFMT("-42  |", "%0-5d|", -42);
}

static void test_plus_and_space_flags_on_signed(void)
{
	CHECK_FMT("+5", "%+d", 5);
	CHECK_FMT("-5", "%+d", -5);
	CHECK_FMT("+0", "%+d", 0);
	CHECK_FMT(" 5", "% d", 5);
	CHECK_FMT("-5", "% d", -5);
	CHECK_FMT(" 0", "% d", 0);
	CHECK_KFMT("+5", "%+ d", 5);	/* '+' wins over ' ' */
	CHECK_KFMT("+5", "% +d", 5);
	CHECK_FMT("   +5", "%+5d", 5);
	CHECK_FMT("+5   |", "%-+5d|", 5);
}

/* C99: '+' and ' ' apply to signed conversions only (glibc and Linux agree). */
static void test_plus_and_space_flags_ignored_for_unsigned(void)
{
	CHECK_EQ(kfmt(buf, sizeof(buf), "%+u", 5u), 1);
	CHECK_STR(buf, "5");
	CHECK_EQ(kfmt(buf, sizeof(buf), "% u", 5u), 1);
	CHECK_STR(buf, "5");
	CHECK_EQ(kfmt(buf, sizeof(buf), "%+x", 0xabu), 2);
	CHECK_STR(buf, "ab");
	CHECK_EQ(kfmt(buf, sizeof(buf), "% X", 0xabu), 2);
	CHECK_STR(buf, "AB");
	CHECK_EQ(kfmt(buf, sizeof(buf), "%+o", 8u), 2);
	CHECK_STR(buf, "10");
}

/* '#' gives 0x / 0X, but not for a zero value (C99 7.19.6.1). */
static void test_alt_flag_hex_prefix_except_for_zero(void)
{
	CHECK_FMT("0xff", "%#x", 0xffu);
	CHECK_FMT("0XFF", "%#X", 0xffu);
	CHECK_FMT("0", "%#x", 0u);
	CHECK_FMT("", "%#.0x", 0u);
	CHECK_FMT("    0", "%#5x", 0u);
	CHECK_FMT(" 0x0ff", "%#6.3x", 0xffu);
}

/*
 * C99: for o, '#' raises the precision just enough to make the first digit
 * a zero; it never adds a second one. A zero value prints one "0".
 */
static void test_alt_flag_octal_gives_exactly_one_leading_zero(void)
{
	CHECK_FMT("010", "%#o", 8u);
	CHECK_FMT("0755", "%#o", 0755u);
	CHECK_FMT("0", "%#o", 0u);
	CHECK_FMT("0", "%#.0o", 0u);
	CHECK_FMT("010", "%#.3o", 8u);
	CHECK_FMT("00010", "%#.5o", 8u);
	CHECK_FMT("    0", "%#5o", 0u);
}

static void test_precision_sets_minimum_digits(void)
{
	CHECK_FMT("00042", "%.5d", 42);
	CHECK_FMT("-00042", "%.5d", -42);
	CHECK_FMT("+00042", "%+.5d", 42);
	CHECK_FMT("  00042", "%7.5d", 42);
	CHECK_FMT("00042  |", "%-7.5d|", 42);
	CHECK_FMT("000ff", "%.5x", 0xffu);
	CHECK_FMT("123456", "%.3d", 123456);
	CHECK_FMT("42", "%.d", 42);	/* "." alone is precision 0 */
}

/* With a precision the '0' flag is ignored: the padding is spaces. */
static void test_precision_disables_zero_flag(void)
{
	CHECK_KFMT("  042", "%05.3d", 42);
	CHECK_KFMT(" -042", "%05.3d", -42);
	CHECK_KFMT("   ff", "%05.2x", 0xffu);
	CHECK_KFMT("     ", "%05.0d", 0);
}

static void test_zero_with_precision_zero_prints_no_digits(void)
{
	CHECK_FMT("", "%.0d", 0);
	CHECK_FMT("", "%.0u", 0u);
	CHECK_FMT("", "%.0x", 0u);
	CHECK_FMT("", "%.0o", 0u);
	CHECK_FMT("", "%.d", 0);
	CHECK_FMT("   ", "%3.0d", 0);
	CHECK_FMT("+", "%+.0d", 0);
	CHECK_FMT(" ", "% .0d", 0);
	CHECK_FMT("0", "%.1d", 0);
	CHECK_FMT("[]", "[%.0i]", 0);
}

/* Precision caps %s, which must not read beyond it: no NUL needed. */
static void test_string_precision_limits_characters_read(void)
{
	char *abc = malloc(3);	/* exactly "abc", no terminating NUL */

	memcpy(abc, "abc", 3);
	CHECK_FMT("ab", "%.2s", abc);
	CHECK_FMT("abc", "%.3s", abc);
	CHECK_FMT("", "%.0s", abc);
	CHECK_FMT("   ab", "%5.2s", abc);
	CHECK_FMT("ab   |", "%-5.2s|", abc);
	CHECK_FMT("abc", "%.10s", "abc");
	free(abc);
}

static void test_star_width_and_precision(void)
{
	CHECK_FMT("   42", "%*d", 5, 42);
	CHECK_FMT("00042", "%0*d", 5, 42);
	CHECK_FMT("42   |", "%-*d|", 5, 42);
	CHECK_FMT("42   |", "%*d|", -5, 42);	/* negative width: '-' */
	CHECK_FMT("00042", "%.*d", 5, 42);
	CHECK_FMT("", "%.*d", 0, 0);
	CHECK_FMT("42", "%.*d", -3, 42);	/* negative precision: none */
	CHECK_KFMT("00042", "%0*.*d", 5, -1, 42);
	CHECK_FMT("   ab", "%*.*s", 5, 2, "abcdef");
	CHECK_FMT("abcdef", "%.*s", -1, "abcdef");
	CHECK_FMT("  7|x", "%*d|%c", 3, 7, 'x');	/* later args line up */
}

/*
 * Widths and precisions that int cannot hold must not overflow: INT_MIN
 * as a '*' width (it means '-' and a width of 2^31), and literal digits
 * past INT_MAX. Run in a child process: UBSan aborts on signed overflow,
 * and that must not stop the other tests.
 */
static void test_extreme_widths_are_not_undefined(void)
{
	pid_t pid;
	int status = -1;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		kfmt(buf, sizeof(buf), "%*d|", INT_MIN, 1);
		kfmt(buf, sizeof(buf), "%.*d|", INT_MIN, 1);
		kfmt(buf, sizeof(buf), "%99999999999d|", 1);
		kfmt(buf, sizeof(buf), "%.99999999999d|", 1);
		_exit(buf[sizeof(buf) - 1] == '\0' ? 0 : 1);
	}
	CHECK(pid > 0);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/*
 * Whatever limit applies to large widths and precisions, it applies alike
 * to a width written in the format and to one passed with '*'.
 */
static void test_large_literal_and_star_widths_agree(void)
{
	CHECK_EQ(kfmt(NULL, 0, "%5000d", 1), kfmt(NULL, 0, "%*d", 5000, 1));
	CHECK_EQ(kfmt(NULL, 0, "%-5000d", 1), kfmt(NULL, 0, "%*d", -5000, 1));
	CHECK_EQ(kfmt(NULL, 0, "%.5000d", 1), kfmt(NULL, 0, "%.*d", 5000, 1));
	CHECK_EQ(kfmt(NULL, 0, "%.5000s", "ab"), 2);
	CHECK_EQ(kfmt(NULL, 0, "%99999999999d", 1),
		 kfmt(NULL, 0, "%*d", INT_MAX, 1));
}

static void test_length_hh_and_h_truncate(void)
{
	CHECK_FMT("-56", "%hhd", 200);
	CHECK_FMT("200", "%hhu", 200);
	CHECK_FMT("ff", "%hhx", -1);
	CHECK_FMT("34", "%hhx", 0x1234);
	CHECK_FMT("-128", "%hhi", 128);
	CHECK_FMT("-1", "%hd", 65535);
	CHECK_FMT("65535", "%hu", -1);
	CHECK_FMT("5678", "%hx", 0x12345678);
	CHECK_FMT("177777", "%ho", 0xffff);
	CHECK_FMT("-32768", "%hd", 32768);
}

static void test_length_l_ll_and_z(void)
{
	CHECK_FMT("-1", "%ld", -1L);
	CHECK_FMT("9223372036854775807", "%ld", LONG_MAX);
	CHECK_FMT("18446744073709551615", "%lu", ULONG_MAX);
	CHECK_FMT("123456789abcdef0", "%llx", 0x123456789abcdef0ULL);
	CHECK_FMT("123456789ABCDEF0", "%llX", 0x123456789abcdef0ULL);
	CHECK_FMT("9223372036854775807", "%lld", LLONG_MAX);
	CHECK_FMT("18446744073709551615", "%llu", ULLONG_MAX);
	CHECK_FMT("1777777777777777777777", "%llo", ULLONG_MAX);
	CHECK_FMT("01777777777777777777777", "%#llo", ULLONG_MAX);
	CHECK_FMT("0xffffffffffffffff", "%#llx", ULLONG_MAX);
	CHECK_FMT("18446744073709551615", "%zu", (size_t)-1);
	CHECK_FMT("-5", "%zd", (ssize_t)-5);
	CHECK_FMT("ffffffffffffffff", "%zx", (size_t)-1);
	CHECK_FMT("4096 7", "%zu %d", (size_t)4096, 7);	/* arg after z */
}

static void test_int_min_and_llong_min(void)
{
	CHECK_FMT("-2147483648", "%d", INT_MIN);
	CHECK_FMT("-2147483648", "%i", INT_MIN);
	CHECK_FMT("-002147483648", "%013d", INT_MIN);
	CHECK_FMT("-9223372036854775808", "%lld", LLONG_MIN);
	CHECK_FMT("-9223372036854775808", "%ld", LONG_MIN);
	CHECK_FMT("-128", "%hhd", SCHAR_MIN);
	CHECK_FMT("-32768", "%hd", SHRT_MIN);
}

static void test_pointer_is_0x_and_full_width_hex(void)
{
	void *p = (void *)(uintptr_t)0x1234abcdu;
	const int digits = 2 * (int)sizeof(void *);

	CHECK_EQ(snprintf(buf, sizeof(buf), "%p", p), 2 + digits);
	CHECK_STR(buf, "0x000000001234abcd");
	CHECK_FMT("0xffffffffffffffff", "%p", (void *)UINTPTR_MAX);
	CHECK_FMT("0x0000000000000001", "%p", (void *)1);
}

static void test_null_pointer_is_0x_and_zeros(void)
{
	CHECK_FMT("0x0000000000000000", "%p", NULL);
}

static void test_pointer_with_width(void)
{
	void *p = (void *)(uintptr_t)0xabcu;

	CHECK_FMT("  0x0000000000000abc", "%20p", p);
	CHECK_FMT("0x0000000000000abc  |", "%-20p|", p);
	CHECK_FMT("0x0000000000000abc", "%5p", p);
}

/* C99: the return value is the length the whole output would have had. */
static void test_truncation_returns_full_length(void)
{
	char small[8];

	CHECK_EQ(snprintf(small, sizeof(small), "%s", "hello, world"), 12);
	CHECK_STR(small, "hello, ");
	CHECK_EQ(snprintf(small, sizeof(small), "%d-%d", 123456, 789), 10);
	CHECK_STR(small, "123456-");
	CHECK_EQ(snprintf(small, sizeof(small), "%20d", 1), 20);
	CHECK_STR(small, "       ");
	CHECK_EQ(snprintf(small, sizeof(small), "%-20d", 1), 20);
	CHECK_STR(small, "1      ");
	CHECK_EQ(snprintf(small, sizeof(small), "1234567"), 7);	/* exact fit */
	CHECK_STR(small, "1234567");
	CHECK_EQ(snprintf(small, sizeof(small), "12345678"), 8);
	CHECK_STR(small, "1234567");
}

/*
 * For every buffer size the output is the prefix that fits, NUL-terminated,
 * and nothing past the buffer is touched (each buffer is malloc'd exactly).
 */
static void test_truncation_always_nul_terminates(void)
{
	static const char full[] = "x=-00042 y=0xbeef s=[  abc] c=Z %";

	for (size_t size = 1; size <= sizeof(full) + 2; size++) {
		char *b = malloc(size);
		size_t expect = size - 1 < strlen(full) ? size - 1 : strlen(full);
		int n;

		memset(b, 'X', size);
		n = snprintf(b, size, "x=%06d y=%#x s=[%5s] c=%c %%", -42,
			     0xbeefu, "abc", 'Z');
		CHECK_EQ(n, strlen(full));
		CHECK_EQ(strlen(b), expect);
		CHECK(!strncmp(b, full, expect));
		free(b);
	}
}

static void test_size_zero_writes_nothing(void)
{
	char guard[4] = "abc";

	CHECK_EQ(snprintf(NULL, 0, "%d %s", 12345, "six"), 9);
	CHECK_EQ(snprintf(guard, 0, "%s", "xyz"), 3);
	CHECK_STR(guard, "abc");
	CHECK_EQ(kfmt(NULL, 0, ""), 0);
}

static void test_size_one_gives_empty_string(void)
{
	char one[1] = { 'X' };

	CHECK_EQ(snprintf(one, 1, "%s", "abc"), 3);
	CHECK_EQ(one[0], '\0');
}

/* scnprintf returns what it stored, not what it would have. */
static void test_scnprintf_returns_bytes_written(void)
{
	char small[8];

	CHECK_EQ(scnprintf(small, sizeof(small), "%s", "hello, world"), 7);
	CHECK_STR(small, "hello, ");
	CHECK_EQ(scnprintf(small, sizeof(small), "%d", 42), 2);
	CHECK_STR(small, "42");
	CHECK_EQ(scnprintf(small, sizeof(small), "1234567"), 7);
	CHECK_EQ(scnprintf(small, sizeof(small), "12345678"), 7);
	CHECK_EQ(scnprintf(small, 1, "abc"), 0);
	CHECK_STR(small, "");
}

static void test_scnprintf_size_zero_returns_zero(void)
{
	char guard[4] = "abc";

	CHECK_EQ(scnprintf(guard, 0, "%s", "xyz"), 0);
	CHECK_STR(guard, "abc");
	CHECK_EQ(scnprintf(NULL, 0, "%d", 1), 0);
}

/* scnprintf results can be summed to append safely, as printk does. */
static void test_scnprintf_appends_never_overflow(void)
{
	char *b = malloc(10);
	int len = 0;

	for (int i = 0; i < 20; i++)
		len += scnprintf(b + len, 10 - len, "%d,", i);
	CHECK_EQ(len, 9);
	CHECK_STR(b, "0,1,2,3,4");
	free(b);
}

static void test_lone_percent_at_end_prints_nothing(void)
{
	CHECK_EQ(kfmt(buf, sizeof(buf), "abc%"), 3);
	CHECK_STR(buf, "abc");
	CHECK_EQ(kfmt(buf, sizeof(buf), "%"), 0);
	CHECK_STR(buf, "");
	CHECK_EQ(kfmt(buf, sizeof(buf), "x%-08.3"), 1);
	CHECK_STR(buf, "x");
	CHECK_EQ(kfmt(buf, sizeof(buf), "x%ll"), 1);
	CHECK_STR(buf, "x");
}

static void test_unknown_conversion_printed_literally(void)
{
	CHECK_EQ(kfmt(buf, sizeof(buf), "%q"), 2);
	CHECK_STR(buf, "%q");
	CHECK_EQ(kfmt(buf, sizeof(buf), "a%qb%d", 5), 5);
	CHECK_STR(buf, "a%qb5");	/* consumes no argument */
	CHECK_EQ(kfmt(buf, sizeof(buf), "%y%d", 7), 3);
	CHECK_STR(buf, "%y7");
}

/*
 * Grids: every combination of some flags, a width and a precision ('*'
 * included), each formatted by the kernel and by the C library. The first
 * few mismatches are printed as diagnostics.
 */
static const char *const widths[] = { "", "1", "6", "14", "*" };
static const char *const precisions[] = { "", ".", ".0", ".1", ".4", ".12", ".*" };

static int grid_mismatches;

static void grid_check(const char *fmt, const char *k, int kn, const char *c,
		       int cn, long long v)
{
	if (!strcmp(k, c) && kn == cn)
		return;
	if (grid_mismatches++ < 8)
		printf("    # \"%s\" with %lld: kernel \"%s\" (%d), libc \"%s\" (%d)\n",
		       fmt, v, k, kn, c, cn);
}

/* Build "%" flags width precision length conv; flag bit i is flags[i]. */
static void make_fmt(char *fmt, unsigned int flagbits, const char *flags,
		     const char *width, const char *prec, const char *length,
		     char conv)
{
	char *p = fmt;

	*p++ = '%';
	for (int i = 0; flags[i]; i++)
		if (flagbits & (1u << i))
			*p++ = flags[i];
	strcpy(p, width);
	strcat(p, prec);
	strcat(p, length);
	p += strlen(p);
	*p++ = conv;
	*p = '\0';
}

/* Format v with both; a '*' width takes 9 and a '*' precision takes 3. */
static void grid_one(const char *fmt, bool star_width, bool star_prec, int v)
{
	char c[64];
	int kn, cn;

	if (star_width && star_prec) {
		kn = snprintf(buf, sizeof(buf), fmt, 9, 3, v);
		cn = libc_snprintf(c, sizeof(c), fmt, 9, 3, v);
	} else if (star_width || star_prec) {
		int star = star_width ? 9 : 3;

		kn = snprintf(buf, sizeof(buf), fmt, star, v);
		cn = libc_snprintf(c, sizeof(c), fmt, star, v);
	} else {
		kn = snprintf(buf, sizeof(buf), fmt, v);
		cn = libc_snprintf(c, sizeof(c), fmt, v);
	}
	grid_check(fmt, buf, kn, c, cn, v);
}

/* Every subset of flags x widths x precisions x convs x vals. */
static void grid_int(const char *flags, const char *convs, const int *vals,
		     int nvals)
{
	char fmt[32];

	for (unsigned int fb = 0; fb < 1u << strlen(flags); fb++)
		for (size_t w = 0; w < ARRAY_SIZE(widths); w++)
			for (size_t pr = 0; pr < ARRAY_SIZE(precisions); pr++)
				for (const char *cv = convs; *cv; cv++) {
					make_fmt(fmt, fb, flags, widths[w],
						 precisions[pr], "", *cv);
					for (int i = 0; i < nvals; i++)
						grid_one(fmt, widths[w][0] == '*',
							 strchr(precisions[pr], '*'),
							 vals[i]);
				}
}

static const int grid_vals[] = {
	0, 1, -1, 7, 8, 42, -42, 255, 4096, 123456789, INT_MAX, INT_MIN,
};

/* %d and %i with every subset of "-0+ ", from INT_MIN to INT_MAX. */
static void test_signed_grid_matches_libc(void)
{
	grid_mismatches = 0;
	grid_int("-0+ ", "di", grid_vals, ARRAY_SIZE(grid_vals));
	CHECK_EQ(grid_mismatches, 0);
}

/* %u with every subset of "-0", and %x %X %o with "-0#". */
static void test_unsigned_grid_matches_libc(void)
{
	const int n = ARRAY_SIZE(grid_vals);

	grid_mismatches = 0;
	grid_int("-0", "u", grid_vals, n);
	grid_int("-0#", "xXo", grid_vals, n);
	CHECK_EQ(grid_mismatches, 0);
}

/* %s and %c with '-', widths and precisions. */
static void test_string_and_char_grid_matches_libc(void)
{
	static const char *const strs[] = { "", "a", "hello", "0123456789abcdef" };
	char fmt[32], c[64];
	int kn, cn;

	grid_mismatches = 0;
	for (unsigned int fb = 0; fb < 2; fb++)
		for (size_t w = 0; w < 4; w++) {
			for (size_t pr = 0; pr < 6; pr++)
				for (size_t i = 0; i < ARRAY_SIZE(strs); i++) {
					make_fmt(fmt, fb, "-", widths[w],
						 precisions[pr], "", 's');
					kn = snprintf(buf, sizeof(buf), fmt, strs[i]);
					cn = libc_snprintf(c, sizeof(c), fmt, strs[i]);
					grid_check(fmt, buf, kn, c, cn, (long long)i);
				}
			make_fmt(fmt, fb, "-", widths[w], "", "", 'c');
			kn = snprintf(buf, sizeof(buf), fmt, 'q');
			cn = libc_snprintf(c, sizeof(c), fmt, 'q');
			grid_check(fmt, buf, kn, c, cn, 'q');
		}
	CHECK_EQ(grid_mismatches, 0);
}

/* Length modifiers hh h (none) l ll z on d u x o, against the C library. */
static void test_length_modifier_grid_matches_libc(void)
{
	static const long long vals[] = {
		0, 1, -1, 127, 128, 255, 256, -129, 32767, 32768, 65535, 65536,
		INT_MAX, (long long)INT_MAX + 1, UINT_MAX, (long long)UINT_MAX + 1,
		LLONG_MAX, LLONG_MIN, 0x123456789abcdefLL,
	};
	static const char *const lengths[] = { "hh", "h", "", "l", "ll", "z" };
	char fmt[32], c[64];

	grid_mismatches = 0;
	for (size_t l = 0; l < ARRAY_SIZE(lengths); l++)
		for (const char *cv = "diuxXo"; *cv; cv++)
			for (size_t i = 0; i < ARRAY_SIZE(vals); i++) {
				long long v = vals[i];
				int kn, cn;

				make_fmt(fmt, 0, "", "", "", lengths[l], *cv);
				if (lengths[l][0] == 'l' || lengths[l][0] == 'z') {
					kn = snprintf(buf, sizeof(buf), fmt, v);
					cn = libc_snprintf(c, sizeof(c), fmt, v);
				} else {
					kn = snprintf(buf, sizeof(buf), fmt, (int)v);
					cn = libc_snprintf(c, sizeof(c), fmt, (int)v);
				}
				grid_check(fmt, buf, kn, c, cn, v);
			}
	CHECK_EQ(grid_mismatches, 0);
}

/* The grids compare the kernel with the C library, not with itself. */
static void test_grid_reference_is_the_c_library(void)
{
	char c[32];

	libc_snprintf(c, sizeof(c), "%p", (void *)0x10);
	CHECK_STR(c, "0x10");
	snprintf(buf, sizeof(buf), "%p", (void *)0x10);
	CHECK(strcmp(buf, c));
}

/* A few mixed formats as printk callers write them. */
static void test_mixed_formats_match_libc(void)
{
	CHECK_AS_LIBC("[%5d.%06d] %s: %-10s|%#010x|%c", 12, 345, "cpu0", "ok",
		      0x1234u, '!');
	CHECK_AS_LIBC("%-+8d|% 8d|%8.3d|%.0d|", 17, 17, -17, 0);
	CHECK_AS_LIBC("%hhu %hu %lu %llu %zu", 300, 70000, 1UL << 40,
		      ULLONG_MAX, sizeof(int));
	CHECK_AS_LIBC("%*.*s|%-*d|", 8, 3, "abcdef", 6, -5);
	CHECK_AS_LIBC("%%%d%%%s%%", 1, "x");
}

HTEST_MAIN(TEST(test_plain_text_is_copied), TEST(test_signed_decimal_d_and_i),
	   TEST(test_unsigned_decimal), TEST(test_hex_lower_and_upper),
	   TEST(test_octal), TEST(test_char),
	   TEST(test_char_nul_is_one_character), TEST(test_string),
	   TEST(test_null_string_prints_null_marker),
	   TEST(test_percent_literal), TEST(test_width_pads_on_the_left),
	   TEST(test_minus_flag_pads_on_the_right),
	   TEST(test_zero_flag_pads_between_sign_and_digits),
	   TEST(test_minus_flag_overrides_zero_flag),
	   TEST(test_plus_and_space_flags_on_signed),
	   TEST(test_plus_and_space_flags_ignored_for_unsigned),
	   TEST(test_alt_flag_hex_prefix_except_for_zero),
	   TEST(test_alt_flag_octal_gives_exactly_one_leading_zero),
	   TEST(test_precision_sets_minimum_digits),
	   TEST(test_precision_disables_zero_flag),
	   TEST(test_zero_with_precision_zero_prints_no_digits),
	   TEST(test_string_precision_limits_characters_read),
	   TEST(test_star_width_and_precision),
	   TEST(test_extreme_widths_are_not_undefined),
	   TEST(test_large_literal_and_star_widths_agree),
	   TEST(test_length_hh_and_h_truncate), TEST(test_length_l_ll_and_z),
	   TEST(test_int_min_and_llong_min),
	   TEST(test_pointer_is_0x_and_full_width_hex),
	   TEST(test_null_pointer_is_0x_and_zeros),
	   TEST(test_pointer_with_width),
	   TEST(test_truncation_returns_full_length),
	   TEST(test_truncation_always_nul_terminates),
	   TEST(test_size_zero_writes_nothing),
	   TEST(test_size_one_gives_empty_string),
	   TEST(test_scnprintf_returns_bytes_written),
	   TEST(test_scnprintf_size_zero_returns_zero),
	   TEST(test_scnprintf_appends_never_overflow),
	   TEST(test_lone_percent_at_end_prints_nothing),
	   TEST(test_unknown_conversion_printed_literally),
	   TEST(test_grid_reference_is_the_c_library),
	   TEST(test_signed_grid_matches_libc),
	   TEST(test_unsigned_grid_matches_libc),
	   TEST(test_string_and_char_grid_matches_libc),
	   TEST(test_length_modifier_grid_matches_libc),
	   TEST(test_mixed_formats_match_libc))
