// SPDX-License-Identifier: MIT
/*
 * The address limit and string copies from user space (see uaccess.h).
 * Linux counterpart: lib/strncpy_from_user.c.
 */
#include <armlet/errno.h>
#include <armlet/sched.h>
#include <armlet/uaccess.h>

/* Kernel threads may pass kernel pointers; processes (later) only user ones. */
unsigned long current_addr_limit(void)
{
	return (current->flags & PF_KTHREAD) ? KERNEL_DS : USER_DS;
}

long strncpy_from_user(char *dst, const char *src, long count)
{
	long n;

	if (count <= 0)
		return 0;
	if (!access_ok(src, 1))
		return -EFAULT;
	/* Do not read past the limit, even looking for the NUL. */
	if ((unsigned long)count > current_addr_limit() - (unsigned long)src)
		count = (long)(current_addr_limit() - (unsigned long)src);
	n = __strncpy_user(dst, src, count);
	return n;
}
