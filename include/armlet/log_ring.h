/* SPDX-License-Identifier: MIT */
/*
 * The kernel log ring: a fixed-size byte buffer of variable-length records
 * (sequence number, level, text). When a new record does not fit, the
 * oldest records are dropped and counted. Linux counterpart:
 * kernel/printk/printk_ringbuf.c (much simpler here: one writer at a time).
 */
#ifndef ARMLET_LOG_RING_H
#define ARMLET_LOG_RING_H

#include <armlet/types.h>

struct log_record {
	u32 seq;	/* 0, 1, 2, ... in the order written */
	u16 len;	/* bytes of text, no terminating NUL */
	u8 level;	/* LOGLEVEL_* */
	u8 flags;	/* LOG_WRAP marks padding to the buffer's end */
	char text[];
};

#define LOG_WRAP	0x01

/*
 * Positions are free-running byte counters; a position's place in the
 * buffer is pos & (size - 1), which is why size is a power of two.
 * Invariant: tail <= head, head - tail <= size, and tail is at the start
 * of an entry: a record, a wrap marker or a gap too small for a header.
 */
struct log_ring {
	u8 *buf;
	u32 size;
	u32 head;	/* where the next record goes */
	u32 tail;	/* the oldest record */
	u32 next_seq;	/* sequence number of the next record */
	u32 dropped;	/* records lost to make room */
};

int log_ring_init(struct log_ring *r, void *buf, u32 size);
u32 log_ring_store(struct log_ring *r, int level, const char *text, u32 len);
const struct log_record *log_ring_next(const struct log_ring *r, u32 *pos);
u32 log_ring_count(const struct log_ring *r);


#endif /* ARMLET_LOG_RING_H */
