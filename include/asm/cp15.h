/* SPDX-License-Identifier: MIT */
/*
 * One accessor per CP15 system register used by the kernel. Encodings from
 * the ARM ARM (DDI 0406C) B4.1 and the Cortex-A9 TRM (DDI 0388) 4.2.
 */
#ifndef ASM_CP15_H
#define ASM_CP15_H

#ifndef __ASSEMBLER__
#include <armlet/types.h>

#define CP15_READ(name, op1, crn, crm, op2)				\
	static inline u32 read_##name(void)				\
	{								\
		u32 v;							\
		__asm__ __volatile__("mrc p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 \
				     : "=r"(v));			\
		return v;						\
	}

CP15_READ(midr, 0, c0, c0, 0)	/* Main ID */
CP15_READ(mpidr, 0, c0, c0, 5)	/* Multiprocessor affinity */
CP15_READ(sctlr, 0, c1, c0, 0)	/* System control */
CP15_READ(dfsr, 0, c5, c0, 0)	/* Data fault status */
CP15_READ(ifsr, 0, c5, c0, 1)	/* Instruction fault status */
CP15_READ(dfar, 0, c6, c0, 0)	/* Data fault address */
CP15_READ(ifar, 0, c6, c0, 2)	/* Instruction fault address */
CP15_READ(vbar, 0, c12, c0, 0)	/* Vector base address */
#endif /* __ASSEMBLER__ */

/* SCTLR bits (B4.1.130) */
#define SCTLR_M		(1 << 0)	/* MMU enable */
#define SCTLR_A		(1 << 1)	/* alignment checking */
#define SCTLR_C		(1 << 2)	/* data cache */
#define SCTLR_Z		(1 << 11)	/* branch prediction */
#define SCTLR_I		(1 << 12)	/* instruction cache */
#define SCTLR_V		(1 << 13)	/* high vectors (0xffff0000), ignores VBAR */
#define SCTLR_TRE	(1 << 28)	/* TEX remap */
#define SCTLR_AFE	(1 << 29)	/* access flag enable */

/* ACTLR bits of the Cortex-A9 (TRM 4.3.10) */
#define ACTLR_FW	(1 << 0)	/* broadcast cache and TLB maintenance */
#define ACTLR_SMP	(1 << 6)	/* take part in coherency */

/* MPIDR: the CPU number within the cluster */
#define MPIDR_CPU_MASK	0x3

#endif /* ASM_CP15_H */
