"""Whole-system boot tests for tests/harness.py.

Each case boots build/armlet.bin in QEMU vexpress-a9 (scripts/qemu.sh,
with -semihosting so the kernel's way of stopping becomes QEMU's exit
status) and checks the console. Keys:

  name, why     the test and the property it proves
  mem, smp      QEMU -m / -smp (default 256M, 1)
  append        kernel command line (-append)
  initrd        size in bytes of a generated file passed with -initrd, or
                the path of a file (relative to build/) to pass as it is
  loader        [(bytes, address)]: written over guest memory after QEMU's
                boot stub has built the ATAG list (-device loader), to hand
                the kernel a malformed list
  gdb           commands run at the kernel's first instruction (registers
                as the boot stub left them), e.g. to fake a machine id
  until         with gdb: the run passes once this function is reached
  stdin         typed on the console, a line after each monitor prompt
  prompt        what to wait for before each line (default "armlet> ")
  stdin_delay   seconds to wait before typing (to let the kernel run first)
  exit          expected QEMU exit status: 0 ok/power off, 2 halted, 3 panic
  semihosting   False: boot without -semihosting, as "make run" does
  halts         no debug host to exit through: the kernel must stop for good
                and QEMU still run at `timeout` (then `exit` says how it stopped)
  expect/reject regular expressions (multiline) the console must/mustn't match
  pc_in         the function the oops' pc must fall in (from the ELF symbols)
"""
import struct

MiB = 1 << 20
ATAG_CORE, ATAG_MEM, ATAG_INITRD2, ATAG_CMDLINE = (
    0x54410001, 0x54410002, 0x54420005, 0x54410009)
ATAG_LIST = 0x60000100          # where QEMU's stub writes the list


def tag(tag_id, *words):
    return struct.pack(f"<{2 + len(words)}I", 2 + len(words), tag_id, *words)


def core():
    return tag(ATAG_CORE, 1, 4096, 0)


def mem(start, size):
    return tag(ATAG_MEM, size, start)


