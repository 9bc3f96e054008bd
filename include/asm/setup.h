/* SPDX-License-Identifier: MIT */
/*
 * The ATAG list: how an ARM boot loader describes the machine to the
 * kernel. Layouts and values are Linux's (arch/arm/include/uapi/asm/setup.h,
 * Documentation/arch/arm/booting.rst). Sizes are in 32-bit words and
 * include the two-word header.
 */
#ifndef ASM_SETUP_H
#define ASM_SETUP_H

#include <armlet/params.h>
#include <armlet/types.h>

#define ATAG_NONE	0x00000000
#define ATAG_CORE	0x54410001
#define ATAG_MEM	0x54410002
#define ATAG_INITRD2	0x54420005
#define ATAG_CMDLINE	0x54410009

struct tag_header {
	u32 size;	/* in words, header included */
	u32 tag;
};

struct tag_core {
	u32 flags;	/* bit 0: root read-only */
	u32 pagesize;
	u32 rootdev;
};

struct tag_mem32 {
	u32 size;
	u32 start;	/* physical */
};

struct tag_initrd {
	u32 start;	/* physical */
	u32 size;
};

struct tag_cmdline {
	char cmdline[1];	/* NUL-terminated, padded to a word */
};

struct tag {
	struct tag_header hdr;
	union {
		struct tag_core core;
		struct tag_mem32 mem;
		struct tag_initrd initrd;
		struct tag_cmdline cmdline;
	} u;
};

#define tag_size(type)	((sizeof(struct tag_header) + sizeof(struct type)) >> 2)

/* What the boot loader told us, after checking. */
#define NR_BANKS	8

struct membank {
	phys_addr_t start;
	u32 size;
};

struct boot_params {
	bool from_atags;		/* false: the list was unusable */
	bool default_memory;		/* bank[0] is the machine's default */
	u32 atag_bytes;			/* length of the list, ATAG_NONE included */
	unsigned int nr_banks;
	struct membank bank[NR_BANKS];
	phys_addr_t initrd_start;	/* 0 and 0 when there is none */
	u32 initrd_size;
	char cmdline[COMMAND_LINE_SIZE];
};

/* Where RAM may be on this board, from the machine descriptor. */
struct ram_window {
	phys_addr_t base;
	u32 max_size;		/* RAM must lie in [base, base + max_size) */
	u32 default_size;	/* assumed at base when ATAG_MEM is unusable */
};

/* Longest ATAG list we will walk: far more than any boot loader writes. */
#define ATAG_LIST_MAX	(16 * 1024)

int atags_parse(const void *list, size_t max_bytes, const struct ram_window *ram,
		struct boot_params *bp);

/* Set by boot/head.S from r1 and r2. */
extern unsigned int __machine_arch_type;
extern phys_addr_t __atags_pointer;

/* The checked result, filled in by setup_arch(). */
extern struct boot_params boot_params;

#endif /* ASM_SETUP_H */
