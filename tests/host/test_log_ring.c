// SPDX-License-Identifier: MIT
/*
 * Host tests for the printk log ring (kernel/log_ring.c): buffer checks at
 * init, records read back oldest first, and that wrapping and dropping the
 * oldest records never corrupts the ring, over many wraps of mixed lengths.
 */
#include <stdlib.h>

#include "htest.h"
#include <armlet/compiler.h>
#include <armlet/errno.h>
#include <armlet/log_ring.h>

#define HDR	((u32)sizeof(struct log_record))

static struct log_ring ring;
static void *mem;

/* A ring over a heap buffer of exactly size bytes, so ASan sees overruns. */
static struct log_ring *new_ring(u32 size)
{
	free(mem);
	mem = malloc(size);
	memset(mem, 0xa5, size);
	CHECK_EQ(log_ring_init(&ring, mem, size), 0);
	return &ring;
}

/* The text of record seq: len bytes, a different pattern for each seq. */
static void make_text(char *text, u32 seq, u32 len)
{
	for (u32 i = 0; i < len; i++)
		text[i] = (char)('!' + (seq * 7 + i * 3) % 90);
}

static u32 store_seq(struct log_ring *r, u32 len)
{
	char *text = malloc(len ? len : 1);
	u32 stored;

	make_text(text, r->next_seq, len);
	stored = log_ring_store(r, (int)(r->next_seq % 8), text, len);
	free(text);
	return stored;
}

static bool text_is(const struct log_record *rec, const char *s)
{
	return rec->len == strlen(s) && !memcmp(rec->text, s, rec->len);
}

/* The ring's documented invariant: tail <= head <= tail + size, aligned. */
static bool invariant_holds(const struct log_ring *r)
{
	return r->head - r->tail <= r->size && !(r->head & 3) && !(r->tail & 3);
}

/*
 * Walk the ring and check every record against what store_seq wrote:
 * consecutive seq ending at next_seq - 1, its level, and its text, whose
 * length was stored_len[seq]. Returns the number of records, -1 if bad.
 */
static int check_contents(const struct log_ring *r, const u32 *stored_len)
{
	const struct log_record *rec;
	u32 pos = r->tail, expect_seq = 0, n = 0;
	char text[1024];

	while ((rec = log_ring_next(r, &pos))) {
		if ((uintptr_t)rec & 3 || rec->len > sizeof(text))
			return -1;
		if ((const u8 *)rec < r->buf ||
		    (const u8 *)rec->text + rec->len > r->buf + r->size)
			return -1;
		if (n && rec->seq != expect_seq)
			return -1;
		if (rec->level != rec->seq % 8 || rec->len != stored_len[rec->seq])
			return -1;
		make_text(text, rec->seq, rec->len);
		if (memcmp(rec->text, text, rec->len))
			return -1;
		expect_seq = rec->seq + 1;
		n++;
	}
	if (pos != r->head || (n && expect_seq != r->next_seq))
		return -1;
	return (int)n;
}

static void test_init_accepts_power_of_two_sizes(void)
{
	static const u32 sizes[] = { 2 * HDR, 64, 256, 1024, 65536 };

	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		new_ring(sizes[i]);
		CHECK(ring.buf == mem);
		CHECK_EQ(ring.size, sizes[i]);
		CHECK_EQ(ring.head, 0);
		CHECK_EQ(ring.tail, 0);
		CHECK_EQ(ring.next_seq, 0);
		CHECK_EQ(ring.dropped, 0);
	}
}

static void test_init_rejects_size_not_power_of_two(void)
{
	static const u32 sizes[] = { 24, 100, 255, 257, 768, 1000, 0xffffffffu };
	void *buf = malloc(1024);

	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++)
		CHECK_EQ(log_ring_init(&ring, buf, sizes[i]), -EINVAL);
	free(buf);
}

/* Smaller than two headers cannot hold a record plus a wrap marker. */
static void test_init_rejects_too_small(void)
{
	void *buf = malloc(64);

	CHECK_EQ(log_ring_init(&ring, buf, 0), -EINVAL);
	CHECK_EQ(log_ring_init(&ring, buf, 1), -EINVAL);
	CHECK_EQ(log_ring_init(&ring, buf, 4), -EINVAL);
	CHECK_EQ(log_ring_init(&ring, buf, HDR), -EINVAL);
	CHECK_EQ(log_ring_init(&ring, buf, 2 * HDR), 0);
	free(buf);
}

