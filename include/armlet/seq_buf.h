/* SPDX-License-Identifier: MIT */
/*
 * A text buffer that tables are printed into, for /proc files and the
 * monitor alike. Linux: <linux/seq_buf.h> (and seq_file, which /proc uses).
 * Writes past the end are dropped and remembered in overflow, so a caller
 * can retry with a bigger buffer.
 */
#ifndef ARMLET_SEQ_BUF_H
#define ARMLET_SEQ_BUF_H

#include <armlet/compiler.h>
#include <armlet/types.h>

struct seq_buf {
	char *buf;
	size_t size;
	size_t len;		/* bytes written, without the NUL */
	bool overflow;
};

static inline void seq_buf_init(struct seq_buf *s, char *buf, size_t size)
{
	*s = (struct seq_buf){ .buf = buf, .size = size };
	if (size)
		buf[0] = '\0';
}

void seq_printf(struct seq_buf *s, const char *fmt, ...) __printf(2, 3);

/* Put a table into the kernel log at KERN_INFO, line by line (kernel/printk.c). */
void seq_show_to_log(void (*show)(struct seq_buf *s));

#endif /* ARMLET_SEQ_BUF_H */
