// SPDX-License-Identifier: MIT
/*
 * Host tests for fault status decoding (mm/fsr.c, asm/fsr.h): FS[4:0]
 * from bits 10 and 3:0, each short-descriptor code of ARM ARM table B3-23,
 * and the bits (WnR, ExT, domain, LPAE) that must or must not matter.
 */
#include "htest.h"
#include <armlet/compiler.h>
#include <asm/fsr.h>

static void test_alignment_fault(void)
{
	CHECK_STR(fsr_describe(0x001), "alignment fault");
}

static void test_translation_faults_section_and_page(void)
{
	CHECK_STR(fsr_describe(0x005), "translation fault (section)");
	CHECK_STR(fsr_describe(0x007), "translation fault (page)");
}

static void test_permission_faults_section_and_page(void)
{
	CHECK_STR(fsr_describe(0x00d), "permission fault (section)");
	CHECK_STR(fsr_describe(0x00f), "permission fault (page)");
}

static void test_domain_faults_section_and_page(void)
{
	CHECK_STR(fsr_describe(0x009), "domain fault (section)");
	CHECK_STR(fsr_describe(0x00b), "domain fault (page)");
}

static void test_access_flag_faults_section_and_page(void)
{
	CHECK_STR(fsr_describe(0x003), "access flag fault (section)");
	CHECK_STR(fsr_describe(0x006), "access flag fault (page)");
}

static void test_debug_event(void)
{
	CHECK_STR(fsr_describe(0x002), "debug event");
	CHECK_STR(fsr_describe(FSR_FS_DEBUG), "debug event");
	CHECK_EQ(fsr_fs(FSR_FS_DEBUG), 0x02);
}

static void test_sync_external_abort(void)
{
	CHECK_STR(fsr_describe(0x008), "synchronous external abort");
}

/* 0x406 is FS = 0b10110: FS[4] lives in bit 10, not bit 4. */
static void test_async_external_abort_uses_bit_10_as_fs4(void)
{
	CHECK_STR(fsr_describe(0x406), "asynchronous external abort");
	CHECK_STR(fsr_describe(0x006), "access flag fault (page)");
	/* bit 4 belongs to the domain field */
	CHECK_STR(fsr_describe(0x016), "access flag fault (page)");
}

/* Every encoding of table B3-23, written out independently of mm/fsr.c. */
static void test_every_architected_code(void)
{
	static const struct {
		u32 fsr;
		const char *text;
	} codes[] = {
		{ 0x001, "alignment fault" },
		{ 0x002, "debug event" },
		{ 0x003, "access flag fault (section)" },
		{ 0x004, "fault on instruction cache maintenance" },
		{ 0x005, "translation fault (section)" },
		{ 0x006, "access flag fault (page)" },
		{ 0x007, "translation fault (page)" },
		{ 0x008, "synchronous external abort" },
		{ 0x009, "domain fault (section)" },
		{ 0x00b, "domain fault (page)" },
		{ 0x00c, "synchronous external abort on translation table walk (first level)" },
		{ 0x00d, "permission fault (section)" },
		{ 0x00e, "synchronous external abort on translation table walk (second level)" },
		{ 0x00f, "permission fault (page)" },
		{ 0x400, "TLB conflict abort" },
		{ 0x404, "lockdown abort" },
		{ 0x406, "asynchronous external abort" },
		{ 0x408, "asynchronous parity error on memory access" },
		{ 0x409, "synchronous parity error on memory access" },
		{ 0x40a, "coprocessor abort" },
		{ 0x40c, "synchronous parity error on translation table walk (first level)" },
		{ 0x40e, "synchronous parity error on translation table walk (second level)" },
	};

	for (size_t i = 0; i < ARRAY_SIZE(codes); i++)
		CHECK_STR(fsr_describe(codes[i].fsr), codes[i].text);
}

static void test_unknown_codes_give_unknown_fault_status(void)
{
	static const u32 unknown[] = {
		0x000, 0x00a, 0x401, 0x402, 0x403, 0x405, 0x407,
		0x40b, 0x40d, 0x40f,
	};

	for (size_t i = 0; i < ARRAY_SIZE(unknown); i++)
		CHECK_STR(fsr_describe(unknown[i]), "unknown fault status");
}

/* Whatever the register holds, there is a description to print. */
static void test_describe_never_returns_null(void)
{
	static const u32 extra[] = { 0, FSR_WNR, FSR_EXT, FSR_DOMAIN, FSR_LPAE,
				     0xffffe000u };

	for (size_t e = 0; e < ARRAY_SIZE(extra); e++)
		for (u32 fs = 0; fs < 32; fs++) {
			u32 fsr = (fs & 0xf) | (fs & 0x10 ? FSR_FS_HIGH : 0) | extra[e];
			const char *s = fsr_describe(fsr);

			CHECK(s != NULL && s[0] != '\0');
		}
	CHECK(fsr_describe(0xffffffffu) != NULL);
}