static void test_init_rejects_null_buffer(void)
{
	CHECK_EQ(log_ring_init(&ring, NULL, 256), -EINVAL);
}

static void test_init_rejects_misaligned_buffer(void)
{
	char *buf = malloc(256 + 4);

	for (int off = 1; off < 4; off++)
		CHECK_EQ(log_ring_init(&ring, buf + off, 256), -EINVAL);
	CHECK_EQ(log_ring_init(&ring, buf + 4, 256), 0);
	free(buf);
}

static void test_new_ring_is_empty(void)
{
	struct log_ring *r = new_ring(256);
	u32 pos = r->tail;

	CHECK(log_ring_next(r, &pos) == NULL);
	CHECK_EQ(pos, r->tail);
	CHECK_EQ(log_ring_count(r), 0);
}

static void test_records_come_back_oldest_first(void)
{
	static const char *const texts[] = { "first", "second line", "3", "fourth!" };
	struct log_ring *r = new_ring(256);
	const struct log_record *rec;
	u32 pos;

	for (int i = 0; i < 4; i++)
		CHECK_EQ(log_ring_store(r, i + 3, texts[i], strlen(texts[i])),
			 strlen(texts[i]));
	pos = r->tail;
	for (u32 i = 0; i < 4; i++) {
		rec = log_ring_next(r, &pos);
		CHECK(rec != NULL);
		if (!rec)
			return;
		CHECK_EQ(rec->seq, i);
		CHECK_EQ(rec->level, i + 3);
		CHECK_EQ(rec->flags, 0);
		CHECK(text_is(rec, texts[i]));
	}
	CHECK(log_ring_next(r, &pos) == NULL);
	CHECK_EQ(pos, r->head);
	CHECK_EQ(r->next_seq, 4);
	CHECK_EQ(r->dropped, 0);
}

static void test_every_level_is_kept(void)
{
	struct log_ring *r = new_ring(1024);
	const struct log_record *rec;
	u32 pos;

	for (int level = 0; level <= 7; level++)
		log_ring_store(r, level, "x", 1);
	pos = r->tail;
	for (int level = 0; level <= 7; level++) {
		rec = log_ring_next(r, &pos);
		CHECK(rec && rec->level == level);
	}
}

static void test_zero_length_record(void)
{
	struct log_ring *r = new_ring(256);
	const struct log_record *rec;
	u32 pos;

	CHECK_EQ(log_ring_store(r, 6, "", 0), 0);
	CHECK_EQ(log_ring_store(r, 4, "after", 5), 5);
	CHECK_EQ(r->head, HDR + ((HDR + 5 + 3) & ~3u));	/* 8 bytes, then 16 */
	pos = r->tail;
	rec = log_ring_next(r, &pos);
	CHECK(rec && rec->len == 0 && rec->seq == 0 && rec->level == 6);
	rec = log_ring_next(r, &pos);
	CHECK(rec && text_is(rec, "after") && rec->seq == 1);
	CHECK_EQ(log_ring_count(r), 2);
}

/* Only zero-length records: the smallest entries, wrapped many times. */
static void test_zero_length_records_wrap_cleanly(void)
{
	static u32 lens[4096];
	struct log_ring *r = new_ring(256);

	for (int i = 0; i < 1000; i++) {
		lens[r->next_seq] = store_seq(r, 0);
		CHECK(invariant_holds(r));
	}
	CHECK_EQ(check_contents(r, lens), 256 / HDR);
	CHECK_EQ(r->dropped, 1000 - 256 / HDR);
}

static void test_count_matches_records_held(void)
{
	static u32 lens[4096];
	struct log_ring *r = new_ring(1024);

	for (u32 i = 0; i < 500; i++) {
		lens[r->next_seq] = store_seq(r, i % 37);
		CHECK_EQ(log_ring_count(r), r->next_seq - r->dropped);
		CHECK_EQ(check_contents(r, lens), log_ring_count(r));
	}
}

/* The longest record is half the ring, header included. */
static void test_overlong_record_is_cut_to_half_the_ring(void)
{
	static const u32 sizes[] = { 256, 1024 };
	char text[2048];

	memset(text, 'L', sizeof(text));
	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		struct log_ring *r = new_ring(sizes[i]);
		u32 max = sizes[i] / 2 - HDR;
		const struct log_record *rec;
		u32 pos;

		CHECK_EQ(log_ring_store(r, 3, text, sizes[i]), max);
		CHECK_EQ(log_ring_store(r, 3, text, max + 1), max);
		CHECK_EQ(log_ring_store(r, 3, text, max), max);
		CHECK_EQ(log_ring_store(r, 3, text, sizeof(text)), max);
		CHECK_EQ(log_ring_count(r), 2);
		CHECK_EQ(r->dropped, 2);
		pos = r->tail;
		while ((rec = log_ring_next(r, &pos))) {
			CHECK_EQ(rec->len, max);
			CHECK(rec->text[0] == 'L' && rec->text[max - 1] == 'L');
		}
	}
}

