/* SPDX-License-Identifier: MIT */
/*
 * Kernel entry from QEMU's boot stub: the first instructions Armlet runs.
 * Linux counterpart: arch/arm/kernel/head.S (stext) and head-common.S
 * (__mmap_switched). docs/boot.md walks through it.
 *
 * Entered at physical 0x60010000 in SVC mode, MMU and caches off, with
 *   r0 = 0, r1 = machine id, r2 = physical address of the ATAG list.
 * Nothing may touch r1/r2 before they are saved (in r9/r10, then memory).
 */
#include <asm/ptrace.h>
#include <asm/cp15.h>

	.syntax	unified
	.arm
	.section .text.head, "ax"

	.global	_start
_start:
	cpsid	aif			@ no interrupts or aborts until we can take them
	mov	r9, r1			@ machine id
	mov	r10, r2			@ ATAG pointer

	/*
	 * Only CPU 0 boots the kernel. QEMU keeps secondary CPUs in its own
	 * stub, but real boards may release them here: park them.
	 */
	mrc	p15, 0, r0, c0, c0, 5	@ MPIDR
	ands	r0, r0, #MPIDR_CPU_MASK
	bne	park_secondary

	/*
	 * One stack per exception mode (sp is banked per mode). Fatal
	 * exceptions build their register frame on their own mode's stack,
	 * so an oops can still be printed when the SVC stack is broken.
	 */
	msr	cpsr_c, #(FIQ_MODE | PSR_I_BIT | PSR_F_BIT)
	ldr	sp, =__fiq_stack_top
	msr	cpsr_c, #(IRQ_MODE | PSR_I_BIT | PSR_F_BIT)
	ldr	sp, =__irq_stack_top
	msr	cpsr_c, #(ABT_MODE | PSR_I_BIT | PSR_F_BIT)
	ldr	sp, =__abt_stack_top
	msr	cpsr_c, #(UND_MODE | PSR_I_BIT | PSR_F_BIT)
	ldr	sp, =__und_stack_top
	msr	cpsr_c, #(SVC_MODE | PSR_I_BIT | PSR_F_BIT)
	ldr	sp, =__svc_stack_top	@ the boot thread's stack

	/* Zero .bss: C expects its uninitialised globals to read as 0. */
	ldr	r0, =__bss_start
	ldr	r1, =__bss_stop
	mov	r2, #0
1:	cmp	r0, r1
	strlo	r2, [r0], #4
	blo	1b

	/* Keep what the boot loader told us, under Linux's names. */
	ldr	r0, =__machine_arch_type
	str	r9, [r0]
	ldr	r0, =__atags_pointer
	str	r10, [r0]

	/*
	 * Exceptions go to our table at VBAR. SCTLR.V must be clear or the
	 * CPU would use the fixed high vectors at 0xffff0000 instead.
	 */
	mrc	p15, 0, r0, c1, c0, 0
	bic	r0, r0, #SCTLR_V
	mcr	p15, 0, r0, c1, c0, 0
	ldr	r0, =__vectors_start
	mcr	p15, 0, r0, c12, c0, 0	@ VBAR
	isb

	/* Find the machine descriptor for r1, or stop with a message. */
	mov	r0, r9
	bl	setup_machine

	bl	start_kernel		@ never returns
	b	.

park_secondary:
	wfe
	b	park_secondary
