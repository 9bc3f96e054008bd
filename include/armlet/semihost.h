/* SPDX-License-Identifier: MIT */
/*
 * ARM semihosting: requests to a debug host (here QEMU with -semihosting).
 * Reference: "Semihosting for AArch32 and AArch64", ARM IHI 0075.
 */
#ifndef ARMLET_SEMIHOST_H
#define ARMLET_SEMIHOST_H

#include <armlet/types.h>

#define SYS_CLOCK			0x10
#define SYS_EXIT_EXTENDED		0x20
#define ADP_STOPPED_APPLICATION_EXIT	0x20026

/* Find out once, early, whether a debug host is there. */
void semihost_probe(void);
/* Ask the host to exit with status code; returns only if there is no host. */
void semihost_exit(int code);

#endif /* ARMLET_SEMIHOST_H */
