// SPDX-License-Identifier: MIT
/*
 * Crash the kernel on purpose, to test the oops and panic paths:
 * "lkdtm=DATA_ABORT" on the command line triggers a data abort at boot.
 * Linux counterpart: drivers/misc/lkdtm (the Linux Kernel Dump Test
 * Module, whose cpoint_type parameter works the same way).
 *
 * Context: boot, after the console is up. Each trigger never returns.
 */
#define pr_fmt(fmt) "lkdtm: " fmt

#include <armlet/init.h>
#include <armlet/kernel.h>
#include <armlet/params.h>
#include <armlet/printk.h>
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

static const struct {
	const char *name;
	void (*trigger)(void);
} crash_types[] = {
	{ "PANIC", lkdtm_panic },
	{ "DATA_ABORT", lkdtm_data_abort },
	{ "UNDEFINED", lkdtm_undefined },
	{ "PREFETCH_ABORT", lkdtm_prefetch_abort },
	{ "SVC", lkdtm_svc },
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
