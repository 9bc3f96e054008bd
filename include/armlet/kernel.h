/* SPDX-License-Identifier: MIT */
/*
 * Small helpers every kernel file uses. Linux: <linux/kernel.h>.
 */
#ifndef ARMLET_KERNEL_H
#define ARMLET_KERNEL_H

#include <armlet/compiler.h>
#include <armlet/types.h>

#define ALIGN(x, a)	(((x) + ((a) - 1)) & ~((a) - 1))	/* a: a power of two */
#define min(a, b)	((a) < (b) ? (a) : (b))
#define max(a, b)	((a) > (b) ? (a) : (b))

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - __builtin_offsetof(type, member)))

void panic(const char *fmt, ...) __printf(1, 2) __noreturn;

/* The version string printed at boot and by the monitor's "version". */
extern const char armlet_banner[];

#endif /* ARMLET_KERNEL_H */
