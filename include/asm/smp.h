/* SPDX-License-Identifier: MIT */
/*
 * Which CPU is this. Linux: arch/arm/include/asm/smp.h.
 */
#ifndef ASM_SMP_H
#define ASM_SMP_H

#include <asm/cp15.h>

#define NR_CPUS	4	/* the Cortex-A9 MPCore has up to four */

static inline unsigned int smp_processor_id(void)
{
	return read_mpidr() & MPIDR_CPU_MASK;
}

#endif /* ASM_SMP_H */
