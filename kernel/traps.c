// SPDX-License-Identifier: MIT
/*
 * Kernel exceptions: resume at a fixup if the fault was expected, else
 * print an oops (what happened, where, every register) and panic. Linux counterparts: arch/arm/kernel/traps.c (die, __show_regs
 * in process.c, bad_mode) and arch/arm/mm/fault.c (do_DataAbort).
 *
 * Context: called from boot/entry.S in the exception's own mode with IRQs
 * and FIQs masked, on that mode's stack.
 */
#include <armlet/console.h>
#include <armlet/kernel.h>
#include <armlet/printk.h>
#include <asm/cp15.h>
#include <asm/extable.h>
#include <asm/fsr.h>
#include <armlet/mm.h>
#include <armlet/sched.h>
#include <asm/memory.h>
#include <asm/traps.h>

int oops_in_progress;

static const char *const exc_names[] = {
	[EXC_RESET] = "reset",
	[EXC_UNDEF] = "undefined instruction",
	[EXC_SVC] = "supervisor call",
	[EXC_PABT] = "prefetch abort",
	[EXC_DABT] = "data abort",
	[EXC_RESERVED] = "reserved vector",
	[EXC_IRQ] = "IRQ",
	[EXC_FIQ] = "FIQ",
};

static const char *mode_name(u32 cpsr)
{
	static const char *const names[32] = {
		[USR_MODE] = "USER_32", [FIQ_MODE] = "FIQ_32",
		[IRQ_MODE] = "IRQ_32", [SVC_MODE] = "SVC_32",
		[MON_MODE] = "MON_32", [ABT_MODE] = "ABT_32",
		[HYP_MODE] = "HYP_32", [UND_MODE] = "UND_32",
		[SYSTEM_MODE] = "SYSTEM_32",
	};
	const char *name = names[cpsr & MODE_MASK];

	return name ? name : "UNKNOWN";
}

/* show_regs - all registers and the decoded CPSR, in Linux's layout. */
void show_regs(const struct pt_regs *regs)
{
	const u32 *r = regs->uregs;
	u32 psr = regs->ARM_cpsr;

	pr_emerg("pc : [<%08x>]    lr : [<%08x>]    psr: %08x\n",
		 regs->ARM_pc, regs->ARM_lr, psr);
	pr_emerg("sp : %08x  ip : %08x  fp : %08x\n",
		 regs->ARM_sp, regs->ARM_ip, regs->ARM_fp);
	pr_emerg("r10: %08x  r9 : %08x  r8 : %08x\n", r[10], r[9], r[8]);
	pr_emerg("r7 : %08x  r6 : %08x  r5 : %08x  r4 : %08x\n", r[7], r[6], r[5], r[4]);
	pr_emerg("r3 : %08x  r2 : %08x  r1 : %08x  r0 : %08x\n", r[3], r[2], r[1], r[0]);
	pr_emerg("Flags: %c%c%c%c  IRQs %s  FIQs %s  Mode %s  ISA %s  Endian %s\n",
		 psr & PSR_N_BIT ? 'N' : 'n', psr & PSR_Z_BIT ? 'Z' : 'z',
		 psr & PSR_C_BIT ? 'C' : 'c', psr & PSR_V_BIT ? 'V' : 'v',
		 psr & PSR_I_BIT ? "off" : "on", psr & PSR_F_BIT ? "off" : "on",
		 mode_name(psr), psr & PSR_T_BIT ? "Thumb" : "ARM",
		 psr & PSR_E_BIT ? "BE" : "LE");
}

/* A fault just below a kernel stack: say it is that stack's overflow. */
static void report_stack_overflow(u32 far)
{
	const struct task_struct *task = current_task[smp_processor_id()];

	if (stack_guard_owner(far))
		pr_emerg("Kernel stack overflow: the %s stack ran into its guard page\n",
			 stack_guard_owner(far));
	else if (task && task->stack && far < (uintptr_t)task->stack &&
		 far >= (uintptr_t)task->stack - PAGE_SIZE)
		pr_emerg("Kernel stack overflow: task %s/%d ran into its guard page\n",
			 task->comm, task->pid);
}

/* The first line of the oops: what the exception means for this kind. */
static u32 show_cause(const struct pt_regs *regs, int kind)
{
	const char *mode = (regs->ARM_cpsr & MODE_MASK) == USR_MODE ? "user" : "kernel";
	u32 fsr = 0;

	switch (kind) {
	case EXC_DABT:
		fsr = read_dfsr();
		pr_emerg("Unable to handle kernel %s at virtual address %08x when %s\n",
			 fsr_fs(fsr) == FSR_FS_ALIGNMENT ? "unaligned access" :
			 read_dfar() < PAGE_SIZE ? "NULL pointer dereference" : "paging request",
			 read_dfar(), fsr & FSR_WNR ? "writing" : "reading");
		pr_emerg("DFSR %08x: %s%s\n", fsr, fsr_describe(fsr),
			 fsr & FSR_EXT ? " (external)" : "");
		report_stack_overflow(read_dfar());
		break;
	case EXC_PABT:
		fsr = read_ifsr();
		if (fsr_fs(fsr) == FSR_FS_DEBUG)	/* BKPT: IFAR is not set */
			pr_emerg("Unhandled breakpoint (BKPT) in %s mode at %08x\n",
				 mode, regs->ARM_pc);
		else
			pr_emerg("Unable to handle kernel prefetch abort at virtual address %08x\n",
				 read_ifar());
		pr_emerg("IFSR %08x: %s\n", fsr, fsr_describe(fsr));
		break;
	case EXC_UNDEF:
		pr_emerg("Undefined instruction %08x in %s mode at %08x\n",
			 *(const u32 *)regs->ARM_pc, mode, regs->ARM_pc);
		break;
	case EXC_SVC:
		fsr = *(const u32 *)regs->ARM_pc & 0x00ffffff;
		pr_emerg("Unexpected SVC #0x%x in %s mode at %08x\n", fsr, mode,
			 regs->ARM_pc);
		break;
	default:
		pr_emerg("Unexpected %s exception in %s mode\n", exc_names[kind], mode);
	}
	return fsr;
}

static void __noreturn die(struct pt_regs *regs, int kind)
{
	static int die_counter;

	if (oops_in_progress++) {
		printk_force("Recursive fault while printing an oops (%s)\n",
			     exc_names[kind]);
		panic("Recursive fault");
	}
	console_init();
	console_verbose();
	pr_emerg("8<--- cut here ---\n");
	u32 code = show_cause(regs, kind);

	pr_emerg("Internal error: Oops - %s: %x [#%d] ARM\n", exc_names[kind],
		 code, ++die_counter);
	pr_emerg("CPU: 0 MPIDR: %08x\n", read_mpidr());
	show_regs(regs);
	dump_backtrace(regs);
	panic("Fatal exception");
}

/* do_exception - returns only when a fixup has redirected regs->pc. */
void do_exception(struct pt_regs *regs, int kind)
{
	if (fixup_exception(regs, kind))
		return;
	die(regs, kind);
}
