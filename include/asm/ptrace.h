/* SPDX-License-Identifier: MIT */
/*
 * Processor modes, CPSR bits and the saved register frame (struct pt_regs),
 * shared by C and assembly. The layout of pt_regs is Linux's ARM layout
 * (arch/arm/include/uapi/asm/ptrace.h): r0-r12, sp, lr, pc, cpsr, orig_r0.
 * ARM ARM (DDI 0406C) B1.3.1 describes the CPSR.
 */
#ifndef ASM_PTRACE_H
#define ASM_PTRACE_H

/* CPSR.M, the mode field */
#define USR_MODE	0x10
#define FIQ_MODE	0x11
#define IRQ_MODE	0x12
#define SVC_MODE	0x13
#define MON_MODE	0x16
#define ABT_MODE	0x17
#define HYP_MODE	0x1a
#define UND_MODE	0x1b
#define SYSTEM_MODE	0x1f
#define MODE_MASK	0x1f

/* CPSR flag and mask bits */
#define PSR_T_BIT	(1 << 5)	/* Thumb state */
#define PSR_F_BIT	(1 << 6)	/* FIQs masked */
#define PSR_I_BIT	(1 << 7)	/* IRQs masked */
#define PSR_A_BIT	(1 << 8)	/* asynchronous aborts masked */
#define PSR_E_BIT	(1 << 9)	/* big-endian data */
#define PSR_J_BIT	(1 << 24)	/* Jazelle state */
#define PSR_Q_BIT	(1 << 27)
#define PSR_V_BIT	(1 << 28)
#define PSR_C_BIT	(1 << 29)
#define PSR_Z_BIT	(1 << 30)
#define PSR_N_BIT	(1 << 31)

/* Byte offsets into struct pt_regs, for assembly */
#define S_R0		0
#define S_SP		52
#define S_LR		56
#define S_PC		60
#define S_PSR		64
#define S_OLD_R0	68
#define S_FRAME_SIZE	72

#ifndef __ASSEMBLER__
#include <armlet/types.h>
#include <armlet/compiler.h>

struct pt_regs {
	u32 uregs[18];
};

#define ARM_r0		uregs[0]
#define ARM_fp		uregs[11]
#define ARM_ip		uregs[12]
#define ARM_sp		uregs[13]
#define ARM_lr		uregs[14]
#define ARM_pc		uregs[15]
#define ARM_cpsr	uregs[16]
#define ARM_ORIG_r0	uregs[17]

_Static_assert(sizeof(struct pt_regs) == S_FRAME_SIZE, "pt_regs size");
_Static_assert(S_FRAME_SIZE % 8 == 0, "AAPCS needs an 8-byte aligned stack");
_Static_assert(__builtin_offsetof(struct pt_regs, ARM_sp) == S_SP, "S_SP");
_Static_assert(__builtin_offsetof(struct pt_regs, ARM_lr) == S_LR, "S_LR");
_Static_assert(__builtin_offsetof(struct pt_regs, ARM_pc) == S_PC, "S_PC");
_Static_assert(__builtin_offsetof(struct pt_regs, ARM_cpsr) == S_PSR, "S_PSR");

#endif /* __ASSEMBLER__ */
#endif /* ASM_PTRACE_H */
