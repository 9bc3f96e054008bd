/* SPDX-License-Identifier: MIT */
/*
 * Spinlocks for single-threaded host tests: they record whether they are
 * held, so a test can check lock balance (see include/asm/spinlock.h).
 */
#ifndef ASM_SPINLOCK_H
#define ASM_SPINLOCK_H

#include <stdbool.h>

typedef struct {
	unsigned int locked;
} arch_spinlock_t;

typedef struct {
	unsigned int lock;
} arch_rwlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED	{ 0 }
#define __ARCH_RW_LOCK_UNLOCKED		{ 0 }
#define RW_WRITER			0x80000000u

static inline void arch_spin_lock(arch_spinlock_t *l) { l->locked++; }
static inline bool arch_spin_trylock(arch_spinlock_t *l) { return l->locked ? false : (l->locked = 1); }
static inline void arch_spin_unlock(arch_spinlock_t *l) { l->locked--; }
static inline bool arch_spin_is_locked(arch_spinlock_t *l) { return l->locked; }
static inline void arch_read_lock(arch_rwlock_t *rw) { rw->lock++; }
static inline void arch_read_unlock(arch_rwlock_t *rw) { rw->lock--; }
static inline void arch_write_lock(arch_rwlock_t *rw) { rw->lock = RW_WRITER; }
static inline void arch_write_unlock(arch_rwlock_t *rw) { rw->lock = 0; }

#endif /* ASM_SPINLOCK_H */
