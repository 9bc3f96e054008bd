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

/* machine_power_off - switch the board off; QEMU exits with status 0. */
void machine_power_off(void)
{
	pr_emerg("Power down\n");
	if (machine_desc && machine_desc->power_off)
		machine_desc->power_off();
	/* The board acts asynchronously: wait for it, then give up. */
	for (volatile int i = 0; i < 10000000; i++)
		;
	pr_emerg("Power off did not happen; halting\n");
	machine_halt(EXIT_OK);
}

void machine_restart(void)
{
	pr_emerg("Restarting system\n");
	if (machine_desc && machine_desc->restart)
		machine_desc->restart();
	for (volatile int i = 0; i < 10000000; i++)
		;
	pr_emerg("Restart did not happen; halting\n");
	machine_halt(EXIT_OK);
}