static void test_wnr_bit_does_not_change_description(void)
{
	for (u32 fs = 0; fs < 32; fs++) {
		u32 fsr = (fs & 0xf) | (fs & 0x10 ? FSR_FS_HIGH : 0);

		CHECK_STR(fsr_describe(fsr | FSR_WNR), fsr_describe(fsr));
	}
	CHECK_STR(fsr_describe(0x80f), "permission fault (page)");
	CHECK_STR(fsr_describe(0x805), "translation fault (section)");
}

static void test_ext_bit_does_not_change_description(void)
{
	for (u32 fs = 0; fs < 32; fs++) {
		u32 fsr = (fs & 0xf) | (fs & 0x10 ? FSR_FS_HIGH : 0);

		CHECK_STR(fsr_describe(fsr | FSR_EXT), fsr_describe(fsr));
		CHECK_STR(fsr_describe(fsr | FSR_EXT | FSR_WNR), fsr_describe(fsr));
	}
	CHECK_STR(fsr_describe(0x1008), "synchronous external abort");
	CHECK_STR(fsr_describe(0x1406), "asynchronous external abort");
}

/* Bits 7:4 are the domain, not part of the status. */
static void test_domain_field_does_not_change_description(void)
{
	for (u32 dom = 0; dom < 16; dom++) {
		CHECK_STR(fsr_describe(0x009 | dom << 4), "domain fault (section)");
		CHECK_STR(fsr_describe(0x40e | dom << 4),
			  "synchronous parity error on translation table walk (second level)");
	}
}

static void test_lpae_bit_gives_long_descriptor_message(void)
{
	static const u32 fsrs[] = { 0x200, 0x205, 0x20f, 0x606, 0xa07, 0xffffffffu };

	for (size_t i = 0; i < ARRAY_SIZE(fsrs); i++)
		CHECK_STR(fsr_describe(fsrs[i]),
			  "long-descriptor format status (unexpected)");
}

static void test_fsr_fs_combines_bit_10_as_fs4(void)
{
	CHECK_EQ(fsr_fs(0x000), 0x00);
	CHECK_EQ(fsr_fs(0x00f), 0x0f);
	CHECK_EQ(fsr_fs(0x400), 0x10);
	CHECK_EQ(fsr_fs(0x406), 0x16);
	CHECK_EQ(fsr_fs(0x40f), 0x1f);
	CHECK_EQ(fsr_fs(FSR_FS_HIGH | 0x1), 0x11);
}

/* Only bits 10 and 3:0 make up FS; every other bit is ignored. */
static void test_fsr_fs_ignores_other_bits(void)
{
	CHECK_EQ(fsr_fs(0x3f0), 0x00);
	CHECK_EQ(fsr_fs(0x010), 0x00);	/* bit 4 is not FS[4] */
	CHECK_EQ(fsr_fs(FSR_WNR | FSR_EXT | FSR_DOMAIN | 0x7), 0x07);
	CHECK_EQ(fsr_fs(0xfffffbf0u), 0x00);
	CHECK_EQ(fsr_fs(0xffffffffu), 0x1f);
	for (u32 fs = 0; fs < 32; fs++)
		CHECK_EQ(fsr_fs((fs & 0xf) | (fs & 0x10 ? FSR_FS_HIGH : 0)), fs);
}

HTEST_MAIN(TEST(test_alignment_fault),
	   TEST(test_translation_faults_section_and_page),
	   TEST(test_permission_faults_section_and_page),
	   TEST(test_domain_faults_section_and_page),
	   TEST(test_access_flag_faults_section_and_page),
	   TEST(test_debug_event), TEST(test_sync_external_abort),
	   TEST(test_async_external_abort_uses_bit_10_as_fs4),
	   TEST(test_every_architected_code),
	   TEST(test_unknown_codes_give_unknown_fault_status),
	   TEST(test_describe_never_returns_null),
	   TEST(test_wnr_bit_does_not_change_description),
	   TEST(test_ext_bit_does_not_change_description),
	   TEST(test_domain_field_does_not_change_description),
	   TEST(test_lpae_bit_gives_long_descriptor_message),
	   TEST(test_fsr_fs_combines_bit_10_as_fs4),
	   TEST(test_fsr_fs_ignores_other_bits))
