/* SPDX-License-Identifier: MIT */
/*
 * Kernel command-line parameters. A subsystem registers a handler with
 * early_param("name", fn) (run first, before most of the kernel is up) or
 * __setup("name", fn); parse_args() calls it with the text after '='
 * (NULL for a bare flag). Linux: <linux/init.h> (__setup, early_param) and
 * kernel/params.c (parse_args, next_arg).
 */
#ifndef ARMLET_PARAMS_H
#define ARMLET_PARAMS_H

#include <armlet/compiler.h>
#include <armlet/errno.h>
#include <armlet/types.h>

#define COMMAND_LINE_SIZE	1024

struct kernel_param {
	const char *name;
	int (*setup)(char *val);	/* 0, or -EINVAL for a bad value */
	bool early;
};

#define __define_param(_name, _fn, _early)				\
	static const struct kernel_param __param_##_fn			\
		__used __section(".init.setup") __aligned(4) = {	\
		.name = _name, .setup = _fn, .early = _early }

#define __setup(name, fn)	__define_param(name, fn, false)
#define early_param(name, fn)	__define_param(name, fn, true)

/* Called for a word no parameter claims; val is NULL for a bare flag. */
typedef void (*unknown_param_fn)(const char *name, const char *val);

char *next_arg(char *args, char **name, char **val);
int parse_args(char *args, const struct kernel_param *params, size_t n,
	       bool early, unknown_param_fn unknown);
bool param_name_eq(const char *a, const char *b);
int kstrtoint(const char *s, int *res);
int kstrtouint(const char *s, unsigned int *res);

/* The linker-collected table, and the boot-time driver in kernel/main.c. */
extern const struct kernel_param __setup_start[], __setup_end[];

#endif /* ARMLET_PARAMS_H */
