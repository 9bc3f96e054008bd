// SPDX-License-Identifier: MIT
/*
 * Spinlock debugging: catch taking a lock this CPU already holds (which on
 * real hardware would spin forever) and releasing a lock that is not held,
 * with a report naming the lock and who holds it. Linux counterpart:
 * kernel/locking/spinlock_debug.c.
 *
 * A bad lock or unlock is reported and then skipped, so the kernel keeps
 * going and a test can count the reports. Context: any.
 */
#include <armlet/bug.h>
#include <armlet/kallsyms.h>
#include <armlet/printk.h>
#include <armlet/spinlock.h>

#if DEBUG_SPINLOCK

unsigned int spinlock_bugs;

static void spin_bug(spinlock_t *lock, const char *msg)
{
	spinlock_bugs++;
	char where[KSYM_NAME_LEN + 32];

	printk_force("BUG: spinlock %s on CPU#%u, lock %s (%p), owner CPU#%d, taken at %s\n",
		     msg, smp_processor_id(), lock->name ? lock->name : "?", lock,
		     lock->owner_cpu == SPIN_NO_OWNER ? -1 : (int)lock->owner_cpu,
		     lock->owner_pc ? sprint_symbol(where, sizeof(where),
						    (unsigned long)lock->owner_pc) : "-");
	dump_stack();
}

static bool lock_ok(spinlock_t *lock)
{
	if (lock->magic != SPINLOCK_MAGIC) {
		spin_bug(lock, "bad magic (not initialised, or overwritten)");
		return false;
	}
	if (lock->owner_cpu == smp_processor_id()) {
		spin_bug(lock, "recursion");
		return false;
	}
	return true;
}

static void set_owner(spinlock_t *lock, void *pc)
{
	lock->owner_cpu = smp_processor_id();
	lock->owner_pc = pc;
}

void do_raw_spin_lock(spinlock_t *lock)
{
	if (!lock_ok(lock))
		return;
	arch_spin_lock(&lock->raw);
	set_owner(lock, __builtin_return_address(0));
}

bool do_raw_spin_trylock(spinlock_t *lock)
{
	if (lock->magic != SPINLOCK_MAGIC) {
		spin_bug(lock, "bad magic (not initialised, or overwritten)");
		return false;
	}
	if (!arch_spin_trylock(&lock->raw))
		return false;
	set_owner(lock, __builtin_return_address(0));
	return true;
}

void do_raw_spin_unlock(spinlock_t *lock)
{
	if (lock->magic != SPINLOCK_MAGIC) {
		spin_bug(lock, "bad magic (not initialised, or overwritten)");
		return;
	}
	if (!arch_spin_is_locked(&lock->raw)) {
		spin_bug(lock, "already unlocked");
		return;
	}
	if (lock->owner_cpu != smp_processor_id()) {
		spin_bug(lock, "unlocked by a CPU that does not hold it");
		return;
	}
	lock->owner_cpu = SPIN_NO_OWNER;
	lock->owner_pc = NULL;
	arch_spin_unlock(&lock->raw);
}

#endif
