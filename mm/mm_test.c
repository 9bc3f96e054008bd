// SPDX-License-Identifier: MIT
/*
 * In-kernel tests of memory management on the real MMU: permissions of
 * every part of the kernel map (each violation is caught by an exception
 * fixup, checked, and the test goes on), lowmem covering all RAM, vmalloc,
 * ioremap, and the page and slab allocators on real memory.
 * Run with "ktest=mm". The runner's pages_returned case checks for leaks.
 */
#include <armlet/ktest.h>
#include <armlet/memblock.h>
#include <armlet/mm.h>
#include <armlet/slab.h>
#include <armlet/vmalloc.h>
#include <asm/extable.h>
#include <asm/io.h>
#include <asm/mach.h>
#include <armlet/errno.h>
#include <asm/fsr.h>
#include <asm/pgtable.h>
#include <asm/setup.h>
#include <asm/traps.h>
#include <drivers/pl011.h>

extern char _text[], _etext[], __svc_stack_guard[], __abt_stack_guard[];

#define FS_TRANSLATION_SECTION	0x05
#define FS_TRANSLATION_PAGE	0x07
#define FS_PERMISSION_PAGE	0x0f

static const u32 some_rodata = 0x12345678;
/* "bx lr" in writable data: executing it must fault, not return. */
static u32 data_code[1] = { 0xe12fff1e };

static void returns_at_once(void)
{
}

/* The last fixed-up fault was a kind/FS pair at address addr. */
static void expect_fault(struct ktest *t, int kind, unsigned int fs, const void *addr)
{
	KTEST_EXPECT_EQ(t, last_fixed_fault.kind, kind);
	KTEST_EXPECT_EQ(t, fsr_fs(last_fixed_fault.status), fs);
	KTEST_EXPECT_EQ(t, last_fixed_fault.address, (uintptr_t)addr);
}

static void text_is_read_only(struct ktest *t)
{
	void *text = (void *)_text;
	u32 word;

	KTEST_ASSERT_TRUE(t, probe_read_u32(text, &word) == 0);
	KTEST_EXPECT_EQ(t, probe_write_u32(text, word), -EFAULT);
	expect_fault(t, EXC_DABT, FS_PERMISSION_PAGE, text);
	KTEST_EXPECT_TRUE(t, last_fixed_fault.status & FSR_WNR);
}

static void rodata_is_read_only(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, probe_write_u32((void *)&some_rodata, 0), -EFAULT);
	expect_fault(t, EXC_DABT, FS_PERMISSION_PAGE, &some_rodata);
	KTEST_EXPECT_EQ(t, some_rodata, 0x12345678);
}

static void text_is_executable(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, probe_exec((const void *)returns_at_once), 0);
}

static void data_is_not_executable(struct ktest *t)
{
	u32 *heap = kmalloc(sizeof(u32), GFP_KERNEL);

	KTEST_EXPECT_EQ(t, probe_exec(data_code), -EFAULT);
	expect_fault(t, EXC_PABT, FS_PERMISSION_PAGE, data_code);
	KTEST_ASSERT_TRUE(t, heap != NULL);
	*heap = data_code[0];	/* the heap is never executable either */
	KTEST_EXPECT_EQ(t, probe_exec(heap), -EFAULT);
	KTEST_EXPECT_EQ(t, last_fixed_fault.kind, EXC_PABT);
	/* a section or a page permission fault, wherever kmalloc put it */
	KTEST_EXPECT_EQ(t, fsr_fs(last_fixed_fault.status) | 0x2, FS_PERMISSION_PAGE);
	kfree(heap);
}

static void null_and_user_half_unmapped(struct ktest *t)
{
	u32 word;

	KTEST_EXPECT_EQ(t, probe_read_u32(NULL, &word), -EFAULT);
	expect_fault(t, EXC_DABT, FS_TRANSLATION_SECTION, NULL);
	KTEST_EXPECT_EQ(t, probe_read_u32((void *)0x7ffffffc, &word), -EFAULT);
	KTEST_EXPECT_EQ(t, probe_write_u32((void *)0x00008000, 1), -EFAULT);
}

