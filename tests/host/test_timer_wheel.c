// SPDX-License-Identifier: MIT
/*
 * Host tests for the cascading timer wheel (kernel/time/timer_wheel.c):
 * every timer fires at exactly its jiffy, near and far, across the jiffies
 * wrap-around; order of expiry and FIFO on ties; delete, requeue and what
 * callbacks may do; wheel_expire_next() against wheel_run(); and a seeded
 * random workload against a shadow model.
 */
#include <limits.h>

#include "htest.h"
#include <armlet/compiler.h>
#include <armlet/jiffies.h>
#include <armlet/timer_wheel.h>

/* A timer that notes when it fired; action, if set, runs in its callback. */
struct probe {
	struct timer_list timer;
	int id;
	int fired;
	unsigned long fired_at;		/* the jiffy being processed */
	unsigned long fired_now;	/* the "now" of that wheel_run() */
	void (*action)(struct probe *p);
	struct probe *other;		/* for actions on another timer */
};

#define MAX_LOG	4096

static struct timer_base base;
static unsigned long cur_now;		/* argument of the wheel_run() going on */
static int fired_ids[MAX_LOG];
static int nr_fired;

static void probe_fn(struct timer_list *t)
{
	struct probe *p = from_timer(p, t, timer);

	CHECK(base.running == t);
	CHECK(!timer_is_queued(t));
	p->fired++;
	p->fired_at = base.clk - 1;
	p->fired_now = cur_now;
	if (nr_fired < MAX_LOG)
		fired_ids[nr_fired++] = p->id;
	if (p->action)
		p->action(p);
}

static void reset(unsigned long start)
{
	timer_base_init(&base, start);
	nr_fired = 0;
}

static void probe_init(struct probe *p, int id)
{
	memset(p, 0, sizeof(*p));
	p->id = id;
	p->timer.function = probe_fn;
}

static void probe_add(struct probe *p, unsigned long expires)
{
	p->timer.expires = expires;
	wheel_add(&base, &p->timer);
}

static unsigned int run(unsigned long now)
{
	unsigned int ran;

	cur_now = now;
	ran = wheel_run(&base, now);
	CHECK(base.running == NULL);
	return ran;
}

/* wheel_run() for each jiffy from..to in turn (to may have wrapped). */
static void run_each_jiffy(unsigned long from, unsigned long to)
{
	for (unsigned long j = from;; j++) {
		run(j);
		if (j == to)
			break;
	}
}

/* A seeded xorshift generator, so that a failure can be replayed. */
static unsigned long long rng_state;

static void rng_seed(unsigned long long seed)
{
	rng_state = seed * 0x9e3779b97f4a7c15ull + 1;
}

static unsigned int rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (unsigned int)(rng_state >> 32);
}

/* Starts just before every kind of wrap, and some with no wrap near. */
static const unsigned long starts[] = {
	0, 12345, INITIAL_JIFFIES, ULONG_MAX - 100, 0xffffffffUL - 300,
	0x12345678UL,
};

static const unsigned long near_delays[] = {
	0, 1, 2, 255, 256, 257, 511, 512, 16383, 16384, 16385, 20000,
	65536 + 7,
};

#define NR_NEAR		(ARRAY_SIZE(near_delays) + 8)
#define NEAR_SPAN	70000UL

/* Two sets of timers, queued at clk = start and clk = start + 101. */
static void check_near_from(unsigned long start)
{
	static struct probe p[2][NR_NEAR];
	unsigned long expect[2][NR_NEAR];
	unsigned long clk = start;

	reset(start);
	for (int set = 0; set < 2; set++) {
		for (unsigned int i = 0; i < NR_NEAR; i++) {
			unsigned long d = i < ARRAY_SIZE(near_delays) ?
					  near_delays[i] : rng() % NEAR_SPAN;

			probe_init(&p[set][i], i);
			expect[set][i] = clk + d;
			probe_add(&p[set][i], clk + d);
		}
		if (!set) {
			run_each_jiffy(start, start + 100);
			clk = start + 101;
			CHECK_EQ(base.clk, clk);
		}
	}
	run_each_jiffy(start + 101, start + 101 + NEAR_SPAN);
	for (int set = 0; set < 2; set++) {
		for (unsigned int i = 0; i < NR_NEAR; i++) {
			CHECK_EQ(p[set][i].fired, 1);
			CHECK_EQ(p[set][i].fired_at, expect[set][i]);
			CHECK_EQ(p[set][i].fired_now, expect[set][i]);
		}
	}
	CHECK_EQ(wheel_count(&base), 0);
}

