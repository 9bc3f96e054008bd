// SPDX-License-Identifier: MIT
/*
 * start_kernel(): the first C function, called by boot/head.S. It reads
 * like a table of contents: one step per line, in dependency order.
 * Linux counterpart: init/main.c.
 *
 * Context: boot, CPU 0 only, SVC mode, MMU on (head.S); interrupts off
 * until the tick is set up, on after.
 */
#include <armlet/console.h>
#include <armlet/init.h>
#include <armlet/kernel.h>
#include <armlet/params.h>
#include <armlet/irq.h>
#include <armlet/irqflags.h>
#include <armlet/printk.h>
#include <armlet/seq_buf.h>
#include <armlet/fs.h>
#include <armlet/kthread.h>
#include <armlet/sched.h>
#include <armlet/softirq.h>
#include <armlet/workqueue.h>
#include <armlet/timer.h>
#include <armlet/semihost.h>
#include <armlet/string.h>
#include <armlet/slab.h>
#include <armlet/vmalloc.h>
#include <asm/mach.h>
#include <asm/setup.h>

const char armlet_banner[] =
	"Armlet 0.1 for ARMv7-A (Cortex-A9), built with gcc " __VERSION__ "\n";

static void unknown_param(const char *name, const char *val)
{
	pr_warn("Unknown kernel command line parameter \"%s%s%s\", ignored\n",
		name, val ? "=" : "", val ? val : "");
}

/* Run the handlers of one kind over a scratch copy of the command line. */
static void parse_cmdline(bool early)
{
	static char scratch[COMMAND_LINE_SIZE];

	strlcpy(scratch, boot_params.cmdline, sizeof(scratch));
	parse_args(scratch, __setup_start, __setup_end - __setup_start, early,
		   early ? NULL : unknown_param);
}

/* The memory allocators, in the order they depend on each other. */
static void mm_init(void)
{
	mem_init();		/* mem_map; free RAM to the buddy allocator */
	kmem_cache_init();	/* slab caches and kmalloc */
	vmalloc_init();		/* vmalloc and ioremap areas */
}

static void __noreturn rest_init(void);

void start_kernel(void)
{
	semihost_probe();		/* is a debug host (the test harness) there? */
	pr_notice("%s", armlet_banner);
	setup_arch();			/* machine, ATAGs, page tables */
	parse_cmdline(true);		/* early_param(): loglevel, slub_debug, ... */
	console_init();			/* UART console; replays the log so far */
	seq_show_to_log(show_boot_params);	/* RAM, initrd and command line found */
	mm_init();			/* page, slab and vmalloc allocators */
	console_remap();		/* the console through ioremap() */
	sched_init();			/* this thread becomes task 0, the idle task */
	init_IRQ();			/* interrupt descriptors */
	machine_desc->init_irq();	/* the interrupt controller (GIC) */
	softirq_init();			/* softirqs and tasklets */
	init_timers();			/* kernel timers on TIMER_SOFTIRQ */
	machine_desc->init_time();	/* the tick and the clock source */
	local_irq_enable();		/* interrupts from here on */
	if (machine_desc->init_machine)
		machine_desc->init_machine();	/* board devices */
	parse_cmdline(false);		/* __setup(): everything else */
	rest_init();			/* start init and kthreadd; become idle */
}

extern const initcall_t __initcall_start[], __initcall_end[];

/* Run every driver's device_initcall. Context: task 1. */
void do_initcalls(void)
{
	for (const initcall_t *call = __initcall_start; call < __initcall_end; call++) {
		int err = (*call)();

		if (err)
			pr_err("initcall %p failed: error %d (see build/armlet.map)\n", (void *)*call, err);
	}
}

/* Task 1: the first task that may sleep; it runs what the boot is for. */
static int kernel_init(void *unused)
{
	spawn_ksoftirqd();		/* softirqs left over by interrupts */
	workqueue_init();		/* kworker/0 runs schedule_work() items */
	vfs_init();			/* the root file system, /dev */
	chr_dev_init();			/* /dev/null, zero, full, kmsg */
	do_initcalls();			/* the drivers: device_initcall() */
	populate_rootfs();		/* the initramfs, unpacked into / */
	lkdtm_boot();			/* lkdtm=TYPE: crash on purpose (tests) */
	ktest_boot();			/* ktest=SUITES: run in-kernel tests, exit */
	kmon_run();			/* the console monitor, until power off */
}

/* Linux: rest_init() in init/main.c. Task 1 is init, task 2 kthreadd. */
static void __noreturn rest_init(void)
{
	struct task_struct *init = create_kernel_task(kernel_init, NULL, "init", current);

	if (!init)
		panic("cannot create the init task");
	kthreadd_start();
	wake_up_process(init);
	cpu_idle_loop();		/* from here on this is the idle task */
}
