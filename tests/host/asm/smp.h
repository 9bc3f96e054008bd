/* SPDX-License-Identifier: MIT */
/* One CPU for host tests (see include/asm/smp.h). */
#ifndef ASM_SMP_H
#define ASM_SMP_H

#define NR_CPUS	4

static inline unsigned int smp_processor_id(void)
{
	return 0;
}

#endif /* ASM_SMP_H */