static void test_near_timers_fire_at_exact_jiffy(void)
{
	rng_seed(1);
	for (unsigned int s = 0; s < ARRAY_SIZE(starts); s++)
		check_near_from(starts[s]);
}

/* Far timers: jump to the jiffy before each expiry, then to the expiry. */
static void check_far_from(unsigned long start)
{
	static const unsigned long delays[] = {
		1UL << 20, (1UL << 20) + 1, (1UL << 26) - 1, 1UL << 26,
		(1UL << 26) + 12345,
	};
	static struct probe p[ARRAY_SIZE(delays)];

	reset(start);
	for (unsigned int i = 0; i < ARRAY_SIZE(delays); i++) {
		probe_init(&p[i], i);
		probe_add(&p[i], start + delays[i]);
	}
	CHECK_EQ(wheel_count(&base), ARRAY_SIZE(delays));
	for (unsigned int i = 0; i < ARRAY_SIZE(delays); i++) {
		unsigned long e = start + delays[i];

		CHECK_EQ(run(e - 1), 0);
		CHECK_EQ(p[i].fired, 0);
		CHECK_EQ(run(e), 1);
		CHECK_EQ(p[i].fired, 1);
		CHECK_EQ(p[i].fired_at, e);
		CHECK_EQ(wheel_count(&base), ARRAY_SIZE(delays) - i - 1);
	}
}

static void test_far_timers_fire_at_exact_jiffy(void)
{
	check_far_from(1000);
	check_far_from(INITIAL_JIFFIES);
	check_far_from(ULONG_MAX - 100);
}

/* Far timers, each with a few random ones on the way, in one big jump. */
static void test_random_delays_fire_at_exact_jiffy(void)
{
	static struct probe p[64];

	rng_seed(2);
	reset(INITIAL_JIFFIES - 5000);
	for (int i = 0; i < 64; i++) {
		probe_init(&p[i], i);
		probe_add(&p[i], base.clk + rng() % (1u << (i % 21)));
	}
	run(base.clk + (1UL << 20));
	for (int i = 0; i < 64; i++) {
		CHECK_EQ(p[i].fired, 1);
		CHECK_EQ(p[i].fired_at, p[i].timer.expires);
	}
}

/* Delays in a scrambled order with ties, run in one wheel_run(). */
static void test_fire_in_order_of_expiry_fifo_on_ties(void)
{
	static const unsigned long delays[] = {
		5, 3, 3, 700, 3, 1, 20000, 700, 5, 0, 256, 1, 20000, 255,
	};
	enum { N = ARRAY_SIZE(delays) };
	static struct probe p[N];
	int expect[N], n = 0;

	reset(777);
	for (int i = 0; i < N; i++) {
		probe_init(&p[i], i);
		probe_add(&p[i], 777 + delays[i]);
	}
	/* Expected: by delay, then by index (the order they were added). */
	for (unsigned long d = 0; d <= 20000; d++)
		for (int i = 0; i < N; i++)
			if (delays[i] == d)
				expect[n++] = i;
	CHECK_EQ(run(777 + 30000), N);
	CHECK_EQ(nr_fired, N);
	for (int i = 0; i < N; i++)
		CHECK_EQ(fired_ids[i], expect[i]);
}

/*
 * Timers due at the same jiffy but queued from further and further away,
 * so they sit on different levels and are cascaded at different times:
 * still the first queued runs first. Tried at many alignments.
 */
static void test_fifo_on_ties_across_levels(void)
{
	static const unsigned long ahead[] = {
		1UL << 21, 70000, 20000, 16384, 5000, 300, 256, 255, 100, 1, 0,
	};
	enum { N = ARRAY_SIZE(ahead) };
	static struct probe p[N];

	rng_seed(3);
	for (int round = 0; round < 40; round++) {
		unsigned long e = INITIAL_JIFFIES + rng() % (1u << 22);

		if (round & 1)
			e &= ~0x3fffUL;	/* expiry at a tv2/tv3 boundary */
		reset(e - ahead[0]);
		for (int i = 0; i < N; i++) {
			run(e - ahead[i] - 1);
			probe_init(&p[i], i);
			probe_add(&p[i], e);
		}
		CHECK_EQ(run(e - 1), 0);
		CHECK_EQ(run(e), N);
		for (int i = 0; i < N; i++) {
			CHECK_EQ(fired_ids[i], i);
			CHECK_EQ(p[i].fired_at, e);
		}
	}
}

