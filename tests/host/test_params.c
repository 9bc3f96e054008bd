// SPDX-License-Identifier: MIT
/*
 * Host tests for command-line parsing (kernel/params.c): splitting words
 * with next_arg, quotes and blanks, "--", the early and normal passes of
 * parse_args with their handlers, and kstrtoint/kstrtouint.
 */
#include <limits.h>
#include <stdlib.h>

#include "htest.h"
#include <armlet/compiler.h>
#include <armlet/params.h>

/* Every handler and unknown() call, in order, as "name(val) " text. */
static char calls[16384];
static int nr_unknown;
static char last_unknown[8192];

static void record(const char *prefix, const char *name, const char *val)
{
	size_t len = strlen(calls);

	if (len + strlen(prefix) + strlen(name) + (val ? strlen(val) : 4) + 4 >=
	    sizeof(calls))
		return;
	strcat(calls, prefix);
	strcat(calls, name);
	strcat(calls, "(");
	strcat(calls, val ? val : "NULL");
	strcat(calls, ") ");
}

static int setup_alpha(char *val)
{
	record("", "alpha", val);
	return 0;
}

static int setup_log_level(char *val)
{
	record("", "log_level", val);
	return 0;
}

static int setup_early(char *val)
{
	record("", "earlycon", val);
	return 0;
}

static int setup_early_debug(char *val)
{
	record("", "early-debug", val);
	return 0;
}

/* Accepts only a number, as a real handler would. */
static int setup_num(char *val)
{
	int n;

	record("", "num", val);
	return kstrtoint(val, &n) ? -EINVAL : 0;
}

static const struct kernel_param params[] = {
	{ .name = "alpha", .setup = setup_alpha },
	{ .name = "log_level", .setup = setup_log_level },
	{ .name = "earlycon", .setup = setup_early, .early = true },
	{ .name = "early-debug", .setup = setup_early_debug, .early = true },
	{ .name = "num", .setup = setup_num },
};

static void unknown(const char *name, const char *val)
{
	size_t len = strlen(name);

	nr_unknown++;
	if (len >= sizeof(last_unknown))
		len = sizeof(last_unknown) - 1;
	memcpy(last_unknown, name, len);
	last_unknown[len] = '\0';
	record("?", name, val);
}

/* parse_args on an exactly sized heap copy of cmdline, so ASan sees overruns. */
static int parse(const char *cmdline, bool early)
{
	size_t size = strlen(cmdline) + 1;
	char *copy = malloc(size);
	int ret;

	memcpy(copy, cmdline, size);
	calls[0] = '\0';
	nr_unknown = 0;
	last_unknown[0] = '\0';
	ret = parse_args(copy, params, ARRAY_SIZE(params), early, unknown);
	free(copy);
	return ret;
}

/* Split all of s with next_arg into "name=val|" or "name|" text in out. */
static void split(const char *s, char *out, size_t outsize)
{
	size_t size = strlen(s) + 1;
	char *copy = malloc(size), *args, *name, *val;

	memcpy(copy, s, size);
	out[0] = '\0';
	for (args = copy; *args;) {
		args = next_arg(args, &name, &val);
		CHECK(args >= copy && args < copy + size);
		strncat(out, name, outsize - strlen(out) - 1);
		if (val) {
			strncat(out, "=", outsize - strlen(out) - 1);
			strncat(out, val, outsize - strlen(out) - 1);
		}
		strncat(out, "|", outsize - strlen(out) - 1);
	}
	free(copy);
}

#define CHECK_SPLIT(s, expect)							\
	do {									\
		char _out[256];							\
		split(s, _out, sizeof(_out));					\
		CHECK_STR(_out, expect);					\
	} while (0)

static void test_next_arg_name_and_value(void)
{
	char s[] = "a=1 rest";
	char *name, *val, *next;

	next = next_arg(s, &name, &val);
	CHECK_STR(name, "a");
	CHECK_STR(val, "1");
	CHECK_STR(next, "rest");
}

static void test_next_arg_bare_word_has_null_value(void)
{
	char s[] = "quiet";
	char *name, *val, *next;

	next = next_arg(s, &name, &val);
	CHECK_STR(name, "quiet");
	CHECK(val == NULL);
	CHECK_STR(next, "");
}

static void test_next_arg_value_keeps_later_equals(void)
{
	CHECK_SPLIT("a=1 b c=x=y", "a=1|b|c=x=y|");
	CHECK_SPLIT("k==v", "k==v|");	/* name "k", value "=v" */
}

