/* SPDX-License-Identifier: MIT */
/*
 * Probe an address without oopsing: each access that may fault has an
 * __ex_table entry sending the abort handler to a "return -EFAULT" path.
 * Linux counterparts: the exception-table entries of arch/arm/lib/getuser.S
 * and get_kernel_nofault().
 */


	.syntax	unified
	.arm
	.text

/* int probe_read_u32(const void *addr, u32 *val) */
	.global	probe_read_u32
probe_read_u32:
1:	ldr	r2, [r0]
	str	r2, [r1]
	mov	r0, #0
	bx	lr

/* int probe_write_u32(void *addr, u32 val) */
	.global	probe_write_u32
probe_write_u32:
2:	str	r1, [r0]
	mov	r0, #0
	bx	lr

efault:
	mvn	r0, #13			@ -EFAULT (14)
	bx	lr

	.pushsection __ex_table, "a"
	.long	1b, efault
	.long	2b, efault
	.popsection

/*
 * int probe_exec(const void *addr): branch to addr. A prefetch abort at
 * exactly addr resumes at 3f (see fixup_exception); code that runs and
 * returns means addr is executable.
 */
	.global	probe_exec
probe_exec:
	push	{r4, lr}
	ldr	r1, =exec_probe
	adr	r2, 3f
	stmia	r1, {r0, r2}		@ exec_probe = { target, fixup }
	blx	r0
	mov	r0, #0
	b	4f
3:	mvn	r0, #13
4:	ldr	r1, =exec_probe
	mov	r2, #0
	str	r2, [r1]
	pop	{r4, pc}