static void test_del_before_expiry_prevents_firing(void)
{
	struct probe a, b, never;

	reset(100);
	probe_init(&a, 1);
	probe_init(&b, 2);
	probe_init(&never, 3);
	CHECK(!timer_is_queued(&never.timer));
	CHECK(!wheel_del(&base, &never.timer));

	probe_add(&a, 150);
	probe_add(&b, 100 + 20000);
	CHECK(timer_is_queued(&a.timer));
	CHECK(wheel_del(&base, &a.timer));
	CHECK(!timer_is_queued(&a.timer));
	CHECK(!wheel_del(&base, &a.timer));
	run(17000);
	CHECK(wheel_del(&base, &b.timer));	/* cascaded to tv2 at 16384 */
	CHECK_EQ(wheel_count(&base), 0);
	run(30000);
	CHECK_EQ(a.fired, 0);
	CHECK_EQ(b.fired, 0);

	/* Once it has fired, it is no longer queued. */
	probe_add(&a, 30005);
	run(30005);
	CHECK_EQ(a.fired, 1);
	CHECK(!timer_is_queued(&a.timer));
	CHECK(!wheel_del(&base, &a.timer));
}

static void test_readd_moves_queued_timer(void)
{
	struct probe a, b;

	reset(INITIAL_JIFFIES);
	probe_init(&a, 1);
	probe_init(&b, 2);
	probe_add(&a, INITIAL_JIFFIES + 10);
	probe_add(&a, INITIAL_JIFFIES + 500);	/* later */
	CHECK_EQ(wheel_count(&base), 1);
	probe_add(&b, INITIAL_JIFFIES + 40000);
	probe_add(&b, INITIAL_JIFFIES + 300);	/* earlier */
	CHECK_EQ(wheel_count(&base), 2);
	run_each_jiffy(INITIAL_JIFFIES, INITIAL_JIFFIES + 50000);
	CHECK_EQ(a.fired, 1);
	CHECK_EQ(a.fired_at, INITIAL_JIFFIES + 500);
	CHECK_EQ(b.fired, 1);
	CHECK_EQ(b.fired_at, INITIAL_JIFFIES + 300);

	/* Requeueing at the same expiry puts it behind the others. */
	reset(0);
	probe_add(&a, 20);
	probe_add(&b, 20);
	probe_add(&a, 20);
	run(20);
	CHECK_EQ(nr_fired, 2);
	CHECK_EQ(fired_ids[0], 2);
	CHECK_EQ(fired_ids[1], 1);
}

/* Timers spanning the wrap of a 32-bit jiffies and of unsigned long. */
static void check_wrap_from(unsigned long start)
{
	static const unsigned long delays[] = {
		0, 1, 50, 99, 100, 101, 102, 200, 255, 256, 300, 1000, 16384,
		30000, 30001, 70000,
	};
	enum { N = ARRAY_SIZE(delays) };
	static struct probe p[N], late;

	reset(start);
	for (int i = 0; i < N; i++) {
		probe_init(&p[i], i);
		probe_add(&p[i], start + delays[i]);
	}
	run_each_jiffy(start, start + 80000);
	for (int i = 0; i < N; i++) {
		CHECK_EQ(p[i].fired, 1);
		CHECK_EQ(p[i].fired_at, start + delays[i]);
	}
	/* Queued with an expiry before the wrap once past it: next jiffy. */
	probe_init(&late, 99);
	probe_add(&late, start + 3);
	CHECK_EQ(run(start + 80000), 0);
	CHECK_EQ(run(start + 80001), 1);
	CHECK_EQ(late.fired_at, start + 80001);
}

