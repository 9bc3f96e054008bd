# Host unit tests: each tests/host/test_NAME.c is linked with the pure
# kernel files it lists in HOST_DEPS_NAME, the htest runner and a printk
# stub, built with the host gcc and AddressSanitizer + UBSan.
# Included by the top-level Makefile.

HOST_CFLAGS = -std=gnu11 -g -O1 -Wall -Wextra -Wno-unused-parameter -Werror \
	-fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer -Itests/host -Iinclude -DHTEST_SUITE='"host_$*"' \
	-DDEBUG_SPINLOCK=0 -Dvsnprintf=kernel_vsnprintf -Dsnprintf=kernel_snprintf -Dscnprintf=kernel_scnprintf
HOST_COMMON := tests/host/htest.c tests/host/stub_printk.c kernel/vsprintf.c kernel/seq_buf.c

HOST_DEPS_atags    := kernel/atags.c
HOST_DEPS_params   := kernel/params.c
HOST_DEPS_vsprintf :=
HOST_DEPS_log_ring := kernel/log_ring.c
HOST_DEPS_fsr      := mm/fsr.c
HOST_DEPS_page_alloc := mm/page_alloc.c tests/host/mm_arena.c
HOST_DEPS_memblock := mm/memblock.c
HOST_DEPS_slab     := mm/slab.c mm/page_alloc.c tests/host/mm_arena.c
HOST_DEPS_softirq  := kernel/softirq.c
HOST_DEPS_irq_format := kernel/irq/proc.c
HOST_DEPS_cpio     := kernel/fs/cpio.c
HOST_DEPS_timer_wheel := kernel/time/timer_wheel.c
HOST_DEPS_prio_array := kernel/sched/prio_array.c
HOST_DEPS_sched_classes := kernel/sched/prio_array.c kernel/sched/fair.c kernel/sched/rt.c kernel/sched/idle.c tests/host/sched_stubs.c
HOST_DEPS_n_tty     := drivers/tty/n_tty.c
HOST_DEPS_kallsyms  := kernel/kallsyms.c
HOST_DEPS_namei     := kernel/fs/namei.c kernel/fs/dcache.c kernel/fs/inode.c kernel/fs/ramfs.c \
	kernel/fs/namespace.c kernel/fs/open.c tests/host/vfs_stubs.c

HOST_TESTS := $(patsubst tests/host/test_%.c,%,$(wildcard tests/host/test_*.c))
HOST_BINS  := $(addprefix $(BUILD)/host/test_,$(HOST_TESTS))

.PHONY: host-tests
host-tests: $(HOST_BINS) $(BUILD)/host/fixtures/newc.cpio

# Archives made by GNU cpio for test_cpio (inputs from a tool we did not write).
$(BUILD)/host/fixtures/newc.cpio: tests/host/cpio_fixtures.sh
	$(quiet) CPIO $(dir $@)
	$(Q)sh $< $(dir $@)

.SECONDEXPANSION:
$(BUILD)/host/test_%: tests/host/test_%.c $(HOST_COMMON) $$(HOST_DEPS_$$*) \
		$(wildcard include/*/*.h tests/host/*.h tests/host/asm/*.h) tests/host/host.mk
	@mkdir -p $(dir $@)
	$(quiet) HOSTCC $@
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -o $@ $< $(HOST_COMMON) $(HOST_DEPS_$*)
