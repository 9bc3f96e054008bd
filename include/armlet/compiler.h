/* SPDX-License-Identifier: MIT */
/*
 * Compiler attribute shorthands, named as in Linux's <linux/compiler_types.h>.
 */
#ifndef ARMLET_COMPILER_H
#define ARMLET_COMPILER_H

#define __section(s)	__attribute__((__section__(s)))
#define __used		__attribute__((__used__))
#define __noreturn	__attribute__((__noreturn__))
#define __printf(a, b)	__attribute__((__format__(printf, a, b)))
#define __aligned(x)	__attribute__((__aligned__(x)))
#define __packed	__attribute__((__packed__))
#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* Compiler barrier: stops the compiler, not the CPU, from reordering. */
#define barrier()	__asm__ __volatile__("" ::: "memory")

/* One access, exactly as written: not merged, split, cached or invented. */
#define READ_ONCE(x)		(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val)	(*(volatile __typeof__(x) *)&(x) = (val))

#endif /* ARMLET_COMPILER_H */