static void test_wrap_around(void)
{
	struct probe a;

	check_wrap_from(INITIAL_JIFFIES);
	check_wrap_from(ULONG_MAX - 100);
	check_wrap_from(0xffffffffUL - 100);
	check_wrap_from(INITIAL_JIFFIES - 70000);

	/* 30000 jiffies after INITIAL_JIFFIES a 32-bit jiffies wraps to 0. */
	CHECK_EQ((u32)(INITIAL_JIFFIES + 300 * HZ), 0);

	/* Due before the wrap, queued after it: not 2^32 jiffies late. */
	reset(3);
	probe_init(&a, 1);
	probe_add(&a, ULONG_MAX - 2);
	CHECK_EQ(run(3), 1);
	CHECK_EQ(a.fired_at, 3);
}

static void test_past_expiry_fires_at_next_run(void)
{
	struct probe a, b, c;

	reset(5000);
	probe_init(&a, 1);
	probe_init(&b, 2);
	probe_init(&c, 3);
	probe_add(&a, 4999);
	probe_add(&b, 5000);
	probe_add(&c, 5000 - 100000);
	CHECK_EQ(run(4999), 0);		/* "now" before clk: nothing to do */
	CHECK_EQ(run(5000), 3);
	CHECK_EQ(a.fired_at, 5000);
	CHECK_EQ(b.fired_at, 5000);
	CHECK_EQ(c.fired_at, 5000);
	CHECK_EQ(fired_ids[0], 1);
	CHECK_EQ(fired_ids[1], 2);
	CHECK_EQ(fired_ids[2], 3);
	CHECK_EQ(base.clk, 5001);
}

static void rearm_plus_one(struct probe *p)
{
	p->timer.expires = p->fired_at + 1;
	wheel_add(&base, &p->timer);
	CHECK(timer_is_queued(&p->timer));
}

static void test_callback_rearming_runs_once_per_jiffy(void)
{
	struct probe a;
	unsigned long start = ULONG_MAX - 500;

	reset(start);
	probe_init(&a, 1);
	a.action = rearm_plus_one;
	probe_add(&a, start + 1);
	CHECK_EQ(run(start + 1000), 1000);	/* one big jump */
	CHECK_EQ(a.fired, 1000);
	CHECK_EQ(a.fired_at, start + 1000);
	for (int i = 0; i < 200; i++) {		/* and jiffy by jiffy */
		CHECK_EQ(run(start + 1001 + i), 1);
		CHECK_EQ(a.fired_at, start + 1001 + i);
	}
	CHECK_EQ(a.fired, 1200);
	CHECK(wheel_del(&base, &a.timer));
	CHECK_EQ(run(start + 5000), 0);
}

/* Requeued for "now" from its own callback: the next jiffy, not a loop. */
static void rearm_now(struct probe *p)
{
	if (p->fired < 3)
		probe_add(p, p->fired_at);
}

/* A full turn of tv1 ahead is the slot being run: must wait for it. */
static void rearm_plus_256(struct probe *p)
{
	if (p->fired < 3)
		probe_add(p, p->fired_at + 256);
}

static void test_callback_requeue_goes_to_a_later_jiffy(void)
{
	struct probe a, b;

	reset(1000);
	probe_init(&a, 1);
	a.action = rearm_now;
	probe_add(&a, 1010);
	CHECK_EQ(run(1010), 1);
	CHECK_EQ(run(1011), 1);
	CHECK_EQ(a.fired_at, 1011);
	CHECK_EQ(run(2000), 1);
	CHECK_EQ(a.fired_at, 1012);

	probe_init(&b, 2);
	b.action = rearm_plus_256;
	probe_add(&b, 2100);
	CHECK_EQ(run(2100 + 255), 1);
	CHECK_EQ(run(2100 + 256), 1);
	CHECK_EQ(b.fired_at, 2100 + 256);
	CHECK_EQ(run(5000), 1);
	CHECK_EQ(b.fired_at, 2100 + 512);
	CHECK_EQ(wheel_count(&base), 0);
}

static void delete_other(struct probe *p)
{
	CHECK(wheel_del(&base, &p->other->timer));
	CHECK(!wheel_del(&base, &p->other->timer));
}

static void move_other(struct probe *p)
{
	probe_add(p->other, p->fired_at + 10);
}

