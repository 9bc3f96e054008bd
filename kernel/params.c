// SPDX-License-Identifier: MIT
/*
 * Kernel command-line parsing. Linux counterpart: kernel/params.c
 * (parse_args, next_arg) and init/main.c (obsolete_checksetup, the __setup
 * table walk).
 *
 * The command line is words separated by blanks: "name=value" or a bare
 * "name". Double quotes group blanks into one word ("name=a b" in quotes,
 * or name="a b") and are removed. "--" ends the kernel's part of the line.
 * '-' and '_' are the same in names, as in Linux.
 * Pure code: also built on the host for tests/host/test_params.c.
 */
#define pr_fmt(fmt) "params: " fmt

#include <armlet/params.h>
#include <armlet/printk.h>

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static char *skip_blanks(char *s)
{
	while (is_blank(*s))
		s++;
	return s;
}

/*
 * next_arg - split the first word off args (which must not start with a
 * blank), in place. *name gets the word, *val the text after its first '='
 * or NULL. Returns where the next word starts.
 */
char *next_arg(char *args, char **name, char **val)
{
	bool quoted = false;
	char *in = args, *out = args;

	*val = NULL;
	for (; *in && (quoted || !is_blank(*in)); in++) {
		if (*in == '"') {
			quoted = !quoted;
			continue;
		}
		if (*in == '=' && !*val) {
			*out++ = '\0';
			*val = out;
			continue;
		}
		*out++ = *in;
	}
	if (*in)
		in++;	/* the blank that ended the word */
	*out = '\0';
	*name = args;
	return skip_blanks(in);
}

bool param_name_eq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char ca = *a == '-' ? '_' : *a;
		char cb = *b == '-' ? '_' : *b;

		if (ca != cb)
			return false;
	}
	return *a == *b;
}

static const struct kernel_param *find_param(const struct kernel_param *params,
					     size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (param_name_eq(params[i].name, name))
			return &params[i];
	return NULL;
}

/*
 * parse_args - run the handlers for the words of args (modified in place).
 * With early set, only early_param() handlers run; otherwise only the
 * others run and a word nobody claims is passed to unknown(). A handler
 * that rejects its value is reported. Returns 0, or -EINVAL if any value
 * was rejected.
 */
int parse_args(char *args, const struct kernel_param *params, size_t n,
	       bool early, unknown_param_fn unknown)
{
	int ret = 0;
	char *name, *val;

	args = skip_blanks(args);
	while (*args) {
		const struct kernel_param *p;

		args = next_arg(args, &name, &val);
		if (!val && name[0] == '-' && name[1] == '-' && !name[2])
			break;	/* the rest is for init */
		p = find_param(params, n, name);
		if (!p) {
			if (!early && unknown)
				unknown(name, val);
			continue;
		}
		if (p->early != early)
			continue;
		if (p->setup(val)) {
			pr_err("bad value for '%s': '%s'\n", name, val ? val : "(none)");
			ret = -EINVAL;
		}
	}
	return ret;
}

/* Parse an unsigned number: decimal, or hex with 0x. */
static int parse_unsigned(const char *s, unsigned long long limit,
			  unsigned long long *res)
{
	unsigned int base = 10;
	unsigned long long v = 0;

	if (!s || !*s)
		return -EINVAL;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && s[2]) {
		base = 16;
		s += 2;
	}
	for (; *s; s++) {
		unsigned int d;

		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if (base == 16 && *s >= 'a' && *s <= 'f')
			d = *s - 'a' + 10;
		else if (base == 16 && *s >= 'A' && *s <= 'F')
			d = *s - 'A' + 10;
		else
			return -EINVAL;
		v = v * base + d;
		if (v > limit)
			return -ERANGE;
	}
	*res = v;
	return 0;
}

/* kstrtouint - s as an unsigned int; 0, -EINVAL or -ERANGE. */
int kstrtouint(const char *s, unsigned int *res)
{
	unsigned long long v;
	int err = parse_unsigned(s, 0xffffffffu, &v);

	if (!err)
		*res = (unsigned int)v;
	return err;
}

/* kstrtoint - s as an int with an optional sign; 0, -EINVAL or -ERANGE. */
int kstrtoint(const char *s, int *res)
{
	bool neg = s && *s == '-';
	unsigned long long v;
	int err;

	if (s && (*s == '-' || *s == '+'))
		s++;
	err = parse_unsigned(s, neg ? 0x80000000ull : 0x7fffffffull, &v);
	if (!err)
		*res = neg ? (int)-(long long)v : (int)v;
	return err;
}
