/* SPDX-License-Identifier: MIT */
/*
 * Copies to and from user space whose every load and store may fault:
 * each has an __ex_table entry, and a fault returns what was left to do
 * instead of oopsing. Linux counterparts: arch/arm/lib/copy_from_user.S,
 * copy_to_user.S, strncpy_from_user. Byte at a time: clear first; a
 * word-at-a-time version is an exercise.
 */
	.syntax	unified
	.arm
	.text

/* unsigned long __copy_user(void *to, const void *from, unsigned long n): bytes not copied */
	.global	__copy_user
__copy_user:
	cmp	r2, #0
	beq	2f
1:	ldrb	r3, [r1], #1
3:	strb	r3, [r0], #1
	subs	r2, r2, #1
	bne	1b
2:	mov	r0, r2
	bx	lr
copy_fault:
	mov	r0, r2			@ the faulting byte and all after it
	bx	lr

/* long __strncpy_user(char *dst, const char *src, long count): length, count, or -EFAULT */
	.global	__strncpy_user
__strncpy_user:
	mov	ip, #0
4:	cmp	ip, r2
	bge	6f
5:	ldrb	r3, [r1, ip]
	strb	r3, [r0, ip]
	cmp	r3, #0
	beq	6f
	add	ip, ip, #1
	b	4b
6:	mov	r0, ip
	bx	lr
str_fault:
	mvn	r0, #13			@ -EFAULT
	bx	lr

	.pushsection __ex_table, "a"
	.long	1b, copy_fault
	.long	3b, copy_fault
	.long	5b, str_fault
	.popsection