static void test_callback_deletes_or_moves_timer_due_same_jiffy(void)
{
	struct probe a, b, c, d, e, f;

	reset(0);
	probe_init(&a, 1);
	probe_init(&b, 2);
	probe_init(&c, 3);
	probe_init(&d, 4);
	a.action = delete_other;
	a.other = &b;
	probe_add(&a, 40);
	probe_add(&b, 40);		/* same jiffy, after a */
	probe_add(&c, 40);
	c.action = delete_other;
	c.other = &d;
	probe_add(&d, 300);		/* a later one, on tv2 */
	CHECK_EQ(run(1000), 2);
	CHECK_EQ(a.fired, 1);
	CHECK_EQ(b.fired, 0);
	CHECK_EQ(c.fired, 1);
	CHECK_EQ(d.fired, 0);
	CHECK_EQ(wheel_count(&base), 0);

	probe_init(&e, 5);
	probe_init(&f, 6);
	e.action = move_other;
	e.other = &f;
	probe_add(&e, 1100);
	probe_add(&f, 1100);
	CHECK_EQ(run(1100), 1);
	CHECK_EQ(f.fired, 0);
	CHECK_EQ(run(1110), 1);
	CHECK_EQ(f.fired_at, 1110);
}

static void delete_self(struct probe *p)
{
	CHECK(!wheel_del(&base, &p->timer));
	CHECK(base.running == &p->timer);
}

static void test_running_is_set_during_callback(void)
{
	struct probe a, b;

	reset(INITIAL_JIFFIES);
	CHECK(base.running == NULL);
	probe_init(&a, 1);
	probe_init(&b, 2);
	a.action = delete_self;
	probe_add(&a, INITIAL_JIFFIES + 3);
	probe_add(&b, INITIAL_JIFFIES + 3);	/* probe_fn checks running */
	CHECK_EQ(run(INITIAL_JIFFIES + 3), 2);
	CHECK(base.running == NULL);
	CHECK_EQ(a.fired + b.fired, 2);
}

static void test_wheel_count(void)
{
	static struct probe p[1000];

	reset(ULONG_MAX - 1000);
	CHECK_EQ(wheel_count(&base), 0);
	for (int i = 0; i < 1000; i++) {
		probe_init(&p[i], i);
		probe_add(&p[i], base.clk + (unsigned long)i * i * 67);
	}
	CHECK_EQ(wheel_count(&base), 1000);
	for (int i = 0; i < 1000; i += 2)
		CHECK(wheel_del(&base, &p[i].timer));
	CHECK_EQ(wheel_count(&base), 500);
	for (int i = 1; i < 1000; i += 4)
		probe_add(&p[i], p[i].timer.expires + 1);	/* requeue */
	CHECK_EQ(wheel_count(&base), 500);
	run(base.clk + 999 * 999 * 67UL / 4);
	CHECK_EQ(wheel_count(&base), 500 - nr_fired);
	CHECK(nr_fired > 100 && nr_fired < 500);
}

/* With a 64-bit long a delay past 2^32 is parked on tv5, not lost. */
static void test_delay_beyond_32_bits_is_parked(void)
{
#if __SIZEOF_LONG__ > 4
	unsigned long start = 1UL << 30;	/* where the cap changes the slot */
	struct probe a;

	reset(start);
	probe_init(&a, 1);
	probe_add(&a, start + (1UL << 34));
	CHECK(timer_is_queued(&a.timer));
	/* In the slot of tv5 that covers 2^32 - 1 jiffies from now. */
	CHECK(a.timer.entry.next == &base.tvn[3][((start +
			0xffffffffUL) >> 26) & TVN_MASK]);
	CHECK_EQ(run(start + (1UL << 26) * 3), 0);
	CHECK(timer_is_queued(&a.timer));
	CHECK_EQ(wheel_count(&base), 1);
	CHECK(wheel_del(&base, &a.timer));
#endif
}

/* A callback that sees the other timers of its jiffy still counted. */
static void check_count(struct probe *p)
{
	CHECK_EQ(wheel_count(&base), 2 - p->id);
}

static void test_count_includes_timers_of_the_running_jiffy(void)
{
	struct probe p[3];

	reset(0);
	for (int i = 0; i < 3; i++) {
		probe_init(&p[i], i);
		p[i].action = check_count;
		probe_add(&p[i], 256);
	}
	CHECK_EQ(run(1000), 3);
}

