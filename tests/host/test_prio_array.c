// SPDX-License-Identifier: MIT
/*
 * Host tests for the O(1) priority array (kernel/sched/prio_array.c): first level across bitmap
 * words, FIFO and head order, del, requeue, nr, and a seeded random run against a count model.
 */
#include "htest.h"
#include <armlet/list.h>
#include <armlet/prio_array.h>

struct item {
	struct list_head node;
	int id;
	unsigned int prio;
	bool queued;
};

static struct prio_array arr;

/* Is bit prio of the bitmap set? (bit 0 of a word is its MSB, see prio_array.c) */
static bool level_bit_set(const struct prio_array *a, unsigned int prio)
{
	return a->bitmap[prio / 32] & (0x80000000u >> (prio % 32));
}

static int level_len(const struct prio_array *a, unsigned int prio)
{
	const struct list_head *pos;
	int n = 0;

	for (pos = a->queue[prio].next; pos != &a->queue[prio]; pos = pos->next)
		n++;
	return n;
}

/* The id of the n-th entry (from 0) at level prio, or -1. */
static int id_at(const struct prio_array *a, unsigned int prio, int n)
{
	struct item *it;

	list_for_each_entry(it, &a->queue[prio], node)
		if (n-- == 0)
			return it->id;
	return -1;
}

static void add(struct item *it, int id, unsigned int prio, bool head)
{
	it->id = id;
	it->prio = prio;
	it->queued = true;
	prio_array_add(&arr, &it->node, prio, head);
}

static void del(struct item *it)
{
	it->queued = false;
	prio_array_del(&arr, &it->node, it->prio);
}

static void test_empty_array_has_no_first(void)
{
	prio_array_init(&arr);
	CHECK_EQ(prio_array_first(&arr), -1);
	CHECK_EQ(arr.nr, 0);
	for (unsigned int w = 0; w < PRIO_BITMAP_WORDS; w++)
		CHECK_EQ(arr.bitmap[w], 0);
	for (unsigned int p = 0; p < PRIO_LEVELS; p++)
		CHECK(list_empty(&arr.queue[p]));
}

/* Each single level, including the first and last bit of every bitmap word. */
static void test_first_of_single_level_at_word_boundaries(void)
{
	static const unsigned int levels[] = { 0, 1, 30, 31, 32, 33, 63, 64, 65, 95, 96, 99 };
	struct item it;

	for (unsigned int i = 0; i < sizeof(levels) / sizeof(levels[0]); i++) {
		prio_array_init(&arr);
		add(&it, 1, levels[i], false);
		CHECK_EQ(prio_array_first(&arr), levels[i]);
		CHECK(level_bit_set(&arr, levels[i]));
		del(&it);
		CHECK_EQ(prio_array_first(&arr), -1);
	}
}

/* Levels 99, 64, 63, 32, 31, 0 added highest first; removed lowest first. */
static void test_first_is_lowest_nonempty_level(void)
{
	static const unsigned int levels[] = { 99, 64, 63, 32, 31, 0 };
	struct item it[6];

	prio_array_init(&arr);
	for (int i = 0; i < 6; i++) {
		add(&it[i], i, levels[i], false);
		CHECK_EQ(prio_array_first(&arr), levels[i]);
		CHECK_EQ(arr.nr, i + 1);
	}
	for (int i = 5; i >= 0; i--) {
		CHECK_EQ(prio_array_first(&arr), levels[i]);
		del(&it[i]);
		CHECK(!level_bit_set(&arr, levels[i]));
		CHECK_EQ(prio_array_first(&arr), i ? (int)levels[i - 1] : -1);
	}
	CHECK_EQ(arr.nr, 0);
}

/* Added in order 99, 0, 64, 31, 63, 32: first follows the minimum. */
static void test_first_with_levels_added_out_of_order(void)
{
	static const unsigned int levels[] = { 99, 0, 64, 31, 63, 32 };
	static const int first_after[] = { 99, 0, 0, 0, 0, 0 };
	struct item it[6];

	prio_array_init(&arr);
	for (int i = 0; i < 6; i++) {
		add(&it[i], i, levels[i], false);
		CHECK_EQ(prio_array_first(&arr), first_after[i]);
	}
	del(&it[1]);	/* 0 */
	CHECK_EQ(prio_array_first(&arr), 31);
	del(&it[3]);	/* 31 */
	CHECK_EQ(prio_array_first(&arr), 32);
	del(&it[5]);	/* 32 */
	CHECK_EQ(prio_array_first(&arr), 63);
	del(&it[4]);	/* 63 */
	CHECK_EQ(prio_array_first(&arr), 64);
	del(&it[2]);	/* 64 */
	CHECK_EQ(prio_array_first(&arr), 99);
	del(&it[0]);
	CHECK_EQ(prio_array_first(&arr), -1);
}

