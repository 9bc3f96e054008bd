/* SPDX-License-Identifier: MIT */
/*
 * Spinlocks and rwlocks with the context rules of Linux
 * (<linux/spinlock.h>); docs/interrupts.md has the table of which variant
 * to use where:
 *
 *   spin_lock            data shared with other CPUs in process context
 *   spin_lock_bh         ... also with softirqs, tasklets and timers
 *   spin_lock_irqsave    ... also with interrupt handlers
 *
 * Each variant disables preemption while the lock is held. With
 * DEBUG_SPINLOCK (the default; make DEBUG_SPINLOCK=0 to drop it) a lock
 * knows its name and owner, and taking a lock this CPU already holds or
 * releasing one it does not hold is reported (kernel/locking/spinlock.c)
 * instead of hanging or corrupting the lock.
 */
#ifndef ARMLET_SPINLOCK_H
#define ARMLET_SPINLOCK_H

#include <armlet/bottom_half.h>
#include <armlet/irqflags.h>
#include <armlet/preempt.h>
#include <asm/spinlock.h>

#ifndef DEBUG_SPINLOCK
#define DEBUG_SPINLOCK 1
#endif

#define SPINLOCK_MAGIC	0xdead4ead
#define SPIN_NO_OWNER	(~0u)

typedef struct spinlock {
	arch_spinlock_t raw;
#if DEBUG_SPINLOCK
	unsigned int magic;
	unsigned int owner_cpu;
	const char *name;
	void *owner_pc;		/* where it was taken */
#endif
} spinlock_t;

typedef struct {
	arch_rwlock_t raw;
} rwlock_t;

#if DEBUG_SPINLOCK
#define __SPIN_LOCK_UNLOCKED(lockname)						\
	{ .raw = __ARCH_SPIN_LOCK_UNLOCKED, .magic = SPINLOCK_MAGIC,		\
	  .owner_cpu = SPIN_NO_OWNER, .name = #lockname }
#else
#define __SPIN_LOCK_UNLOCKED(lockname)	{ .raw = __ARCH_SPIN_LOCK_UNLOCKED }
#endif

#define DEFINE_SPINLOCK(x)	spinlock_t x = __SPIN_LOCK_UNLOCKED(x)
#define DEFINE_RWLOCK(x)	rwlock_t x = { .raw = __ARCH_RW_LOCK_UNLOCKED }
#define spin_lock_init(lock)	(*(lock) = (spinlock_t)__SPIN_LOCK_UNLOCKED(lock))
#define rwlock_init(lock)	(*(lock) = (rwlock_t){ .raw = __ARCH_RW_LOCK_UNLOCKED })

#if DEBUG_SPINLOCK
/* Reports made so far (tests read it). */
extern unsigned int spinlock_bugs;
void do_raw_spin_lock(spinlock_t *lock);
bool do_raw_spin_trylock(spinlock_t *lock);
void do_raw_spin_unlock(spinlock_t *lock);
#else
static inline void do_raw_spin_lock(spinlock_t *lock) { arch_spin_lock(&lock->raw); }
static inline bool do_raw_spin_trylock(spinlock_t *lock) { return arch_spin_trylock(&lock->raw); }
static inline void do_raw_spin_unlock(spinlock_t *lock) { arch_spin_unlock(&lock->raw); }
#endif

static inline void spin_lock(spinlock_t *lock)
{
	preempt_disable();
	do_raw_spin_lock(lock);
}

static inline void spin_unlock(spinlock_t *lock)
{
	do_raw_spin_unlock(lock);
	preempt_enable();
}

static inline bool spin_trylock(spinlock_t *lock)
{
	preempt_disable();
	if (do_raw_spin_trylock(lock))
		return true;
	preempt_enable();
	return false;
}

static inline void spin_lock_irq(spinlock_t *lock)
{
	local_irq_disable();
	spin_lock(lock);
}

/*
 * The unlock-and-unmask variants unmask first and end the preemption-off
 * section last, so a task woken under the lock can preempt right here.
 */
static inline void spin_unlock_irq(spinlock_t *lock)
{
	do_raw_spin_unlock(lock);
	local_irq_enable();
	preempt_enable();
}

#define spin_lock_irqsave(lock, flags)						\
	do {									\
		local_irq_save(flags);						\
		spin_lock(lock);						\
	} while (0)

static inline void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	do_raw_spin_unlock(lock);
	local_irq_restore(flags);
	preempt_enable();
}

static inline void spin_lock_bh(spinlock_t *lock)
{
	local_bh_disable();
	spin_lock(lock);
}

static inline void spin_unlock_bh(spinlock_t *lock)
{
	spin_unlock(lock);
	local_bh_enable();
}

static inline bool spin_is_locked(spinlock_t *lock)
{
	return arch_spin_is_locked(&lock->raw);
}

static inline void read_lock(rwlock_t *rw)
{
	preempt_disable();
	arch_read_lock(&rw->raw);
}

static inline void read_unlock(rwlock_t *rw)
{
	arch_read_unlock(&rw->raw);
	preempt_enable();
}

static inline void write_lock(rwlock_t *rw)
{
	preempt_disable();
	arch_write_lock(&rw->raw);
}

static inline void write_unlock(rwlock_t *rw)
{
	arch_write_unlock(&rw->raw);
	preempt_enable();
}

#define read_lock_irqsave(rw, flags)						\
	do {									\
		local_irq_save(flags);						\
		read_lock(rw);							\
	} while (0)
#define write_lock_irqsave(rw, flags)						\
	do {									\
		local_irq_save(flags);						\
		write_lock(rw);							\
	} while (0)

static inline void read_unlock_irqrestore(rwlock_t *rw, unsigned long flags)
{
	arch_read_unlock(&rw->raw);
	local_irq_restore(flags);
	preempt_enable();
}

static inline void write_unlock_irqrestore(rwlock_t *rw, unsigned long flags)
{
	arch_write_unlock(&rw->raw);
	local_irq_restore(flags);
	preempt_enable();
}

#endif /* ARMLET_SPINLOCK_H */
