/* SPDX-License-Identifier: MIT */
/*
 * Fixed-width kernel types, as in Linux's <linux/types.h>.
 *
 * Only compiler-provided freestanding headers are used, so this file also
 * builds on the host for the unit tests in tests/host/.
 */
#ifndef ARMLET_TYPES_H
#define ARMLET_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* As Linux: u32 is unsigned int, so "%x" prints it on the host and target. */
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef short s16;
typedef int s32;
typedef long long s64;

_Static_assert(sizeof(u32) == 4 && sizeof(u64) == 8, "fixed-width types");

/* A physical address: 32 bits on ARMv7 without LPAE. */
typedef u32 phys_addr_t;

#endif /* ARMLET_TYPES_H */
