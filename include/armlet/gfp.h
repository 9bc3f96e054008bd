/* SPDX-License-Identifier: MIT */
/*
 * GFP ("get free pages") flags: how an allocation may behave. Names and
 * meaning as Linux's <linux/gfp_types.h>. Armlet cannot reclaim memory, so
 * GFP_KERNEL and GFP_ATOMIC differ only in what they promise the caller:
 * GFP_KERNEL callers may sleep (once the scheduler exists, it may), while
 * GFP_ATOMIC callers (interrupt handlers, code holding spinlocks) never do.
 */
#ifndef ARMLET_GFP_H
#define ARMLET_GFP_H

typedef unsigned int gfp_t;

#define __GFP_DIRECT_RECLAIM	0x01u	/* the caller may sleep */
#define __GFP_HIGH		0x02u	/* urgent: may use the last pages */
#define __GFP_ZERO		0x04u	/* return zeroed memory */
#define __GFP_NOWARN		0x08u	/* no warning when the allocation fails */

#define GFP_KERNEL	(__GFP_DIRECT_RECLAIM)
#define GFP_ATOMIC	(__GFP_HIGH)

#endif /* ARMLET_GFP_H */
