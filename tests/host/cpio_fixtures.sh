#!/bin/sh
# Make the cpio archives tests/host/test_cpio.c reads, with GNU cpio (a tool
# Armlet did not write): usage: cpio_fixtures.sh OUTDIR
set -e
out=$1
tree=$out/tree
rm -rf "$out"
mkdir -p "$tree/dir/sub"
cd "$tree"
printf 'hello\n' > hello.txt
: > empty
ln -s hello.txt link
ln hello.txt hardlink
printf 'x' > dir/sub/one
name=$(printf 'n%.0s' $(seq 1 200))
printf 'long\n' > "dir/$name"
deep=.
for i in $(seq 1 20); do deep=$deep/d$i; done
mkdir -p "$deep"
printf 'deep\n' > "$deep/leaf"
chmod 0750 dir
touch -d '2001-02-03 04:05:06 UTC' hello.txt
find . | LC_ALL=C sort | cpio -o -H newc --quiet > ../newc.cpio
find . | LC_ALL=C sort | cpio -o -H crc --quiet > ../crc.cpio
cat ../newc.cpio ../newc.cpio > ../twice.cpio
