/* SPDX-License-Identifier: MIT */
/*
 * The boot-time steps start_kernel() calls, in the order it calls them.
 * Linux: <linux/init.h> and <linux/start_kernel.h>.
 */
#ifndef ARMLET_INIT_H
#define ARMLET_INIT_H

#include <armlet/compiler.h>

void setup_machine(unsigned int nr);		/* boot/machine.c */
void start_kernel(void) __noreturn;		/* kernel/main.c */
void setup_arch(void);				/* kernel/setup.c */
void arm_memblock_init(void);			/* mm/mmu.c */
void paging_init(void);				/* mm/mmu.c */
void mem_init(void);				/* mm/mmu.c */
void console_remap(void);			/* kernel/setup.c */
struct seq_buf;
void show_boot_params(struct seq_buf *m);	/* kernel/setup.c */
void do_initcalls(void);			/* kernel/main.c */
void populate_rootfs(void);			/* kernel/fs/initramfs.c */
void chr_dev_init(void);			/* drivers/char/mem.c */
void lkdtm_boot(void);				/* kernel/lkdtm.c */
void ktest_boot(void);				/* kernel/ktest.c */
void kmon_run(void) __noreturn;			/* kernel/kmon.c */

/*
 * Drivers register themselves: device_initcall(fn) (or module_init(fn),
 * its name in a loadable module) runs int fn(void) from task 1, after the
 * VFS and /dev exist, in link order. A negative return is reported.
 */
typedef int (*initcall_t)(void);

#define device_initcall(fn)						\
	static const initcall_t __initcall_##fn __used __section(".initcall") = fn
#define module_init(fn)	device_initcall(fn)

#endif /* ARMLET_INIT_H */
