#!/bin/sh
# "make debug": start QEMU halted at the first instruction with its gdb stub
# and attach gdb-multiarch with the kernel's symbols. The console goes to
# build/console.log (watch it with: tail -f build/console.log).
#
#   scripts/debug.sh ELF BIN     environment: GDBPORT (default 1234),
#                                BREAK (a function to stop at), MEM, SMP, ...
#
# The kernel is linked at 0x80010000 but its first instructions (boot/head.S
# up to "MMU on") run at the physical load address 0x60010000: the ELF's
# symbols are also loaded a second time, shifted by PHYS_OFFSET -
# PAGE_OFFSET, so both halves of the boot have names and source lines.
# scripts/gdb/armlet-gdb.gdb adds the lx-* helpers (lx-ps, lx-dmesg, ...).
set -e
elf=$1
bin=$2
port=${GDBPORT:-1234}
log=$(dirname "$bin")/console.log

QEMU_SERIAL=file:$log scripts/qemu.sh "$bin" -S -gdb tcp:127.0.0.1:$port &
qemu=$!
trap 'kill $qemu 2>/dev/null || true' EXIT INT TERM

echo "debug: QEMU waiting on port $port; console in $log" >&2
set -- -q -x scripts/gdb/armlet-gdb.gdb -ex "target remote 127.0.0.1:$port" \
	-ex "set confirm off" -ex "add-symbol-file $elf -o -0x20000000" -ex "set confirm on"
if [ -n "$BREAK" ]; then
	set -- "$@" -ex "break $BREAK" -ex continue
fi
gdb-multiarch "$@" "$elf"
