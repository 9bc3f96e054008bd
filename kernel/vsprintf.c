// SPDX-License-Identifier: MIT
/*
 * vsnprintf(): the formatter behind printk. Linux counterpart: lib/vsprintf.c.
 *
 * Supports the conversions d i u x X o c s p %, the flags - 0 + space #,
 * a field width and precision (numbers or *), and the length modifiers
 * hh h l ll z. %p prints the raw address as 0x%08x: a teaching kernel
 * shows real addresses (Linux hashes them unless told not to).
 * Pure code: also built on the host for tests/host/test_vsprintf.c.
 */
#include <armlet/kernel.h>
#include <armlet/printk.h>
#include <armlet/string.h>

/* Widths and precisions are capped here: no line is longer than this. */
#define FIELD_MAX	4096

/* How one conversion is to be printed. */
struct spec {
	bool left;		/* '-': pad on the right */
	bool zero;		/* '0': pad numbers with zeros */
	bool plus;		/* '+': always print a sign */
	bool space;		/* ' ': a space where '+' would go */
	bool alt;		/* '#': 0x / 0 prefix */
	bool is_signed;		/* a signed conversion: '+' and ' ' apply */
	bool is_pointer;	/* %p: 0x even for NULL */
	int width;		/* minimum field width, -1 if none */
	int precision;		/* minimum digits / maximum chars, -1 if none */
};

/* The output cursor: writes past the end are counted, not stored. */
struct out {
	char *buf;
	size_t size;
	size_t len;
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

static void put_string(struct out *o, const char *s, const struct spec *sp)
{
	size_t max = sp->precision >= 0 ? (size_t)sp->precision : (size_t)-1;
	int len;

	if (!s)
		s = "(null)";
	len = (int)strnlen(s, max);
	if (!sp->left)
		pad(o, ' ', sp->width - len);
	for (int i = 0; i < len; i++)
		put(o, s[i]);
	if (sp->left)
		pad(o, ' ', sp->width - len);
}

/* Print an unsigned magnitude with sign, prefix, precision and padding. */
static void put_number(struct out *o, unsigned long long num, bool negative,
		       unsigned int base, bool upper, const struct spec *sp)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];	/* 2^64 needs 22 octal digits */
	int ndigits = 0, nzeros, len;
	const char *prefix = "";

	while (num) {
		tmp[ndigits++] = digits[num % base];
		num /= base;
	}
	if (negative)
		prefix = "-";
	else if (sp->plus && sp->is_signed)
		prefix = "+";
	else if (sp->space && sp->is_signed)
		prefix = " ";
	if (sp->alt && base == 16 && (ndigits || sp->is_pointer))
		prefix = upper ? "0X" : "0x";

	/* C: precision 0 with value 0 prints no digits; else at least one. */
	nzeros = sp->precision > ndigits ? sp->precision - ndigits : 0;
	if (sp->precision < 0 && ndigits == 0)
		nzeros = 1;
	/* "%#o" makes the first digit a 0, adding one only if needed. */
	if (sp->alt && base == 8 && nzeros == 0 && (ndigits == 0 || tmp[ndigits - 1] != '0'))
		nzeros = 1;
	len = (int)strlen(prefix) + nzeros + ndigits;

	if (!sp->left && !(sp->zero && sp->precision < 0))
		pad(o, ' ', sp->width - len);
	for (const char *p = prefix; *p; p++)
		put(o, *p);
	if (!sp->left && sp->zero && sp->precision < 0)
		pad(o, '0', sp->width - len);
	pad(o, '0', nzeros);
	while (ndigits)
		put(o, tmp[--ndigits]);
	if (sp->left)
		pad(o, ' ', sp->width - len);
}

/* Parse flags, width and precision; returns the first unparsed char. */
static const char *parse_spec(const char *fmt, struct spec *sp, va_list *ap)
{
	*sp = (struct spec){ .width = -1, .precision = -1 };
	for (;; fmt++) {
		if (*fmt == '-')
			sp->left = true;
		else if (*fmt == '0')
			sp->zero = true;
		else if (*fmt == '+')
			sp->plus = true;
		else if (*fmt == ' ')
			sp->space = true;
		else if (*fmt == '#')
			sp->alt = true;
		else
			break;
	}
	if (*fmt == '*') {
		int w = va_arg(*ap, int);

		sp->left |= w < 0;	/* a negative width means '-' */
		sp->width = w < 0 ? (w < -FIELD_MAX ? FIELD_MAX : -w) : min(w, FIELD_MAX);
		fmt++;
	} else {
		for (sp->width = 0; *fmt >= '0' && *fmt <= '9'; fmt++)
			sp->width = min(sp->width * 10 + (*fmt - '0'), FIELD_MAX);
	}
	if (*fmt == '.') {
		fmt++;
		if (*fmt == '*') {
			int p = va_arg(*ap, int);

			sp->precision = p < 0 ? -1 : min(p, FIELD_MAX);	/* C: negative = none */
			fmt++;
		} else {
			for (sp->precision = 0; *fmt >= '0' && *fmt <= '9'; fmt++)
				sp->precision = min(sp->precision * 10 + (*fmt - '0'), FIELD_MAX);
		}
	}
	return fmt;
}

