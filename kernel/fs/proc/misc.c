// SPDX-License-Identifier: MIT
/*
 * The standard files of /proc, each a show function of the subsystem it
 * describes: version, uptime, cmdline, meminfo, buddyinfo, slabinfo,
 * vmallocinfo, interrupts, devices, mounts. Linux counterparts:
 * fs/proc/version.c, uptime.c, cmdline.c, meminfo.c, devices.c,
 * and the show functions in mm/ and kernel/irq/.
 * Context: process (each show runs at open).
 */
#include <armlet/cdev.h>
#include <armlet/fs.h>
#include <armlet/irq.h>
#include <armlet/kernel.h>
#include <armlet/mm.h>
#include <armlet/printk.h>
#include <armlet/proc_fs.h>
#include <armlet/sched.h>
#include <armlet/seq_buf.h>
#include <armlet/slab.h>
#include <armlet/time.h>
#include <armlet/vmalloc.h>
#include <asm/setup.h>

extern struct task_struct init_task;	/* the idle task */

static void show_version(struct seq_buf *m)
{
	seq_printf(m, "%s", armlet_banner);
}

/* Seconds since boot, and seconds the CPU spent idle, to 1/100. */
static void show_uptime(struct seq_buf *m)
{
	u64 up = ktime_get_ns() / (NSEC_PER_SEC / 100);
	u64 idle = READ_ONCE(init_task.sum_exec_runtime) / (NSEC_PER_SEC / 100);

	seq_printf(m, "%llu.%02llu %llu.%02llu\n", up / 100, up % 100, idle / 100, idle % 100);
}

static void show_cmdline(struct seq_buf *m)
{
	seq_printf(m, "%s\n", boot_params.cmdline);
}

static const struct {
	const char *name;
	void (*show)(struct seq_buf *m);
} misc_files[] = {
	{ "version", show_version },
	{ "uptime", show_uptime },
	{ "cmdline", show_cmdline },
	{ "meminfo", show_meminfo },
	{ "buddyinfo", show_buddyinfo },
	{ "slabinfo", show_slabinfo },
	{ "vmallocinfo", show_vmallocinfo },
	{ "interrupts", show_interrupts },
	{ "devices", show_devices },
	{ "mounts", show_mounts },
};

void proc_misc_init(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(misc_files); i++)
		if (proc_create_single(misc_files[i].name, 0444, misc_files[i].show))
			pr_err("proc: cannot create /proc/%s\n", misc_files[i].name);
}
