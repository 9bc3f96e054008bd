// SPDX-License-Identifier: MIT
/*
 * The interrupt counters as a table, like Linux's /proc/interrupts
 * (kernel/irq/proc.c, show_interrupts): one line per requested interrupt
 * with its count on each CPU, its controller, hardware number, trigger and
 * the names of its handlers, then the error count.
 *
 *              CPU0
 *    29:        412      GIC  29 Level    twd
 *   ERR:          0
 *
 * format_irq_line() is pure and also built on the host for
 * tests/host/test_irq_format.c.
 */
#include <armlet/seq_buf.h>
#include <armlet/irq.h>
#include <armlet/irq_format.h>
#include <armlet/printk.h>

/*
 * format_irq_line - one line of the table into buf (always terminated);
 * returns its length. names holds nnames handler names.
 */
int format_irq_line(char *buf, size_t size, unsigned int irq, const unsigned int *counts,
		    unsigned int ncpus, const char *chip, const char *trigger,
		    const char *const *names, unsigned int nnames)
{
	int len = scnprintf(buf, size, "%4u:", irq);

	for (unsigned int cpu = 0; cpu < ncpus; cpu++)
		len += scnprintf(buf + len, size - len, " %10u", counts[cpu]);
	len += scnprintf(buf + len, size - len, " %8s %3u %-8s", chip ? chip : "none", irq,
			 trigger);
	for (unsigned int i = 0; i < nnames; i++)
		len += scnprintf(buf + len, size - len, "%s%s", i ? ", " : " ", names[i]);
	return len;
}

/* The header: one column per CPU. */
int format_irq_header(char *buf, size_t size, unsigned int ncpus)
{
	int len = scnprintf(buf, size, "     ");

	for (unsigned int cpu = 0; cpu < ncpus; cpu++)
		len += scnprintf(buf + len, size - len, "       CPU%u", cpu);
	return len;
}

#define MAX_NAMES	8

/* show_interrupts - print the table (Context: any; reads counters racily). */
void show_interrupts(struct seq_buf *m)
{
	const unsigned int ncpus = 1;	/* CPUs online: one until the SMP issue */
	char line[160];

	format_irq_header(line, sizeof(line), ncpus);
	seq_printf(m, "%s\n", line);
	for (unsigned int irq = 0; irq < NR_IRQS; irq++) {
		const struct irq_desc *desc = irq_desc_if_requested(irq);
		const char *names[MAX_NAMES];
		unsigned int n = 0;

		if (!desc)
			continue;
		for (const struct irqaction *a = desc->action; a && n < MAX_NAMES; a = a->next)
			names[n++] = a->name;
		format_irq_line(line, sizeof(line), irq, desc->count, ncpus, desc->chip->name,
				desc->type & IRQ_TYPE_EDGE_RISING ? "Edge" : "Level", names, n);
		seq_printf(m, "%s\n", line);
	}
	seq_printf(m, " ERR: %10u\n", irq_err_count);
}
