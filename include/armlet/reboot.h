/* SPDX-License-Identifier: MIT */
/*
 * Stopping the machine. Linux: <linux/reboot.h> (machine_power_off,
 * machine_halt, machine_restart). Under the test harness QEMU runs with
 * -semihosting and its exit status tells how the kernel stopped.
 */
#ifndef ARMLET_REBOOT_H
#define ARMLET_REBOOT_H

#include <armlet/compiler.h>

/* QEMU exit statuses, as the harness (tests/harness.py) reads them. */
#define EXIT_OK			0	/* all tests passed / clean power off */
#define EXIT_TESTS_FAILED	1	/* some in-kernel test failed */
#define EXIT_HALTED		2	/* stopped before the console (unknown machine) */
#define EXIT_PANIC		3	/* panic() */

void machine_power_off(void) __noreturn;
void machine_restart(void) __noreturn;
void machine_halt(int exit_code) __noreturn;

#endif /* ARMLET_REBOOT_H */
