/* SPDX-License-Identifier: MIT */
/*
 * Device numbers, as Linux's <linux/kdev_t.h>: a dev_t is a 12-bit major
 * (which driver) and a 20-bit minor (which of its devices).
 */
#ifndef ARMLET_KDEV_T_H
#define ARMLET_KDEV_T_H

#include <armlet/types.h>

typedef u32 dev_t;

#define MINORBITS	20
#define MINORMASK	((1u << MINORBITS) - 1)
#define MAJOR(dev)	((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev)	((unsigned int)((dev) & MINORMASK))
#define MKDEV(ma, mi)	(((dev_t)(ma) << MINORBITS) | (mi))
#define MAX_MAJOR	4095

#endif /* ARMLET_KDEV_T_H */
