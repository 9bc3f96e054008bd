// SPDX-License-Identifier: MIT
/*
 * vmalloc() and ioremap(): kernel virtual areas built page by page.
 * Linux counterparts: mm/vmalloc.c (get_vm_area, vmalloc, vfree) and
 * arch/arm/mm/ioremap.c.
 *
 * vmalloc memory is virtually contiguous but made of any free pages, so
 * large buffers do not need a large physically contiguous block. ioremap
 * maps a device's registers as Device memory (never cached, never
 * executed). Each area ends with an unmapped guard page, so running off
 * its end faults instead of corrupting the next area.
 *
 *   VMALLOC_START                                   VMALLOC_END
 *   | area: pages ... | guard | area: pages | guard |   free   |
 *
 * Second-level tables come from the "pte" slab cache and are freed again
 * when the last page in their MiB is unmapped.
 *
 * Locking: vmap_lock (a spinlock, IRQs off) guards the area lists and the
 * second-level tables, since areas share tables and tasks that vmalloc
 * may be preempted. The pages themselves are allocated and freed outside
 * it. Context: vmalloc and ioremap in process context; vfree anywhere
 * (finish_task_switch frees a dead task's stack with it).
 */
#define pr_fmt(fmt) "vmalloc: " fmt

#include <armlet/seq_buf.h>
#include <armlet/errno.h>
#include <armlet/kernel.h>
#include <armlet/mm.h>
#include <armlet/printk.h>
#include <armlet/slab.h>
#include <armlet/spinlock.h>
#include <armlet/string.h>
#include <armlet/vmalloc.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>

struct vm_range {
	const char *name;
	unsigned long start, end;
	struct list_head areas;		/* struct vm_struct, by address */
};

static struct vm_range vmalloc_range = {
	.name = "vmalloc", .start = VMALLOC_START, .end = VMALLOC_END,
	.areas = LIST_HEAD_INIT(vmalloc_range.areas),
};
static struct vm_range ioremap_range = {
	.name = "ioremap", .start = IOREMAP_START, .end = IOREMAP_END,
	.areas = LIST_HEAD_INIT(ioremap_range.areas),
};
static struct kmem_cache *pte_cache;
static DEFINE_SPINLOCK(vmap_lock);

/* The second-level entry for va, making its table if alloc is set. Context: vmap_lock. */
static pte_t *lookup_pte(unsigned long va, bool alloc)
{
	pmd_t *pmd = &swapper_pg_dir[pgd_index(va)];

	if (!*pmd) {
		pte_t *table = alloc ? kmem_cache_alloc(pte_cache, GFP_ATOMIC | __GFP_ZERO) : NULL;

		if (!table)
			return NULL;
		*pmd = __pa(table) | PMD_TYPE_TABLE;
		dsb(ishst);
	}
	if ((*pmd & 3) != PMD_TYPE_TABLE)
		return NULL;
	return (pte_t *)__va(*pmd & ~(PTE_TABLE_SIZE - 1)) + pte_index(va);
}

/* A new mapping: the entry was invalid, and invalid entries are never in the TLB. */
static int map_page(unsigned long va, phys_addr_t pa, pte_t prot)
{
	unsigned long flags;
	pte_t *pte;

	spin_lock_irqsave(&vmap_lock, flags);
	pte = lookup_pte(va, true);
	if (pte) {
		*pte = (pa & PAGE_MASK) | prot;
		dsb(ishst);
	}
	spin_unlock_irqrestore(&vmap_lock, flags);
	return pte ? 0 : -ENOMEM;
}

/* Free the second-level table of the MiB at va if nothing is mapped in it. */
static void free_empty_table(unsigned long va)
{
	pmd_t *pmd = &swapper_pg_dir[pgd_index(va)];
	pte_t *table;

	if ((*pmd & 3) != PMD_TYPE_TABLE)
		return;
	table = __va(*pmd & ~(PTE_TABLE_SIZE - 1));
	for (unsigned int i = 0; i < PTRS_PER_PTE; i++)
		if (table[i])
			return;
	*pmd = 0;
	flush_tlb_all();	/* the walk may have cached the table entry */
	kmem_cache_free(pte_cache, table);
}

