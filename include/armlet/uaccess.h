/* SPDX-License-Identifier: MIT */
/*
 * Copying between the kernel and user space, safely: a bad user pointer
 * gives an error (the copy routines' loads and stores are in the exception
 * table, mm/copy_user.S), never an oops. Linux: <linux/uaccess.h>.
 *
 * Which addresses count as "user" is the task's address limit: user
 * space below TASK_SIZE for processes; everything for kernel threads,
 * so kernel code can call the same file operations with kernel buffers
 * (the set_fs(KERNEL_DS) idea of older Linux).
 */
#ifndef ARMLET_UACCESS_H
#define ARMLET_UACCESS_H

#include <armlet/string.h>
#include <armlet/types.h>

#define TASK_SIZE	0x80000000UL	/* user space: below PAGE_OFFSET */
#define USER_DS		TASK_SIZE
#define KERNEL_DS	0xffffffffUL

unsigned long current_addr_limit(void);

/* Is [addr, addr + size) all below the address limit? */
static inline bool access_ok(const void *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr, limit = current_addr_limit();

	return size <= limit && a <= limit - size;
}

/* The real copies: return the number of bytes NOT copied. */
unsigned long __copy_user(void *to, const void *from, unsigned long n);
long __strncpy_user(char *dst, const char *src, long count);

/* Return the bytes not copied: 0 on success. Context: process, may fault. */
static inline unsigned long copy_to_user(void *to, const void *from, unsigned long n)
{
	return access_ok(to, n) ? __copy_user(to, from, n) : n;
}

/* As Linux, the part of to that could not be filled is zeroed (no stale kernel data). */
static inline unsigned long copy_from_user(void *to, const void *from, unsigned long n)
{
	unsigned long left = access_ok(from, n) ? __copy_user(to, from, n) : n;

	if (left)
		memset((char *)to + (n - left), 0, left);
	return left;
}

/* One value: 0 or -EFAULT. */
#define put_user(x, ptr)							\
	({ __typeof__(*(ptr)) __v = (x);					\
	   copy_to_user((ptr), &__v, sizeof(__v)) ? -14 : 0; })
#define get_user(x, ptr)							\
	({ __typeof__(*(ptr)) __v;						\
	   int __e = copy_from_user(&__v, (ptr), sizeof(__v)) ? -14 : 0;	\
	   if (!__e)								\
		   (x) = __v;							\
	   __e; })

/*
 * strncpy_from_user - copy a string of at most count bytes (NUL included):
 * returns its length, count if it did not end within count bytes (then
 * dst is not terminated), or -EFAULT.
 */
long strncpy_from_user(char *dst, const char *src, long count);

#endif /* ARMLET_UACCESS_H */