static void test_fifo_order_within_a_level(void)
{
	struct item it[5];

	prio_array_init(&arr);
	for (int i = 0; i < 5; i++)
		add(&it[i], i, 40, false);
	CHECK_EQ(level_len(&arr, 40), 5);
	for (int i = 0; i < 5; i++)
		CHECK_EQ(id_at(&arr, 40, i), i);
	CHECK_EQ(arr.nr, 5);
}

static void test_add_at_head_goes_first(void)
{
	struct item a, b, c;

	prio_array_init(&arr);
	add(&a, 1, 7, false);
	add(&b, 2, 7, false);
	add(&c, 3, 7, true);
	CHECK_EQ(id_at(&arr, 7, 0), 3);
	CHECK_EQ(id_at(&arr, 7, 1), 1);
	CHECK_EQ(id_at(&arr, 7, 2), 2);
	CHECK_EQ(prio_array_first(&arr), 7);
}

static void test_add_at_head_of_empty_level_sets_bit(void)
{
	struct item a;

	prio_array_init(&arr);
	add(&a, 1, 45, true);
	CHECK(level_bit_set(&arr, 45));
	CHECK_EQ(prio_array_first(&arr), 45);
	CHECK_EQ(arr.nr, 1);
}

static void test_del_last_entry_clears_bit(void)
{
	struct item a, b;

	prio_array_init(&arr);
	add(&a, 1, 33, false);
	add(&b, 2, 70, false);
	del(&a);
	CHECK(!level_bit_set(&arr, 33));
	CHECK(list_empty(&arr.queue[33]));
	CHECK_EQ(prio_array_first(&arr), 70);
	CHECK_EQ(arr.nr, 1);
}

static void test_del_one_of_several_keeps_bit(void)
{
	struct item a, b, c;

	prio_array_init(&arr);
	add(&a, 1, 33, false);
	add(&b, 2, 33, false);
	add(&c, 3, 33, false);
	del(&b);
	CHECK(level_bit_set(&arr, 33));
	CHECK_EQ(prio_array_first(&arr), 33);
	CHECK_EQ(id_at(&arr, 33, 0), 1);
	CHECK_EQ(id_at(&arr, 33, 1), 3);
	del(&a);
	CHECK(level_bit_set(&arr, 33));
	CHECK_EQ(id_at(&arr, 33, 0), 3);
	del(&c);
	CHECK(!level_bit_set(&arr, 33));
	CHECK_EQ(prio_array_first(&arr), -1);
	CHECK_EQ(arr.nr, 0);
}

static void test_requeue_moves_to_tail(void)
{
	struct item a, b, c;

	prio_array_init(&arr);
	add(&a, 1, 50, false);
	add(&b, 2, 50, false);
	add(&c, 3, 50, false);
	prio_array_requeue(&arr, &a.node, 50);
	CHECK_EQ(id_at(&arr, 50, 0), 2);
	CHECK_EQ(id_at(&arr, 50, 1), 3);
	CHECK_EQ(id_at(&arr, 50, 2), 1);
	prio_array_requeue(&arr, &c.node, 50);	/* from the middle */
	CHECK_EQ(id_at(&arr, 50, 0), 2);
	CHECK_EQ(id_at(&arr, 50, 1), 1);
	CHECK_EQ(id_at(&arr, 50, 2), 3);
	CHECK_EQ(arr.nr, 3);
	CHECK(level_bit_set(&arr, 50));
}

static void test_requeue_of_sole_entry_keeps_it(void)
{
	struct item a;

	prio_array_init(&arr);
	add(&a, 1, 96, false);
	prio_array_requeue(&arr, &a.node, 96);
	CHECK_EQ(level_len(&arr, 96), 1);
	CHECK(level_bit_set(&arr, 96));
	CHECK_EQ(prio_array_first(&arr), 96);
	CHECK_EQ(arr.nr, 1);
}

