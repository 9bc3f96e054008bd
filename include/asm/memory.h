/* SPDX-License-Identifier: MIT */
/*
 * The virtual memory map and the physical<->virtual conversions.
 * Linux: arch/arm/include/asm/memory.h. Physical addresses of the board
 * are in include/mach/vexpress.h.
 *
 * Armlet splits the 4 GiB address space 2G/2G with TTBCR.N = 1: TTBR0
 * translates the lower half (user space, one table per process later) and
 * TTBR1 the upper half (the kernel, one table for everyone). With the
 * kernel's lowmem at 0x80000000, every byte of the most RAM QEMU's
 * vexpress-a9 can have (1 GiB) is directly mapped: no highmem.
 *
 *   virtual
 *   0xffffffff +--------------------------+
 *              |  unused                  |
 *   0xf8100000 +--------------------------+
 *              |  debug I/O (1 MiB)       |  board devices at 0x10000000,
 *   0xf8000000 +--------------------------+  for the console before ioremap
 *              |  ioremap area (128 MiB)  |  device mappings, 4 KiB pages
 *   0xf0000000 +--------------------------+
 *              |  vmalloc area (768 MiB)  |  vmalloc(), with guard pages
 *   0xc0000000 +--------------------------+
 *              |  lowmem (up to 1 GiB)    |  all RAM, linearly:
 *              |   kernel at +0x10000     |  va = pa - PHYS_OFFSET + PAGE_OFFSET
 *   0x80000000 +--------------------------+  PAGE_OFFSET = __va(PHYS_OFFSET)
 *              |  user space (TTBR0)      |  empty until processes exist:
 *              |                          |  NULL and every user address fault
 *   0x00000000 +--------------------------+
 */
#ifndef ASM_MEMORY_H
#define ASM_MEMORY_H

#include <mach/vexpress.h>

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))
#define SECTION_SHIFT	20
#define SECTION_SIZE	(1UL << SECTION_SHIFT)

#define PAGE_OFFSET	0x80000000UL	/* start of lowmem and of TTBR1's half */
#define PHYS_OFFSET	VEXPRESS_RAM_BASE	/* where RAM starts */
#define LOWMEM_MAX	0x40000000UL	/* lowmem can map 1 GiB */
#define VMALLOC_START	0xc0000000UL
#define VMALLOC_END	0xf0000000UL
#define IOREMAP_START	0xf0000000UL
#define IOREMAP_END	0xf8000000UL
#define DEBUG_IO_VIRT	0xf8000000UL	/* 1 MiB section: ... */
#define DEBUG_IO_PHYS	VEXPRESS_SYSREGS_BASE	/* ... the board's first MiB of I/O */

#define KERNEL_PHYS	(PHYS_OFFSET + VEXPRESS_KERNEL_OFFSET)
#define KERNEL_VIRT	(PAGE_OFFSET + VEXPRESS_KERNEL_OFFSET)

/* A debug I/O address for a device in the board's first MiB of I/O. */
#define DEBUG_IO_ADDR(pa)	(DEBUG_IO_VIRT + ((pa) - DEBUG_IO_PHYS))

#ifndef __ASSEMBLER__
#include <armlet/types.h>

/* Lowmem only: these are plain offsets, not page-table walks. */
#define __pa(x)		((phys_addr_t)((uintptr_t)(x) - PAGE_OFFSET + PHYS_OFFSET))
#define __va(x)		((void *)((uintptr_t)(x) - PHYS_OFFSET + PAGE_OFFSET))

#define PFN_PHYS(pfn)	((phys_addr_t)(pfn) << PAGE_SHIFT)
#define PHYS_PFN(pa)	((unsigned long)((pa) >> PAGE_SHIFT))
#define PFN_UP(x)	(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x)	((x) >> PAGE_SHIFT)

_Static_assert(PAGE_OFFSET % SECTION_SIZE == 0 && PHYS_OFFSET % SECTION_SIZE == 0,
	       "PAGE_OFFSET - PHYS_OFFSET must be a multiple of 1 MiB for sections");
_Static_assert(PAGE_OFFSET + LOWMEM_MAX <= VMALLOC_START, "lowmem overlaps vmalloc");
#endif

#endif /* ASM_MEMORY_H */