/* Length modifiers, counted as in C: 'h' = -1, 'hh' = -2, 'l' = 1, 'll' = 2. */
static const char *parse_length(const char *fmt, int *length)
{
	*length = 0;
	if (*fmt == 'h') {
		*length = fmt[1] == 'h' ? -2 : -1;
		return fmt + (fmt[1] == 'h' ? 2 : 1);
	}
	if (*fmt == 'l') {
		*length = fmt[1] == 'l' ? 2 : 1;
		return fmt + (fmt[1] == 'l' ? 2 : 1);
	}
	if (*fmt == 'z') {
		*length = sizeof(size_t) == sizeof(long) ? 1 : 0;
		return fmt + 1;
	}
	return fmt;
}

static long long get_signed(va_list *ap, int length)
{
	switch (length) {
	case -2: return (signed char)va_arg(*ap, int);
	case -1: return (short)va_arg(*ap, int);
	case 1: return va_arg(*ap, long);
	case 2: return va_arg(*ap, long long);
	default: return va_arg(*ap, int);
	}
}

static unsigned long long get_unsigned(va_list *ap, int length)
{
	switch (length) {
	case -2: return (unsigned char)va_arg(*ap, unsigned int);
	case -1: return (unsigned short)va_arg(*ap, unsigned int);
	case 1: return va_arg(*ap, unsigned long);
	case 2: return va_arg(*ap, unsigned long long);
	default: return va_arg(*ap, unsigned int);
	}
}

/* Handle one conversion character c. */
static void convert(struct out *o, char c, struct spec *sp, int length,
		    va_list *ap)
{
	long long sval;

	switch (c) {
	case 'd':
	case 'i':
		sp->is_signed = true;
		sval = get_signed(ap, length);
		put_number(o, sval < 0 ? -(unsigned long long)sval : (unsigned long long)sval,
			   sval < 0, 10, false, sp);
		break;
	case 'u':
		put_number(o, get_unsigned(ap, length), false, 10, false, sp);
		break;
	case 'x':
	case 'X':
		put_number(o, get_unsigned(ap, length), false, 16, c == 'X', sp);
		break;
	case 'o':
		put_number(o, get_unsigned(ap, length), false, 8, false, sp);
		break;
	case 'p':
		sp->alt = true;
		sp->is_pointer = true;
		sp->precision = 2 * (int)sizeof(void *);
		put_number(o, (uintptr_t)va_arg(*ap, void *), false, 16, false, sp);
		break;
	case 'c': {
		char ch[2] = { (char)va_arg(*ap, int), 0 };

		sp->precision = 1;
		if (!ch[0]) {	/* a NUL is still one character of output */
			pad(o, ' ', sp->left ? 0 : sp->width - 1);
			put(o, 0);
			pad(o, ' ', sp->left ? sp->width - 1 : 0);
			break;
		}
		put_string(o, ch, sp);
		break;
	}
	case 's':
		put_string(o, va_arg(*ap, const char *), sp);
		break;
	default:	/* '%%' and unknown conversions print literally */
		put(o, '%');
		if (c != '%')
			put(o, c);
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o = { .buf = buf, .size = size, .len = 0 };
	struct spec sp;
	int length;
	va_list ap;

	va_copy(ap, args);
	while (*fmt) {
		if (*fmt != '%') {
			put(&o, *fmt++);
			continue;
		}
		fmt = parse_spec(fmt + 1, &sp, &ap);
		fmt = parse_length(fmt, &length);
		if (!*fmt)
			break;	/* a lone '%' at the end prints nothing */
		convert(&o, *fmt++, &sp, length, &ap);
	}
	va_end(ap);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	if (!size)
		return 0;
	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n < (int)size ? n : (int)size - 1;
}
