/* SPDX-License-Identifier: MIT */
/*
 * Atomic bit operations on arrays of unsigned long, built on ldrex/strex.
 * As in Linux: set_bit/clear_bit/change_bit are atomic but unordered;
 * test_and_*_bit are atomic and fully ordered; __set_bit and friends are
 * plain (for data nobody else can see). Linux: arch/arm/include/asm/bitops.h.
 */
#ifndef ASM_BITOPS_H
#define ASM_BITOPS_H

#include <armlet/compiler.h>
#include <asm/barrier.h>

#define BITS_PER_LONG	32
#define BIT(n)		(1UL << (n))
#define BIT_WORD(nr)	((nr) / BITS_PER_LONG)
#define BIT_MASK(nr)	(1UL << ((nr) % BITS_PER_LONG))

/* *p = op(*p, mask), atomically; returns the old word. */
#define ATOMIC_BITOP(name, insn)						\
	static inline unsigned long name(unsigned long mask, volatile unsigned long *p) \
	{									\
		unsigned long old, new;						\
		unsigned int failed;						\
		__asm__ __volatile__("1:	ldrex	%0, [%3]\n"		\
				     "	" insn "	%1, %0, %4\n"		\
				     "	strex	%2, %1, [%3]\n"			\
				     "	teq	%2, #0\n"			\
				     "	bne	1b"				\
				     : "=&r"(old), "=&r"(new), "=&r"(failed)	\
				     : "r"(p), "r"(mask)			\
				     : "cc", "memory");				\
		return old;							\
	}

ATOMIC_BITOP(__atomic_or_word, "orr")
ATOMIC_BITOP(__atomic_bic_word, "bic")
ATOMIC_BITOP(__atomic_eor_word, "eor")

static inline void set_bit(int nr, volatile unsigned long *addr)
{
	__atomic_or_word(BIT_MASK(nr), addr + BIT_WORD(nr));
}

static inline void clear_bit(int nr, volatile unsigned long *addr)
{
	__atomic_bic_word(BIT_MASK(nr), addr + BIT_WORD(nr));
}

static inline void change_bit(int nr, volatile unsigned long *addr)
{
	__atomic_eor_word(BIT_MASK(nr), addr + BIT_WORD(nr));
}

static inline bool test_and_set_bit(int nr, volatile unsigned long *addr)
{
	unsigned long old;

	smp_mb();
	old = __atomic_or_word(BIT_MASK(nr), addr + BIT_WORD(nr));
	smp_mb();
	return old & BIT_MASK(nr);
}

static inline bool test_and_clear_bit(int nr, volatile unsigned long *addr)
{
	unsigned long old;

	smp_mb();
	old = __atomic_bic_word(BIT_MASK(nr), addr + BIT_WORD(nr));
	smp_mb();
	return old & BIT_MASK(nr);
}

static inline bool test_bit(int nr, const volatile unsigned long *addr)
{
	return (addr[BIT_WORD(nr)] >> (nr % BITS_PER_LONG)) & 1;
}

static inline void __set_bit(int nr, volatile unsigned long *addr)
{
	addr[BIT_WORD(nr)] |= BIT_MASK(nr);
}

static inline void __clear_bit(int nr, volatile unsigned long *addr)
{
	addr[BIT_WORD(nr)] &= ~BIT_MASK(nr);
}

/* The lowest set bit of word (word must not be 0). */
static inline unsigned int __ffs(unsigned long word)
{
	return __builtin_ctzl(word);
}

#endif /* ASM_BITOPS_H */
