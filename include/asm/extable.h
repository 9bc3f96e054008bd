/* SPDX-License-Identifier: MIT */
/*
 * Exception fixups: an instruction that may fault on purpose (a probe of
 * an address) is listed in __ex_table with the address to resume at, and
 * the abort handler resumes there instead of oopsing. Linux:
 * arch/arm/include/asm/extable.h and arch/arm/mm/extable.c.
 */
#ifndef ASM_EXTABLE_H
#define ASM_EXTABLE_H

#include <asm/ptrace.h>

struct exception_table_entry {
	unsigned long insn;	/* the instruction that may fault */
	unsigned long fixup;	/* where to resume */
};

/* What the last fixed-up fault was, for tests to check. */
struct fault_record {
	int kind;		/* EXC_DABT or EXC_PABT */
	u32 status;		/* DFSR / IFSR */
	u32 address;		/* DFAR / IFAR */
	u32 pc;
};

extern struct fault_record last_fixed_fault;

bool fixup_exception(struct pt_regs *regs, int kind);

/*
 * Probes (mm/probe.S): 0 if the access worked, -EFAULT if it faulted.
 * Context: any; they never oops.
 */
int probe_read_u32(const void *addr, u32 *val);
int probe_write_u32(void *addr, u32 val);
/* Call code at addr (which should "bx lr"): 0, or -EFAULT if not executable. */
int probe_exec(const void *addr);

#endif /* ASM_EXTABLE_H */
