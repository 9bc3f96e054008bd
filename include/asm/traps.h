/* SPDX-License-Identifier: MIT */
/*
 * Exception kinds, numbered by their slot in the ARMv7 vector table
 * (ARM ARM DDI 0406C, B1.8.1). Shared by boot/entry.S and kernel/traps.c.
 */
#ifndef ASM_TRAPS_H
#define ASM_TRAPS_H

#define EXC_RESET	0
#define EXC_UNDEF	1	/* undefined instruction */
#define EXC_SVC		2	/* supervisor call */
#define EXC_PABT	3	/* prefetch abort */
#define EXC_DABT	4	/* data abort */
#define EXC_RESERVED	5	/* not used by ARMv7 */
#define EXC_IRQ		6
#define EXC_FIQ		7

/* The SVC immediate that ARM semihosting uses in ARM state. */
#define SEMIHOST_SVC_IMM	0x123456

#ifndef __ASSEMBLER__
#include <asm/ptrace.h>

void do_exception(struct pt_regs *regs, int kind);
void show_regs(const struct pt_regs *regs);
void dump_backtrace(const struct pt_regs *regs);	/* kernel/backtrace.c */

/* Non-zero while an oops is being printed (Linux has the same flag). */
extern int oops_in_progress;
#endif

#endif /* ASM_TRAPS_H */
