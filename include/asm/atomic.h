/* SPDX-License-Identifier: MIT */
/*
 * Atomic operations with the ARMv7 exclusive monitor: ldrex marks the
 * address, strex stores only if nothing else wrote it since, and returns 1
 * when it did not store, so the sequence is retried (ARM ARM A3.4).
 * Ordering follows Linux (Documentation/atomic_t.txt): operations that
 * return a value are fully ordered (smp_mb before and after), the others
 * are not ordered at all. Linux: arch/arm/include/asm/atomic.h, cmpxchg.h.
 */
#ifndef ASM_ATOMIC_H
#define ASM_ATOMIC_H

#include <armlet/compiler.h>
#include <asm/barrier.h>

typedef struct {
	int counter;
} atomic_t;

#define ATOMIC_INIT(i)	{ (i) }

static inline int atomic_read(const atomic_t *v)
{
	return READ_ONCE(v->counter);
}

static inline void atomic_set(atomic_t *v, int i)
{
	WRITE_ONCE(v->counter, i);
}

/* v += i, unordered. */
static inline void atomic_add(int i, atomic_t *v)
{
	unsigned int failed;
	int result;

	__asm__ __volatile__("1:	ldrex	%0, [%3]\n"
			     "	add	%0, %0, %4\n"
			     "	strex	%1, %0, [%3]\n"
			     "	teq	%1, #0\n"
			     "	bne	1b"
			     : "=&r"(result), "=&r"(failed), "+Qo"(v->counter)
			     : "r"(&v->counter), "Ir"(i)
			     : "cc");
}

/* v += i, fully ordered; returns the new value. */
static inline int atomic_add_return(int i, atomic_t *v)
{
	unsigned int failed;
	int result;

	smp_mb();
	__asm__ __volatile__("1:	ldrex	%0, [%3]\n"
			     "	add	%0, %0, %4\n"
			     "	strex	%1, %0, [%3]\n"
			     "	teq	%1, #0\n"
			     "	bne	1b"
			     : "=&r"(result), "=&r"(failed), "+Qo"(v->counter)
			     : "r"(&v->counter), "Ir"(i)
			     : "cc");
	smp_mb();
	return result;
}

/*
 * atomic_cmpxchg - if v is old, make it new; fully ordered. Returns the
 * value v had, so the exchange happened if and only if that equals old.
 */
static inline int atomic_cmpxchg(atomic_t *v, int old, int new)
{
	unsigned int failed;
	int seen;

	smp_mb();
	do {
		__asm__ __volatile__("	ldrex	%1, [%3]\n"
				     "	mov	%0, #0\n"
				     "	teq	%1, %4\n"
				     "	strexeq	%0, %5, [%3]"
				     : "=&r"(failed), "=&r"(seen), "+Qo"(v->counter)
				     : "r"(&v->counter), "Ir"(old), "r"(new)
				     : "cc");
	} while (failed);
	smp_mb();
	return seen;
}

/* atomic_xchg - set v to new and return the old value; fully ordered. */
static inline int atomic_xchg(atomic_t *v, int new)
{
	int old;

	do {
		old = atomic_read(v);
	} while (atomic_cmpxchg(v, old, new) != old);
	return old;
}

#define atomic_sub(i, v)		atomic_add(-(i), v)
#define atomic_sub_return(i, v)		atomic_add_return(-(i), v)
#define atomic_inc(v)			atomic_add(1, v)
#define atomic_dec(v)			atomic_add(-1, v)
#define atomic_inc_return(v)		atomic_add_return(1, v)
#define atomic_dec_return(v)		atomic_add_return(-1, v)
#define atomic_dec_and_test(v)		(atomic_add_return(-1, v) == 0)
#define atomic_inc_and_test(v)		(atomic_add_return(1, v) == 0)

/* cmpxchg on any 32-bit object (an unsigned int, a pointer). */
#define cmpxchg(ptr, old, new)							\
	((__typeof__(*(ptr)))atomic_cmpxchg((atomic_t *)(ptr), (int)(old), (int)(new)))

_Static_assert(sizeof(atomic_t) == 4, "atomic_t is one word");

#endif /* ASM_ATOMIC_H */
