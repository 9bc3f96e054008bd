// SPDX-License-Identifier: MIT
/*
 * In-kernel tests of the boot path: the machine descriptor, the ATAGs as
 * parsed from QEMU's real list, the vector table, the stacks and the
 * command-line parameter table. Run with "ktest=boot".
 */
#include <armlet/ktest.h>
#include <armlet/params.h>
#include <asm/cp15.h>
#include <asm/mach.h>
#include <asm/memory.h>
#include <asm/setup.h>
#include <armlet/sched.h>

extern const char _text[], _end[], __vectors_start[];
extern const char __svc_stack_top[];

static void machine_matches_r1(struct ktest *t)
{
	KTEST_ASSERT_TRUE(t, machine_desc != NULL);
	KTEST_EXPECT_EQ(t, machine_desc->nr, __machine_arch_type);
	KTEST_EXPECT_TRUE(t, lookup_machine_desc(__machine_arch_type) == machine_desc);
	KTEST_EXPECT_TRUE(t, lookup_machine_desc(0x457) == NULL);
}

static void atags_came_from_qemu(struct ktest *t)
{
	const struct membank *b = &boot_params.bank[0];

	KTEST_EXPECT_TRUE(t, boot_params.from_atags);
	KTEST_EXPECT_TRUE(t, !boot_params.default_memory);
	KTEST_EXPECT_EQ(t, __atags_pointer, machine_desc->ram_base + machine_desc->atag_offset);
	KTEST_ASSERT_TRUE(t, boot_params.nr_banks >= 1);
	KTEST_EXPECT_EQ(t, b->start, machine_desc->ram_base);
	/* The kernel we are running must be inside the RAM we were given. */
	KTEST_EXPECT_TRUE(t, __pa(_text) >= b->start);
	KTEST_EXPECT_TRUE(t, __pa(_end) <= b->start + b->size);
}

/* We were selected by "ktest=...", so the command line must say so. */
static void cmdline_reached_kernel(struct ktest *t)
{
	const char *p = boot_params.cmdline;
	bool found = false;

	for (; *p; p++)
		if (!strncmp(p, "ktest=", 6) && (p == boot_params.cmdline || p[-1] == ' '))
			found = true;
	KTEST_EXPECT_TRUE(t, found);
}

/* Re-parsing the boot loader's list gives the same answer: no hidden state. */
static void atags_parse_is_repeatable(struct ktest *t)
{
	static struct boot_params again;
	const struct ram_window ram = {
		.base = machine_desc->ram_base,
		.max_size = machine_desc->ram_max,
		.default_size = machine_desc->ram_default,
	};

	KTEST_EXPECT_EQ(t, atags_parse(__va(__atags_pointer), ATAG_LIST_MAX, &ram, &again), 0);
	KTEST_EXPECT_TRUE(t, !memcmp(&again, &boot_params, sizeof(again)));
}

static void vectors_installed(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, read_vbar(), (uintptr_t)__vectors_start);
	KTEST_EXPECT_EQ(t, (uintptr_t)__vectors_start % 32, 0);
	KTEST_EXPECT_EQ(t, read_sctlr() & SCTLR_V, 0);
}

/* Tests run in task 1: on its own kernel stack, in the vmalloc area. */
static void running_on_own_kernel_stack(struct ktest *t)
{
	uintptr_t sp, base = (uintptr_t)current->stack;

	__asm__ __volatile__("mov %0, sp" : "=r"(sp));
	KTEST_EXPECT_TRUE(t, sp > base && sp <= base + THREAD_SIZE);
	KTEST_EXPECT_TRUE(t, base >= VMALLOC_START && base < VMALLOC_END);
	KTEST_EXPECT_EQ(t, current->pid, 1);
	KTEST_EXPECT_EQ(t, (uintptr_t)__svc_stack_top % 8, 0);
}

/* Every registered parameter has a handler and no name is registered twice. */
static void param_table_is_sane(struct ktest *t)
{
	size_t n = __setup_end - __setup_start;

	KTEST_EXPECT_TRUE(t, n >= 3);
	for (size_t i = 0; i < n; i++) {
		KTEST_EXPECT_TRUE(t, __setup_start[i].name && __setup_start[i].setup);
		for (size_t j = i + 1; j < n; j++)
			KTEST_EXPECT_TRUE(t, !param_name_eq(__setup_start[i].name,
							   __setup_start[j].name));
	}
}

static const struct ktest_case boot_cases[] = {
	KTEST_CASE(machine_matches_r1),
	KTEST_CASE(atags_came_from_qemu),
	KTEST_CASE(cmdline_reached_kernel),
	KTEST_CASE(atags_parse_is_repeatable),
	KTEST_CASE(vectors_installed),
	KTEST_CASE(running_on_own_kernel_stack),
	KTEST_CASE(param_table_is_sane),
};
KTEST_SUITE(boot, boot_cases);
