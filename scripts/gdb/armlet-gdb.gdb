# Armlet's gdb helpers, the lx-* commands (Linux: scripts/gdb/vmlinux-gdb.py).
# Load with "gdb-multiarch -x scripts/gdb/armlet-gdb.gdb" from the top of the
# tree, as make debug, the command make debug-server prints and the test
# harness do (no auto-load or safe-path setting involved). "apropos lx-"
# lists them; scripts/gdb/armlet.py explains each.
source scripts/gdb/armlet.py
