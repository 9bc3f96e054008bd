// SPDX-License-Identifier: MIT
/*
 * Choose the machine descriptor for the id the boot loader passed in r1.
 * Linux counterpart: arch/arm/kernel/setup.c (setup_machine_tags,
 * lookup_machine_type) and head-common.S (__error_a).
 *
 * Context: called from boot/head.S with the MMU on, stacks set, .bss
 * zeroed and no console yet; an unknown id is reported on the board's
 * debug UART (Linux: DEBUG_LL) and the machine stops.
 */
#include <asm/mach.h>
#include <armlet/printk.h>
#include <armlet/reboot.h>
#include <armlet/semihost.h>
#include <drivers/serial.h>
#include <asm/memory.h>
#include <mach/vexpress.h>

/*
 * The UART used before a machine descriptor is known (Linux: DEBUG_LL),
 * through the debug I/O section head.S maps.
 */
#define DEBUG_UART_BASE	DEBUG_IO_ADDR(VEXPRESS_UART0_BASE)

extern const struct machine_desc __arch_info_begin[], __arch_info_end[];

const struct machine_desc *machine_desc;

const struct machine_desc *lookup_machine_desc(unsigned int nr)
{
	for (const struct machine_desc *m = __arch_info_begin; m < __arch_info_end; m++)
		if (m->nr == nr)
			return m;
	return NULL;
}

static void __noreturn error_unknown_machine(unsigned int nr)
{
	char line[96];

	semihost_probe();	/* so machine_halt() can tell a test harness */
	pl011_puts(DEBUG_UART_BASE, "\nError: unrecognized/unsupported machine ID\n");
	snprintf(line, sizeof(line), "  r1 = 0x%08x (%u); Armlet supports:\n", nr, nr);
	pl011_puts(DEBUG_UART_BASE, line);
	for (const struct machine_desc *m = __arch_info_begin; m < __arch_info_end; m++) {
		snprintf(line, sizeof(line), "  0x%08x  %s\n", m->nr, m->name);
		pl011_puts(DEBUG_UART_BASE, line);
	}
	pl011_puts(DEBUG_UART_BASE, "Stopping.\n");
	machine_halt(EXIT_HALTED);
}

/* setup_machine - set machine_desc for id nr, or stop with a message. */
void setup_machine(unsigned int nr)
{
	machine_desc = lookup_machine_desc(nr);
	if (!machine_desc)
		error_unknown_machine(nr);
	if (machine_desc->init_early)
		machine_desc->init_early();
}