static void test_next_arg_empty_value_is_not_null(void)
{
	char s[] = "a=";
	char *name, *val;

	next_arg(s, &name, &val);
	CHECK_STR(name, "a");
	CHECK(val != NULL);
	CHECK_STR(val, "");
}

static void test_next_arg_quoted_value(void)
{
	char s[] = "name=\"a b\" next";
	char *name, *val, *next;

	next = next_arg(s, &name, &val);
	CHECK_STR(name, "name");
	CHECK_STR(val, "a b");
	CHECK_STR(next, "next");
}

static void test_next_arg_quoted_whole_word(void)
{
	char s[] = "\"name=a b\" next";
	char *name, *val, *next;

	next = next_arg(s, &name, &val);
	CHECK_STR(name, "name");
	CHECK_STR(val, "a b");
	CHECK_STR(next, "next");
}

static void test_next_arg_quotes_keep_tabs_and_runs_of_blanks(void)
{
	CHECK_SPLIT("x=\"a\t  b\" y", "x=a\t  b|y|");
	CHECK_SPLIT("x=\"\" y", "x=|y|");
	CHECK_SPLIT("x=a\"b c\"d y", "x=ab cd|y|");
}

static void test_next_arg_unterminated_quote_takes_the_rest(void)
{
	char s[] = "name=\"a b  c=d\te";
	char *name, *val, *next;

	next = next_arg(s, &name, &val);
	CHECK_STR(name, "name");
	CHECK_STR(val, "a b  c=d\te");
	CHECK_STR(next, "");
}

static void test_next_arg_skips_blanks_after_word(void)
{
	CHECK_SPLIT("a \t  b\n\rc  ", "a|b|c|");
	CHECK_SPLIT("a\tb", "a|b|");
}

static void test_parse_args_sees_every_word_in_order(void)
{
	CHECK_EQ(parse("a=1 b c=x=y", false), 0);
	CHECK_STR(calls, "?a(1) ?b(NULL) ?c(x=y) ");
	CHECK_EQ(nr_unknown, 3);
}

static void test_parse_args_quotes(void)
{
	CHECK_EQ(parse("alpha=\"a b\" \"num=1\" \"x=y z\" w", false), 0);
	CHECK_STR(calls, "alpha(a b) num(1) ?x(y z) ?w(NULL) ");
	CHECK_EQ(parse("alpha=\"unterminated  quote num=3", false), 0);
	CHECK_STR(calls, "alpha(unterminated  quote num=3) ");
}

static void test_parse_args_ignores_leading_trailing_and_repeated_blanks(void)
{
	CHECK_EQ(parse("  \t alpha=1 \t\t  b   \n c=2 \t ", false), 0);
	CHECK_STR(calls, "alpha(1) ?b(NULL) ?c(2) ");
	CHECK_EQ(nr_unknown, 2);
}

static void test_parse_args_empty_and_blank_lines(void)
{
	CHECK_EQ(parse("", false), 0);
	CHECK_STR(calls, "");
	CHECK_EQ(parse(" \t \n ", false), 0);
	CHECK_STR(calls, "");
	CHECK_EQ(parse("", true), 0);
	CHECK_STR(calls, "");
}

static void test_double_dash_stops_parsing(void)
{
	CHECK_EQ(parse("alpha=1 -- alpha=2 num=x init_arg", false), 0);
	CHECK_STR(calls, "alpha(1) ");
	CHECK_EQ(parse("-- alpha=1", false), 0);
	CHECK_STR(calls, "");
	CHECK_EQ(parse("earlycon=a -- earlycon=b", true), 0);
	CHECK_STR(calls, "earlycon(a) ");
}

/* Only a bare "--" ends the line; words that start with it are words. */
static void test_words_starting_with_dashes_are_not_the_end(void)
{
	CHECK_EQ(parse("--x --=1 - a", false), 0);
	CHECK_STR(calls, "?--x(NULL) ?--(1) ?-(NULL) ?a(NULL) ");
}

static void test_param_name_eq_treats_dash_as_underscore(void)
{
	CHECK(param_name_eq("log_level", "log_level"));
	CHECK(param_name_eq("log_level", "log-level"));
	CHECK(param_name_eq("log-level", "log_level"));
	CHECK(param_name_eq("a-b_c", "a_b-c"));
	CHECK(param_name_eq("", ""));
	CHECK(!param_name_eq("log_level", "log_levels"));
	CHECK(!param_name_eq("log_levels", "log_level"));
	CHECK(!param_name_eq("log_level", "log.level"));
	CHECK(!param_name_eq("alpha", "Alpha"));
	CHECK(!param_name_eq("a", ""));
}

