// SPDX-License-Identifier: MIT
/*
 * ATAG list parsing: turn the boot loader's tag list into struct
 * boot_params, distrusting every field. Linux counterpart:
 * arch/arm/kernel/atags_parse.c (parse_tags and its __tagtable handlers).
 *
 * Two passes. The first checks the list's structure only (ATAG_CORE first,
 * every size sane, ATAG_NONE before max_bytes); if that fails nothing in it
 * is used. The second runs one handler per tag from tag_table. Whatever is
 * wrong gets a warning. Memory falls back to the machine's default when
 * there is no ATAG_MEM or any bank is bad: one bad bank makes the others
 * suspect too, and the default is known to be safe.
 * Pure code: also built on the host for tests/host/test_atags.c.
 */
#define pr_fmt(fmt) "ATAG: " fmt

#include <asm/setup.h>
#include <armlet/printk.h>
#include <armlet/string.h>

struct tag_handler {
	u32 tag;
	u32 min_size;		/* words, header included */
	const char *name;
	int (*parse)(const struct tag *t, const struct ram_window *ram,
		     struct boot_params *bp);
};

static const struct tag_handler *find_handler(u32 tag);

static const struct tag *tag_next(const struct tag *t)
{
	return (const struct tag *)((const u32 *)t + t->hdr.size);
}

/* Does [start, start + size) fit inside [base, base + max) without wrapping? */
static bool range_inside(u32 start, u32 size, u32 base, u32 max)
{
	return start >= base && start - base <= max && size <= max - (start - base);
}

static bool ranges_overlap(u32 a, u32 asize, u32 b, u32 bsize)
{
	return a < b + bsize && b < a + asize;
}

/*
 * Pass 1: is this a well-formed list that ends within max_bytes?
 * Returns its length in bytes, or -EINVAL.
 */
static int check_structure(const u8 *list, size_t max_bytes)
{
	size_t off = 0;

	while (off + sizeof(struct tag_header) <= max_bytes) {
		const struct tag *t = (const struct tag *)(list + off);
		const struct tag_handler *h = find_handler(t->hdr.tag);

		if (off == 0 && t->hdr.tag != ATAG_CORE) {
			pr_warn("list does not start with ATAG_CORE (found 0x%08x)\n",
				t->hdr.tag);
			return -EINVAL;
		}
		if (t->hdr.tag == ATAG_NONE)
			return (int)(off + sizeof(struct tag_header));
		if (t->hdr.size < 2 || (h && t->hdr.size < h->min_size)) {
			pr_warn("tag 0x%08x at offset %u has bad size %u\n",
				t->hdr.tag, (unsigned int)off, t->hdr.size);
			return -EINVAL;
		}
		if (t->hdr.size > (max_bytes - off) / 4) {
			pr_warn("tag 0x%08x at offset %u (size %u words) runs past %u bytes\n",
				t->hdr.tag, (unsigned int)off, t->hdr.size,
				(unsigned int)max_bytes);
			return -EINVAL;
		}
		off += t->hdr.size * 4;
	}
	pr_warn("no ATAG_NONE within %u bytes\n", (unsigned int)max_bytes);
	return -EINVAL;
}

static int parse_core(const struct tag *t, const struct ram_window *ram,
		      struct boot_params *bp)
{
	if (t->hdr.size >= tag_size(tag_core) && t->u.core.pagesize &&
	    t->u.core.pagesize != 4096) {
		pr_warn("ATAG_CORE page size %u ignored, using 4096\n",
			t->u.core.pagesize);
		return -EINVAL;
	}
	return 0;
}

static int parse_mem(const struct tag *t, const struct ram_window *ram,
		     struct boot_params *bp)
{
	u32 start = t->u.mem.start, size = t->u.mem.size;

	if (!size) {
		pr_warn("ATAG_MEM bank at 0x%08x has size 0\n", start);
		return -EINVAL;
	}
	if (!range_inside(start, size, ram->base, ram->max_size)) {
		pr_warn("ATAG_MEM bank 0x%08x+0x%08x is outside RAM 0x%08x-0x%08x\n",
			start, size, ram->base, ram->base + ram->max_size - 1);
		return -EINVAL;
	}
	for (unsigned int i = 0; i < bp->nr_banks; i++) {
		if (ranges_overlap(start, size, bp->bank[i].start, bp->bank[i].size)) {
			pr_warn("ATAG_MEM bank 0x%08x+0x%08x overlaps bank 0x%08x+0x%08x\n",
				start, size, bp->bank[i].start, bp->bank[i].size);
			return -EINVAL;
		}
	}
	if (bp->nr_banks == NR_BANKS) {
		pr_warn("more than %u ATAG_MEM banks\n", NR_BANKS);
		return -EINVAL;
	}
	bp->bank[bp->nr_banks++] = (struct membank){ .start = start, .size = size };
	return 0;
}

