// SPDX-License-Identifier: MIT
/*
 * Architecture set-up: read what the boot loader passed (the ATAG list)
 * into boot_params, set up the kernel's page tables, and bring up the
 * board's console. Linux counterpart: arch/arm/kernel/setup.c (setup_arch)
 * and atags_parse.c (setup_machine_tags).
 *
 * Context: boot, single CPU, interrupts off, on head.S's boot page tables.
 */
#define pr_fmt(fmt) fmt

#include <armlet/seq_buf.h>
#include <armlet/console.h>
#include <armlet/init.h>
#include <armlet/kernel.h>
#include <armlet/printk.h>
#include <asm/cp15.h>
#include <asm/mach.h>
#include <asm/memory.h>
#include <asm/setup.h>
#include <armlet/vmalloc.h>
#include <drivers/serial.h>

unsigned int __machine_arch_type;
phys_addr_t __atags_pointer;
struct boot_params boot_params;

/*
 * How many bytes of ATAG list we may read at p: it must start in RAM and
 * below the kernel image (the boot protocol keeps it there), and no list
 * is longer than ATAG_LIST_MAX. Returns 0 for a pointer we must not follow.
 */
static size_t atag_window(const struct machine_desc *m, phys_addr_t p)
{
	if (p < m->ram_base || p >= m->kernel_phys)
		return 0;
	return min((size_t)(m->kernel_phys - p), (size_t)ATAG_LIST_MAX);
}

static void parse_boot_tags(const struct machine_desc *m)
{
	const struct ram_window ram = {
		.base = m->ram_base,
		.max_size = m->ram_max,
		.default_size = m->ram_default,
	};
	size_t max = atag_window(m, __atags_pointer);

	if (!max) {
		pr_warn("ATAG: list pointer r2 = 0x%08x is not in RAM below the kernel (0x%08x-0x%08x)\n",
			__atags_pointer, m->ram_base, m->kernel_phys - 1);
		atags_parse(NULL, 0, &ram, &boot_params);
		return;
	}
	if (atags_parse(__va(__atags_pointer), max, &ram, &boot_params))
		pr_warn("ATAG: list at 0x%08x was malformed; see the warnings above\n",
			__atags_pointer);
}

/* show_boot_params - what the kernel was told at boot, in words. */
void show_boot_params(struct seq_buf *m)
{
	const struct boot_params *bp = &boot_params;
	u32 total = 0;

	for (unsigned int i = 0; i < bp->nr_banks; i++) {
		total += bp->bank[i].size;
		seq_printf(m, "Memory bank %u: 0x%08x-0x%08x (%u MiB)\n", i,
			bp->bank[i].start, bp->bank[i].start + bp->bank[i].size - 1,
			bp->bank[i].size >> 20);
	}
	seq_printf(m, "Memory: %u MiB RAM in %u bank%s%s\n", total >> 20, bp->nr_banks,
		bp->nr_banks == 1 ? "" : "s", bp->default_memory ? " (machine default)" : "");
	if (bp->initrd_size)
		seq_printf(m, "initrd: 0x%08x-0x%08x (%u bytes)\n", bp->initrd_start,
			bp->initrd_start + bp->initrd_size - 1, bp->initrd_size);
	else
		seq_printf(m, "initrd: none\n");
	seq_printf(m, "Kernel command line: %s\n", bp->cmdline[0] ? bp->cmdline : "(empty)");
}

void setup_arch(void)
{
	const struct machine_desc *m = machine_desc;

	pr_info("CPU: ARMv7 processor [%08x], MPIDR %08x\n", read_midr(), read_mpidr());
	pr_info("Machine: %s, id 0x%x\n", m->name, m->nr);
	pr_info("ATAG: list at 0x%08x\n", __atags_pointer);
	parse_boot_tags(m);
	arm_memblock_init();	/* RAM and what is already taken */
	paging_init();		/* all RAM mapped, kernel permissions, no NULL */
}

static struct pl011_console uart_console;

/* The UART starts on head.S's debug I/O mapping, ... */
void console_init(void)
{
	if (uart_console.base)
		return;
	pl011_console_init(&uart_console, DEBUG_IO_ADDR(machine_desc->uart_base),
			   machine_desc->uart_clk_hz);
}

/* ... and moves to an ioremap() mapping once there is one. */
void console_remap(void)
{
	void *base = ioremap(machine_desc->uart_base, PAGE_SIZE);

	if (base)
		uart_console.base = (uintptr_t)base;
}
