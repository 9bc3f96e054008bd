// SPDX-License-Identifier: MIT
/*
 * Crash the kernel on purpose, to test the oops and panic paths:
 * "lkdtm=DATA_ABORT" on the command line triggers a data abort at boot.
 * Linux counterpart: drivers/misc/lkdtm (the Linux Kernel Dump Test
 * Module, whose cpoint_type parameter works the same way).
 *
 * Context: task 1 (process context) during boot, before the monitor. The
 * crashes never return; the slab bugs are reported and boot goes on.
 */
#define pr_fmt(fmt) "lkdtm: " fmt

#include <armlet/bug.h>
#include <armlet/init.h>
#include <armlet/kernel.h>
#include <armlet/params.h>
#include <armlet/printk.h>
#include <armlet/slab.h>
#include <armlet/string.h>

static void lkdtm_panic(void)
{
	panic("lkdtm: PANIC requested");
}

/* LDM from an address that is not word aligned always faults (ARM ARM A3.2.1). */
static void lkdtm_data_abort(void)
{
	static u32 words[4];
	uintptr_t odd = (uintptr_t)words + 1;

	__asm__ __volatile__("ldm %0, {r2, r3}" : : "r"(odd) : "r2", "r3", "memory");
}

static void lkdtm_undefined(void)
{
	__asm__ __volatile__("udf #0");
}

/* BKPT with no debugger attached is a prefetch abort (debug event). */
static void lkdtm_prefetch_abort(void)
{
	__asm__ __volatile__("bkpt #0");
}

static void lkdtm_svc(void)
{
	__asm__ __volatile__("svc #0" ::: "lr", "memory");
}

static void lkdtm_null_deref(void)
{
	*(volatile u32 *)NULL;
}

static const u32 lkdtm_rodata = 42;

static void lkdtm_write_ro(void)
{
	*(volatile u32 *)&lkdtm_rodata = 0;
}

static u32 lkdtm_data_code[1] = { 0xe12fff1e };	/* "bx lr", in data */

static void lkdtm_exec_data(void)
{
	((void (*)(void))lkdtm_data_code)();
}

/* Recurse with a big frame until the stack runs into its guard page. */
static int lkdtm_recurse(int depth)
{
	volatile char frame[512];

	frame[0] = (char)depth;
	if (depth > 1000000)	/* never: the guard page comes first */
		return 0;
	return lkdtm_recurse(depth + 1) + frame[0];
}

static void lkdtm_stack_overflow(void)
{
	lkdtm_recurse(0);
}

/* The slab bugs are reported (with slub_debug), not fatal: boot goes on. */
static void lkdtm_slab_overflow(void)
{
	u8 *p = kmalloc(64, GFP_KERNEL);

	p[64] = 0x42;	/* one past the end: the red zone */
	kfree(p);
}

static void lkdtm_slab_use_after_free(void)
{
	u8 *p = kmalloc(64, GFP_KERNEL);

	kfree(p);
	p[8] = 0x42;	/* the poison of a free object */
	kfree(kmalloc(64, GFP_KERNEL));	/* reallocation checks it */
}

static void lkdtm_slab_double_free(void)
{
	void *p = kmalloc(64, GFP_KERNEL);

	kfree(p);
	kfree(p);
}

/* A warning is reported with a call trace, and boot goes on. */
static void lkdtm_warning(void)
{
	WARN_ON(lkdtm_rodata == 42);
}

static void lkdtm_bug(void)
{
	BUG_ON(lkdtm_rodata == 42);
}

/*
 * Smash the saved frame pointer of this function's caller, then oops:
 * the call trace must stop at the bad link instead of following it.
 */
static void __attribute__((noinline)) lkdtm_corrupt_frame(void)
{
	unsigned long *fp = __builtin_frame_address(0);

	fp[-3] = 0xdeadbee0;	/* the caller's fp, as the prologue saved it */
	__asm__ __volatile__("udf #1");
}

static const struct {
	const char *name;
	void (*trigger)(void);
	bool survivable;	/* reported, then boot continues */
} crash_types[] = {
	{ "PANIC", lkdtm_panic, false },
	{ "DATA_ABORT", lkdtm_data_abort, false },
	{ "UNDEFINED", lkdtm_undefined, false },
	{ "PREFETCH_ABORT", lkdtm_prefetch_abort, false },
	{ "SVC", lkdtm_svc, false },
	{ "NULL_DEREF", lkdtm_null_deref, false },
	{ "WRITE_RO", lkdtm_write_ro, false },
	{ "EXEC_DATA", lkdtm_exec_data, false },
	{ "STACK_OVERFLOW", lkdtm_stack_overflow, false },
	{ "WARNING", lkdtm_warning, true },
	{ "BUG", lkdtm_bug, false },
	{ "CORRUPT_FRAME", lkdtm_corrupt_frame, false },
	{ "SLAB_OVERFLOW", lkdtm_slab_overflow, true },
	{ "SLAB_USE_AFTER_FREE", lkdtm_slab_use_after_free, true },
	{ "SLAB_DOUBLE_FREE", lkdtm_slab_double_free, true },
};

static char crash_request[32];

/* lkdtm_boot - trigger the crash asked for on the command line, if any. */
void lkdtm_boot(void)
{
	if (!crash_request[0])
		return;
	for (size_t i = 0; i < ARRAY_SIZE(crash_types); i++) {
		if (!strcmp(crash_request, crash_types[i].name)) {
			pr_emerg("Performing direct entry %s\n", crash_types[i].name);
			crash_types[i].trigger();
			if (crash_types[i].survivable)
				return;
			panic("lkdtm: %s did not crash", crash_types[i].name);
		}
	}
	pr_err("unknown crash type '%s'; known types:\n", crash_request);
	for (size_t i = 0; i < ARRAY_SIZE(crash_types); i++)
		pr_err("  %s\n", crash_types[i].name);
}

static int set_lkdtm(char *val)
{
	if (!val || !*val || strlen(val) >= sizeof(crash_request))
		return -EINVAL;
	strlcpy(crash_request, val, sizeof(crash_request));
	return 0;
}
__setup("lkdtm", set_lkdtm);