static int parse_initrd(const struct tag *t, const struct ram_window *ram,
			struct boot_params *bp)
{
	u32 start = t->u.initrd.start, size = t->u.initrd.size;

	if (!size) {
		pr_warn("ATAG_INITRD2 at 0x%08x has size 0, ignored\n", start);
		return -EINVAL;
	}
	if (!range_inside(start, size, ram->base, ram->max_size)) {
		pr_warn("ATAG_INITRD2 0x%08x+0x%08x is outside RAM, ignored\n",
			start, size);
		return -EINVAL;
	}
	bp->initrd_start = start;
	bp->initrd_size = size;
	return 0;
}

static int parse_cmdline(const struct tag *t, const struct ram_window *ram,
			 struct boot_params *bp)
{
	size_t room = (t->hdr.size - 2) * 4;
	size_t len = strnlen(t->u.cmdline.cmdline, room);
	int ret = 0;

	if (len == room) {
		pr_warn("ATAG_CMDLINE is not NUL-terminated, cut at %u bytes\n",
			(unsigned int)room);
		ret = -EINVAL;
	}
	if (len >= sizeof(bp->cmdline)) {
		pr_warn("command line of %u bytes cut to %u\n", (unsigned int)len,
			(unsigned int)sizeof(bp->cmdline) - 1);
		len = sizeof(bp->cmdline) - 1;
		ret = -EINVAL;
	}
	memcpy(bp->cmdline, t->u.cmdline.cmdline, len);
	bp->cmdline[len] = '\0';
	return ret;
}

/* DOC: atag-table - one handler per tag we understand; others are skipped. */
static const struct tag_handler tag_table[] = {
	{ ATAG_CORE, 2, "CORE", parse_core },
	{ ATAG_MEM, tag_size(tag_mem32), "MEM", parse_mem },
	{ ATAG_INITRD2, tag_size(tag_initrd), "INITRD2", parse_initrd },
	{ ATAG_CMDLINE, 3, "CMDLINE", parse_cmdline },
};

static const struct tag_handler *find_handler(u32 tag)
{
	for (size_t i = 0; i < ARRAY_SIZE(tag_table); i++)
		if (tag_table[i].tag == tag)
			return &tag_table[i];
	return NULL;
}

/* An initrd must lie inside one of the banks we are going to use. */
static int check_initrd_in_ram(struct boot_params *bp)
{
	if (!bp->initrd_size)
		return 0;
	for (unsigned int i = 0; i < bp->nr_banks; i++)
		if (range_inside(bp->initrd_start, bp->initrd_size,
				 bp->bank[i].start, bp->bank[i].size))
			return 0;
	pr_warn("initrd 0x%08x+0x%08x is not inside RAM, ignored\n",
		bp->initrd_start, bp->initrd_size);
	bp->initrd_start = bp->initrd_size = 0;
	return -EINVAL;
}

static void use_default_memory(const struct ram_window *ram, struct boot_params *bp)
{
	pr_warn("no usable ATAG_MEM, assuming %u MiB at 0x%08x\n",
		ram->default_size >> 20, ram->base);
	bp->nr_banks = 1;
	bp->bank[0] = (struct membank){ .start = ram->base, .size = ram->default_size };
	bp->default_memory = true;
}

/*
 * atags_parse - fill *bp from the ATAG list at list, reading at most
 * max_bytes of it. Always leaves *bp usable: at least one memory bank, a
 * NUL-terminated command line. Returns 0 for a clean list, -EINVAL if
 * anything was wrong with it (each problem has been reported).
 */
int atags_parse(const void *list, size_t max_bytes, const struct ram_window *ram,
		struct boot_params *bp)
{
	bool bad_mem = false;
	int ret = 0, len;

	memset(bp, 0, sizeof(*bp));
	if (!list) {
		pr_warn("no ATAG list\n");
		ret = -EINVAL;
	} else if ((uintptr_t)list & 3) {
		pr_warn("ATAG pointer %p is not a word-aligned address\n", list);
		ret = -EINVAL;
	} else if ((len = check_structure(list, max_bytes)) > 0) {
		bp->from_atags = true;
		bp->atag_bytes = len;
	} else {
		ret = -EINVAL;
	}

	for (const struct tag *t = list; bp->from_atags && t->hdr.tag != ATAG_NONE;
	     t = tag_next(t)) {
		const struct tag_handler *h = find_handler(t->hdr.tag);

		if (!h) {
			pr_debug("unknown tag 0x%08x skipped\n", t->hdr.tag);
			continue;
		}
		pr_debug("ATAG_%s, %u words\n", h->name, t->hdr.size);
		if (h->parse(t, ram, bp)) {
			ret = -EINVAL;
			bad_mem |= h->tag == ATAG_MEM;
		}
	}

	if (bad_mem || bp->nr_banks == 0) {
		use_default_memory(ram, bp);
		if (bp->from_atags)
			ret = -EINVAL;
	}
	if (check_initrd_in_ram(bp))
		ret = -EINVAL;
	return ret;
}
