/* SPDX-License-Identifier: MIT */
/*
 * TLB and branch-predictor maintenance after page-table changes, inner
 * shareable so other CPUs see it too (ARM ARM DDI 0406C, B3.10 and B4.2.2).
 * Page-table walks are coherent with the data cache on the Cortex-A9
 * (ID_MMFR3 coherent walk, TTB_FLAGS cacheable), so a table write needs a
 * DSB before the TLB operation, not a cache clean.
 * Linux: arch/arm/include/asm/tlbflush.h.
 */
#ifndef ASM_TLBFLUSH_H
#define ASM_TLBFLUSH_H

#include <asm/io.h>
#include <asm/memory.h>

static inline void flush_tlb_all(void)
{
	dsb(ishst);
	__asm__ __volatile__("mcr p15, 0, %0, c8, c3, 0\n\t"	/* TLBIALLIS */
			     "mcr p15, 0, %0, c7, c1, 6"	/* BPIALLIS */
			     : : "r"(0) : "memory");
	dsb(ish);
	isb();
}

/* One kernel page, every ASID (TLBIMVAAIS). */
static inline void flush_tlb_kernel_page(unsigned long va)
{
	dsb(ishst);
	__asm__ __volatile__("mcr p15, 0, %0, c8, c3, 3\n\t"	/* TLBIMVAAIS */
			     "mcr p15, 0, %1, c7, c1, 6"	/* BPIALLIS */
			     : : "r"(va & PAGE_MASK), "r"(0) : "memory");
	dsb(ish);
	isb();
}

#endif /* ASM_TLBFLUSH_H */
