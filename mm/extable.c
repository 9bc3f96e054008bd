// SPDX-License-Identifier: MIT
/*
 * Resume after an expected kernel fault (see asm/extable.h). Linux
 * counterpart: arch/arm/mm/extable.c and search_exception_tables().
 *
 * Context: exception entry (boot/entry.S), IRQs off, on the abort stack.
 */
#define pr_fmt(fmt) "fixup: " fmt

#include <armlet/printk.h>
#include <asm/cp15.h>
#include <asm/extable.h>
#include <asm/traps.h>

extern const struct exception_table_entry __start___ex_table[], __stop___ex_table[];

/* Set by probe_exec() around its call: { target, fixup }. */
struct {
	unsigned long target;
	unsigned long fixup;
} exec_probe;

struct fault_record last_fixed_fault;

static unsigned long search_exception_table(unsigned long pc)
{
	for (const struct exception_table_entry *e = __start___ex_table;
	     e < __stop___ex_table; e++)
		if (e->insn == pc)
			return e->fixup;
	return 0;
}

/*
 * fixup_exception - if the kernel faulted where it expected to, point
 * regs at the fixup, record the fault and return true.
 */
bool fixup_exception(struct pt_regs *regs, int kind)
{
	unsigned long fixup = 0;
	u32 status = 0, address = 0;

	if ((regs->ARM_cpsr & MODE_MASK) == USR_MODE)
		return false;
	if (kind == EXC_DABT) {
		fixup = search_exception_table(regs->ARM_pc);
		status = read_dfsr();
		address = read_dfar();
	} else if (kind == EXC_PABT && exec_probe.target &&
		   regs->ARM_pc == exec_probe.target) {
		fixup = exec_probe.fixup;
		status = read_ifsr();
		address = read_ifar();
	}
	if (!fixup)
		return false;
	last_fixed_fault = (struct fault_record){
		.kind = kind, .status = status, .address = address, .pc = regs->ARM_pc,
	};
	pr_info("%s at %08x (status %03x) expected by %08x, resuming at %08lx\n",
		kind == EXC_DABT ? "data abort" : "prefetch abort", address, status,
		regs->ARM_pc, fixup);
	regs->ARM_pc = fixup;
	return true;
}
