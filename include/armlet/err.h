/* SPDX-License-Identifier: MIT */
/*
 * Errors in pointers, as Linux's <linux/err.h>: a function returning a
 * pointer can return -errno cast to a pointer; the last 4095 addresses are
 * never valid kernel pointers.
 */
#ifndef ARMLET_ERR_H
#define ARMLET_ERR_H

#include <armlet/compiler.h>
#include <armlet/types.h>

#define MAX_ERRNO	4095

static inline void *ERR_PTR(long error)
{
	return (void *)error;
}

static inline long PTR_ERR(const void *ptr)
{
	return (long)ptr;
}

static inline bool IS_ERR(const void *ptr)
{
	return (unsigned long)ptr >= (unsigned long)-MAX_ERRNO;
}

#endif /* ARMLET_ERR_H */
