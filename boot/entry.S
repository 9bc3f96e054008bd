/* SPDX-License-Identifier: MIT */
/*
 * The exception vector table and the entry code for kernel exceptions.
 * Linux counterpart: arch/arm/kernel/entry-armv.S.
 *
 * Every exception but IRQ saves a full struct pt_regs on its own mode's
 * stack (see boot/head.S), fetches the banked sp/lr of the mode it
 * interrupted and calls do_exception(regs, kind). That returns only when
 * an exception fixup (mm/extable.c) changed regs->pc; the registers are
 * then restored and the interrupted code resumes there. Otherwise it
 * oopses and panics. IRQs are handled in SVC mode (vector_irq, below).
 *
 * Every return to interrupted code clears the exclusive monitor (clrex),
 * so an ldrex/strex pair that was interrupted cannot succeed with a stale
 * reservation (ARM ARM A3.4.5).
 */
#include <asm/ptrace.h>
#include <asm/traps.h>

	.syntax	unified
	.arm

/*
 * VBAR needs 32-byte alignment (ARM ARM B4.1.156). One branch per slot;
 * the reset slot is never used through VBAR but must point somewhere safe.
 */
	.section .vectors, "ax"
	.align	5
	.global	__vectors_start
__vectors_start:
	b	vector_reset
	b	vector_und
	b	vector_svc
	b	vector_pabt
	b	vector_dabt
	b	vector_reserved
	b	vector_irq
	b	vector_fiq

	.text

/*
 * exc_entry kind, correction
 *   lr - correction is the address of the instruction that faulted or was
 *   interrupted (ARM ARM B1.8.3, "link values saved on exception entry").
 */
	.macro	exc_entry, kind, correction
	sub	lr, lr, #\correction
	sub	sp, sp, #S_FRAME_SIZE
	stmia	sp, {r0-r12}
	str	lr, [sp, #S_PC]
	mrs	r4, spsr
	str	r4, [sp, #S_PSR]
	mvn	r0, #0
	str	r0, [sp, #S_OLD_R0]
	mov	r0, #\kind
	b	exception_common
	.endm

vector_reset:		exc_entry EXC_RESET, 0
vector_und:		exc_entry EXC_UNDEF, 4
vector_pabt:		exc_entry EXC_PABT, 4
vector_dabt:		exc_entry EXC_DABT, 8
vector_reserved:	exc_entry EXC_RESERVED, 0
vector_fiq:		exc_entry EXC_FIQ, 4

/*
 * IRQ. Unlike the exceptions above, an interrupt is handled in SVC mode on
 * the interrupted kernel stack (Linux: __irq_svc), so that its handlers
 * and the softirqs after it can run with IRQs enabled again. The IRQ-mode
 * stack only holds r0, the return address and SPSR for the switch; the
 * full struct pt_regs is built on the SVC stack, in Linux's layout:
 *
 *   sp+0  r0 ... r12 | sp | lr | pc | cpsr | orig_r0   (S_FRAME_SIZE)
 *
 * and "ldmia sp, {r0-pc}^" restores everything, cpsr from spsr, at once.
 * Interrupts from user mode come with the user-space issue.
 */
vector_irq:
	sub	lr, lr, #4		@ the interrupted instruction
	str	r0, [sp, #-12]		@ scratch below the IRQ stack's top:
	str	lr, [sp, #-8]		@ r0, pc ...
	mrs	lr, spsr
	str	lr, [sp, #-4]		@ ... and the interrupted cpsr
	sub	r0, sp, #12
	msr	cpsr_c, #(SVC_MODE | PSR_I_BIT | PSR_F_BIT)
	sub	sp, sp, #S_FRAME_SIZE
	stmib	sp, {r1-r12}
	ldmia	r0, {r3-r5}		@ r3 = r0, r4 = pc, r5 = cpsr
	add	r2, sp, #S_FRAME_SIZE	@ the interrupted sp
	mvn	r6, #0			@ orig_r0: not a syscall
	str	r3, [sp]
	add	r0, sp, #S_SP
	stmia	r0, {r2, lr}		@ sp, lr (SVC's lr is untouched by the IRQ)
	add	r0, sp, #S_PC
	stmia	r0, {r4-r6}		@ pc, cpsr, orig_r0
	mov	r0, sp
	bl	do_IRQ
	ldr	r1, [sp, #S_PSR]
	msr	spsr_cxsf, r1
	clrex
	ldmia	sp, {r0-pc}^		@ back to the interrupted code

/*
 * SVC from a privileged mode. One case is expected: "svc 0x123456" is the
 * ARM semihosting call (kernel/semihost.c). When QEMU runs with
 * -semihosting it handles that instruction itself and we never get here;
 * when it does not, the call arrives here and fails with r0 = -1, so the
 * kernel can tell "no debug host" from "debug host present". Any other SVC
 * in kernel mode is a bug.
 */
vector_svc:
	push	{r0, r1}
	mrs	r0, spsr
	and	r0, r0, #MODE_MASK
	cmp	r0, #USR_MODE
	ldrne	r0, [lr, #-4]		@ the SVC instruction itself
	bicne	r0, r0, #0xff000000	@ its 24-bit immediate
	ldrne	r1, =SEMIHOST_SVC_IMM
	cmpne	r0, r1
	pop	{r0, r1}
	bne	vector_svc_bad
	mvn	r0, #0
	movs	pc, lr			@ return, restoring CPSR from SPSR
vector_svc_bad:
	exc_entry EXC_SVC, 4

/*
 * r0 = kind, r4 = SPSR, sp = the frame. Fill in the interrupted mode's sp
 * and lr by switching to that mode for two instructions (USR shares them
 * with SYS). If it is our own mode, its sp is just above the frame.
 */
exception_common:
	mov	r5, sp
	mrs	r6, cpsr
	and	r1, r4, #MODE_MASK
	cmp	r1, #USR_MODE
	moveq	r1, #SYSTEM_MODE
	and	r2, r6, #MODE_MASK
	cmp	r1, r2
	beq	1f
	orr	r1, r1, #(PSR_I_BIT | PSR_F_BIT)
	msr	cpsr_c, r1
	str	sp, [r5, #S_SP]
	str	lr, [r5, #S_LR]
	msr	cpsr_c, r6
	b	2f
1:	add	r2, r5, #S_FRAME_SIZE
	str	r2, [r5, #S_SP]
	str	lr, [r5, #S_LR]		@ already overwritten by this exception
2:	mov	r1, r0
	mov	r0, r5
	bl	do_exception		@ returns only if the fault was fixed up
	ldr	r0, [sp, #S_PSR]
	msr	spsr_cxsf, r0
	ldr	lr, [sp, #S_PC]
	ldmia	sp, {r0-r12}
	add	sp, sp, #S_FRAME_SIZE
	clrex
	movs	pc, lr			@ resume, restoring CPSR from SPSR
