/* SPDX-License-Identifier: MIT */
/*
 * The context switch: save the callee-saved registers, the stack pointer
 * and the return address of one task, load another's. Everything else is
 * either caller-saved (the C compiler already saved what it needs) or on
 * the task's own kernel stack. Linux counterpart: __switch_to in
 * arch/arm/kernel/entry-armv.S, and ret_from_fork in entry-common.S.
 *
 * Context: called by the scheduler with the run-queue lock held and IRQs
 * off; returns in the next task, which releases them (schedule_tail or the
 * end of its own schedule()).
 */
	.syntax	unified
	.arm
	.text

/*
 * struct task_struct *__switch_to(struct task_struct *prev, struct task_struct *next)
 * task->ctx (offset 0) is { r4-r11, sp, pc }. Returns prev, in next.
 */
	.global	__switch_to
__switch_to:
	stmia	r0, {r4-r11, sp, lr}
	ldmia	r1, {r4-r11, sp, pc}

/*
 * Where a new kernel thread starts (its ctx.pc): r4 = function, r5 = its
 * argument, set up by kthread_create. r0 is the task switched away from.
 */
	.global	ret_from_kthread
ret_from_kthread:
	.cfi_startproc
	.cfi_undefined lr		@ the outermost frame: debuggers stop here
	mov	fp, #0			@ and so does the kernel's own unwinder
	bl	schedule_tail
	mov	r0, r5
	blx	r4
	bl	kthread_exit		@ with the function's return value; never returns
	b	.
	.cfi_endproc
