# Armlet: build, run, test and debug the kernel on QEMU's vexpress-a9.
# README.md explains the targets; docs/testing.md the test harness.
#
#   make            build/armlet.elf (symbols, for gdb) and build/armlet.bin
#   make run        boot in QEMU (MEM=256M SMP=1 APPEND="..." INITRD=file)
#   make test       host unit tests + in-kernel tests + boot tests
#   make setup      install the toolchain and QEMU (Debian/Ubuntu packages)
#   make debug      QEMU halted at the first instruction, gdb attached

CROSS_COMPILE ?= arm-none-eabi-
CC      := $(CROSS_COMPILE)gcc
OBJCOPY := $(CROSS_COMPILE)objcopy
HOSTCC  ?= gcc

BUILD := build
MEM    ?= 256M
SMP    ?= 1
APPEND ?=
INITRD ?=
export MEM SMP APPEND INITRD

# "make V=1" shows whole command lines; by default one short line per step.
ifeq ($(V),1)
Q :=
quiet = @true
else
Q := @
quiet = @printf '  %-7s %s\n'
endif

ARCH_FLAGS := -march=armv7-a -mtune=cortex-a9 -marm -mfloat-abi=soft
WARN_FLAGS := -Wall -Wextra -Wno-unused-parameter -Werror
CFLAGS  := $(ARCH_FLAGS) $(WARN_FLAGS) -std=gnu11 -O2 -g -ffreestanding \
	   -fno-common -fno-strict-aliasing -Iinclude -MMD -MP
ASFLAGS := $(ARCH_FLAGS) -g -Iinclude -D__ASSEMBLER__ -MMD -MP
LDFLAGS := -nostdlib -nostartfiles -Wl,--build-id=none -Wl,-Map=$(BUILD)/armlet.map

KERNEL_DIRS := boot kernel mm drivers ipc
KERNEL_SRCS := $(sort $(foreach d,$(KERNEL_DIRS),$(shell find $(d) -name '*.c' -o -name '*.S')))
KERNEL_OBJS := $(patsubst %,$(BUILD)/%.o,$(basename $(KERNEL_SRCS)))

# Tools the build and the tests need; "make setup" installs what is missing.
NEED_TOOLS := $(CC) qemu-system-arm gdb-multiarch python3
MISSING := $(strip $(foreach t,$(NEED_TOOLS),$(if $(shell command -v $(t) 2>/dev/null),,$(t))))
SETUP_FIRST := $(if $(MISSING),setup)

.PHONY: all kernel run test test-host test-kernel debug debug-server setup clean format
.DEFAULT_GOAL := all

all: $(SETUP_FIRST)
	@$(MAKE) --no-print-directory kernel

kernel: $(BUILD)/armlet.elf $(BUILD)/armlet.bin

setup:
	@scripts/setup.sh

$(BUILD)/armlet.elf: $(KERNEL_OBJS) linker.ld
	$(quiet) LD $@
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -T linker.ld -o $@ $(KERNEL_OBJS) -lgcc

$(BUILD)/armlet.bin: $(BUILD)/armlet.elf
	$(quiet) OBJCOPY $@
	$(Q)$(OBJCOPY) -O binary $< $@

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(quiet) CC $<
	$(Q)$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/%.o: %.S
	@mkdir -p $(dir $@)
	$(quiet) AS $<
	$(Q)$(CC) $(ASFLAGS) -c -o $@ $<

run: all
	@scripts/qemu.sh $(BUILD)/armlet.bin

debug: all
	@scripts/debug.sh $(BUILD)/armlet.elf $(BUILD)/armlet.bin

test: $(SETUP_FIRST)
	@$(MAKE) --no-print-directory kernel host-tests
	@python3 tests/harness.py --build $(BUILD)

# Host unit tests: pure kernel code built with the host compiler and sanitizers.
include tests/host/host.mk

clean:
	rm -rf $(BUILD)

format:
	clang-format -i $$(find boot kernel mm drivers ipc include tests/host -name '*.[ch]')

-include $(KERNEL_OBJS:.o=.d)
