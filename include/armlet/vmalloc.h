/* SPDX-License-Identifier: MIT */
/*
 * vmalloc and ioremap: kernel virtual areas mapped page by page.
 * Linux: <linux/vmalloc.h>, <asm/io.h> (ioremap).
 */
#ifndef ARMLET_VMALLOC_H
#define ARMLET_VMALLOC_H

#include <armlet/list.h>
#include <armlet/types.h>

/* One area: [addr, addr + size) of which the last page is a guard. */
struct vm_struct {
	struct list_head list;		/* in its area list, by address */
	unsigned long addr;
	unsigned long size;		/* guard page included */
	unsigned int nr_pages;		/* vmalloc: pages in pages[] */
	struct page **pages;
	phys_addr_t phys_addr;		/* ioremap: the device's address */
};

void vmalloc_init(void);
void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);
void vfree(const void *addr);

void *ioremap(phys_addr_t phys, unsigned long size);
void iounmap(void *addr);

/* Walk the kernel's tables: the physical address va maps to, or 0. */
phys_addr_t kernel_virt_to_phys(unsigned long va);

struct seq_buf;
void show_vmallocinfo(struct seq_buf *m);

#endif /* ARMLET_VMALLOC_H */
