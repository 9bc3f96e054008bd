// SPDX-License-Identifier: MIT
/*
 * Semihosting calls (ARM IHI 0075): "svc 0x123456" in ARM state with the
 * operation in r0 and a parameter block in r1. QEMU started with
 * -semihosting traps it; without that flag the SVC really happens and
 * boot/entry.S returns r0 = -1, which is how we know there is no host.
 *
 * Context: any privileged mode. The SVC, when real, overwrites lr_svc and
 * spsr_svc, hence the "lr" clobber, and uses the SVC stack: so the kernel
 * probes for a host once at boot (semihost_probe) and later calls only
 * when there is one, which keeps a panic after an SVC stack overflow safe.
 */
#include <armlet/semihost.h>
#include <asm/traps.h>

#define STR(x)	#x
#define XSTR(x)	STR(x)

static long semihost_call(long op, void *arg)
{
	register long r0 __asm__("r0") = op;
	register void *r1 __asm__("r1") = arg;

	__asm__ __volatile__("svc " XSTR(SEMIHOST_SVC_IMM)
			     : "+r"(r0)
			     : "r"(r1)
			     : "memory", "lr", "cc");
	return r0;
}

static bool semihost_present;

/* semihost_probe - ask for the clock (SYS_CLOCK): -1 means no host. */
void semihost_probe(void)
{
	semihost_present = semihost_call(SYS_CLOCK, NULL) != -1;
}

void semihost_exit(int code)
{
	u32 block[2] = { ADP_STOPPED_APPLICATION_EXIT, (u32)code };

	if (semihost_present)
		semihost_call(SYS_EXIT_EXTENDED, block);
}
