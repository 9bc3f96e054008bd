// SPDX-License-Identifier: MIT
/*
 * Power off, restart and halt. Linux counterpart: arch/arm/kernel/reboot.c.
 * Context: any; these never return.
 */
#include <armlet/printk.h>
#include <armlet/reboot.h>
#include <armlet/semihost.h>
#include <asm/mach.h>

static void __noreturn stop_cpu(void)
{
	for (;;)
		__asm__ __volatile__("cpsid if\n\twfi" ::: "memory");
}

/*
 * machine_halt - stop for good. With a debug host (the test harness),
 * QEMU exits with exit_code; otherwise the CPU sleeps with interrupts off.
 */
void machine_halt(int exit_code)
{
	semihost_exit(exit_code);
	stop_cpu();
}

/* Ask the board to act, wait for it (it acts asynchronously), else halt. */
static void __noreturn board_action(const char *what, void (*action)(void))
{
	if (action)
		action();
	for (volatile int i = 0; i < 10000000; i++)
		;
	pr_emerg("%s did not happen; halting\n", what);
	machine_halt(EXIT_OK);
}

/* machine_power_off - switch the board off; QEMU exits with status 0. */
void machine_power_off(void)
{
	pr_emerg("Power down\n");
	board_action("Power off", machine_desc ? machine_desc->power_off : NULL);
}

/* machine_restart - reset the board (QEMU reboots unless -no-reboot). */
void machine_restart(void)
{
	pr_emerg("Restarting system\n");
	board_action("Restart", machine_desc ? machine_desc->restart : NULL);
}
