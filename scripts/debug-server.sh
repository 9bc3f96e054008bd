#!/bin/sh
# "make debug-server": QEMU halted at the first instruction with its gdb stub
# on GDBPORT (default 1234), waiting for any gdb or IDE (.vscode/launch.json),
# instead of starting gdb itself as "make debug" does.
#
#   scripts/debug-server.sh ELF BIN     environment: GDBPORT, MEM, SMP, APPEND,
#                                       INITRD (as make run)
#
# The console is this terminal when there is one (type to the monitor here),
# else build/console.log. QEMU does not outlive the debugging session: it
# ends when gdb detaches, kills or quits, or on Ctrl-C here.
# scripts/gdb/stub_relay.py listens on the port and hands the one connection
# to QEMU's stub, so it sees the debugger go and can stop QEMU then (QEMU
# itself keeps running after a detach).
set -e
elf=$1
bin=$2
[ -f "$elf" ] && [ -f "$bin" ] || { echo "usage: $0 ELF BIN (run make first)" >&2; exit 2; }
port=${GDBPORT:-1234}
log=$(dirname "$bin")/console.log

if [ -t 0 ] && [ -t 1 ]; then
	QEMU_SERIAL=stdio
	console="this terminal (Ctrl-C stops QEMU)"
else
	QEMU_SERIAL=file:$log
	console="$log (tail -f $log)"
fi
export QEMU_SERIAL

cat >&2 <<MSG
debug-server: QEMU halted at its first instruction, gdb stub on 127.0.0.1:$port
debug-server: console: $console
Connect from the top of the tree with:

  gdb-multiarch -q -x scripts/gdb/armlet-gdb.gdb -ex 'target remote 127.0.0.1:$port' -ex 'set confirm off' -ex 'add-symbol-file $elf -o -0x20000000' -ex 'set confirm on' $elf

or in VS Code: Run and Debug, "Armlet: attach to make debug-server".
QEMU ends when the debugger detaches, kills or quits, or on Ctrl-C here.

MSG
exec python3 scripts/gdb/stub_relay.py "$port" scripts/qemu.sh "$bin"