/* Lengths are 16-bit: a big ring still cuts a record to 0xffff bytes. */
static void test_record_length_capped_at_u16(void)
{
	const u32 size = 1u << 18;
	struct log_ring *r = new_ring(size);
	char *text = malloc(70000);
	const struct log_record *rec;
	u32 pos = r->tail;

	memset(text, 'b', 70000);
	CHECK_EQ(log_ring_store(r, 6, text, 70000), 0xffff);
	rec = log_ring_next(r, &pos);
	CHECK(rec && rec->len == 0xffff && rec->text[0xfffe] == 'b');
	CHECK(invariant_holds(r));
	free(text);
}

static void test_filling_past_capacity_drops_oldest_and_counts(void)
{
	static u32 lens[4096];
	struct log_ring *r = new_ring(256);
	const u32 len = 20;	/* 28-byte records: 9 fit in 256 */
	const struct log_record *rec;
	u32 pos;

	for (int i = 0; i < 9; i++)
		lens[r->next_seq] = store_seq(r, len);
	CHECK_EQ(r->dropped, 0);
	CHECK_EQ(log_ring_count(r), 9);
	lens[r->next_seq] = store_seq(r, len);
	CHECK_EQ(r->dropped, 1);
	pos = r->tail;
	rec = log_ring_next(r, &pos);
	CHECK(rec && rec->seq == 1);
	for (int i = 0; i < 100; i++)
		lens[r->next_seq] = store_seq(r, len);
	CHECK_EQ(r->dropped + log_ring_count(r), 110);
	CHECK_EQ(check_contents(r, lens), log_ring_count(r));
}

/* A record that ends exactly at the end of the buffer needs no marker. */
static void test_record_ending_exactly_at_buffer_end(void)
{
	static u32 lens[64];
	struct log_ring *r = new_ring(256);

	for (int i = 0; i < 4; i++)
		lens[r->next_seq] = store_seq(r, 56);	/* 64 bytes each */
	CHECK_EQ(r->head, 256);
	CHECK_EQ(r->dropped, 0);
	CHECK_EQ(check_contents(r, lens), 4);
	lens[r->next_seq] = store_seq(r, 56);
	CHECK_EQ(r->head, 320);
	CHECK_EQ(r->dropped, 1);
	CHECK_EQ(check_contents(r, lens), 4);
}

/* A gap at the end big enough for a header gets a LOG_WRAP marker. */
static void test_gap_with_wrap_marker_is_skipped(void)
{
	static u32 lens[64];
	struct log_ring *r = new_ring(256);

	for (int i = 0; i < 3; i++)
		lens[r->next_seq] = store_seq(r, 56);	/* head at 192 */
	lens[r->next_seq] = store_seq(r, 72);		/* 80 > 64: wraps */
	CHECK_EQ(r->head, 256 + 80);
	CHECK(invariant_holds(r));
	CHECK_EQ(r->dropped, 2);			/* 64 + 64 bytes freed */
	CHECK_EQ(check_contents(r, lens), 2);
	lens[r->next_seq] = store_seq(r, 56);		/* drops seq 2 */
	CHECK_EQ(r->tail, 192);				/* at the marker */
	CHECK_EQ(r->dropped, 3);			/* not the marker */
	CHECK_EQ(check_contents(r, lens), 2);
}

/* A 4-byte gap at the end cannot hold a header; it is skipped by size. */
static void test_gap_smaller_than_header_is_skipped(void)
{
	static u32 lens[64];
	struct log_ring *r = new_ring(256);

	for (int i = 0; i < 21; i++)
		lens[r->next_seq] = store_seq(r, 4);	/* 12 bytes: head 252 */
	CHECK_EQ(r->head, 252);
	lens[r->next_seq] = store_seq(r, 8);		/* 16 > 4 */
	CHECK_EQ(r->head, 256 + 16);
	CHECK(invariant_holds(r));
	CHECK_EQ(r->dropped, 2);
	CHECK_EQ(check_contents(r, lens), 20);
	for (int i = 0; i < 40; i++) {
		lens[r->next_seq] = store_seq(r, 4);
		CHECK_EQ(check_contents(r, lens), log_ring_count(r));
	}
}

