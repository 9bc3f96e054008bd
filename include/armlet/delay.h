/* SPDX-License-Identifier: MIT */
/*
 * Sleeping for a while. Linux: <linux/delay.h>. Context: process.
 */
#ifndef ARMLET_DELAY_H
#define ARMLET_DELAY_H

void msleep(unsigned int ms);	/* at least ms milliseconds, in whole ticks */

#endif /* ARMLET_DELAY_H */