static void unmap_pages(unsigned long va, unsigned long size)
{
	for (unsigned long a = va; a < va + size; a += PAGE_SIZE) {
		pte_t *pte = lookup_pte(a, false);

		if (pte && *pte) {
			*pte = 0;
			flush_tlb_kernel_page(a);
		}
	}
	for (unsigned long mb = va & ~(SECTION_SIZE - 1); mb < va + size; mb += SECTION_SIZE)
		free_empty_table(mb);
}

/* First fit: a free run of size bytes (guard included) in r, or NULL. */
static struct vm_struct *get_vm_area(struct vm_range *r, unsigned long size)
{
	struct vm_struct *area = kzalloc(sizeof(*area), GFP_KERNEL), *a;
	unsigned long addr = r->start + PAGE_SIZE;	/* a guard below the first area too */
	unsigned long flags;
	bool fits;

	if (!area)
		return NULL;
	spin_lock_irqsave(&vmap_lock, flags);
	list_for_each_entry(a, &r->areas, list) {
		if (addr + size <= a->addr)
			break;
		addr = a->addr + a->size;
	}
	fits = size <= r->end - addr;
	if (fits) {
		area->addr = addr;
		area->size = size;
		list_add_tail(&area->list, &a->list);	/* before a, or last */
	}
	spin_unlock_irqrestore(&vmap_lock, flags);
	if (!fits) {
		pr_warn("%s area full: no room for %lu KiB\n", r->name, size >> 10);
		kfree(area);
		return NULL;
	}
	return area;
}

static struct vm_struct *find_vm_area(struct vm_range *r, unsigned long addr)
{
	struct vm_struct *a, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&vmap_lock, flags);
	list_for_each_entry(a, &r->areas, list) {
		if (a->addr == addr) {
			found = a;
			break;
		}
	}
	spin_unlock_irqrestore(&vmap_lock, flags);
	return found;
}

/* Unmap area, take it off its list, then free its pages. */
static void free_vm_area(struct vm_struct *area)
{
	unsigned long flags;

	spin_lock_irqsave(&vmap_lock, flags);
	unmap_pages(area->addr, area->size - PAGE_SIZE);
	list_del(&area->list);
	spin_unlock_irqrestore(&vmap_lock, flags);
	for (unsigned int i = 0; i < area->nr_pages; i++)
		__free_page(area->pages[i]);
	kfree(area->pages);
	kfree(area);
}

/*
 * vmalloc - size bytes of virtually contiguous, page-aligned kernel
 * memory, or NULL (reported by the allocator that failed).
 */
void *vmalloc(unsigned long size)
{
	unsigned int nr = PFN_UP(size);
	struct vm_struct *area;

	if (!size || nr >= (VMALLOC_END - VMALLOC_START) >> PAGE_SHIFT) {
		pr_warn("vmalloc(%lu): %s\n", size, size ? "larger than the vmalloc area" : "empty");
		return NULL;
	}
	area = get_vm_area(&vmalloc_range, (nr + 1UL) * PAGE_SIZE);
	if (!area)
		return NULL;
	area->pages = kmalloc(nr * sizeof(struct page *), GFP_KERNEL);
	if (!area->pages)
		goto fail;
	for (; area->nr_pages < nr; area->nr_pages++) {
		struct page *page = alloc_page(GFP_KERNEL);
		unsigned long va = area->addr + area->nr_pages * PAGE_SIZE;

		if (!page)
			goto fail;
		area->pages[area->nr_pages] = page;
		if (map_page(va, PFN_PHYS(page_to_pfn(page)), PTE_KERNEL_DATA)) {
			area->nr_pages++;	/* so free_vm_area frees it */
			goto fail;
		}
	}
	return (void *)area->addr;
fail:
	free_vm_area(area);
	return NULL;
}