static void test_expire_next_hands_out_due_timers(void)
{
	struct probe p[4];

	reset(ULONG_MAX - 10);
	for (int i = 0; i < 4; i++) {
		probe_init(&p[i], i);
		probe_add(&p[i], 5);			/* after the wrap */
	}
	CHECK(wheel_expire_next(&base, 4) == NULL);
	CHECK_EQ(base.clk, 5);
	CHECK(wheel_expire_next(&base, 5) == &p[0].timer);
	CHECK(!timer_is_queued(&p[0].timer));
	CHECK(base.running == NULL);
	/* The rest of that jiffy is taken off tv1 but still queued. */
	CHECK_EQ(base.clk, 6);
	CHECK_EQ(wheel_count(&base), 3);
	CHECK(timer_is_queued(&p[1].timer));
	CHECK(wheel_del(&base, &p[1].timer));
	probe_add(&p[2], 7);				/* moved on */
	CHECK(wheel_expire_next(&base, 5) == &p[3].timer);
	CHECK(wheel_expire_next(&base, 6) == NULL);
	CHECK(wheel_expire_next(&base, 7) == &p[2].timer);
	CHECK(wheel_expire_next(&base, 100) == NULL);
	CHECK_EQ(base.clk, 101);
	CHECK_EQ(wheel_count(&base), 0);
	CHECK_EQ(nr_fired, 0);				/* nothing was called */
}

/* Two wheels with the same timers: wheel_run() and wheel_expire_next(). */
static void test_expire_next_matches_wheel_run(void)
{
	static struct probe a[500], b[500];
	static struct timer_base base2;
	int nr_b = 0;
	bool same = true;

	rng_seed(5);
	reset(INITIAL_JIFFIES);
	timer_base_init(&base2, INITIAL_JIFFIES);
	for (int i = 0; i < 500; i++) {
		unsigned long e = INITIAL_JIFFIES + rng() % (1u << (i % 19));

		probe_init(&a[i], i);
		probe_init(&b[i], i);
		probe_add(&a[i], e);
		b[i].timer.expires = e;
		wheel_add(&base2, &b[i].timer);
	}
	for (unsigned long now = INITIAL_JIFFIES; nr_b < 500;
	     now += rng() % 5000) {
		struct timer_list *t;

		run(now);
		while ((t = wheel_expire_next(&base2, now))) {
			struct probe *p = from_timer(p, t, timer);

			same &= p->id == fired_ids[nr_b];
			same &= base2.clk - 1 == a[p->id].fired_at;
			nr_b++;
		}
		CHECK(base2.running == NULL);
		CHECK_EQ(base2.clk, base.clk);
		CHECK_EQ(nr_b, nr_fired);
	}
	CHECK(same);
}

/*
 * The random workload. Each timer's model: queued or not, the jiffy it
 * must fire at (its expiry, or the next jiffy to run if that has passed)
 * and when it was queued, for the order of timers due at the same jiffy.
 */
#define NR_RAND		3000
#define MAX_DELAY	(1UL << 20)

struct rtimer {
	struct timer_list timer;
	bool queued;
	unsigned long due;
	unsigned long long seq;
	unsigned int fires;
};

static struct rtimer rt[NR_RAND];
static unsigned long long rseq;
static unsigned int model_count, run_fires;
static unsigned long model_clk;		/* the next jiffy to be run */
static unsigned long last_due;
static unsigned long long last_seq;
static bool draining;

static unsigned long random_expiry(void)
{
	unsigned int r = rng() % 100;
	struct rtimer *o = &rt[rng() % NR_RAND];

	if (r < 15 && o->queued)		/* a tie with another timer */
		return o->timer.expires;
	if (r < 30)
		return model_clk + rng() % 300;
	if (r < 38)
		return model_clk - 1 - rng() % 1000;	/* already due */
	return model_clk + rng() % MAX_DELAY;
}

static void model_add(struct rtimer *r, unsigned long expires)
{
	r->timer.expires = expires;
	wheel_add(&base, &r->timer);
	if (!r->queued)
		model_count++;
	r->queued = true;
	r->due = time_before(expires, model_clk) ? model_clk : expires;
	r->seq = ++rseq;
}

static void model_del(struct rtimer *r)
{
	CHECK_EQ(wheel_del(&base, &r->timer), r->queued);
	if (r->queued)
		model_count--;
	r->queued = false;
}

