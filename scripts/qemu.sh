#!/bin/sh
# Boot an Armlet image on QEMU's vexpress-a9. Used by "make run" and by the
# test harness, so both boot the same machine.
#
#   scripts/qemu.sh IMAGE [extra QEMU arguments...]
#
# Environment: MEM (-m, default 256M), SMP (-smp, default 1), APPEND (kernel
# command line), INITRD (file for -initrd), QEMU_SERIAL (where the console
# goes instead of this terminal, e.g. file:log).
# On a terminal the console is interactive (Ctrl-A X quits, Ctrl-A C is
# QEMU's monitor). Otherwise stdin/stdout are the bare serial line, with no
# monitor, so "printf 'poweroff\n' | make run" works from a script.
set -e

image=$1
[ -n "$image" ] || { echo "usage: $0 IMAGE [QEMU args]" >&2; exit 2; }
shift
[ -f "$image" ] || { echo "qemu.sh: no kernel image '$image'; run make" >&2; exit 2; }

set -- -M vexpress-a9 -m "${MEM:-256M}" -smp "${SMP:-1}" -kernel "$image" \
	-audiodev none,id=snd0 -global pl041.audiodev=snd0 -nic none "$@"

if [ -n "$APPEND" ]; then
	set -- "$@" -append "$APPEND"
fi
if [ -n "$INITRD" ]; then
	[ -f "$INITRD" ] || { echo "qemu.sh: INITRD '$INITRD' does not exist" >&2; exit 2; }
	set -- "$@" -initrd "$INITRD"
fi

if [ -n "$QEMU_SERIAL" ]; then
	set -- "$@" -display none -serial "$QEMU_SERIAL" -monitor none
elif [ -t 0 ] && [ -t 1 ]; then
	echo "Armlet on QEMU vexpress-a9 (MEM=${MEM:-256M} SMP=${SMP:-1}). Ctrl-A X quits." >&2
	set -- "$@" -nographic
else
	set -- "$@" -display none -serial stdio -monitor none
fi
exec qemu-system-arm "$@"
