// SPDX-License-Identifier: MIT
/*
 * Character devices: device numbers for drivers, and opening a device
 * node. Linux counterpart: fs/char_dev.c (register_chrdev_region,
 * alloc_chrdev_region, cdev_add, chrdev_open).
 *
 * A driver reserves a range of device numbers, then adds a struct cdev
 * for them with its file_operations. Opening a node (an inode with S_IFCHR
 * and i_rdev) looks the number up and hands the file over to the driver:
 * from then on the file's f_op is the driver's.
 *
 * Locking: chrdev_lock (a mutex) protects both tables. Context: process.
 */
#define pr_fmt(fmt) "chrdev: " fmt

#include <armlet/cdev.h>
#include <armlet/errno.h>
#include <armlet/fs.h>
#include <armlet/printk.h>
#include <armlet/seq_buf.h>
#include <armlet/slab.h>
#include <armlet/string.h>

#define DYNAMIC_MAJOR_FIRST	234	/* as Linux: 234..254 are handed out */
#define DYNAMIC_MAJOR_LAST	254

struct chrdev_region {
	dev_t base;
	unsigned int count;
	char name[32];
	struct list_head list;
};

static DEFINE_MUTEX(chrdev_lock);
static struct list_head regions = LIST_HEAD_INIT(regions);	/* by base */
static struct list_head cdevs = LIST_HEAD_INIT(cdevs);

static bool overlaps(dev_t a, unsigned int na, dev_t b, unsigned int nb)
{
	return a < b + nb && b < a + na;
}

static int add_region(dev_t from, unsigned int count, const char *name)
{
	struct chrdev_region *r, *pos;

	if (!count || MAJOR(from) > MAX_MAJOR || MINOR(from) + count - 1 > MINORMASK)
		return -EINVAL;
	list_for_each_entry(pos, &regions, list)
		if (overlaps(from, count, pos->base, pos->count))
			return -EBUSY;
	r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		return -ENOMEM;
	r->base = from;
	r->count = count;
	strlcpy(r->name, name, sizeof(r->name));
	list_for_each_entry(pos, &regions, list)
		if (pos->base > from)
			break;
	list_add_tail(&r->list, &pos->list);
	return 0;
}

/* register_chrdev_region - reserve count numbers from from. 0 or -EBUSY/-EINVAL. */
int register_chrdev_region(dev_t from, unsigned int count, const char *name)
{
	int err;

	mutex_lock(&chrdev_lock);
	err = add_region(from, count, name);
	mutex_unlock(&chrdev_lock);
	return err;
}

/* alloc_chrdev_region - reserve count numbers under a free major; *dev gets the first. */
int alloc_chrdev_region(dev_t *dev, unsigned int baseminor, unsigned int count,
			const char *name)
{
	int err = -EBUSY;

	mutex_lock(&chrdev_lock);
	for (unsigned int major = DYNAMIC_MAJOR_LAST; major >= DYNAMIC_MAJOR_FIRST; major--) {
		struct chrdev_region *r;
		bool used = false;

		list_for_each_entry(r, &regions, list)
			used |= MAJOR(r->base) == major;
		if (used)
			continue;
		err = add_region(MKDEV(major, baseminor), count, name);
		if (!err)
			*dev = MKDEV(major, baseminor);
		break;
	}
	mutex_unlock(&chrdev_lock);
	return err;
}

void unregister_chrdev_region(dev_t from, unsigned int count)
{
	struct chrdev_region *r, *next;

	mutex_lock(&chrdev_lock);
	list_for_each_entry_safe(r, next, &regions, list) {
		if (r->base == from && r->count == count) {
			list_del(&r->list);
			kfree(r);
		}
	}
	mutex_unlock(&chrdev_lock);
}

void cdev_init(struct cdev *cdev, const struct file_operations *fops)
{
	memset(cdev, 0, sizeof(*cdev));
	INIT_LIST_HEAD(&cdev->list);
	cdev->ops = fops;
}

