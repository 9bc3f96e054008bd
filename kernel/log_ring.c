// SPDX-License-Identifier: MIT
/*
 * The kernel log ring buffer behind printk and dmesg (see log_ring.h).
 * Linux counterpart: kernel/printk/printk_ringbuf.c.
 *
 * Each record is stored contiguously, padded to 4 bytes. A record that
 * would cross the end of the buffer is placed at the start instead, and the
 * gap left at the end is marked with a LOG_WRAP header (or, if the gap is
 * too small for a header, recognised by its size).
 *
 * Context: any, but not reentrant; the caller serialises (printk does).
 * Pure code: also built on the host for tests/host/test_log_ring.c.
 */
#include <armlet/errno.h>
#include <armlet/log_ring.h>
#include <armlet/string.h>

#define HDR_SIZE	((u32)sizeof(struct log_record))

static u32 record_size(u32 len)
{
	return (HDR_SIZE + len + 3) & ~3u;
}

static u32 offset(const struct log_ring *r, u32 pos)
{
	return pos & (r->size - 1);
}

static struct log_record *record_at(const struct log_ring *r, u32 pos)
{
	return (struct log_record *)(r->buf + offset(r, pos));
}

/* Bytes from pos to the physical end of the buffer. */
static u32 room_to_end(const struct log_ring *r, u32 pos)
{
	return r->size - offset(r, pos);
}

/*
 * The size of whatever starts at pos: a record, a wrap marker, or a gap
 * too small for a header (which always runs to the end of the buffer).
 */
static u32 entry_size(const struct log_ring *r, u32 pos)
{
	const struct log_record *rec;

	if (room_to_end(r, pos) < HDR_SIZE)
		return room_to_end(r, pos);
	rec = record_at(r, pos);
	if (rec->flags & LOG_WRAP)
		return room_to_end(r, pos);
	return record_size(rec->len);
}

/*
 * log_ring_init - use buf (size bytes, a power of two, 4-byte aligned) as
 * an empty ring. Returns 0, or -EINVAL for an unusable buffer.
 */
int log_ring_init(struct log_ring *r, void *buf, u32 size)
{
	if (!buf || size < 2 * HDR_SIZE || (size & (size - 1)) ||
	    ((uintptr_t)buf & 3))
		return -EINVAL;
	*r = (struct log_ring){ .buf = buf, .size = size };
	return 0;
}

/* Drop the oldest entries until n more bytes fit. */
static void make_room(struct log_ring *r, u32 n)
{
	while (r->size - (r->head - r->tail) < n) {
		bool is_record = room_to_end(r, r->tail) >= HDR_SIZE &&
				 !(record_at(r, r->tail)->flags & LOG_WRAP);

		r->tail += entry_size(r, r->tail);
		if (is_record)
			r->dropped++;
	}
}

/*
 * log_ring_store - append one record. Text longer than the ring can hold
 * is cut to fit. Returns the number of text bytes stored.
 */
u32 log_ring_store(struct log_ring *r, int level, const char *text, u32 len)
{
	u32 max_len = r->size / 2 - HDR_SIZE;
	struct log_record *rec;
	u32 need;

	if (len > max_len)
		len = max_len;
	if (len > 0xffff)
		len = 0xffff;
	need = record_size(len);

	if (room_to_end(r, r->head) < need) {
		u32 gap = room_to_end(r, r->head);

		make_room(r, gap);
		if (gap >= HDR_SIZE)
			record_at(r, r->head)->flags = LOG_WRAP;
		r->head += gap;
	}
	make_room(r, need);

	rec = record_at(r, r->head);
	rec->seq = r->next_seq++;
	rec->len = (u16)len;
	rec->level = (u8)level;
	rec->flags = 0;
	memcpy(rec->text, text, len);
	r->head += need;
	return len;
}

/*
 * log_ring_next - the record at *pos or the next one after a wrap marker,
 * advancing *pos past it; NULL when there are no more. Start with
 * *pos = r->tail. The record stays valid until the next store.
 */
const struct log_record *log_ring_next(const struct log_ring *r, u32 *pos)
{
	while (*pos != r->head) {
		u32 at = *pos;

		*pos += entry_size(r, at);
		if (room_to_end(r, at) >= HDR_SIZE &&
		    !(record_at(r, at)->flags & LOG_WRAP))
			return record_at(r, at);
	}
	return NULL;
}

/* log_ring_count - the number of records currently held. */
u32 log_ring_count(const struct log_ring *r)
{
	u32 pos = r->tail, n = 0;

	while (log_ring_next(r, &pos))
		n++;
	return n;
}
