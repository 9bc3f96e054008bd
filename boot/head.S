/* SPDX-License-Identifier: MIT */
/*
 * Kernel entry from QEMU's boot stub: the first instructions Armlet runs.
 * Linux counterpart: arch/arm/kernel/head.S (stext, __create_page_tables,
 * __enable_mmu), head-common.S (__mmap_switched) and mm/proc-v7.S
 * (__v7_setup). docs/boot.md walks through it.
 *
 * Entered at physical 0x60010000 in SVC mode, MMU and caches off, with
 *   r0 = 0, r1 = machine id, r2 = physical address of the ATAG list.
 * The kernel is linked at its virtual address (KERNEL_VIRT), so until the
 * MMU is on this code must be position independent: it only branches
 * relatively and converts link addresses with r8 = physical - virtual.
 */
#include <asm/cp15.h>
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <asm/ptrace.h>

	.syntax	unified
	.arm
	.section .text.head, "ax"

	.global	_start
_start:
	cpsid	aif			@ no interrupts or aborts until we can take them
	mov	r9, r1			@ machine id
	mov	r10, r2			@ ATAG pointer (physical)

	/*
	 * Only CPU 0 boots the kernel. QEMU keeps secondary CPUs in its own
	 * stub, but real boards may release them here: park them.
	 */
	mrc	p15, 0, r0, c0, c0, 5	@ MPIDR
	ands	r0, r0, #MPIDR_CPU_MASK
	bne	park_secondary

	adr	r4, _start		@ where we run (physical)
	ldr	r5, =_start		@ where we are linked (virtual)
	sub	r8, r4, r5		@ r8 = physical - virtual

	bl	v7_setup_caches
	bl	create_page_tables
	bl	enable_mmu
	ldr	pc, =mmap_switched	@ jump to the virtual address

/*
 * Prepare the CPU for caches (Cortex-A9 TRM 4.3.10, ARM ARM B2.2.7):
 * join SMP coherency (ACTLR.SMP, and FW so maintenance is broadcast),
 * and invalidate the L1 caches, which the A9 does not do at reset, the
 * branch predictor and the TLBs.
 */
v7_setup_caches:
	mrc	p15, 0, r0, c1, c0, 1	@ ACTLR
	orr	r0, r0, #(ACTLR_SMP | ACTLR_FW)
	mcr	p15, 0, r0, c1, c0, 1
	mov	r0, #0
	mcr	p15, 2, r0, c0, c0, 0	@ CSSELR: level 1 data cache
	isb
	mrc	p15, 1, r0, c0, c0, 0	@ CCSIDR
	and	r1, r0, #7
	add	r1, r1, #4		@ r1 = log2(line bytes)
	ubfx	r2, r0, #3, #10		@ r2 = ways - 1
	ubfx	r3, r0, #13, #15	@ r3 = sets - 1
	clz	r5, r2			@ r5 = bit position of the way field
1:	mov	r6, r3			@ for each way ...
2:	lsl	r7, r2, r5		@ ... for each set: way << r5 | set << r1
	orr	r7, r7, r6, lsl r1
	mcr	p15, 0, r7, c7, c6, 2	@ DCISW: invalidate by set/way
	subs	r6, r6, #1
	bge	2b
	subs	r2, r2, #1
	bge	1b
	mov	r0, #0
	mcr	p15, 0, r0, c7, c5, 0	@ ICIALLU: invalidate I-cache
	mcr	p15, 0, r0, c7, c5, 6	@ BPIALL: invalidate branch predictor
	mcr	p15, 0, r0, c8, c7, 0	@ TLBIALL
	dsb
	isb
	bx	lr

/*
 * The boot page tables, written at their physical addresses:
 *  - idmap_pg_dir (TTBR0): the 1 MiB holding this code mapped to itself,
 *    so the instruction after "MMU on" is still there;
 *  - swapper_pg_dir (TTBR1): RAM from PHYS_OFFSET up to the end of the
 *    kernel image at PAGE_OFFSET, and the debug I/O section for the
 *    console. paging_init() maps the rest of RAM and tightens permissions.
 */
create_page_tables:
	ldr	r1, =swapper_pg_dir
	add	r1, r1, r8
	ldr	r3, =__pgdir_end	@ zero both tables (contiguous, see linker.ld)
	add	r3, r3, r8
	mov	r0, r1
	mov	r2, #0
