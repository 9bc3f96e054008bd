/* SPDX-License-Identifier: MIT */
/*
 * Fault status registers (DFSR, IFSR) in the short-descriptor format, ARM
 * ARM (DDI 0406C) B4.1.52 and B3.13.3. Linux: arch/arm/mm/fault.h.
 */
#ifndef ASM_FSR_H
#define ASM_FSR_H

#include <armlet/types.h>

#define FSR_FS_LOW	0x0000000f	/* FS[3:0] */
#define FSR_FS_HIGH	(1 << 10)	/* FS[4] */
#define FSR_DOMAIN	0x000000f0
#define FSR_WNR		(1 << 11)	/* DFSR only: the access was a write */
#define FSR_EXT		(1 << 12)	/* external abort type */
#define FSR_LPAE	(1 << 9)	/* long-descriptor format */

#define FSR_FS_ALIGNMENT	0x01	/* FS[4:0] of an alignment fault */
#define FSR_FS_DEBUG		0x02	/* FS[4:0] of a debug event (BKPT) */

/* FS[4:0] as one number. */
static inline unsigned int fsr_fs(u32 fsr)
{
	return (fsr & FSR_FS_LOW) | ((fsr & FSR_FS_HIGH) ? 0x10 : 0);
}

/* What the fault status means, in words; never NULL. */
const char *fsr_describe(u32 fsr);

#endif /* ASM_FSR_H */
