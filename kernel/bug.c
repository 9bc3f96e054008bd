// SPDX-License-Identifier: MIT
/*
 * WARN_ON and BUG_ON (include/armlet/bug.h). Linux counterparts:
 * kernel/panic.c (__warn) and lib/bug.c (report_bug). A warning prints
 * where it fired and the call trace, and returns; a BUG prints where it
 * fired and oopses through an undefined instruction, so the oops shows
 * the registers at that point. Context: any.
 */
#include <armlet/bug.h>
#include <armlet/kallsyms.h>
#include <armlet/printk.h>
#include <armlet/sched.h>

void __warn(const char *file, int line)
{
	char sym[KSYM_NAME_LEN + 32];
	unsigned long ret = (unsigned long)__builtin_return_address(0);

	pr_warn("------------[ cut here ]------------\n");
	pr_warn("WARNING: CPU: 0 PID: %d at %s:%d %s\n", current->pid, file, line,
		sprint_symbol(sym, sizeof(sym), ret - 4));
	dump_stack_from(ret, (unsigned long)__builtin_frame_address(0), true);
	pr_warn("---[ end trace ]---\n");
}

void __bug(const char *file, int line)
{
	pr_emerg("------------[ cut here ]------------\n");
	pr_emerg("kernel BUG at %s:%d!\n", file, line);
	__asm__ __volatile__("udf #0xbf");	/* the oops: registers and trace */
	__builtin_unreachable();
}