static void test_parse_args_matches_names_with_dash_or_underscore(void)
{
	CHECK_EQ(parse("log-level=3 log_level=4 early_debug", false), 0);
	CHECK_STR(calls, "log_level(3) log_level(4) ");
	CHECK_EQ(parse("early_debug early-debug=1", true), 0);
	CHECK_STR(calls, "early-debug(NULL) early-debug(1) ");
}

static void test_early_pass_runs_only_early_params(void)
{
	CHECK_EQ(parse("alpha=1 earlycon=pl011 num=5 early-debug", true), 0);
	CHECK_STR(calls, "earlycon(pl011) early-debug(NULL) ");
}

static void test_early_pass_never_calls_unknown(void)
{
	CHECK_EQ(parse("foo bar=1 earlycon \"x y\"", true), 0);
	CHECK_EQ(nr_unknown, 0);
	CHECK_STR(calls, "earlycon(NULL) ");
}

/* Early parameters are done by then: not run again, and not "unknown". */
static void test_normal_pass_skips_early_params(void)
{
	CHECK_EQ(parse("earlycon=pl011 alpha=1 early_debug", false), 0);
	CHECK_STR(calls, "alpha(1) ");
	CHECK_EQ(nr_unknown, 0);
}

static void test_normal_pass_gives_unknown_words_to_callback(void)
{
	CHECK_EQ(parse("init=/bin/sh single alpha ro=", false), 0);
	CHECK_STR(calls, "?init(/bin/sh) ?single(NULL) alpha(NULL) ?ro() ");
	CHECK_EQ(nr_unknown, 3);
}

static void test_null_unknown_callback_is_allowed(void)
{
	char s[] = "foo alpha=2 bar=3";

	calls[0] = '\0';
	CHECK_EQ(parse_args(s, params, ARRAY_SIZE(params), false, NULL), 0);
	CHECK_STR(calls, "alpha(2) ");
}

static void test_empty_param_table(void)
{
	char s[] = "alpha=1 b";

	calls[0] = '\0';
	nr_unknown = 0;
	CHECK_EQ(parse_args(s, NULL, 0, false, unknown), 0);
	CHECK_STR(calls, "?alpha(1) ?b(NULL) ");
}

static void test_rejected_value_returns_einval_and_logs(void)
{
	CHECK_EQ(parse("num=abc", false), -EINVAL);
	CHECK(htest_log_has("bad value"));
	CHECK(htest_log_has("params: bad value for 'num': 'abc'"));
}

static void test_rejected_flag_logs_none(void)
{
	CHECK_EQ(parse("num", false), -EINVAL);
	CHECK(htest_log_has("bad value for 'num': '(none)'"));
}

/* One bad value does not stop the rest of the line. */
static void test_parsing_continues_after_rejected_value(void)
{
	CHECK_EQ(parse("num=x alpha=1 num=7 zz", false), -EINVAL);
	CHECK_STR(calls, "num(x) alpha(1) num(7) ?zz(NULL) ");
	CHECK_EQ(parse("num=7 alpha=1", false), 0);
	CHECK(!htest_log_has("bad value for 'num': '7'"));
}

/* A 4000-character line, far over COMMAND_LINE_SIZE, in many words. */
static void test_long_command_line_many_words(void)
{
	char *s = malloc(4001), last[16];
	size_t len = 0;
	int words = 0;

	while (len + 8 <= 4000) {
		len += (size_t)sprintf(s + len, "w%05d ", words);
		words++;
	}
	while (len < 4000)
		s[len++] = ' ';
	s[len] = '\0';
	CHECK_EQ(strlen(s), 4000);
	CHECK_EQ(parse(s, false), 0);
	CHECK_EQ(nr_unknown, words);
	sprintf(last, "w%05d", words - 1);
	CHECK_STR(last_unknown, last);
	free(s);
}