def cmdline(text):
    raw = text.encode() + b"\0"
    raw += b"\0" * (-len(raw) % 4)
    return struct.pack("<2I", 2 + len(raw) // 4, ATAG_CMDLINE) + raw


NONE = struct.pack("<2I", 0, 0)

POWEROFF = "poweroff\n"
# A call trace, line by line: "[<8001c840>] name+0x10/0x1c" (kernel/backtrace.c).
TRACE = r"^Call trace:\r?\n"


def FRAME(name):
    """One more line of a call trace, in the function name."""
    return r"\[<[0-9a-f]{8}>\] " + name + r"\+0x[0-9a-f]+/0x[0-9a-f]+\r?\n"

DEFAULT_MEMORY = r"Memory: 64 MiB RAM in 1 bank \(machine default\)"

CASES = [
    # --- a good ATAG list, as QEMU builds it -----------------------------
    dict(name="atags_64m", mem="64M", stdin=POWEROFF,
         why="64 MiB, no initrd, no command line: all reported as such",
         expect=[r"^Memory: 64 MiB RAM in 1 bank\r?$", r"^initrd: none",
                 r"^Kernel command line: \(empty\)", r"^Power down"],
         reject=[r"ATAG: .*(malformed|warn)"]),
    dict(name="atags_256m_initrd_cmdline", mem="256M", initrd=4096,
         append="foo=bar loglevel=7", stdin=POWEROFF,
         why="256 MiB with initrd and command line",
         expect=[r"^Memory: 256 MiB RAM in 1 bank\r?$",
                 r"^initrd: 0x68000000-0x68000fff \(4096 bytes\)",
                 r"^Kernel command line: foo=bar loglevel=7\r?$",
                 r'Unknown kernel command line parameter "foo=bar"']),
    dict(name="atags_1g_initrd", mem="1G", initrd=8192, append="a b c",
         stdin=POWEROFF, why="1 GiB, the most QEMU gives, with initrd",
         expect=[r"^Memory: 1024 MiB RAM in 1 bank\r?$",
                 r"^Memory bank 0: 0x60000000-0x9fffffff",
                 r"^initrd: 0x68000000-0x68001fff \(8192 bytes\)",
                 r"^Kernel command line: a b c\r?$"]),
    dict(name="atags_64m_initrd", mem="64M", initrd=100, stdin=POWEROFF,
         why="with 64 MiB QEMU puts the initrd at RAM + 32 MiB",
         expect=[r"^initrd: 0x62000000-0x62000063 \(100 bytes\)"]),
    dict(name="smp2_boots_on_cpu0", mem="128M", smp=2, stdin=POWEROFF,
         why="with two CPUs only CPU 0 runs the kernel",
         expect=[r"MPIDR 80000000", r"^Memory: 128 MiB"]),

    # --- malformed ATAG lists: a warning and the machine's defaults ------
    dict(name="atags_bad_no_core",
         loader=[(mem(0x60000000, 256 * MiB) + NONE, ATAG_LIST)],
         stdin=POWEROFF, why="a list not starting with ATAG_CORE is refused",
         expect=[r"ATAG: list does not start with ATAG_CORE \(found 0x54410002\)",
                 DEFAULT_MEMORY, r"^Power down"]),
    dict(name="atags_bad_zero_size",
         loader=[(core() + struct.pack("<2I", 0, ATAG_MEM) + NONE, ATAG_LIST)],
         stdin=POWEROFF, why="a tag of size 0 makes the list unusable",
         expect=[r"ATAG: tag 0x54410002 at offset 20 has bad size 0",
                 DEFAULT_MEMORY]),
    dict(name="atags_bad_overlapping_banks",
         loader=[(core() + mem(0x60000000, 128 * MiB)
                  + mem(0x64000000, 128 * MiB) + cmdline("kept=1") + NONE,
                  ATAG_LIST)],
         stdin=POWEROFF, why="overlapping banks: default memory, rest kept",
         expect=[r"overlaps bank 0x60000000\+0x08000000", DEFAULT_MEMORY,
                 r"^Kernel command line: kept=1"]),
    dict(name="atags_bad_no_end",
         loader=[(core() + tag(0x54410007) * 2100, ATAG_LIST)],
         stdin=POWEROFF, why="a list with no ATAG_NONE within 16 KiB",
         expect=[r"ATAG: no ATAG_NONE within 16384 bytes", DEFAULT_MEMORY]),
    dict(name="atags_bad_huge_size",
         loader=[(core() + struct.pack("<2I", 0x40000000, ATAG_CMDLINE)
                  + NONE, ATAG_LIST)],
         stdin=POWEROFF, why="a size running past the bound is caught",
         expect=[r"runs past 16384 bytes", DEFAULT_MEMORY]),
    dict(name="atags_bad_pointer", gdb=["set $r2 = 0x12345678"],
         until="kmon_run", why="r2 outside RAM is never followed",
         expect=[r"list pointer r2 = 0x12345678 is not in RAM below the kernel",
                 DEFAULT_MEMORY]),

    # --- machine descriptors ---------------------------------------------
    dict(name="unknown_machine_id", gdb=["set $r1 = 0x457"], exit=2,
         why="an unknown r1 stops early with a clear message",
         expect=[r"Error: unrecognized/unsupported machine ID",
                 r"r1 = 0x00000457 \(1111\)",
                 r"0x000008e0  ARM Versatile Express"]),

    # --- printk levels and the command line --------------------------------
    dict(name="loglevel_filters_console", append="loglevel=5 bogus_flag",
         stdin="dmesg\n" + POWEROFF,
         why="loglevel=5 hides info and notice on the console, not in dmesg",
         expect=[r'^Unknown kernel command line parameter "bogus_flag"',
                 r"^<6>Memory: 256 MiB", r"^<5>Armlet 0\.1"],
         reject=[r"^Memory: 256 MiB", r"^Armlet 0\.1"]),
    dict(name="quiet_flag", append="quiet", stdin=POWEROFF,
         why="'quiet' shows only errors and worse",
         expect=[r"^Power down"], reject=[r"^Memory:", r"^Armlet 0\.1"]),
    dict(name="bad_loglevel_value", append="loglevel=abc", stdin=POWEROFF,
         why="a bad parameter value is reported, boot goes on",
         expect=[r"params: bad value for 'loglevel': 'abc'", r"^Memory:"]),
    dict(name="monitor_commands", stdin="help\nversion\nfrobnicate\n" + POWEROFF,
         why="the console monitor runs commands read from the UART",
         expect=[r"armlet> help", r"poweroff +switch the machine off",
                 r"^Armlet 0\.1 for ARMv7-A",
                 r"frobnicate: unknown command; try 'help'"]),

    # --- oops and panic ------------------------------------------------------
    dict(name="oops_data_abort", append="lkdtm=DATA_ABORT", exit=3,
         pc_in="lkdtm_data_abort",
         why="a kernel data abort prints a decoded oops, then panics",
         expect=[r"Unable to handle kernel unaligned access at virtual address "
                 r"[0-9a-f]{7}[13579bdf] when reading",
                 r"DFSR 00000001: alignment fault",
                 r"Internal error: Oops - data abort: 1 \[#1\] ARM",
                 r"^pc : \[<[0-9a-f]{8}>\]    lr : \[<[0-9a-f]{8}>\]    psr: [0-9a-f]{8}",
                 r"^r3 : [0-9a-f]{8}  r2 : [0-9a-f]{8}  r1 : [0-9a-f]{8}  r0 : ",
                 r"^Flags: [nN][zZ][cC][vV]  IRQs o(n|ff)  FIQs o(n|ff)  Mode SVC_32  ISA ARM",
                 r"Kernel panic - not syncing: Fatal exception"]),
    dict(name="oops_undefined_instruction", append="lkdtm=UNDEFINED", exit=3,
         pc_in="lkdtm_undefined",
         why="an undefined instruction oopses with the instruction word",
         expect=[r"Undefined instruction e7f000f0 in kernel mode",
                 r"Oops - undefined instruction",
                 r"Kernel panic - not syncing: Fatal exception"]),
    dict(name="oops_prefetch_abort", append="lkdtm=PREFETCH_ABORT", exit=3,
         pc_in="lkdtm_prefetch_abort",
         why="a prefetch abort (BKPT) oopses with the IFSR decoded",
         expect=[r"Unhandled breakpoint \(BKPT\) in kernel mode",
                 r"IFSR 00000002: debug event",
                 r"Kernel panic - not syncing: Fatal exception"]),
    dict(name="oops_unexpected_svc", append="lkdtm=SVC", exit=3,
         pc_in="lkdtm_svc",
         why="an SVC in kernel mode is a bug and oopses",
         expect=[r"Unexpected SVC #0x0 in kernel mode",
                 r"Kernel panic - not syncing: Fatal exception"]),
    dict(name="panic_direct", append="lkdtm=PANIC", exit=3,
         why="panic() prints its message and the caller's registers",
         expect=[r"Kernel panic - not syncing: lkdtm: PANIC requested",
                 r"^pc : \[<", r"end Kernel panic - not syncing"]),
    dict(name="panic_visible_at_loglevel_0", append="loglevel=0 lkdtm=PANIC",
         exit=3, why="a panic is shown whatever the log level",
         expect=[r"Kernel panic - not syncing: lkdtm: PANIC requested"]),
    # --- backtraces (kernel/backtrace.c, kernel/kallsyms.c) --------------------------
    dict(name="backtrace_oops_call_chain", append="lkdtm=DATA_ABORT", exit=3,
         why="an oops names the call chain that led to it, innermost first",
         expect=[TRACE + FRAME("lkdtm_data_abort") + FRAME("lkdtm_boot")
                 + FRAME("kernel_init") + FRAME("ret_from_kthread")]),
    dict(name="backtrace_panic", append="lkdtm=PANIC", exit=3,
         why="panic() prints the trace of its caller",
         expect=[TRACE + FRAME("panic") + FRAME("lkdtm_panic") + FRAME("lkdtm_boot")]),
    dict(name="backtrace_warn_on_continues", append="lkdtm=WARNING", stdin=POWEROFF,
         why="WARN_ON prints where and a trace, and the kernel goes on",
         expect=[r"^WARNING: CPU: 0 PID: 1 at kernel/lkdtm\.c:\d+ lkdtm_warning\+0x",
                 TRACE + FRAME("lkdtm_warning") + FRAME("lkdtm_boot"),
                 r"^---\[ end trace \]---", r"^Power down"],
         reject=[r"Oops", r"Kernel panic"]),
    dict(name="backtrace_bug_on_oopses", append="lkdtm=BUG", exit=3,
         why="BUG_ON reports file and line, then oopses with a trace",
         expect=[r"^kernel BUG at kernel/lkdtm\.c:\d+!",
                 TRACE + FRAME("__bug") + FRAME("lkdtm_bug") + FRAME("lkdtm_boot"),
                 r"Kernel panic - not syncing: Fatal exception"]),
    dict(name="backtrace_corrupt_frame_ends", append="lkdtm=CORRUPT_FRAME", exit=3,
         why="a corrupt frame pointer ends the trace cleanly, no nested fault",
         expect=[TRACE + FRAME("lkdtm_corrupt_frame") + FRAME("lkdtm_boot")
                 + r" \(frame pointer deadbee0 is not on this stack: trace ends\)",
                 r"Kernel panic - not syncing: Fatal exception"],
         reject=[r"Recursive fault", r"kernel_init\+"]),
    # --- interrupts and time ------------------------------------------------------
    dict(name="tick_counts_and_uptime", stdin_delay=0.5,
         stdin="interrupts\nuptime\n" + POWEROFF,
         why="the tick interrupt is counted and uptime follows it",
         expect=[r"^ +CPU0", r"^ +29: +[1-9]\d* +GIC +29 \w+ +twd",
                 r"^ ERR: +0", r"^up \d+\.\d{6} s, [1-9]\d* ticks at HZ=100"]),
    # --- the initramfs (read by GNU cpio's archives) ---------------------------------
    dict(name="initramfs_from_gnu_cpio", initrd="host/fixtures/newc.cpio", stdin=POWEROFF,
         why="an archive made by GNU cpio is read through and summed up",
         expect=[r"initramfs: 3\d entries: \d+ files, 2\d directories, 1 symlinks"]),
    dict(name="initramfs_corrupt", initrd=4096, stdin=POWEROFF,
         why="a corrupt archive is reported with where, and boot goes on",
         expect=[r"cpio: corrupt archive at offset 0: no newc magic",
                 r"initramfs: archive unusable after 0 entries", r"^Power down"]),
    dict(name="initramfs_none", stdin=POWEROFF,
         why="booting without an initramfs says so plainly",
         expect=[r"initramfs: none \(boot with an initrd"]),
    dict(name="ktest_unknown_suite", append="ktest=nosuch", exit=1,
         why="asking for a suite that does not exist fails the run",
         expect=[r"^not ok 1 nosuch # no such test suite"]),
    # --- memory management ----------------------------------------------------
    dict(name="mm_total_64m", mem="64M", stdin="meminfo\n" + POWEROFF,
         why="with 64 MiB every KiB of RAM is accounted for",
         expect=[r"^Memory: \d+K/65536K available \(\d+K kernel code, \d+K rwdata, "
                 r"\d+K rodata, \d+K bss, \d+K reserved\)", r"^MemTotal: +65536 kB"]),
    dict(name="mm_total_256m", mem="256M", stdin="meminfo\n" + POWEROFF,
         why="256 MiB: all of it mapped and managed",
         expect=[r"^Memory: \d+K/262144K available", r"^MemTotal: +262144 kB"]),
    dict(name="mm_total_1g", mem="1G", initrd=4096, stdin="meminfo\nbuddyinfo\n" + POWEROFF,
         why="1 GiB, the most QEMU gives, is all usable lowmem (2G/2G split)",
         expect=[r"^Memory: (10[0-4]\d{4})K/1048576K available",
                 r"^Node 0, zone +Normal( +\d+){11}"]),
    dict(name="mm_ktest_64m", mem="64M", append="ktest=mm", exit=0,
         why="the mm suite also passes in the smallest memory",
         expect=[r"^ok 1 mm"]),
    dict(name="mm_ktest_1g", mem="1G", append="ktest=mm", exit=0,
         why="the mm suite also passes with 1 GiB",
         expect=[r"^ok 1 mm"]),
    dict(name="oops_null_deref", append="lkdtm=NULL_DEREF", exit=3,
         pc_in="lkdtm_null_deref",
         why="a NULL dereference oopses with a clear message",
         expect=[r"Unable to handle kernel NULL pointer dereference at virtual address "
                 r"00000000 when reading", r"DFSR 00000005: translation fault \(section\)",
                 r"Kernel panic - not syncing: Fatal exception"]),
    dict(name="oops_write_rodata", append="lkdtm=WRITE_RO", exit=3,
         pc_in="lkdtm_write_ro", why="kernel rodata is read-only",
         expect=[r"when writing", r"DFSR 0000080f: permission fault \(page\)"]),
    dict(name="oops_exec_data", append="lkdtm=EXEC_DATA", exit=3,
         why="kernel data is never executed",
         expect=[r"Unable to handle kernel prefetch abort",
                 r"IFSR 0000000f: permission fault \(page\)"]),
    dict(name="oops_stack_overflow", append="lkdtm=STACK_OVERFLOW", exit=3,
         pc_in="lkdtm_recurse",
         why="a kernel stack overflow hits the guard page and is named",
         expect=[r"translation fault \(page\)",
                 r"Kernel stack overflow: task init/1 ran into its guard page",
                 r"Kernel panic - not syncing: Fatal exception"]),
    dict(name="stack_overflow_halts_without_debug_host",
         append="lkdtm=STACK_OVERFLOW", semihosting=False, halts=True, timeout=4, exit=3,
         why="after a stack overflow the kernel halts once, quietly, as under make run",
         expect=[r"Kernel stack overflow", r"end Kernel panic - not syncing: Fatal exception"],
         reject=[r"Recursive fault", r"\[#2\]"]),
    dict(name="slub_debug_overflow", append="slub_debug lkdtm=SLAB_OVERFLOW",
         stdin=POWEROFF, why="slub_debug red zones catch a one-byte overflow",
         expect=[r"BUG kmalloc-64: red zone overwritten \(buffer overflow\)",
                 r"byte at 0x[0-9a-f]{8} is 0x42, expected 0xcc", r"^Power down"]),
    dict(name="slub_debug_use_after_free", append="slub_debug lkdtm=SLAB_USE_AFTER_FREE",
         stdin=POWEROFF, why="slub_debug poisoning catches a write after free",
         expect=[r"BUG kmalloc-64: use after free: poison overwritten",
                 r"is 0x42, expected 0x6b", r"^Power down"]),
    dict(name="slab_double_free", append="lkdtm=SLAB_DOUBLE_FREE", stdin=POWEROFF,
         why="a double kfree is reported and ignored, even without slub_debug",
         expect=[r"BUG kmalloc-64: double free", r"^Power down"]),
    dict(name="lkdtm_unknown_type", append="lkdtm=NOPE", stdin=POWEROFF,
         why="an unknown crash type is reported, boot goes on",
         expect=[r"lkdtm: unknown crash type 'NOPE'", r"^Power down"]),
]