/*
 * Thousands of wraps with pseudo-random lengths from 0 to beyond the
 * maximum: after every store each record held must be exactly the one
 * stored under its seq, and stored = held + dropped.
 */
static void test_many_wraps_never_corrupt(void)
{
	static const u32 sizes[] = { 256, 1024 };
	static u32 lens[20000];

	for (size_t s = 0; s < ARRAY_SIZE(sizes); s++) {
		struct log_ring *r = new_ring(sizes[s]);
		u32 max = sizes[s] / 2 - HDR;
		unsigned int seed = 12345;
		int bad = 0;

		for (u32 i = 0; i < ARRAY_SIZE(lens); i++) {
			u32 len;
			int n;

			seed = seed * 1103515245u + 12345u;
			len = (seed >> 16) % (max + 20);
			if (i % 97 == 0)
				len = max;
			lens[r->next_seq] = store_seq(r, len);
			if (lens[i] != (len < max ? len : max))
				bad++;
			n = check_contents(r, lens);
			if (n <= 0 || (u32)n + r->dropped != i + 1 || !invariant_holds(r))
				bad++;
		}
		CHECK_EQ(bad, 0);
		CHECK_EQ(r->next_seq, ARRAY_SIZE(lens));
	}
}

/* head - tail <= size after every store, whatever the mix of lengths. */
static void test_head_minus_tail_never_exceeds_size(void)
{
	static const u32 pattern[] = { 0, 120, 1, 119, 4, 60, 3, 61, 7, 0, 0, 100 };
	struct log_ring *r = new_ring(256);
	int bad = 0;

	for (int i = 0; i < 5000; i++) {
		store_seq(r, pattern[i % ARRAY_SIZE(pattern)] + (u32)(i / 12) % 5);
		if (!invariant_holds(r))
			bad++;
	}
	CHECK_EQ(bad, 0);
}

/* Positions are free-running u32 counters: passing 2^32 must not matter. */
static void test_positions_wrap_past_u32_max(void)
{
	static u32 lens[2000];
	struct log_ring *r = new_ring(256);
	int bad = 0;

	r->head = r->tail = 0xffffff00u - 4 * 7;
	for (u32 i = 0; i < ARRAY_SIZE(lens); i++) {
		lens[r->next_seq] = store_seq(r, (i * 13) % 90);
		if (check_contents(r, lens) <= 0 || !invariant_holds(r))
			bad++;
	}
	CHECK(r->head < 0x80000000u);	/* it did pass 2^32 */
	CHECK_EQ(bad, 0);
}

/* Iteration with an explicit position sees a fresh record appear. */
static void test_next_after_new_store(void)
{
	struct log_ring *r = new_ring(256);
	const struct log_record *rec;
	u32 pos = r->tail;

	log_ring_store(r, 6, "one", 3);
	rec = log_ring_next(r, &pos);
	CHECK(rec && text_is(rec, "one"));
	CHECK(log_ring_next(r, &pos) == NULL);
	log_ring_store(r, 6, "two", 3);
	rec = log_ring_next(r, &pos);
	CHECK(rec && text_is(rec, "two") && rec->seq == 1);
}

HTEST_MAIN(TEST(test_init_accepts_power_of_two_sizes),
	   TEST(test_init_rejects_size_not_power_of_two),
	   TEST(test_init_rejects_too_small),
	   TEST(test_init_rejects_null_buffer),
	   TEST(test_init_rejects_misaligned_buffer),
	   TEST(test_new_ring_is_empty),
	   TEST(test_records_come_back_oldest_first),
	   TEST(test_every_level_is_kept), TEST(test_zero_length_record),
	   TEST(test_zero_length_records_wrap_cleanly),
	   TEST(test_count_matches_records_held),
	   TEST(test_overlong_record_is_cut_to_half_the_ring),
	   TEST(test_record_length_capped_at_u16),
	   TEST(test_filling_past_capacity_drops_oldest_and_counts),
	   TEST(test_record_ending_exactly_at_buffer_end),
	   TEST(test_gap_with_wrap_marker_is_skipped),
	   TEST(test_gap_smaller_than_header_is_skipped),
	   TEST(test_many_wraps_never_corrupt),
	   TEST(test_head_minus_tail_never_exceeds_size),
	   TEST(test_positions_wrap_past_u32_max),
	   TEST(test_next_after_new_store))
