/* SPDX-License-Identifier: MIT */
/* kmon's commands that live in other files (kernel/kmon_fs.c). */
#ifndef KERNEL_KMON_H
#define KERNEL_KMON_H

void kmon_ls(int argc, char **argv);
void kmon_cat(int argc, char **argv);
void kmon_cd(int argc, char **argv);
void kmon_motd(void);

#endif /* KERNEL_KMON_H */