/* One 4000-character word, half of it a quoted value with blanks. */
static void test_long_command_line_one_word(void)
{
	char *s = malloc(4001);

	memset(s, 'v', 4000);
	memcpy(s, "x=\"", 3);
	for (int i = 100; i < 2000; i += 10)
		s[i] = ' ';
	s[4000] = '\0';
	CHECK_EQ(parse(s, false), 0);
	CHECK_EQ(nr_unknown, 1);
	CHECK_STR(last_unknown, "x");
	CHECK_EQ(strlen(calls), strlen("?x() ") + 4000 - 3);
	free(s);
}

static void test_kstrtoint_decimal(void)
{
	int v = -1;

	CHECK_EQ(kstrtoint("0", &v), 0);
	CHECK_EQ(v, 0);
	CHECK_EQ(kstrtoint("42", &v), 0);
	CHECK_EQ(v, 42);
	CHECK_EQ(kstrtoint("007", &v), 0);
	CHECK_EQ(v, 7);
	CHECK_EQ(kstrtoint("1234567890", &v), 0);
	CHECK_EQ(v, 1234567890);
}

static void test_kstrtoint_hex(void)
{
	int v = 0;

	CHECK_EQ(kstrtoint("0x10", &v), 0);
	CHECK_EQ(v, 16);
	CHECK_EQ(kstrtoint("0XfF", &v), 0);
	CHECK_EQ(v, 255);
	CHECK_EQ(kstrtoint("0x0", &v), 0);
	CHECK_EQ(v, 0);
	CHECK_EQ(kstrtoint("-0x10", &v), 0);
	CHECK_EQ(v, -16);
	CHECK_EQ(kstrtoint("0x7fffffff", &v), 0);
	CHECK_EQ(v, INT_MAX);
	CHECK_EQ(kstrtoint("-0x80000000", &v), 0);
	CHECK_EQ(v, INT_MIN);
}

static void test_kstrtoint_signs(void)
{
	int v = 0;

	CHECK_EQ(kstrtoint("-5", &v), 0);
	CHECK_EQ(v, -5);
	CHECK_EQ(kstrtoint("+5", &v), 0);
	CHECK_EQ(v, 5);
	CHECK_EQ(kstrtoint("-0", &v), 0);
	CHECK_EQ(v, 0);
	CHECK_EQ(kstrtoint("--5", &v), -EINVAL);
	CHECK_EQ(kstrtoint("+-5", &v), -EINVAL);
	CHECK_EQ(kstrtoint("-+5", &v), -EINVAL);
	CHECK_EQ(kstrtoint("-", &v), -EINVAL);
	CHECK_EQ(kstrtoint("+", &v), -EINVAL);
}

static void test_kstrtoint_int_min_and_int_max(void)
{
	int v = 0;

	CHECK_EQ(kstrtoint("2147483647", &v), 0);
	CHECK_EQ(v, INT_MAX);
	CHECK_EQ(kstrtoint("-2147483648", &v), 0);
	CHECK_EQ(v, INT_MIN);
	CHECK_EQ(kstrtoint("-2147483647", &v), 0);
	CHECK_EQ(v, -INT_MAX);
}

static void test_kstrtoint_overflow_is_erange(void)
{
	int v = 0;

	CHECK_EQ(kstrtoint("2147483648", &v), -ERANGE);
	CHECK_EQ(kstrtoint("-2147483649", &v), -ERANGE);
	CHECK_EQ(kstrtoint("0x80000000", &v), -ERANGE);
	CHECK_EQ(kstrtoint("-0x80000001", &v), -ERANGE);
	CHECK_EQ(kstrtoint("4294967296", &v), -ERANGE);
	CHECK_EQ(kstrtoint("99999999999999999999999999", &v), -ERANGE);
	CHECK_EQ(kstrtoint("0xffffffffffffffffffff", &v), -ERANGE);
}

static void test_kstrtoint_junk_is_einval(void)
{
	static const char *const junk[] = {
		"", " 1", "1 ", "12a", "a", "0x", "0xg", "1.5", "1e3", "0b1",
		"\n", "1\n", "x10", "--", "0x-1",
	};
	int v = 0;

	for (size_t i = 0; i < ARRAY_SIZE(junk); i++)
		CHECK_EQ(kstrtoint(junk[i], &v), -EINVAL);
	CHECK_EQ(kstrtoint(NULL, &v), -EINVAL);
}

