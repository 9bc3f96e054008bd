/* SPDX-License-Identifier: MIT */
/*
 * Assertions for kernel code, as Linux's <asm-generic/bug.h>:
 *
 *   WARN_ON(cond)   if cond: "WARNING: ... at file:line", a call trace,
 *                   and the kernel goes on; returns cond, so
 *                   if (WARN_ON(!p)) return -EINVAL;
 *   WARN_ON_ONCE(cond)  the same, reported the first time only
 *   BUG_ON(cond)    if cond: "kernel BUG at file:line!" and an oops.
 *   BUG()           unconditionally.
 *
 * Use BUG only where going on would corrupt data; a WARN lets the user
 * see the problem and keep working. dump_stack() prints the caller's
 * call trace. Context: any.
 */
#ifndef ARMLET_BUG_H
#define ARMLET_BUG_H

#include <armlet/compiler.h>
#include <armlet/types.h>

void __warn(const char *file, int line);
void __bug(const char *file, int line) __noreturn;
void dump_stack(void);
void dump_stack_from(unsigned long ret, unsigned long fp, bool warning);

#define WARN_ON(cond)							\
	({								\
		bool __c = !!(cond);					\
		if (unlikely(__c))					\
			__warn(__FILE__, __LINE__);			\
		__c;							\
	})

#define WARN_ON_ONCE(cond)						\
	({								\
		static bool __warned;					\
		bool __c = !!(cond);					\
		if (unlikely(__c) && !__warned) {			\
			__warned = true;				\
			__warn(__FILE__, __LINE__);			\
		}							\
		__c;							\
	})

#define BUG()		__bug(__FILE__, __LINE__)
#define BUG_ON(cond)							\
	do {								\
		if (unlikely(cond))					\
			BUG();						\
	} while (0)

#endif /* ARMLET_BUG_H */