static void stack_guard_pages_unmapped(struct ktest *t)
{
	u32 word;

	KTEST_EXPECT_EQ(t, probe_read_u32(__svc_stack_guard + PAGE_SIZE - 4, &word), -EFAULT);
	expect_fault(t, EXC_DABT, FS_TRANSLATION_PAGE, __svc_stack_guard + PAGE_SIZE - 4);
	KTEST_EXPECT_EQ(t, probe_write_u32(__abt_stack_guard, 0), -EFAULT);
	/* ... while the stack right above the guard is mapped. */
	KTEST_EXPECT_EQ(t, probe_read_u32(__svc_stack_guard + PAGE_SIZE, &word), 0);
}

static void lowmem_maps_all_ram(struct ktest *t)
{
	for (unsigned int i = 0; i < boot_params.nr_banks; i++) {
		const struct membank *b = &boot_params.bank[i];
		void *first = __va(b->start), *last = __va(b->start + b->size - 4);
		u32 word;

		KTEST_EXPECT_EQ(t, probe_read_u32(first, &word), 0);
		KTEST_EXPECT_EQ(t, probe_read_u32(last, &word), 0);
		KTEST_EXPECT_EQ(t, kernel_virt_to_phys((unsigned long)last), b->start + b->size - 4);
	}
	KTEST_EXPECT_EQ(t, memblock_size(&memblock.memory),
			(u64)normal_zone.spanned_pages * PAGE_SIZE);
}

static void device_mappings_are_device_memory(struct ktest *t)
{
	u8 *uart = ioremap(machine_desc->uart_base, PAGE_SIZE);
	static const u8 primecell_id[4] = { 0x0d, 0xf0, 0x05, 0xb1 };
	unsigned long va = (unsigned long)uart;
	pte_t *pte;

	KTEST_ASSERT_TRUE(t, uart != NULL);
	KTEST_EXPECT_TRUE(t, va >= IOREMAP_START && va < IOREMAP_END);
	/* PL011 TRM 3.3: PeriphID0/1 = 0x11, 0x10; PCellID = 0d f0 05 b1. */
	KTEST_EXPECT_EQ(t, readl((uintptr_t)uart + 0xfe0) & 0xff, 0x11);
	KTEST_EXPECT_EQ(t, readl((uintptr_t)uart + 0xfe4) & 0xff, 0x10);
	for (int i = 0; i < 4; i++)
		KTEST_EXPECT_EQ(t, readl((uintptr_t)uart + 0xff0 + 4 * i) & 0xff, primecell_id[i]);
	pte = __va(swapper_pg_dir[pgd_index(va)] & ~(PTE_TABLE_SIZE - 1));
	KTEST_EXPECT_EQ(t, pte[pte_index(va)] & ~PAGE_MASK, PTE_DEVICE);
	KTEST_EXPECT_EQ(t, kernel_virt_to_phys(va), machine_desc->uart_base);
	iounmap(uart);
	KTEST_EXPECT_EQ(t, kernel_virt_to_phys(va), 0);
	KTEST_EXPECT_TRUE(t, ioremap(PHYS_OFFSET, PAGE_SIZE) == NULL);	/* RAM */
}

static void vmalloc_is_usable_and_freed(struct ktest *t)
{
	unsigned long size = 3 * PAGE_SIZE + 100, free_before = nr_free_pages();
	u8 *p = vmalloc(size);
	u32 word;

	KTEST_ASSERT_TRUE(t, p != NULL);
	KTEST_EXPECT_TRUE(t, (unsigned long)p >= VMALLOC_START && (unsigned long)p < VMALLOC_END);
	for (unsigned long i = 0; i < size; i++)
		p[i] = (u8)(i * 7);
	for (unsigned long i = 0; i < size; i++)
		if (p[i] != (u8)(i * 7)) {
			KTEST_EXPECT_EQ(t, p[i], (u8)(i * 7));
			break;
		}
	for (unsigned long off = 0; off < size; off += PAGE_SIZE)
		KTEST_EXPECT_TRUE(t, virt_addr_valid(__va(kernel_virt_to_phys((unsigned long)p + off))));
	/* the guard page after the area */
	KTEST_EXPECT_EQ(t, probe_read_u32(p + 4 * PAGE_SIZE, &word), -EFAULT);
	vfree(p);
	KTEST_EXPECT_EQ(t, probe_read_u32(p, &word), -EFAULT);
	kmem_cache_shrink_all();
	KTEST_EXPECT_EQ(t, nr_free_pages(), free_before);
}

