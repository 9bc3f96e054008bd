/* SPDX-License-Identifier: MIT */
/*
 * The message device's interface, shared by the driver
 * (drivers/char/msgdev.c) and the programs that use it: the classic
 * "character device with ioctl" of the course material. The device holds
 * one message of at most MSGDEV_MSG_LEN - 1 bytes.
 *
 *   IOCTL_SET_MSG       arg: a NUL-terminated string; it becomes the message
 *   IOCTL_GET_MSG       arg: a buffer of MSGDEV_MSG_LEN bytes; gets the message
 *   IOCTL_GET_NTH_BYTE  arg: an index n; returns byte n of the message
 */
#ifndef DRIVERS_MSGDEV_H
#define DRIVERS_MSGDEV_H

#include <armlet/ioctl.h>

#define MSGDEV_NAME	"msgdev"
#define MSGDEV_MAGIC	'M'		/* this driver's ioctl type */
#define MSGDEV_MSG_LEN	80

#define IOCTL_SET_MSG		_IOW(MSGDEV_MAGIC, 0, char *)
#define IOCTL_GET_MSG		_IOR(MSGDEV_MAGIC, 1, char *)
#define IOCTL_GET_NTH_BYTE	_IOWR(MSGDEV_MAGIC, 2, int)

#endif /* DRIVERS_MSGDEV_H */
