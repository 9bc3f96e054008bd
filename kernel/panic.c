// SPDX-License-Identifier: MIT
/*
 * panic(): the only way the kernel stops on an error. Linux counterpart:
 * kernel/panic.c.
 *
 * Context: any. Masks interrupts, prints the message (and, when no oops
 * came before it, the caller's registers), then halts; under the test
 * harness QEMU exits with EXIT_PANIC.
 */
#include <armlet/console.h>
#include <armlet/kernel.h>
#include <armlet/printk.h>
#include <armlet/reboot.h>
#include <asm/traps.h>

#define STR(x)	#x
#define XSTR(x)	STR(x)

/* Snapshot the registers at the call site: r0-r12, sp, lr, pc, cpsr. */
static inline void capture_regs(struct pt_regs *regs)
{
	__asm__ __volatile__("stmia %0, {r0-r12}\n\t"
			     "str sp, [%0, #" XSTR(S_SP) "]\n\t"
			     "str lr, [%0, #" XSTR(S_LR) "]\n\t"
			     "str pc, [%0, #" XSTR(S_PC) "]\n\t"
			     "mrs r1, cpsr\n\t"
			     "str r1, [%0, #" XSTR(S_PSR) "]"
			     : : "r"(regs) : "r1", "memory");
}

void panic(const char *fmt, ...)
{
	static bool in_panic;
	struct pt_regs regs;
	char msg[256];
	va_list args;

	__asm__ __volatile__("cpsid if" ::: "memory");
	capture_regs(&regs);
	va_start(args, fmt);
	vsnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);

	if (in_panic) {
		printk_force("panic() while panicking: %s\n", msg);
		machine_halt(EXIT_PANIC);
	}
	in_panic = true;
	console_init();
	console_verbose();
	pr_emerg("Kernel panic - not syncing: %s\n", msg);
	if (!oops_in_progress) {
		show_regs(&regs);
		dump_backtrace(&regs);
	}
	pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", msg);
	machine_halt(EXIT_PANIC);
}