void *vzalloc(unsigned long size)
{
	void *p = vmalloc(size);

	if (p)
		memset(p, 0, size);
	return p;
}

/* vfree - unmap and free a vmalloc area; NULL is ignored, junk reported. */
void vfree(const void *addr)
{
	struct vm_struct *area;

	if (!addr)
		return;
	area = find_vm_area(&vmalloc_range, (unsigned long)addr);
	if (!area) {
		pr_err("vfree(%p): not the start of a vmalloc area\n", addr);
		return;
	}
	free_vm_area(area);
}

/*
 * ioremap - map size bytes of device registers at phys as Device memory.
 * Returns the virtual address of phys, or NULL. RAM cannot be ioremapped.
 */
void *ioremap(phys_addr_t phys, unsigned long size)
{
	unsigned long offset = phys & ~PAGE_MASK;
	unsigned long nr = PFN_UP(offset + size);
	phys_addr_t last = phys + size - 1;
	struct vm_struct *area;
	const char *why = NULL;

	if (!size || last < phys)
		why = "empty or wrapping range";
	else if (size > IOREMAP_END - IOREMAP_START)
		why = "larger than the ioremap area";
	else if (virt_addr_valid(__va(phys)) || virt_addr_valid(__va(last)))
		why = "that is RAM, not a device";
	if (why) {
		pr_err("ioremap(0x%08x, %lu): %s\n", phys, size, why);
		return NULL;
	}
	area = get_vm_area(&ioremap_range, (nr + 1) * PAGE_SIZE);
	if (!area)
		return NULL;
	area->phys_addr = phys;
	for (unsigned long i = 0; i < nr; i++) {
		if (map_page(area->addr + i * PAGE_SIZE, (phys & PAGE_MASK) + i * PAGE_SIZE,
			     PTE_DEVICE)) {
			free_vm_area(area);
			return NULL;
		}
	}
	return (void *)(area->addr + offset);
}

void iounmap(void *addr)
{
	struct vm_struct *area = find_vm_area(&ioremap_range, (unsigned long)addr & PAGE_MASK);

	if (!area) {
		pr_err("iounmap(%p): not an ioremap address\n", addr);
		return;
	}
	free_vm_area(area);
}

phys_addr_t kernel_virt_to_phys(unsigned long va)
{
	pmd_t pmd = swapper_pg_dir[pgd_index(va)];
	pte_t *pte;

	if ((pmd & 3) == PMD_TYPE_SECT)
		return (pmd & ~(SECTION_SIZE - 1)) | (va & (SECTION_SIZE - 1));
	pte = lookup_pte(va, false);
	if (!pte || !(*pte & PTE_TYPE_SMALL))
		return 0;
	return (*pte & PAGE_MASK) | (va & ~PAGE_MASK);
}

static void show_range(struct seq_buf *m, struct vm_range *r)
{
	struct vm_struct *a;
	unsigned long flags;

	spin_lock_irqsave(&vmap_lock, flags);
	list_for_each_entry(a, &r->areas, list) {
		if (a->nr_pages)
			seq_printf(m, "0x%08lx-0x%08lx %8lu %s pages=%u\n", a->addr,
				a->addr + a->size, a->size, r->name, a->nr_pages);
		else
			seq_printf(m, "0x%08lx-0x%08lx %8lu %s phys=0x%08x\n", a->addr,
				a->addr + a->size, a->size, r->name, a->phys_addr);
	}
	spin_unlock_irqrestore(&vmap_lock, flags);
}

/* show_vmallocinfo - every area, as Linux's /proc/vmallocinfo. */
void show_vmallocinfo(struct seq_buf *m)
{
	show_range(m, &vmalloc_range);
	show_range(m, &ioremap_range);
}

void vmalloc_init(void)
{
	pte_cache = kmem_cache_create("pte", PTE_TABLE_SIZE, PTE_TABLE_SIZE, 0, NULL);
	if (!pte_cache)
		panic("cannot create the page-table cache");
}
