// SPDX-License-Identifier: MIT
/*
 * The meaning of each fault status code, for oops messages. Linux
 * counterpart: arch/arm/mm/fsr-2level.c. Codes from the ARM ARM (DDI 0406C)
 * table B3-23, "Short-descriptor format FSR encodings".
 * Pure code: also built on the host for tests/host/test_fsr.c.
 */
#include <asm/fsr.h>
#include <armlet/compiler.h>

static const char *const fs_names[32] = {
	[0x01] = "alignment fault",
	[0x02] = "debug event",
	[0x03] = "access flag fault (section)",
	[0x04] = "fault on instruction cache maintenance",
	[0x05] = "translation fault (section)",
	[0x06] = "access flag fault (page)",
	[0x07] = "translation fault (page)",
	[0x08] = "synchronous external abort",
	[0x09] = "domain fault (section)",
	[0x0b] = "domain fault (page)",
	[0x0c] = "synchronous external abort on translation table walk (first level)",
	[0x0d] = "permission fault (section)",
	[0x0e] = "synchronous external abort on translation table walk (second level)",
	[0x0f] = "permission fault (page)",
	[0x10] = "TLB conflict abort",
	[0x14] = "lockdown abort",
	[0x16] = "asynchronous external abort",
	[0x18] = "asynchronous parity error on memory access",
	[0x19] = "synchronous parity error on memory access",
	[0x1a] = "coprocessor abort",
	[0x1c] = "synchronous parity error on translation table walk (first level)",
	[0x1e] = "synchronous parity error on translation table walk (second level)",
};

const char *fsr_describe(u32 fsr)
{
	const char *name;

	if (fsr & FSR_LPAE)
		return "long-descriptor format status (unexpected)";
	name = fs_names[fsr_fs(fsr)];
	return name ? name : "unknown fault status";
}
