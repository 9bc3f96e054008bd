// SPDX-License-Identifier: MIT
/*
 * In-kernel tests of printk: level filtering on a real console, the default
 * level, KERN_CONT, the log ring on the target, and the formatter with
 * the ARM EABI's 64-bit argument passing. Run with "ktest=printk".
 */
#include <armlet/console.h>
#include <armlet/ktest.h>
#include <armlet/log_ring.h>
#include <armlet/printk.h>

/* A console that remembers the last bytes it was given. */
static char captured[2048];
static size_t captured_len;

static void capture_write(struct console *con, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (captured_len + 1 == sizeof(captured)) {	/* drop the oldest half */
			memmove(captured, captured + sizeof(captured) / 2, sizeof(captured) / 2);
			captured_len -= sizeof(captured) / 2;
		}
		captured[captured_len++] = s[i];
	}
	captured[captured_len] = '\0';
}

static struct console capture_console = {
	.name = "ktest-capture",
	.write = capture_write,
};

/* Register the capture console, forget the replayed log, set a level. */
static int capture_start(int loglevel)
{
	int saved = console_loglevel;

	console_loglevel = loglevel;
	register_console(&capture_console);
	captured_len = 0;
	captured[0] = '\0';
	return saved;
}

static void capture_stop(int saved)
{
	unregister_console(&capture_console);
	console_loglevel = saved;
}

static bool captured_has(const char *s)
{
	size_t n = strlen(s);

	for (size_t i = 0; i + n <= captured_len; i++)
		if (!strncmp(captured + i, s, n))
			return true;
	return false;
}

static void level_filter(struct ktest *t)
{
	int saved = capture_start(5);

	printk(KERN_ERR "ktest-err\n");
	printk(KERN_WARNING "ktest-warning\n");
	printk(KERN_NOTICE "ktest-notice\n");
	printk(KERN_INFO "ktest-info\n");
	printk(KERN_DEBUG "ktest-debug\n");
	capture_stop(saved);
	KTEST_EXPECT_TRUE(t, captured_has("ktest-err"));
	KTEST_EXPECT_TRUE(t, captured_has("ktest-warning"));
	KTEST_EXPECT_TRUE(t, !captured_has("ktest-notice"));
	KTEST_EXPECT_TRUE(t, !captured_has("ktest-info"));
	KTEST_EXPECT_TRUE(t, !captured_has("ktest-debug"));
}

/* A message without a level is KERN_WARNING, as in Linux. */
static void default_level_is_warning(struct ktest *t)
{
	int saved = capture_start(LOGLEVEL_WARNING + 1);

	printk("ktest-nolevel\n");
	capture_stop(saved);
	KTEST_EXPECT_TRUE(t, captured_has("ktest-nolevel"));

	saved = capture_start(LOGLEVEL_WARNING);
	printk("ktest-nolevel2\n");
	capture_stop(saved);
	KTEST_EXPECT_TRUE(t, !captured_has("ktest-nolevel2"));
}

/* KERN_CONT continues at the level of the line it continues. */
static void cont_takes_previous_level(struct ktest *t)
{
	int saved = capture_start(LOGLEVEL_WARNING);

	printk(KERN_INFO "ktest-hidden");
	pr_cont(" ktest-hidden-too\n");
	printk(KERN_ERR "ktest-shown");
	pr_cont(" ktest-shown-too\n");
	capture_stop(saved);
	KTEST_EXPECT_TRUE(t, !captured_has("ktest-hidden"));
	KTEST_EXPECT_TRUE(t, captured_has("ktest-shown ktest-shown-too"));
}

/* A registered console first sees the log it missed, filtered by level. */
static void register_replays_log(struct ktest *t)
{
	int saved = console_loglevel;

	printk(KERN_ERR "ktest-before-register\n");
	console_loglevel = 7;
	captured_len = 0;
	register_console(&capture_console);
	capture_stop(saved);
	KTEST_EXPECT_TRUE(t, captured_has("ktest-before-register"));
}

static void ring_wraps_on_target(struct ktest *t)
{
	static u8 buf[256] __aligned(4);
	const struct log_record *rec;
	struct log_ring r;
	char text[40];
	u32 pos, seq;

	KTEST_ASSERT_TRUE(t, log_ring_init(&r, buf, sizeof(buf)) == 0);
	for (int i = 0; i < 100; i++)
		log_ring_store(&r, i % 8, text, scnprintf(text, sizeof(text), "rec %d", i));
	KTEST_EXPECT_TRUE(t, r.dropped > 0);
	KTEST_EXPECT_EQ(t, log_ring_count(&r) + r.dropped, 100);
	pos = r.tail;
	seq = r.dropped;
	while ((rec = log_ring_next(&r, &pos))) {
		int n = scnprintf(text, sizeof(text), "rec %u", seq);

		KTEST_EXPECT_EQ(t, rec->seq, seq);
		KTEST_EXPECT_EQ(t, rec->len, n);
		KTEST_EXPECT_TRUE(t, !memcmp(rec->text, text, n));
		seq++;
	}
	KTEST_EXPECT_EQ(t, seq, 100);
}

/* The EABI passes 64-bit values in aligned register pairs / stack slots. */
static void format_mixed_widths(struct ktest *t)
{
	char buf[96];

	snprintf(buf, sizeof(buf), "%d %llx %u %lld %c %s %5.2d|%-4x|",
		 -1, 0x123456789abcdef0ull, 42u, -9000000000ll, 'z', "ok", 7, 0xa);
	KTEST_EXPECT_STREQ(t, buf, "-1 123456789abcdef0 42 -9000000000 z ok    07|a   |");
	snprintf(buf, sizeof(buf), "%p %08lx", (void *)0x60010000, 0xbeefUL);
	KTEST_EXPECT_STREQ(t, buf, "0x60010000 0000beef");
}

static const struct ktest_case printk_cases[] = {
	KTEST_CASE(level_filter),
	KTEST_CASE(default_level_is_warning),
	KTEST_CASE(cont_takes_previous_level),
	KTEST_CASE(register_replays_log),
	KTEST_CASE(ring_wraps_on_target),
	KTEST_CASE(format_mixed_widths),
};
KTEST_SUITE(printk, printk_cases);