/* 8 MiB is more than the largest buddy block: only vmalloc can give it. */
static void vmalloc_beyond_largest_block(struct ktest *t)
{
	unsigned long size = 8 << 20;
	u32 *p = vmalloc(size);

	KTEST_ASSERT_TRUE(t, p != NULL);
	p[0] = 1;
	p[size / 4 - 1] = 2;
	KTEST_EXPECT_EQ(t, p[0] + p[size / 4 - 1], 3);
	vfree(p);
}

static void buddy_blocks_on_real_memory(struct ktest *t)
{
	unsigned long free_before = nr_free_pages();

	for (unsigned int order = 0; order < MAX_ORDER; order++) {
		struct page *page = alloc_pages(GFP_KERNEL | __GFP_ZERO, order);
		u32 *mem;

		KTEST_ASSERT_TRUE(t, page != NULL);
		KTEST_EXPECT_EQ(t, page_to_pfn(page) % (1UL << order), 0);
		mem = page_address(page);
		KTEST_EXPECT_EQ(t, mem[0] | mem[(PAGE_SIZE << order) / 4 - 1], 0);
		KTEST_EXPECT_TRUE(t, virt_to_page(mem) == page);
		__free_pages(page, order);
	}
	KTEST_EXPECT_EQ(t, nr_free_pages(), free_before);
}

static void kmalloc_sizes_aligned(struct ktest *t)
{
	for (unsigned long size = 1; size <= 2 * KMALLOC_MAX_CACHE_SIZE; size = size * 2 + 1) {
		unsigned long cls = 1UL << KMALLOC_MIN_SHIFT;
		u8 *p = kmalloc(size, GFP_KERNEL);

		while (cls < size)
			cls <<= 1;
		KTEST_ASSERT_TRUE(t, p != NULL);
		KTEST_EXPECT_EQ(t, (uintptr_t)p % min(cls, PAGE_SIZE), 0);
		p[0] = 1;
		p[size - 1] = 2;
		kfree(p);
	}
}

/* Exhausting memory gives NULL and a warning, never a panic. */
static void exhaustion_is_not_fatal(struct ktest *t)
{
	struct page *first = NULL, *page;
	unsigned long n = 0;

	while ((page = alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_ORDER - 1))) {
		*(struct page **)page_address(page) = first;	/* chain them */
		first = page;
		n++;
	}
	KTEST_EXPECT_TRUE(t, n > 0);
	KTEST_EXPECT_TRUE(t, alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_ORDER - 1) == NULL);
	while (first) {
		page = first;
		first = *(struct page **)page_address(page);
		__free_pages(page, MAX_ORDER - 1);
	}
}

static const struct ktest_case mm_cases[] = {
	KTEST_CASE(text_is_read_only),
	KTEST_CASE(rodata_is_read_only),
	KTEST_CASE(text_is_executable),
	KTEST_CASE(data_is_not_executable),
	KTEST_CASE(null_and_user_half_unmapped),
	KTEST_CASE(stack_guard_pages_unmapped),
	KTEST_CASE(lowmem_maps_all_ram),
	KTEST_CASE(device_mappings_are_device_memory),
	KTEST_CASE(vmalloc_is_usable_and_freed),
	KTEST_CASE(vmalloc_beyond_largest_block),
	KTEST_CASE(buddy_blocks_on_real_memory),
	KTEST_CASE(kmalloc_sizes_aligned),
	KTEST_CASE(exhaustion_is_not_fatal),
};
KTEST_SUITE(mm, mm_cases);
