// SPDX-License-Identifier: MIT
/*
 * seq_buf (see seq_buf.h). Linux counterpart: lib/seq_buf.c.
 * Pure code: also built on the host for the tests that read tables.
 */
#include <armlet/printk.h>
#include <armlet/seq_buf.h>

void seq_printf(struct seq_buf *s, const char *fmt, ...)
{
	va_list args;
	size_t room = s->size - s->len;
	int n;

	if (s->overflow || !room)
		return;
	va_start(args, fmt);
	n = vsnprintf(s->buf + s->len, room, fmt, args);
	va_end(args);
	if ((size_t)n >= room) {
		s->buf[s->len] = '\0';	/* all or nothing: no half line */
		s->overflow = true;
		return;
	}
	s->len += n;
}