static void test_nr_counts_entries(void)
{
	struct item it[PRIO_LEVELS * 2];

	prio_array_init(&arr);
	for (unsigned int i = 0; i < PRIO_LEVELS * 2; i++)
		add(&it[i], (int)i, i % PRIO_LEVELS, i & 1);
	CHECK_EQ(arr.nr, PRIO_LEVELS * 2);
	for (unsigned int p = 0; p < PRIO_LEVELS; p++)
		CHECK(level_bit_set(&arr, p));
	for (unsigned int i = 0; i < PRIO_LEVELS; i++)
		del(&it[i]);
	CHECK_EQ(arr.nr, PRIO_LEVELS);
	CHECK_EQ(prio_array_first(&arr), 0);
	for (unsigned int i = PRIO_LEVELS; i < PRIO_LEVELS * 2; i++)
		del(&it[i]);
	CHECK_EQ(arr.nr, 0);
	CHECK_EQ(prio_array_first(&arr), -1);
}

/* Bits beyond level 99 in the last word must never be set. */
static bool unused_bits_clear(const struct prio_array *a)
{
	for (unsigned int p = PRIO_LEVELS; p < PRIO_BITMAP_WORDS * 32; p++)
		if (level_bit_set(a, p))
			return false;
	return true;
}

static unsigned int rng_state;

static unsigned int rnd(unsigned int n)
{
	rng_state = rng_state * 1103515245u + 12345u;
	return (rng_state >> 16) % n;
}

#define RAND_ITEMS	256
#define RAND_OPS	20000

/* Every level's bit, length and the first level agree with the model. */
static int model_mismatches(const int *count, unsigned int nr)
{
	int bad = 0, first = -1;

	for (unsigned int p = 0; p < PRIO_LEVELS; p++) {
		if (count[p] && first < 0)
			first = (int)p;
		if (level_bit_set(&arr, p) != (count[p] > 0))
			bad++;
		if (level_len(&arr, p) != count[p])
			bad++;
	}
	if (prio_array_first(&arr) != first)
		bad++;
	if (arr.nr != nr)
		bad++;
	if (!unused_bits_clear(&arr))
		bad++;
	return bad;
}

static void test_random_ops_match_model(void)
{
	static struct item it[RAND_ITEMS];
	int count[PRIO_LEVELS] = { 0 };
	unsigned int nr = 0;
	int bad = 0;

	rng_state = 12345;
	prio_array_init(&arr);
	memset(it, 0, sizeof(it));
	for (int op = 0; op < RAND_OPS && !bad; op++) {
		struct item *e = &it[rnd(RAND_ITEMS)];
		unsigned int r = rnd(10);

		if (!e->queued) {
			/* Favour a few hot levels, at the word boundaries, to get ties. */
			static const unsigned int hot[] = { 0, 31, 32, 63, 64, 99 };
			unsigned int prio = rnd(2) ? hot[rnd(6)] : rnd(PRIO_LEVELS);

			add(e, (int)(e - it), prio, r < 3);
			count[prio]++;
			nr++;
		} else if (r < 6) {
			count[e->prio]--;
			nr--;
			del(e);
		} else {
			int len = count[e->prio];

			prio_array_requeue(&arr, &e->node, e->prio);
			if (id_at(&arr, e->prio, len - 1) != e->id)
				bad++;
		}
		bad += model_mismatches(count, nr);
		if (bad)
			printf("    # random: mismatch at op %d\n", op);
	}
	CHECK_EQ(bad, 0);
	/* Drain: the entries come out level by level, lowest level first. */
	for (int last = -1; prio_array_first(&arr) >= 0;) {
		int p = prio_array_first(&arr);
		struct item *e = list_first_entry(&arr.queue[p], struct item, node);

		CHECK(p >= last);
		last = p;
		count[p]--;
		nr--;
		del(e);
	}
	CHECK_EQ(nr, 0);
	CHECK_EQ(arr.nr, 0);
	CHECK_EQ(model_mismatches(count, nr), 0);
}

HTEST_MAIN(TEST(test_empty_array_has_no_first),
	   TEST(test_first_of_single_level_at_word_boundaries),
	   TEST(test_first_is_lowest_nonempty_level),
	   TEST(test_first_with_levels_added_out_of_order),
	   TEST(test_fifo_order_within_a_level),
	   TEST(test_add_at_head_goes_first),
	   TEST(test_add_at_head_of_empty_level_sets_bit),
	   TEST(test_del_last_entry_clears_bit),
	   TEST(test_del_one_of_several_keeps_bit),
	   TEST(test_requeue_moves_to_tail),
	   TEST(test_requeue_of_sole_entry_keeps_it),
	   TEST(test_nr_counts_entries),
	   TEST(test_random_ops_match_model))
