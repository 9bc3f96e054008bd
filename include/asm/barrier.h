/* SPDX-License-Identifier: MIT */
/*
 * Memory barriers (ARM ARM DDI 0406C, A3.8.3). Linux:
 * arch/arm/include/asm/barrier.h.
 *
 *   dmb: orders memory accesses before it against those after it
 *   dsb: as dmb, and waits until they are complete (before a device acts)
 *   isb: refetches the instructions after it (after a system-register write)
 *
 * "ish" limits the barrier to the inner-shareable domain: the CPUs of
 * this cluster, which is all SMP needs. "st" orders stores only.
 */
#ifndef ASM_BARRIER_H
#define ASM_BARRIER_H

#define dsb(opt)	__asm__ __volatile__("dsb " #opt : : : "memory")
#define dmb(opt)	__asm__ __volatile__("dmb " #opt : : : "memory")
#define isb()		__asm__ __volatile__("isb" : : : "memory")

#define mb()		dsb(sy)
#define rmb()		dsb(sy)
#define wmb()		dsb(st)
#define smp_mb()	dmb(ish)
#define smp_rmb()	dmb(ish)
#define smp_wmb()	dmb(ishst)

/* Wake CPUs waiting in wfe (a spinlock was released). */
#define dsb_sev()	__asm__ __volatile__("dsb ishst\n\tsev" : : : "memory")
#define wfe()		__asm__ __volatile__("wfe" : : : "memory")

#endif /* ASM_BARRIER_H */
