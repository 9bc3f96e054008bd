// SPDX-License-Identifier: MIT
/*
 * The kernel's page tables and the memory model. Linux counterpart:
 * arch/arm/mm/mmu.c (paging_init, map_lowmem), arch/arm/mm/init.c
 * (arm_memblock_init, mem_init) and include/asm/memory.h.
 *
 * head.S left the kernel running on boot tables: its own MiBs mapped
 * read/write/execute and an identity map. paging_init() maps all of RAM
 * at PAGE_OFFSET (1 MiB sections, never executable), remaps the kernel's
 * MiBs with 4 KiB pages so text is read-only, rodata read-only and
 * never executed, data never executed and each stack has an unmapped guard
 * page below it, and drops the identity map so NULL and every user address
 * fault. mem_init() then builds mem_map and hands free RAM to the buddy
 * allocator.
 *
 * Context: boot, one CPU, interrupts off.
 */
#define pr_fmt(fmt) fmt

#include <armlet/seq_buf.h>
#include <armlet/init.h>
#include <armlet/kernel.h>
#include <armlet/memblock.h>
#include <armlet/mm.h>
#include <armlet/printk.h>
#include <armlet/slab.h>
#include <armlet/string.h>
#include <asm/pgtable.h>
#include <asm/setup.h>
#include <asm/tlbflush.h>

extern char _text[], _etext[], _erodata[], _sdata[], _edata[], __bss_start[],
	__bss_stop[], _end[];
extern char __fiq_stack_guard[], __irq_stack_guard[], __abt_stack_guard[],
	__und_stack_guard[], __svc_stack_guard[];

/* DOC: stack-guards - one unmapped page below each kernel stack. */
static char *const stack_guards[] = {
	__fiq_stack_guard, __irq_stack_guard, __abt_stack_guard,
	__und_stack_guard, __svc_stack_guard,
};
static const char *const stack_names[] = { "FIQ", "IRQ", "abort", "undef", "SVC" };

/* The stack whose guard page holds va, or NULL: an oops names an overflow. */
const char *stack_guard_owner(unsigned long va)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(stack_guards); i++)
		if ((va & PAGE_MASK) == (unsigned long)stack_guards[i])
			return stack_names[i];
	return NULL;
}

void *high_memory;

static unsigned long kernel_sections_end(void)
{
	return ALIGN((unsigned long)_end, SECTION_SIZE);
}

/* The second-level descriptor bits for a page of the kernel's MiBs. */
static pte_t kernel_page_prot(unsigned long va)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(stack_guards); i++)
		if (va == (unsigned long)stack_guards[i])
			return 0;
	if (va >= (unsigned long)_text && va < (unsigned long)_etext)
		return PTE_KERNEL_TEXT;
	if (va >= (unsigned long)_etext && va < (unsigned long)_erodata)
		return PTE_KERNEL_RODATA;
	return PTE_KERNEL_DATA;
}

/* Map every MiB of RAM outside the kernel's MiBs as a data section. */
static void map_lowmem(void)
{
	for (unsigned int i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];

		for (u64 pa = r->base; pa < (u64)r->base + r->size; pa += SECTION_SIZE) {
			unsigned long va = (unsigned long)__va((phys_addr_t)pa);

			if (va < kernel_sections_end())
				continue;	/* in use by this very code: see below */
			swapper_pg_dir[pgd_index(va)] = (pmd_t)pa | PMD_SECT_KERNEL_DATA;
		}
	}
	flush_tlb_all();
}

/* Replace the boot sections of the kernel's MiBs with 4 KiB pages. */
static void map_kernel_pages(void)
{
	for (unsigned long va = PAGE_OFFSET; va < kernel_sections_end(); va += SECTION_SIZE) {
		phys_addr_t table = memblock_alloc(PTE_TABLE_SIZE, PTE_TABLE_SIZE);
		pte_t *pte;

		if (!table)
			panic("no memory for the kernel's page tables");
		pte = __va(table);
		for (unsigned int i = 0; i < PTRS_PER_PTE; i++) {
			unsigned long page = va + i * PAGE_SIZE;
			pte_t prot = kernel_page_prot(page);

			pte[i] = prot ? (__pa(page) | prot) : 0;
		}
		swapper_pg_dir[pgd_index(va)] = table | PMD_TYPE_TABLE;
	}
	flush_tlb_all();
}

/*
 * arm_memblock_init - tell memblock where RAM is and what is taken: the
 * kernel image (with its page tables and stacks), the ATAG list and the
 * initrd. Banks are trimmed to whole MiBs, the unit of the lowmem map.
 */
