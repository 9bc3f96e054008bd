/* SPDX-License-Identifier: MIT */
/*
 * File types and permission bits, with Linux's values
 * (<uapi/linux/stat.h>).
 */
#ifndef ARMLET_STAT_H
#define ARMLET_STAT_H

#define S_IFMT		0170000
#define S_IFSOCK	0140000
#define S_IFLNK		0120000
#define S_IFREG		0100000
#define S_IFBLK		0060000
#define S_IFDIR		0040000
#define S_IFCHR		0020000
#define S_IFIFO		0010000

#define S_ISLNK(m)	(((m) & S_IFMT) == S_IFLNK)
#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m)	(((m) & S_IFMT) == S_IFCHR)
#define S_ISBLK(m)	(((m) & S_IFMT) == S_IFBLK)
#define S_ISFIFO(m)	(((m) & S_IFMT) == S_IFIFO)

#define S_IRWXUGO	0777
#define S_IALLUGO	07777

/* open(2) flags (Linux ARM values, <uapi/asm-generic/fcntl.h> and arm's) */
#define O_ACCMODE	00000003
#define O_RDONLY	00000000
#define O_WRONLY	00000001
#define O_RDWR		00000002
#define O_CREAT		00000100
#define O_EXCL		00000200
#define O_TRUNC		00001000
#define O_APPEND	00002000
#define O_NONBLOCK	00004000
#define O_DIRECTORY	00040000	/* ARM's value */
#define O_NOFOLLOW	00100000	/* ARM's value */
#define O_CLOEXEC	02000000

#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2

#endif /* ARMLET_STAT_H */
