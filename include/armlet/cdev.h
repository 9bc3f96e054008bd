/* SPDX-License-Identifier: MIT */
/*
 * Character devices. Linux: <linux/cdev.h>, <linux/fs.h>
 * (register_chrdev_region, alloc_chrdev_region, register_chrdev).
 *
 *   dev_t dev;  struct cdev c;
 *   alloc_chrdev_region(&dev, 0, 1, "mydev");
 *   cdev_init(&c, &my_fops);  cdev_add(&c, dev, 1);
 *   device_create("mydev", dev);           (the node /dev/mydev)
 */
#ifndef ARMLET_CDEV_H
#define ARMLET_CDEV_H

#include <armlet/kdev_t.h>
#include <armlet/list.h>

struct file_operations;
struct seq_buf;

struct cdev {
	const struct file_operations *ops;
	dev_t dev;
	unsigned int count;
	struct list_head list;
};

int register_chrdev_region(dev_t from, unsigned int count, const char *name);
int alloc_chrdev_region(dev_t *dev, unsigned int baseminor, unsigned int count,
			const char *name);
void unregister_chrdev_region(dev_t from, unsigned int count);
void cdev_init(struct cdev *cdev, const struct file_operations *fops);
int cdev_add(struct cdev *cdev, dev_t dev, unsigned int count);
void cdev_del(struct cdev *cdev);

/* The simple case: all 256 minors of major (0: pick one); returns the major or -errno. */
int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops);
void unregister_chrdev(unsigned int major, const char *name);

/* Make /dev/name for dev (devtmpfs-like); 0 or -errno. */
int device_create(const char *name, dev_t dev);
void device_destroy(const char *name);

void show_devices(struct seq_buf *m);

#endif /* ARMLET_CDEV_H */