void arm_memblock_init(void)
{
	const struct boot_params *bp = &boot_params;

	memblock_reset();
	for (unsigned int i = 0; i < bp->nr_banks; i++) {
		phys_addr_t start = ALIGN(bp->bank[i].start, SECTION_SIZE);
		u64 end = ((u64)bp->bank[i].start + bp->bank[i].size) & ~(u64)(SECTION_SIZE - 1);

		if (start != bp->bank[i].start || end != (u64)bp->bank[i].start + bp->bank[i].size)
			pr_warn("mm: bank 0x%08x+0x%08x trimmed to whole MiBs\n",
				bp->bank[i].start, bp->bank[i].size);
		if (end > start)
			memblock_add(start, (u32)(end - start));
	}
	memblock_reserve(__pa(_text), _end - _text);
	if (bp->atag_bytes)
		memblock_reserve(__atags_pointer & PAGE_MASK,
				 ALIGN((__atags_pointer & ~PAGE_MASK) + bp->atag_bytes, PAGE_SIZE));
	if (bp->initrd_size)
		memblock_reserve(bp->initrd_start & PAGE_MASK,
				 ALIGN((bp->initrd_start & ~PAGE_MASK) + bp->initrd_size, PAGE_SIZE));
	memblock_dump();
}

void paging_init(void)
{
	const struct memblock_region *last = &memblock.memory.regions[memblock.memory.cnt - 1];

	high_memory = __va(last->base + last->size);
	map_lowmem();
	map_kernel_pages();
	memset(idmap_pg_dir, 0, USER_PGD_SIZE);	/* no identity map: NULL faults */
	flush_tlb_all();
}

static void release_to_buddy(unsigned long pfn, unsigned long nr_pages)
{
	zone_free_range(&normal_zone, pfn, nr_pages);
}

static void print_memory_summary(void)
{
	unsigned long total_k = (unsigned long)(memblock_size(&memblock.memory) >> 10);
	unsigned long free_k = nr_free_pages() * (PAGE_SIZE >> 10);

	printk(KERN_INFO "Memory: %luK/%luK available (%uK kernel code, %uK rwdata, %uK rodata, "
		"%uK bss, %luK reserved)\n", free_k, total_k,
		(unsigned int)(_etext - _text) >> 10, (unsigned int)(_edata - _sdata) >> 10,
		(unsigned int)(_erodata - _etext) >> 10,
		(unsigned int)(__bss_stop - __bss_start) >> 10, total_k - free_k);
}

/* mem_init - build mem_map and give every free page to the buddy allocator. */
void mem_init(void)
{
	const struct memblock_type *mem = &memblock.memory;
	unsigned long start_pfn = PFN_DOWN(mem->regions[0].base);
	unsigned long end_pfn = PFN_DOWN((u64)mem->regions[mem->cnt - 1].base +
					 mem->regions[mem->cnt - 1].size);
	unsigned long nr = end_pfn - start_pfn;
	phys_addr_t map = memblock_alloc(ALIGN(nr * sizeof(struct page), PAGE_SIZE), PAGE_SIZE);

	if (!map)
		panic("no memory for mem_map (%lu pages)", nr);
	mem_map = __va(map);
	mem_map_pfn = start_pfn;
	zone_init(&normal_zone, "Normal", start_pfn, nr);
	memblock_free_all(release_to_buddy);
	print_memory_summary();
}

/* show_meminfo - where the memory is, as Linux's /proc/meminfo. */
void show_meminfo(struct seq_buf *m)
{
	unsigned long total_k = (unsigned long)(memblock_size(&memblock.memory) >> 10);
	unsigned long free_k = nr_free_pages() * (PAGE_SIZE >> 10);
	unsigned long managed_k = normal_zone.managed_pages * (PAGE_SIZE >> 10);

	seq_printf(m, "MemTotal:       %8lu kB\n", total_k);
	seq_printf(m, "MemFree:        %8lu kB\n", free_k);
	seq_printf(m, "MemUsed:        %8lu kB\n", managed_k - free_k);
	seq_printf(m, "Slab:           %8lu kB\n", slab_pages() * (PAGE_SIZE >> 10));
	seq_printf(m, "VmallocTotal:   %8lu kB\n", (VMALLOC_END - VMALLOC_START) >> 10);
	seq_printf(m, "Reserved:       %8lu kB\n", total_k - managed_k);
}
