/* SPDX-License-Identifier: MIT */
/*
 * MMIO accessors, as Linux's arch/arm/include/asm/io.h. Every device access
 * goes through these. readl() is followed by a barrier so that later memory
 * reads cannot pass it; writel() is preceded by one so that earlier memory
 * writes (e.g. a buffer a device will read) are visible first. "dsb st" is
 * what ARMv7 needs before a write that a device acts on.
 */
#ifndef ASM_IO_H
#define ASM_IO_H

#include <armlet/types.h>
#include <asm/barrier.h>

static inline u32 readl_relaxed(uintptr_t addr)
{
	return *(volatile u32 *)addr;
}

static inline void writel_relaxed(u32 val, uintptr_t addr)
{
	*(volatile u32 *)addr = val;
}

static inline u32 readl(uintptr_t addr)
{
	u32 val = readl_relaxed(addr);

	dmb(sy);
	return val;
}

static inline void writel(u32 val, uintptr_t addr)
{
	dsb(st);
	writel_relaxed(val, addr);
}

#endif /* ASM_IO_H */
