/* SPDX-License-Identifier: MIT */
/* Bit operations for host tests, with the compiler's atomics (see include/asm/bitops.h). */
#ifndef ASM_BITOPS_H
#define ASM_BITOPS_H

#include <stdbool.h>

#define BITS_PER_LONG	((int)(8 * sizeof(long)))
#define BIT(n)		(1UL << (n))
#define BIT_WORD(nr)	((nr) / BITS_PER_LONG)
#define BIT_MASK(nr)	(1UL << ((nr) % BITS_PER_LONG))

static inline void set_bit(int nr, volatile unsigned long *a)
{
	__atomic_fetch_or(a + BIT_WORD(nr), BIT_MASK(nr), __ATOMIC_RELAXED);
}

static inline void clear_bit(int nr, volatile unsigned long *a)
{
	__atomic_fetch_and(a + BIT_WORD(nr), ~BIT_MASK(nr), __ATOMIC_RELAXED);
}

static inline bool test_and_set_bit(int nr, volatile unsigned long *a)
{
	return __atomic_fetch_or(a + BIT_WORD(nr), BIT_MASK(nr), __ATOMIC_SEQ_CST) & BIT_MASK(nr);
}

static inline bool test_and_clear_bit(int nr, volatile unsigned long *a)
{
	return __atomic_fetch_and(a + BIT_WORD(nr), ~BIT_MASK(nr), __ATOMIC_SEQ_CST) & BIT_MASK(nr);
}

static inline bool test_bit(int nr, const volatile unsigned long *a)
{
	return (a[BIT_WORD(nr)] >> (nr % BITS_PER_LONG)) & 1;
}

static inline unsigned int __ffs(unsigned long word)
{
	return __builtin_ctzl(word);
}

#endif /* ASM_BITOPS_H */
