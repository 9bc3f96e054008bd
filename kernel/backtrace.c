// SPDX-License-Identifier: MIT
/*
 * Call traces for oopses, panics, warnings and dump_stack(), by walking
 * the APCS frame-pointer chain. Linux counterparts:
 * arch/arm/kernel/stacktrace.c (unwind_frame for CONFIG_FRAME_POINTER)
 * and arch/arm/kernel/traps.c (dump_backtrace).
 *
 * The kernel is built with -mapcs-frame: each function's prologue pushes
 * {fp, ip (its caller's sp), lr, pc} and points fp at the saved pc, so
 *
 *   fp - 12: the caller's fp      fp - 4: lr, the return address
 *   fp - 8:  the caller's sp      fp:     the saved pc
 *
 * Every frame pointer is checked before it is read: inside the stack of
 * the task, word aligned, above the one before. A corrupt chain ends the
 * trace with a note instead of faulting in the middle of an oops.
 * Context: any; reads only the current stack.
 */
#include <armlet/kallsyms.h>
#include <armlet/bug.h>
#include <armlet/kernel.h>
#include <armlet/printk.h>
#include <armlet/sched.h>
#include <asm/ptrace.h>

#define MAX_FRAMES	32

extern char __svc_stack_top[];

/* The bounds of the current task's kernel stack. */
static void stack_bounds(unsigned long *lo, unsigned long *hi)
{
	const struct task_struct *p = current;

	*lo = (unsigned long)p->stack;
	*hi = p == &init_task ? (unsigned long)__svc_stack_top : *lo + THREAD_SIZE;
}

/* One line of the trace, at the level of what it explains (oops or warning). */
static void trace_line(bool warning, const char *fmt, ...) __printf(2, 3);

static void trace_line(bool warning, const char *fmt, ...)
{
	char line[KSYM_NAME_LEN + 64];
	va_list args;

	va_start(args, fmt);
	vsnprintf(line, sizeof(line), fmt, args);
	va_end(args);
	if (warning)
		printk(KERN_WARNING "%s\n", line);
	else
		printk(KERN_EMERG "%s\n", line);
}

/*
 * Print the trace from pc, with fp the frame pointer at that point. The
 * first line is pc itself; the others are the saved return addresses,
 * named by the call just before them.
 */
static void backtrace_from(unsigned long pc, unsigned long fp, bool warning)
{
	char sym[KSYM_NAME_LEN + 32];
	unsigned long lo, hi;

	stack_bounds(&lo, &hi);
	trace_line(warning, "Call trace:");
	trace_line(warning, "[<%08lx>] %s", pc, sprint_symbol(sym, sizeof(sym), pc));
	for (int depth = 0; fp && depth < MAX_FRAMES; depth++) {
		unsigned long ret, next;

		if (fp & 3 || fp < lo + 12 || fp >= hi) {
			trace_line(warning, " (frame pointer %08lx is not on this stack: trace ends)",
				   fp);
			return;
		}
		ret = *(unsigned long *)(fp - 4);
		trace_line(warning, "[<%08lx>] %s", ret, sprint_symbol(sym, sizeof(sym), ret - 4));
		next = *(unsigned long *)(fp - 12);
		if (next && next <= fp) {
			trace_line(warning, " (frame pointer %08lx does not lead up the stack: "
				   "trace ends)", next);
			return;
		}
		fp = next;
	}
}

/* dump_backtrace - the call trace at an exception, from its registers. */
void dump_backtrace(const struct pt_regs *regs)
{
	backtrace_from(regs->ARM_pc, regs->ARM_fp, false);
}

/*
 * dump_stack_from - the call trace from a function's caller: ret is the
 * function's return address, fp its own frame pointer (whose saved
 * caller's fp starts the chain). For dump_stack() and WARN.
 */
void dump_stack_from(unsigned long ret, unsigned long fp, bool warning)
{
	backtrace_from(ret, *(unsigned long *)(fp - 12), warning);
}

/* dump_stack - the call trace of the caller (Linux's dump_stack()). */
void dump_stack(void)
{
	dump_stack_from((unsigned long)__builtin_return_address(0),
			(unsigned long)__builtin_frame_address(0), false);
}