1:	str	r2, [r0], #4
	cmp	r0, r3
	blo	1b

	ldr	r0, =idmap_pg_dir	@ identity section for this code
	add	r0, r0, r8
	lsr	r2, r4, #SECTION_SHIFT
	ldr	r3, =PMD_SECT_KERNEL_BOOT
	orr	r3, r3, r2, lsl #SECTION_SHIFT
	str	r3, [r0, r2, lsl #2]

	ldr	r2, =PHYS_OFFSET	@ PAGE_OFFSET.. -> PHYS_OFFSET.. up to _end
	ldr	r3, =PMD_SECT_KERNEL_BOOT
	orr	r3, r3, r2
	add	r0, r1, #(PAGE_OFFSET >> (SECTION_SHIFT - 2))
	ldr	r5, =_end
	add	r5, r5, r8		@ physical end of the image
2:	str	r3, [r0], #4
	add	r3, r3, #SECTION_SIZE
	add	r2, r2, #SECTION_SIZE
	cmp	r2, r5
	blo	2b

	ldr	r3, =(DEBUG_IO_PHYS | PMD_SECT_DEVICE)
	add	r0, r1, #(DEBUG_IO_VIRT >> (SECTION_SHIFT - 2))
	str	r3, [r0]
	dsb
	bx	lr

/*
 * MMU on (ARM ARM B3.10.1): TTBCR splits at 2 GiB, TTBR0 = identity map,
 * TTBR1 = kernel, domain 0 = client; then SCTLR: MMU, D- and I-cache,
 * branch prediction, with TEX remap and the access flag off.
 */
enable_mmu:
	mov	r0, #TTBCR_SPLIT_2G
	mcr	p15, 0, r0, c2, c0, 2	@ TTBCR
	ldr	r0, =idmap_pg_dir
	add	r0, r0, r8
	orr	r0, r0, #TTB_FLAGS
	mcr	p15, 0, r0, c2, c0, 0	@ TTBR0
	ldr	r0, =swapper_pg_dir
	add	r0, r0, r8
	orr	r0, r0, #TTB_FLAGS
	mcr	p15, 0, r0, c2, c0, 1	@ TTBR1
	mov	r0, #DACR_CLIENT_D0
	mcr	p15, 0, r0, c3, c0, 0	@ DACR
	mov	r0, #0
	mcr	p15, 0, r0, c13, c0, 1	@ CONTEXTIDR: ASID 0
	mcr	p15, 0, r0, c8, c7, 0	@ TLBIALL
	dsb
	isb
	mrc	p15, 0, r0, c1, c0, 0	@ SCTLR
	ldr	r1, =(SCTLR_TRE | SCTLR_AFE | SCTLR_V | SCTLR_A)
	bic	r0, r0, r1
	ldr	r1, =(SCTLR_M | SCTLR_C | SCTLR_Z | SCTLR_I)
	orr	r0, r0, r1
	mcr	p15, 0, r0, c1, c0, 0
	isb
	bx	lr

park_secondary:
	wfe
	b	park_secondary

	.ltorg

/*
 * Now at virtual addresses. One stack per exception mode (sp is banked
 * per mode), each above an unmapped guard page. Fatal exceptions build
 * their frame on their own mode's stack, so an oops can still be printed
 * when the SVC stack has overflowed into its guard page.
 */
	.text
mmap_switched:
	.cfi_startproc
	.cfi_undefined lr		@ the outermost frame: debuggers stop here
	mov	fp, #0			@ and so does the kernel's own unwinder
	msr	cpsr_c, #(FIQ_MODE | PSR_I_BIT | PSR_F_BIT)
	ldr	sp, =__fiq_stack_top
	msr	cpsr_c, #(IRQ_MODE | PSR_I_BIT | PSR_F_BIT)
	ldr	sp, =__irq_stack_top
	msr	cpsr_c, #(ABT_MODE | PSR_I_BIT | PSR_F_BIT)
	ldr	sp, =__abt_stack_top
	msr	cpsr_c, #(UND_MODE | PSR_I_BIT | PSR_F_BIT)
	ldr	sp, =__und_stack_top
	msr	cpsr_c, #(SVC_MODE | PSR_I_BIT | PSR_F_BIT)
	ldr	sp, =__svc_stack_top	@ the boot thread's stack

	/* Zero .bss: C expects its uninitialised globals to read as 0. */
	ldr	r0, =__bss_start
	ldr	r1, =__bss_stop
	mov	r2, #0
1:	cmp	r0, r1
	strlo	r2, [r0], #4
	blo	1b

	/* Keep what the boot loader told us, under Linux's names. */
	ldr	r0, =__machine_arch_type
	str	r9, [r0]
	ldr	r0, =__atags_pointer
	str	r10, [r0]

	/* Exceptions go to our table at VBAR (SCTLR.V was cleared above). */
	ldr	r0, =__vectors_start
	mcr	p15, 0, r0, c12, c0, 0	@ VBAR
	isb

	/* Find the machine descriptor for r1, or stop with a message. */
	mov	r0, r9
	bl	setup_machine

	bl	start_kernel		@ never returns
	b	.
	.cfi_endproc
