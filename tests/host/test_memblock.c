// SPDX-License-Identifier: MIT
/*
 * Host tests for memblock (mm/memblock.c): sorted, merged region lists,
 * top-down aligned allocation that avoids reserved ranges, and
 * memblock_free_all handing out exactly the free whole pages.
 */
#include "htest.h"
#include <armlet/errno.h>
#include <armlet/memblock.h>

#define MiB	0x100000u
#define PG	4096u

static unsigned long released[64][2];
static unsigned int nr_released;

static void record(unsigned long pfn, unsigned long nr)
{
	released[nr_released][0] = pfn;
	released[nr_released][1] = nr;
	nr_released++;
}

static void test_adjacent_and_overlapping_regions_merge(void)
{
	memblock_reset();
	CHECK_EQ(memblock_add(0x60000000, 16 * MiB), 0);
	CHECK_EQ(memblock_add(0x61000000, 16 * MiB), 0);	/* touches */
	CHECK_EQ(memblock_add(0x60800000, 1 * MiB), 0);		/* inside */
	CHECK_EQ(memblock.memory.cnt, 1);
	CHECK_EQ(memblock.memory.regions[0].base, 0x60000000);
	CHECK_EQ(memblock.memory.regions[0].size, 32 * MiB);
	CHECK_EQ(memblock_size(&memblock.memory), 32 * MiB);
}

static void test_regions_stay_sorted(void)
{
	memblock_reset();
	memblock_reserve(0x70000000, PG);
	memblock_reserve(0x60000000, PG);
	memblock_reserve(0x68000000, PG);
	CHECK_EQ(memblock.reserved.cnt, 3);
	CHECK_EQ(memblock.reserved.regions[0].base, 0x60000000);
	CHECK_EQ(memblock.reserved.regions[1].base, 0x68000000);
	CHECK_EQ(memblock.reserved.regions[2].base, 0x70000000);
	/* one range spanning two of them merges all three into one */
	memblock_reserve(0x60000000, 0x10000000 + PG);
	CHECK_EQ(memblock.reserved.cnt, 1);
	CHECK_EQ(memblock.reserved.regions[0].size, 0x10000000 + PG);
}

static void test_too_many_regions_is_refused(void)
{
	memblock_reset();
	for (unsigned int i = 0; i < MEMBLOCK_MAX_REGIONS; i++)
		CHECK_EQ(memblock_reserve(0x60000000 + i * 2 * PG, PG), 0);
	CHECK_EQ(memblock_reserve(0x70000000, PG), -ENOSPC);
	CHECK(htest_log_has("too many reserved regions"));
	CHECK_EQ(memblock_reserve(0x60000000 + PG, PG), 0);	/* merging still works */
	CHECK_EQ(memblock_add(0xfffff000, 2 * PG), -EINVAL);	/* past 4 GiB */
}

static void test_alloc_is_top_down_aligned_and_reserved(void)
{
	phys_addr_t a, b;

	memblock_reset();
	memblock_add(0x60000000, 64 * MiB);
	a = memblock_alloc(1024, 1024);
	CHECK_EQ(a, 0x64000000 - 1024);
	b = memblock_alloc(3 * PG, 16 * 1024);
	CHECK_EQ(b % (16 * 1024), 0);
	CHECK(b + 3 * PG <= a);
	CHECK_EQ(memblock_size(&memblock.reserved), 1024 + 3 * PG);
}

static void test_alloc_skips_reserved_ranges(void)
{
	phys_addr_t a;

	memblock_reset();
	memblock_add(0x60000000, 4 * MiB);
	memblock_reserve(0x60200000, 2 * MiB);	/* the top half is taken */
	a = memblock_alloc(MiB, MiB);
	CHECK_EQ(a, 0x60100000);
	a = memblock_alloc(MiB, MiB);
	CHECK_EQ(a, 0x60000000);
	CHECK_EQ(memblock_alloc(PG, PG), 0);	/* full */
	CHECK(htest_log_has("out of boot memory"));
}

static void test_alloc_uses_the_highest_bank(void)
{
	memblock_reset();
	memblock_add(0x60000000, 8 * MiB);
	memblock_add(0x80000000, 8 * MiB);
	CHECK_EQ(memblock_alloc(PG, PG), 0x80800000 - PG);
}

/* Exactly memory minus reserved, in whole pages, each page once. */
static void test_free_all_releases_the_gaps(void)
{
	unsigned long total = 0;

	memblock_reset();
	nr_released = 0;
	memblock_add(0x60000000, 16 * MiB);
	memblock_add(0x70000000, 1 * MiB);
	memblock_reserve(0x60010000, 0x30000);		/* kernel */
	memblock_reserve(0x60000100, 0x100);		/* ATAGs: one partial page */
	memblock_reserve(0x60ff0000, 0x20000);		/* across the end of bank 0 */
	memblock_free_all(record);
	CHECK_EQ(nr_released, 3);
	CHECK_EQ(released[0][0], 0x60001);	/* page 0 holds the ATAGs */
	CHECK_EQ(released[0][1], 0xf);
	CHECK_EQ(released[1][0], 0x60040);
	CHECK_EQ(released[1][1], 0xff0 - 0x40);
	CHECK_EQ(released[2][0], 0x70000);
	CHECK_EQ(released[2][1], 0x100);
	for (unsigned int i = 0; i < nr_released; i++)
		total += released[i][1];
	CHECK_EQ(total, (17 * MiB - 0x30000 - PG - 0x10000) / PG);
}

static void test_free_all_with_nothing_reserved(void)
{
	memblock_reset();
	nr_released = 0;
	memblock_add(0x60000000, 64 * MiB);
	memblock_free_all(record);
	CHECK_EQ(nr_released, 1);
	CHECK_EQ(released[0][1], 64 * MiB / PG);
}

HTEST_MAIN(TEST(test_adjacent_and_overlapping_regions_merge), TEST(test_regions_stay_sorted),
	   TEST(test_too_many_regions_is_refused), TEST(test_alloc_is_top_down_aligned_and_reserved),
	   TEST(test_alloc_skips_reserved_ranges), TEST(test_alloc_uses_the_highest_bank),
	   TEST(test_free_all_releases_the_gaps), TEST(test_free_all_with_nothing_reserved))