/* cdev_add - make cdev answer for count numbers from dev. 0 or -EBUSY. */
int cdev_add(struct cdev *cdev, dev_t dev, unsigned int count)
{
	struct cdev *c;

	mutex_lock(&chrdev_lock);
	list_for_each_entry(c, &cdevs, list) {
		if (overlaps(dev, count, c->dev, c->count)) {
			mutex_unlock(&chrdev_lock);
			return -EBUSY;
		}
	}
	cdev->dev = dev;
	cdev->count = count;
	list_add_tail(&cdev->list, &cdevs);
	mutex_unlock(&chrdev_lock);
	return 0;
}

void cdev_del(struct cdev *cdev)
{
	mutex_lock(&chrdev_lock);
	list_del(&cdev->list);
	mutex_unlock(&chrdev_lock);
}

static struct cdev *cdev_lookup(dev_t dev)
{
	struct cdev *c;

	list_for_each_entry(c, &cdevs, list)
		if (dev >= c->dev && dev < c->dev + c->count)
			return c;
	return NULL;
}

/* The open of every device node: become the driver's file. */
static int chrdev_open(struct inode *inode, struct file *f)
{
	const struct file_operations *ops;
	struct cdev *c;

	if (!S_ISCHR(inode->mode))
		return -ENXIO;	/* block devices, FIFOs, sockets: not yet */
	mutex_lock(&chrdev_lock);
	c = cdev_lookup(inode->rdev);
	ops = c ? c->ops : NULL;
	mutex_unlock(&chrdev_lock);
	if (!ops)
		return -ENXIO;	/* no driver for this number */
	f->f_op = ops;
	f->private_data = c;
	return ops->open ? ops->open(inode, f) : 0;
}

const struct file_operations def_chr_fops = { .open = chrdev_open };

/* show_devices - like /proc/devices: the character majors and their names. */
void show_devices(struct seq_buf *m)
{
	struct chrdev_region *r;
	unsigned int last = ~0u;

	seq_printf(m, "Character devices:\n");
	mutex_lock(&chrdev_lock);
	list_for_each_entry(r, &regions, list) {
		if (MAJOR(r->base) != last)
			seq_printf(m, "%3u %s\n", MAJOR(r->base), r->name);
		last = MAJOR(r->base);
	}
	mutex_unlock(&chrdev_lock);
}

/* register_chrdev - the simple case: one driver for all 256 minors of a major. */
int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops)
{
	struct cdev *c = kzalloc(sizeof(*c), GFP_KERNEL);
	dev_t dev = MKDEV(major, 0);
	int err;

	if (!c)
		return -ENOMEM;
	err = major ? register_chrdev_region(dev, 256, name) :
		      alloc_chrdev_region(&dev, 0, 256, name);
	if (err)
		goto out_free;
	cdev_init(c, fops);
	err = cdev_add(c, dev, 256);
	if (err) {
		unregister_chrdev_region(dev, 256);
		goto out_free;
	}
	return (int)MAJOR(dev);
out_free:
	kfree(c);
	return err;
}

void unregister_chrdev(unsigned int major, const char *name)
{
	struct cdev *c;

	mutex_lock(&chrdev_lock);
	c = cdev_lookup(MKDEV(major, 0));
	if (c)
		list_del(&c->list);
	mutex_unlock(&chrdev_lock);
	kfree(c);
	unregister_chrdev_region(MKDEV(major, 0), 256);
}

/* device_create - the node /dev/name for dev, as devtmpfs makes them. */
int device_create(const char *name, dev_t dev)
{
	char path[64];

	snprintf(path, sizeof(path), "/dev/%s", name);
	return vfs_mknod_path(path, S_IFCHR | 0666, dev);
}

void device_destroy(const char *name)
{
	char path[64];

	snprintf(path, sizeof(path), "/dev/%s", name);
	vfs_unlink_path(path);
}
