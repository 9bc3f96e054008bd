/* SPDX-License-Identifier: MIT */
/*
 * /proc: files whose contents a function writes when they are opened.
 * Linux: <linux/proc_fs.h> (proc_create_single) and fs/proc/.
 *
 * A driver adds its own file with one call:
 *
 *   static void mydev_show(struct seq_buf *m)
 *   {
 *           seq_printf(m, "opens: %d\n", mydev_opens);
 *   }
 *   proc_create_single("mydev", 0444, mydev_show);   (now /proc/mydev)
 *
 * The show function runs in process context at each open, with no VFS
 * locks held; it may sleep and take the driver's own locks.
 */
#ifndef ARMLET_PROC_FS_H
#define ARMLET_PROC_FS_H

struct seq_buf;
struct task_struct;

/* 0, -EEXIST (the name is taken), -EINVAL (a bad name) or -ENOMEM. */
int proc_create_single(const char *name, unsigned int mode, void (*show)(struct seq_buf *m));
void remove_proc_entry(const char *name);

/* The standard files (fs/proc/misc.c) and the per-process ones (fs/proc/base.c). */
void proc_misc_init(void);
void proc_root_init(void);
int proc_pid_status(struct seq_buf *m, struct task_struct *p);
int proc_pid_stat(struct seq_buf *m, struct task_struct *p);

#endif /* ARMLET_PROC_FS_H */
