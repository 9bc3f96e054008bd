#!/bin/sh
# Install everything Armlet needs from Debian/Ubuntu packages: the ARM
# cross toolchain, QEMU, gdb-multiarch and the host test tools. Uses sudo
# when not root. Safe to run again: apt-get skips what is installed.
set -e

PACKAGES="make gcc libc6-dev gcc-arm-none-eabi binutils-arm-none-eabi \
libnewlib-arm-none-eabi qemu-system-arm gdb-multiarch python3 cpio"

if [ "$(id -u)" -eq 0 ]; then
	SUDO=
elif command -v sudo >/dev/null 2>&1; then
	SUDO=sudo
else
	echo "setup: need root or sudo to install: $PACKAGES" >&2
	exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
	echo "setup: no apt-get; install these packages by hand: $PACKAGES" >&2
	exit 1
fi

missing=
for p in $PACKAGES; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
if [ -z "$missing" ]; then
	echo "setup: all packages present"
	exit 0
fi

echo "setup: installing$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends $missing