static void test_kstrtouint_decimal_hex_and_max(void)
{
	unsigned int v = 0;

	CHECK_EQ(kstrtouint("0", &v), 0);
	CHECK_EQ(v, 0);
	CHECK_EQ(kstrtouint("123", &v), 0);
	CHECK_EQ(v, 123);
	CHECK_EQ(kstrtouint("0xdeadBEEF", &v), 0);
	CHECK_EQ(v, 0xdeadbeef);
	CHECK_EQ(kstrtouint("4294967295", &v), 0);
	CHECK_EQ(v, UINT_MAX);
	CHECK_EQ(kstrtouint("0xffffffff", &v), 0);
	CHECK_EQ(v, UINT_MAX);
	CHECK_EQ(kstrtouint("2147483648", &v), 0);
	CHECK_EQ(v, 2147483648u);
}

static void test_kstrtouint_overflow_is_erange(void)
{
	unsigned int v = 0;

	CHECK_EQ(kstrtouint("4294967296", &v), -ERANGE);
	CHECK_EQ(kstrtouint("0x100000000", &v), -ERANGE);
	CHECK_EQ(kstrtouint("18446744073709551616", &v), -ERANGE);
}

static void test_kstrtouint_rejects_signs_and_junk(void)
{
	unsigned int v = 0;

	CHECK_EQ(kstrtouint("-1", &v), -EINVAL);
	CHECK_EQ(kstrtouint("", &v), -EINVAL);
	CHECK_EQ(kstrtouint("12x", &v), -EINVAL);
	CHECK_EQ(kstrtouint("0x", &v), -EINVAL);
	CHECK_EQ(kstrtouint(" 7", &v), -EINVAL);
	CHECK_EQ(kstrtouint(NULL, &v), -EINVAL);
}

/* On error the result is left alone, as in Linux. */
static void test_kstrto_error_leaves_result_unchanged(void)
{
	int v = 1234;
	unsigned int u = 5678;

	CHECK(kstrtoint("junk", &v) < 0);
	CHECK(kstrtoint("3000000000", &v) < 0);
	CHECK(kstrtoint(NULL, &v) < 0);
	CHECK_EQ(v, 1234);
	CHECK(kstrtouint("-1", &u) < 0);
	CHECK(kstrtouint("5000000000", &u) < 0);
	CHECK_EQ(u, 5678);
}

HTEST_MAIN(TEST(test_next_arg_name_and_value),
	   TEST(test_next_arg_bare_word_has_null_value),
	   TEST(test_next_arg_value_keeps_later_equals),
	   TEST(test_next_arg_empty_value_is_not_null),
	   TEST(test_next_arg_quoted_value),
	   TEST(test_next_arg_quoted_whole_word),
	   TEST(test_next_arg_quotes_keep_tabs_and_runs_of_blanks),
	   TEST(test_next_arg_unterminated_quote_takes_the_rest),
	   TEST(test_next_arg_skips_blanks_after_word),
	   TEST(test_parse_args_sees_every_word_in_order),
	   TEST(test_parse_args_quotes),
	   TEST(test_parse_args_ignores_leading_trailing_and_repeated_blanks),
	   TEST(test_parse_args_empty_and_blank_lines),
	   TEST(test_double_dash_stops_parsing),
	   TEST(test_words_starting_with_dashes_are_not_the_end),
	   TEST(test_param_name_eq_treats_dash_as_underscore),
	   TEST(test_parse_args_matches_names_with_dash_or_underscore),
	   TEST(test_early_pass_runs_only_early_params),
	   TEST(test_early_pass_never_calls_unknown),
	   TEST(test_normal_pass_skips_early_params),
	   TEST(test_normal_pass_gives_unknown_words_to_callback),
	   TEST(test_null_unknown_callback_is_allowed),
	   TEST(test_empty_param_table),
	   TEST(test_rejected_value_returns_einval_and_logs),
	   TEST(test_rejected_flag_logs_none),
	   TEST(test_parsing_continues_after_rejected_value),
	   TEST(test_long_command_line_many_words),
	   TEST(test_long_command_line_one_word),
	   TEST(test_kstrtoint_decimal), TEST(test_kstrtoint_hex),
	   TEST(test_kstrtoint_signs),
	   TEST(test_kstrtoint_int_min_and_int_max),
	   TEST(test_kstrtoint_overflow_is_erange),
	   TEST(test_kstrtoint_junk_is_einval),
	   TEST(test_kstrtouint_decimal_hex_and_max),
	   TEST(test_kstrtouint_overflow_is_erange),
	   TEST(test_kstrtouint_rejects_signs_and_junk),
	   TEST(test_kstrto_error_leaves_result_unchanged))
