/* SPDX-License-Identifier: MIT */
/*
 * Completions: "wait until that is done". Each complete() lets one waiter
 * through (or a later one, if nobody waits yet); complete_all() lets every
 * waiter through from then on. Linux: <linux/completion.h>.
 */
#ifndef ARMLET_COMPLETION_H
#define ARMLET_COMPLETION_H

#include <armlet/wait.h>

struct completion {
	unsigned int done;
	struct wait_queue_head wait;
};

#define COMPLETION_DONE_ALL	0x7fffffffu

void init_completion(struct completion *x);
void complete(struct completion *x);		/* Context: any */
void complete_all(struct completion *x);	/* Context: any */
void wait_for_completion(struct completion *x);	/* Context: process */
/* 0 on timeout, else the jiffies left (at least 1). */
long wait_for_completion_timeout(struct completion *x, long timeout);
bool completion_done(struct completion *x);

#endif /* ARMLET_COMPLETION_H */
