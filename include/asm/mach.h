/* SPDX-License-Identifier: MIT */
/*
 * Machine descriptors: one per supported board, collected by the linker in
 * the .arch.info section and chosen by the machine id that the boot loader
 * passes in r1. Linux: arch/arm/include/asm/mach/arch.h (MACHINE_START).
 */
#ifndef ASM_MACH_H
#define ASM_MACH_H

#include <armlet/compiler.h>
#include <armlet/types.h>

struct machine_desc {
	unsigned int nr;		/* machine id passed in r1 */
	const char *name;		/* board name printed at boot */
	phys_addr_t uart_base;		/* console UART (PL011) */
	unsigned int uart_clk_hz;	/* its reference clock */
	unsigned int uart_irq;		/* its interrupt (GIC number) */
	phys_addr_t ram_base;		/* where RAM may start */
	u32 ram_max;			/* the most RAM the board can have */
	u32 ram_default;		/* assumed when ATAG_MEM is unusable */
	u32 atag_offset;		/* usual ATAG list offset from ram_base */
	phys_addr_t kernel_phys;	/* where the boot loader puts us */
	void (*init_early)(void);	/* board set-up before the console */
	void (*init_irq)(void);		/* the interrupt controller */
	void (*init_time)(void);	/* the tick and the clock source */
	void (*init_machine)(void);	/* board set-up once memory management is up */
	void (*power_off)(void);	/* switch the board off */
	void (*restart)(void);		/* reset the board */
};

#define MACHINE_START(_type, _name)					\
	static const struct machine_desc __mach_desc_##_type		\
		__used __section(".arch.info") = {			\
		.name = _name,

#define MACHINE_END };

/* The descriptor matching this board; set by setup_machine() at boot. */
extern const struct machine_desc *machine_desc;

const struct machine_desc *lookup_machine_desc(unsigned int nr);

#endif /* ASM_MACH_H */
