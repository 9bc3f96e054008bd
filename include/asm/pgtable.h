/* SPDX-License-Identifier: MIT */
/*
 * ARMv7 short-descriptor translation tables (ARM ARM DDI 0406C, B3.5):
 * first-level entries map 1 MiB sections or point to a second-level table
 * of 256 small (4 KiB) pages. Armlet uses TEX remap off (SCTLR.TRE = 0), so
 * TEX/C/B give the memory type directly, and the access flag off
 * (SCTLR.AFE = 0), so AP[2:0] are plain permissions. Domain 0, client.
 * Linux: arch/arm/include/asm/pgtable-2level-hwdef.h.
 */
#ifndef ASM_PGTABLE_H
#define ASM_PGTABLE_H

#define PTRS_PER_PGD		4096	/* first level: 4096 x 1 MiB */
#define PTRS_PER_PTE		256	/* second level: 256 x 4 KiB */
#define PTE_TABLE_SIZE		1024	/* bytes of one second-level table */
#define USER_PGD_SIZE		8192	/* TTBR0 table with TTBCR.N = 1 */

/* First-level descriptors (B3.5.1) */
#define PMD_TYPE_TABLE		0x1
#define PMD_TYPE_SECT		0x2
#define PMD_SECT_B		(1 << 2)
#define PMD_SECT_C		(1 << 3)
#define PMD_SECT_XN		(1 << 4)
#define PMD_SECT_AP0		(1 << 10)	/* AP[0]: privileged access */
#define PMD_SECT_AP1		(1 << 11)	/* AP[1]: user access */
#define PMD_SECT_TEX1		(1 << 12)	/* TEX = 001 */
#define PMD_SECT_APX		(1 << 15)	/* AP[2]: read-only */
#define PMD_SECT_S		(1 << 16)	/* shareable */

/* Normal memory, inner and outer write-back write-allocate, shareable. */
#define PMD_SECT_WBWA		(PMD_SECT_TEX1 | PMD_SECT_C | PMD_SECT_B | PMD_SECT_S)
/* Kernel RAM while booting: read/write/execute (tightened by paging_init). */
#define PMD_SECT_KERNEL_BOOT	(PMD_TYPE_SECT | PMD_SECT_WBWA | PMD_SECT_AP0)
/* Lowmem outside the kernel image: read/write, never executed. */
#define PMD_SECT_KERNEL_DATA	(PMD_SECT_KERNEL_BOOT | PMD_SECT_XN)
/* Shareable Device memory (TEX 000, C 0, B 1), never executed. */
#define PMD_SECT_DEVICE		(PMD_TYPE_SECT | PMD_SECT_B | PMD_SECT_XN | PMD_SECT_AP0)

/* Second-level small-page descriptors (B3.5.1) */
#define PTE_TYPE_SMALL		0x2
#define PTE_XN			(1 << 0)
#define PTE_B			(1 << 2)
#define PTE_C			(1 << 3)
#define PTE_AP0			(1 << 4)
#define PTE_AP1			(1 << 5)
#define PTE_TEX1		(1 << 6)
#define PTE_APX			(1 << 9)
#define PTE_S			(1 << 10)
#define PTE_NG			(1 << 11)

#define PTE_WBWA		(PTE_TEX1 | PTE_C | PTE_B | PTE_S)
#define PTE_KERNEL_TEXT		(PTE_TYPE_SMALL | PTE_WBWA | PTE_AP0 | PTE_APX)
#define PTE_KERNEL_RODATA	(PTE_KERNEL_TEXT | PTE_XN)
#define PTE_KERNEL_DATA		(PTE_TYPE_SMALL | PTE_WBWA | PTE_AP0 | PTE_XN)
#define PTE_DEVICE		(PTE_TYPE_SMALL | PTE_B | PTE_AP0 | PTE_XN)

/*
 * TTBR0/TTBR1 walk attributes (B4.1.154, multiprocessing extensions):
 * inner and outer write-back write-allocate, inner shareable.
 */
#define TTB_IRGN_WBWA		(1 << 6)
#define TTB_S			(1 << 1)
#define TTB_RGN_WBWA		(1 << 3)
#define TTB_NOS			(1 << 5)
#define TTB_FLAGS		(TTB_IRGN_WBWA | TTB_S | TTB_NOS | TTB_RGN_WBWA)

#define TTBCR_SPLIT_2G		1	/* TTBCR.N = 1: TTBR0 below 0x80000000 */
#define DACR_CLIENT_D0		0x1	/* domain 0 checks permissions */

#ifndef __ASSEMBLER__
#include <armlet/types.h>

typedef u32 pmd_t;	/* a first-level entry */
typedef u32 pte_t;	/* a second-level entry */

extern pmd_t swapper_pg_dir[PTRS_PER_PGD];	/* the kernel's TTBR1 table */
extern pmd_t idmap_pg_dir[USER_PGD_SIZE / 4];	/* TTBR0 at boot: identity map */

static inline unsigned int pgd_index(unsigned long va)
{
	return va >> 20;
}

static inline unsigned int pte_index(unsigned long va)
{
	return (va >> 12) & (PTRS_PER_PTE - 1);
}
#endif

#endif /* ASM_PGTABLE_H */
