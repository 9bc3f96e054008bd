/* SPDX-License-Identifier: MIT */
/*
 * The architecture's spinlock and rwlock, for any number of CPUs.
 * Linux: arch/arm/include/asm/spinlock.h.
 *
 * The spinlock is a ticket lock: taking it draws a ticket (next++, with
 * ldrex/strex) and waits, in wfe, until owner reaches that ticket; the
 * unlock advances owner and wakes the waiters with sev. Waiters are served
 * in order, so no CPU starves. The rwlock is one word: bit 31 set by the
 * writer, the low bits count readers.
 */
#ifndef ASM_SPINLOCK_H
#define ASM_SPINLOCK_H

#include <armlet/types.h>
#include <asm/barrier.h>

typedef union {
	u32 slock;
	struct {
		u16 owner;	/* the ticket being served */
		u16 next;	/* the next ticket to hand out */
	} tickets;
} arch_spinlock_t;

#define TICKET_SHIFT	16

typedef struct {
	u32 lock;
} arch_rwlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED	{ 0 }
#define __ARCH_RW_LOCK_UNLOCKED		{ 0 }

static inline void arch_spin_lock(arch_spinlock_t *lock)
{
	arch_spinlock_t mine;
	unsigned int failed;
	u32 newval;

	__asm__ __volatile__("1:	ldrex	%0, [%3]\n"
			     "	add	%1, %0, %4\n"
			     "	strex	%2, %1, [%3]\n"
			     "	teq	%2, #0\n"
			     "	bne	1b"
			     : "=&r"(mine.slock), "=&r"(newval), "=&r"(failed)
			     : "r"(&lock->slock), "I"(1 << TICKET_SHIFT)
			     : "cc");
	while (mine.tickets.next != mine.tickets.owner) {
		wfe();
		mine.tickets.owner = READ_ONCE(lock->tickets.owner);
	}
	smp_mb();
}

static inline bool arch_spin_trylock(arch_spinlock_t *lock)
{
	unsigned int failed;
	u32 slock, busy;

	do {
		__asm__ __volatile__("	ldrex	%0, [%3]\n"
				     "	mov	%2, #0\n"
				     "	subs	%1, %0, %0, ror #16\n"
				     "	addeq	%0, %0, %4\n"
				     "	strexeq	%2, %0, [%3]"
				     : "=&r"(slock), "=&r"(busy), "=&r"(failed)
				     : "r"(&lock->slock), "I"(1 << TICKET_SHIFT)
				     : "cc");
	} while (failed);
	if (busy)
		return false;
	smp_mb();
	return true;
}

static inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	smp_mb();
	lock->tickets.owner++;
	dsb_sev();
}

static inline bool arch_spin_is_locked(arch_spinlock_t *lock)
{
	arch_spinlock_t now = { .slock = READ_ONCE(lock->slock) };

	return now.tickets.owner != now.tickets.next;
}

#define RW_WRITER	0x80000000u

static inline void arch_write_lock(arch_rwlock_t *rw)
{
	unsigned int failed;
	u32 seen;

	do {
		__asm__ __volatile__("	ldrex	%0, [%2]\n"
				     "	teq	%0, #0\n"
				     "	strexeq	%1, %3, [%2]\n"
				     "	movne	%1, #1"
				     : "=&r"(seen), "=&r"(failed)
				     : "r"(&rw->lock), "r"(RW_WRITER)
				     : "cc");
		if (failed && seen)
			wfe();
	} while (failed);
	smp_mb();
}

static inline void arch_write_unlock(arch_rwlock_t *rw)
{
	smp_mb();
	WRITE_ONCE(rw->lock, 0);
	dsb_sev();
}

static inline void arch_read_lock(arch_rwlock_t *rw)
{
	unsigned int failed;
	u32 count;

	do {
		__asm__ __volatile__("	ldrex	%0, [%2]\n"
				     "	adds	%0, %0, #1\n"	/* negative: a writer holds it */
				     "	strexpl	%1, %0, [%2]\n"
				     "	movmi	%1, #1"
				     : "=&r"(count), "=&r"(failed)
				     : "r"(&rw->lock)
				     : "cc");
		if (failed && (count & RW_WRITER))
			wfe();
	} while (failed);
	smp_mb();
}

static inline void arch_read_unlock(arch_rwlock_t *rw)
{
	unsigned int failed;
	u32 count;

	smp_mb();
	__asm__ __volatile__("1:	ldrex	%0, [%2]\n"
			     "	sub	%0, %0, #1\n"
			     "	strex	%1, %0, [%2]\n"
			     "	teq	%1, #0\n"
			     "	bne	1b"
			     : "=&r"(count), "=&r"(failed)
			     : "r"(&rw->lock)
			     : "cc");
	if (count == 0)
		dsb_sev();
}

#endif /* ASM_SPINLOCK_H */