static void random_op(void)
{
	struct rtimer *r = &rt[rng() % NR_RAND];

	if (rng() % 4 == 0)
		model_del(r);
	else
		model_add(r, random_expiry());
}

static void rtimer_fn(struct timer_list *t)
{
	struct rtimer *r = from_timer(r, t, timer);
	unsigned long now = base.clk - 1;

	CHECK(base.running == t);
	CHECK(r->queued);
	CHECK_EQ(now, r->due);
	CHECK(time_after(now, last_due) ||
	      (now == last_due && r->seq > last_seq));
	last_due = now;
	last_seq = r->seq;
	r->queued = false;
	r->fires++;
	model_count--;
	run_fires++;

	model_clk = now + 1;
	if (draining)
		return;
	if (rng() % 4 == 0)
		model_add(r, random_expiry());		/* itself */
	if (rng() % 4 == 0)
		random_op();				/* any timer */
}

/* Nothing queued in the model may be due by now: it would have fired. */
static void check_nothing_overdue(unsigned long now)
{
	for (int i = 0; i < NR_RAND; i++)
		if (rt[i].queued && time_before_eq(rt[i].due, now)) {
			CHECK(!rt[i].queued);
			return;
		}
}

static void random_run(unsigned long now)
{
	unsigned int ran;

	run_fires = 0;
	last_due = model_clk - 1;
	last_seq = 0;
	ran = wheel_run(&base, now);
	CHECK_EQ(ran, run_fires);
	CHECK(base.running == NULL);
	if (time_after_eq(now, model_clk))
		model_clk = now + 1;
	CHECK_EQ(base.clk, model_clk);
	CHECK_EQ(wheel_count(&base), model_count);
	check_nothing_overdue(now);
}

static unsigned long random_step(void)
{
	unsigned int r = rng() % 100;

	if (r < 45)
		return rng() % 10;
	if (r < 80)
		return rng() % 1000;
	if (r < 97)
		return rng() % 50000;
	return rng() % (2 * MAX_DELAY);
}

static void check_random_workload(unsigned long start, unsigned long long seed)
{
	rng_seed(seed);
	reset(start);
	memset(rt, 0, sizeof(rt));
	for (int i = 0; i < NR_RAND; i++)
		rt[i].timer.function = rtimer_fn;
	model_clk = start;
	model_count = 0;
	draining = false;

	for (int round = 0; round < 1500; round++) {
		int ops = rng() % 40;

		for (int i = 0; i < ops; i++)
			random_op();
		CHECK_EQ(wheel_count(&base), model_count);
		random_run(model_clk - 1 + random_step());
	}
	draining = true;
	random_run(model_clk + MAX_DELAY + 1000);
	CHECK_EQ(model_count, 0);
	CHECK_EQ(wheel_count(&base), 0);
}

static void test_random_workload_matches_model(void)
{
	check_random_workload(INITIAL_JIFFIES, 1);
	check_random_workload(ULONG_MAX - 300000, 2);
	check_random_workload(0xffffffffUL - 500000, 3);
	check_random_workload(0, 4);
}

HTEST_MAIN(TEST(test_near_timers_fire_at_exact_jiffy),
	   TEST(test_far_timers_fire_at_exact_jiffy),
	   TEST(test_random_delays_fire_at_exact_jiffy),
	   TEST(test_fire_in_order_of_expiry_fifo_on_ties),
	   TEST(test_fifo_on_ties_across_levels),
	   TEST(test_del_before_expiry_prevents_firing),
	   TEST(test_readd_moves_queued_timer),
	   TEST(test_wrap_around),
	   TEST(test_past_expiry_fires_at_next_run),
	   TEST(test_callback_rearming_runs_once_per_jiffy),
	   TEST(test_callback_requeue_goes_to_a_later_jiffy),
	   TEST(test_callback_deletes_or_moves_timer_due_same_jiffy),
	   TEST(test_running_is_set_during_callback),
	   TEST(test_wheel_count),
	   TEST(test_count_includes_timers_of_the_running_jiffy),
	   TEST(test_expire_next_hands_out_due_timers),
	   TEST(test_expire_next_matches_wheel_run),
	   TEST(test_delay_beyond_32_bits_is_parked),
	   TEST(test_random_workload_matches_model))
