#!/usr/bin/env python3
"""Armlet test harness: runs every test and prints one closing line.

   python3 tests/harness.py [--build DIR] [--only SUBSTRING] [--list]

Four kinds of test, all reported per test case:
  host    tests/host/test_*.c binaries (KTAP on stdout, ASan/UBSan on)
  ktest   the kernel booted in QEMU with ktest=all (KTAP on the console)
  boot    whole-system boots from tests/boot/cases.py, checked against
          the console output and QEMU's exit status
  gdb     the kernel under gdb: breakpoints before and after the MMU is on,
          and the lx-* helpers of scripts/gdb/armlet.py compared with what
          the kernel prints (gdb_tests)

The kernel reports how it stopped through QEMU's exit status (semihosting,
see include/armlet/reboot.h): 0 ok, 1 tests failed, 2 halted, 3 panic.
A run that times out, panics unexpectedly, or loses a test (a KTAP plan
larger than the results) fails. Every run's console log is kept in
DIR/test-logs/. docs/testing.md describes the contract.
"""
import argparse
import concurrent.futures
import os
import re
import select
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "boot"))
import cases as boot_cases  # noqa: E402
sys.path.insert(0, str(ROOT / "tests"))
import ktap_selftest  # noqa: E402

EXIT_NAMES = {0: "ok", 1: "tests failed", 2: "halted", 3: "panic"}
PANIC_LINE = "Kernel panic - not syncing"


class Result:
    def __init__(self, name, ok, detail="", log=None, skipped=False):
        self.name, self.ok, self.detail = name, ok, detail
        self.log, self.skipped = log, skipped


# ---------------------------------------------------------------- KTAP ----

KTAP_RESULT = re.compile(r"^( *)(ok|not ok) (\d+)(?: (.*?))?(?: # (.*))?$")
KTAP_PLAN = re.compile(r"^( *)1\.\.(\d+)$")
KTAP_DIAG = re.compile(r"^( *)# (.*)$")


def parse_ktap(text, prefix, log, unit="ktap"):
    """Turn two-level KTAP (suites of cases) into one Result per case.

    Checks the plans: a suite that reports fewer cases than it planned, or
    a run with fewer suites than planned, yields a failed "lost" result.
    """
    results, diags = [], []
    top_plan, top_seen = None, 0
    sub_plan, sub_results = None, []
    for raw in text.splitlines():
        line = raw.rstrip("\r")
        m = KTAP_PLAN.match(line)
        if m:
            if len(m.group(1)) == 0:
                top_plan = int(m.group(2))
            else:
                sub_plan, sub_results = int(m.group(2)), []
            continue
        m = KTAP_RESULT.match(line)
        if m:
            indent, status, _, name, directive = m.groups()
            name = name or "?"
            ok = status == "ok"
            skip = bool(directive and directive.upper().startswith("SKIP"))
            detail = "; ".join(diags)
            diags = []
            if indent:
                sub_results.append(Result(f"{prefix}{{suite}}.{name}", ok,
                                          detail, log, skip))
                continue
            top_seen += 1
            if sub_plan is None:   # a top-level test without cases
                results.append(Result(f"{prefix}{name}", ok,
                                      directive or detail, log, skip))
                continue
            for r in sub_results:
                r.name = r.name.replace("{suite}", name)
                results.append(r)
            if len(sub_results) != sub_plan:
                results.append(Result(
                    f"{prefix}{name}", False,
                    f"lost tests: planned {sub_plan}, reported "
                    f"{len(sub_results)}", log))
            sub_plan, sub_results = None, []
            continue
        m = KTAP_DIAG.match(line)
        if m and not line.strip().startswith("# Subtest"):
            diags.append(m.group(2))
    if top_plan is None:
        results.append(Result(f"{prefix}{unit}", False, "no KTAP plan found", log))
    elif top_seen != top_plan or sub_plan is not None:
        results.append(Result(
            f"{prefix}{unit}", False,
            f"lost tests: planned {top_plan} suites, reported {top_seen}"
            + (" (a suite never finished)" if sub_plan is not None else ""),
            log))
    return results


# ---------------------------------------------------------------- runs ----

def save_log(logdir, name, text):
    path = logdir / (re.sub(r"[^\w.-]", "_", name) + ".log")
    path.write_text(text, errors="replace")
    return path


def kill_group(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def run(cmd, timeout, env=None, stdin_text=None, stdin_delay=0, prompt=None):
    """Run cmd in its own process group; returns (exit status, output).

    Without prompt, stdin_text is written at once. With prompt, it is typed
    as a person at the console would: one line (or one item of a list)
    each time prompt appears in the output, so echo lands after it.
    The status is None on timeout. The whole group is killed at the end,
    so no QEMU started by gdb or a script outlives its test.
    """
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, env=env, cwd=ROOT,
                         start_new_session=True)
    try:
        if stdin_delay:
            time.sleep(stdin_delay)
        if prompt:
            status, out = converse(p, timeout, stdin_text or "", prompt.encode())
        else:
            out, _ = p.communicate((stdin_text or "").encode(), timeout=timeout)
            status = p.returncode
    except subprocess.TimeoutExpired:
        status, out = None, b""
    finally:
        kill_group(p.pid)
    if status is None:
        out += p.communicate()[0]
    return status, out.decode(errors="replace")


def converse(p, timeout, stdin_text, prompt):
    """Type each line of stdin_text after the next prompt; (status, output)."""
    to_type = stdin_text if isinstance(stdin_text, list) else stdin_text.splitlines(True)
    deadline = time.monotonic() + timeout
    out, typed = b"", 0
    fd = p.stdout.fileno()
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return None, out
        ready, _, _ = select.select([fd], [], [], min(left, 0.2))
        if ready:
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            out += chunk
        while typed < len(to_type) and out.count(prompt) > typed:
            p.stdin.write(to_type[typed].encode())
            p.stdin.flush()
            typed += 1
    try:
        return p.wait(max(deadline - time.monotonic(), 0.1)), out
    except subprocess.TimeoutExpired:
        return None, out


MONITOR_PROMPT = "armlet> "


def qemu_env(case):
    env = dict(os.environ)
    env["MEM"] = case.get("mem", "256M")
    env["SMP"] = str(case.get("smp", 1))
    env["APPEND"] = case.get("append", "")
    env["INITRD"] = case.get("initrd_path", "")
    env.pop("QEMU_SERIAL", None)
    return env


def host_tests(build, logdir):
    results = []
    for exe in sorted((build / "host").glob("test_*")):
        if not os.access(exe, os.X_OK) or exe.suffix:
            continue
        status, out = run([str(exe)], timeout=120)
        log = save_log(logdir, f"host-{exe.name}", out)
        rs = parse_ktap(out, "host/", log, unit=exe.name)
        if status is None:
            rs.append(Result(f"host/{exe.name}", False, "TIMEOUT after 120 s", log))
        elif status != 0 and all(r.ok for r in rs):
            rs.append(Result(f"host/{exe.name}", False,
                             f"exit status {status} (sanitizer?)", log))
        results += rs
    return results


# Typed on the serial line when the ttyAMA0 suite asks (drivers/tty/tty_test.c):
# DEL, ^U and ^W edit, CR ends a line, ^D alone is end of file.
TTY_PROMPT = "tty: type now"
TTY_INPUT = ("hellp\x7fo, tty\r" "garbage\x15kept\n" "one two\x17three\n" "\x04"
             "after eof\n")


def ktest_run(build, logdir):
    image = build / "armlet.bin"
    case = {"append": "ktest=all", "mem": "256M",
            "initrd_path": str(build / "initramfs.cpio")}
    cmd = [str(ROOT / "scripts/qemu.sh"), str(image), "-semihosting"]
    status, out = run(cmd, timeout=120, env=qemu_env(case), stdin_text=[TTY_INPUT],
                      prompt=TTY_PROMPT)
    log = save_log(logdir, "ktest", out)
    results = parse_ktap(out, "ktest/", log)
    if status is None:
        results.append(Result("ktest/run", False, "TIMEOUT after 120 s", log))
    elif PANIC_LINE in out:
        results.append(Result("ktest/run", False, "PANIC during the tests", log))
    elif status != 0 and all(r.ok for r in results):
        results.append(Result("ktest/run", False,
                              f"QEMU exit status {status} "
                              f"({EXIT_NAMES.get(status, '?')})", log))
    return results


def qemu_command(case, build, workdir):
    """The QEMU command line for one boot case (loader blobs, initrd)."""
    qemu = [str(ROOT / "scripts/qemu.sh"), str(build / "armlet.bin")]
    if case.get("semihosting", True):
        qemu.append("-semihosting")
    for i, (blob, addr) in enumerate(case.get("loader", [])):
        path = workdir / f"{case['name']}.blob{i}"
        path.write_bytes(blob)
        qemu += ["-device", f"loader,file={path},addr={addr:#x},force-raw=on"]
    if isinstance(case.get("initrd"), str):
        case["initrd_path"] = str(build / case["initrd"])
    elif "initrd" in case:
        path = workdir / f"{case['name']}.initrd"
        path.write_bytes(bytes(i & 0xff for i in range(case["initrd"])))
        case["initrd_path"] = str(path)
    return qemu


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.05)
    return False


def gdb_boot(case, build, qemu, timeout, workdir):
    """Boot with QEMU halted, let gdb change the boot state, then run on.

    gdb stops at the kernel's first instruction (QEMU's stub has set r1/r2
    by then), runs the case's commands and detaches, so QEMU's own exit
    status is what counts; with "until", reaching that function is the end.
    Returns (status, console + gdb output).
    """
    port = free_port()
    serial = workdir / f"{case['name']}.console"
    serial.unlink(missing_ok=True)
    env = qemu_env(case)
    env["QEMU_SERIAL"] = f"file:{serial}"
    vm = subprocess.Popen(qemu + ["-S", "-gdb", f"tcp:127.0.0.1:{port}"],
                          stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, env=env, cwd=ROOT,
                          start_new_session=True)
    gdb_out = ""
    try:
        if not wait_for_port(port):
            return None, "QEMU's gdb stub never listened"
        cmd = ["gdb-multiarch", "-batch", "-nx",
               "-ex", f"target remote 127.0.0.1:{port}",
               "-ex", "break *0x60010000", "-ex", "continue", "-ex", "delete"]
        for c in case["gdb"]:
            cmd += ["-ex", c]
        if case.get("until"):
            cmd += ["-ex", "break " + case["until"], "-ex", "continue"]
        else:
            cmd += ["-ex", "detach"]
        status, gdb_out = run(cmd + [str(build / "armlet.elf")], timeout)
        if case.get("until"):
            hit = re.search(r"Breakpoint \d+, " + case["until"], gdb_out)
            status = case.get("exit", 0) if hit else None
        else:
            try:
                status = vm.wait(timeout)
            except subprocess.TimeoutExpired:
                status = None
    finally:
        kill_group(vm.pid)
        vm.wait()
    console = serial.read_text(errors="replace") if serial.exists() else ""
    return status, console + "\n--- gdb ---\n" + gdb_out


def function_at(build, addr):
    """The name of the function containing addr, from the ELF's symbols."""
    out = subprocess.run(["arm-none-eabi-nm", "-n", "-S", str(build / "armlet.elf")],
                         stdout=subprocess.PIPE, text=True).stdout
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[2] in "tT":
            start, size = int(parts[0], 16), int(parts[1], 16)
            if start <= addr < start + size:
                return parts[3]
    return None


def check_boot(case, status, out, build):
    """Why a boot case failed, or None if it passed."""
    want = case.get("exit", 0)
    if status is None and case.get("halts"):
        status = want  # stopped for good, still running at the timeout: as asked
    if status is None:
        return f"TIMEOUT after {case.get('timeout', 30)} s"
    if PANIC_LINE in out and want != 3:
        return "PANIC: " + out[out.index(PANIC_LINE):].splitlines()[0]
    if status != want:
        return (f"QEMU exit status {status} ({EXIT_NAMES.get(status, '?')}), "
                f"expected {want} ({EXIT_NAMES.get(want, '?')})")
    for pattern in case.get("expect", []):
        if not re.search(pattern, out, re.M):
            return f"console lacks /{pattern}/"
    for pattern in case.get("reject", []):
        m = re.search(pattern, out, re.M)
        if m:
            return f"console has unwanted /{pattern}/: {m.group(0)!r}"
    if "pc_in" in case:
        m = re.search(r"pc : \[<([0-9a-f]{8})>\]", out)
        fn = m and function_at(build, int(m.group(1), 16))
        # gcc may name a specialised copy "fn.isra.0" or "fn.constprop.0"
        if not fn or fn.split(".")[0] != case["pc_in"]:
            return f"oops pc is in {fn}, expected {case['pc_in']}"
    return None


def boot_test(case, build, logdir):
    case = dict(case)
    qemu = qemu_command(case, build, logdir)
    timeout = case.get("timeout", 30)
    if "gdb" in case:
        status, out = gdb_boot(case, build, qemu, timeout, logdir)
    else:
        status, out = run(qemu, timeout, env=qemu_env(case),
                          stdin_text=case.get("stdin", ""),
                          stdin_delay=case.get("stdin_delay", 0),
                          prompt=case.get("prompt", MONITOR_PROMPT))
    log = save_log(logdir, case["name"], out)
    why = check_boot(case, status, out, build)
    return Result("boot/" + case["name"], why is None, why or "", log)


# ---------------------------------------------------------------- gdb ----
#
# The gdb helpers (scripts/gdb/armlet.py) checked against the kernel itself.
# gdb runs in batch mode with QEMU as its child on the stub's stdio (the
# race-free form of PLATFORM.md), the QEMU arguments those of scripts/qemu.sh.
# Run 1 stops before the MMU is on (physical addresses, helpers not ready),
# then at mem_init (symbols, backtrace, boot_params, the console so far).
# Run 2 stops at kmon_run, then at each show function the monitor calls for
# a command the harness types on the serial line, and compares the helper's
# table with what the kernel prints right after. Both end with gdb's kill.

GDB_ALIAS_OFFSET = "-0x20000000"    # PHYS_OFFSET - PAGE_OFFSET (scripts/debug.sh)
GDB_HELPERS = ["lx-ps", "lx-current", "lx-dmesg", "lx-runqueue", "lx-buddyinfo",
               "lx-slabinfo", "lx-interrupts"]
# Typed at the monitor in run 2, each with the function that prints its table.
GDB_MONITOR = [("dmesg", "dmesg_print", "lx-dmesg"),
               ("buddyinfo", "show_buddyinfo", "lx-buddyinfo"),
               ("slabinfo", "show_slabinfo", "lx-slabinfo"),
               ("interrupts", "show_interrupts", "lx-interrupts"),
               ("ps", "show_tasks", "lx-ps"),
               ("runqueue", "show_runqueue", "lx-runqueue")]
# lx-pgtable cases: (label, expression, address for QEMU's gva2gpa or None
# to take the expression's value, what the walk must say).
GDB_PGTABLE = [
    ("text", "start_kernel", "start_kernel",
     dict(level="small page", access="kernel read-only", execute="yes", linear=True)),
    ("rodata", "armlet_banner", "armlet_banner",
     dict(level="small page", access="kernel read-only", execute="never", linear=True)),
    ("data", "&console_loglevel", "console_loglevel",
     dict(level="small page", access="kernel read/write", execute="never", linear=True)),
    ("lowmem_section", "0x8f000000", 0x8f000000,
     dict(level="section", access="kernel read/write", execute="never", linear=True)),
    ("task_stack", "current_task[0]->stack", None,
     dict(level="small page", access="kernel read/write", execute="never")),
    ("stack_guard", "__svc_stack_guard", "__svc_stack_guard",
     dict(unmapped="second-level fault")),
    ("null", "0", 0, dict(unmapped="first-level fault")),
    ("vmalloc_hole", "0xeffff000", 0xeffff000, dict(unmapped="first-level fault")),
]


def gdb_qemu(build, serial):
    """The QEMU command line of scripts/qemu.sh, halted, stub on stdio."""
    return ["qemu-system-arm", "-M", "vexpress-a9", "-m", "256M", "-smp", "1",
            "-kernel", str(build / "armlet.bin"),
            "-audiodev", "none,id=snd0", "-global", "pl041.audiodev=snd0", "-nic", "none",
            "-initrd", str(build / "initramfs.cpio"), "-semihosting",
            "-display", "none", "-serial", serial, "-monitor", "none",
            "-gdb", "stdio", "-S"]


def gdb_batch(build, qemu, steps):
    """gdb-multiarch -batch with the helpers and both copies of the symbols.
    A step ("@", NAME, COMMAND...) runs the commands with their output in a
    section named NAME (see gdb_sections)."""
    elf = str(build / "armlet.elf")
    cmd = ["gdb-multiarch", "-batch", "-nx", "-x", "scripts/gdb/armlet-gdb.gdb",
           "-ex", "target remote | exec " + shlex.join(qemu),
           "-ex", f"add-symbol-file {elf} -o {GDB_ALIAS_OFFSET}"]
    for step in steps:
        if isinstance(step, tuple):
            cmd += ["-ex", f"echo @@@ {step[1]}\\n"]
            for c in step[2:]:
                cmd += ["-ex", c]
            cmd += ["-ex", "echo @@@ -\\n"]
        else:
            cmd += ["-ex", step]
    return cmd + ["-ex", "kill", elf]


def gdb_sections(out):
    """{name: [lines]} of gdb's output between '@@@ name' markers."""
    sections, lines = {}, None
    for line in out.splitlines():
        if line == "@@@ -":
            lines = None
        elif line.startswith("@@@ "):
            lines = sections.setdefault(line[4:].strip(), [])
        elif lines is not None:
            lines.append(line)
    return sections


def gdb_start(cmd):
    """gdb in its own session: QEMU, its child, is killed with the group."""
    return subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, cwd=ROOT, start_new_session=True)


def qemu_pids(tag):
    """qemu-system-arm processes whose command line mentions tag."""
    pids = []
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            argv = (d / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if argv[0].endswith(b"qemu-system-arm") and any(tag.encode() in a for a in argv):
            pids.append(int(d.name))
    return pids


def qemu_gone(name, tag, log):
    """After gdb's kill, QEMU must end by itself (a few ms after gdb)."""
    deadline = time.monotonic() + 3
    while qemu_pids(tag) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = qemu_pids(tag)
    for pid in left:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return Result(name, not left, f"qemu-system-arm still running after gdb's kill: "
                  f"pids {left}" if left else "", log)


def nm_symbols(build):
    out = subprocess.run(["arm-none-eabi-nm", str(build / "armlet.elf")],
                         stdout=subprocess.PIPE, text=True).stdout
    syms = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3:
            syms.setdefault(parts[2], int(parts[0], 16))
    return syms


def crlf(data):
    return data.replace("\r\n", "\n")


def check(results, name, why, log):
    """Add a Result: why is None when the check passed, else the failure."""
    results.append(Result("gdb/" + name, why is None, why or "", log))


def first_diff(want, got, what):
    """None if the line lists are equal, else where they first differ."""
    if want == got:
        return None
    for i, (a, b) in enumerate(zip(want, got)):
        if a != b:
            return f"{what}: line {i + 1} differs: kernel {a!r}, gdb {b!r}"
    return (f"{what}: kernel printed {len(want)} lines, gdb {len(got)}; first extra: "
            f"{(want[len(got):] or got[len(want):])[0]!r}")


def not_ready_check(sections, prefix, helpers):
    for h in helpers:
        text = "\n".join(sections.get(f"{prefix}:{h}", []))
        if "not initialised yet" not in text:
            return f"{h} does not say 'not initialised yet': {text.strip()[:200]!r}"
    return None


def gdb_run1(build, logdir, results):
    """Before the MMU is on, then at mem_init."""
    serial = logdir / "gdb-boot.console"
    serial.unlink(missing_ok=True)
    steps = ["break create_page_tables", "continue",
             ("@", "early_pc", "p/x $pc", "info symbol $pc")]
    steps += [("@", f"early:{h}", h) for h in GDB_HELPERS]
    steps += ["break enable_mmu", "continue",
              ("@", "early_pgtable_kernel", "lx-pgtable 0x80010000"),
              ("@", "early_pgtable_idmap", "lx-pgtable 0x60010000"),
              "delete", "break mem_init", "continue",
              ("@", "mmu_on_pc", "p/x $pc"), ("@", "bt", "bt"),
              ("@", "machine", "p machine_desc->name"),
              ("@", "boot_params", "p/x boot_params.nr_banks", "p/x boot_params.bank[0]",
               "p/x boot_params.initrd_start", "p boot_params.initrd_size")]
    steps += [("@", f"mmu_on:{h}", h) for h in GDB_HELPERS + ["lx-dmesg --console"]]
    gdb = gdb_start(gdb_batch(build, gdb_qemu(build, f"file:{serial}"), steps))
    try:
        out, status = gdb.communicate(timeout=20)[0], gdb.returncode
    except subprocess.TimeoutExpired:
        kill_group(gdb.pid)
        out, status = gdb.communicate()[0], None
    out = out.decode(errors="replace")
    console = crlf(serial.read_text(errors="replace")) if serial.exists() else ""
    log = save_log(logdir, "gdb-boot", console + "\n--- gdb ---\n" + out)
    results.append(qemu_gone("gdb/boot_qemu_gone", str(serial), log))
    kill_group(gdb.pid)
    if status is None:
        results.append(Result("gdb/boot_run", False, "TIMEOUT after 20 s", log))
    s = gdb_sections(out)

    pc = re.search(r"= (0x[0-9a-f]+)", "\n".join(s.get("early_pc", [])))
    m = re.search(r"Breakpoint [\d.]+, (\w+) \(\)", out)
    check(results, "early_break_physical",
          "never stopped at create_page_tables" if not m or m.group(1) != "create_page_tables"
          else f"pc {pc.group(1) if pc else '?'} is not a physical 0x6xxxxxxx address"
          if not pc or not pc.group(1).startswith("0x6") or len(pc.group(1)) != 10
          else None if "create_page_tables in section" in "\n".join(s["early_pc"])
          else "info symbol $pc does not name create_page_tables", log)
    check(results, "early_helpers_not_ready", not_ready_check(s, "early", GDB_HELPERS), log)
    kernel = "\n".join(s.get("early_pgtable_kernel", []))
    idmap = "\n".join(s.get("early_pgtable_idmap", []))
    want = ["section (1 MiB)", "physical address: 0x60010000",
            "kernel read/write, user none", "execute: yes", "MMU off"]
    miss = [w for w in want if w not in kernel] or [w for w in want if w not in idmap]
    check(results, "early_pgtable_boot_map",
          f"boot tables of head.S: lx-pgtable lacks {miss[0]!r}:\n{kernel}\n{idmap}"
          if miss else None, log)

    frames = [f.group(1) for f in re.finditer(r"^#\d+\s+(?:0x[0-9a-f]+ in )?(\w+)",
                                              "\n".join(s.get("bt", [])), re.M)]
    pc = re.search(r"= (0x[0-9a-f]+)", "\n".join(s.get("mmu_on_pc", [])))
    check(results, "mmu_on_break",
          "never stopped at mem_init" if frames[:1] != ["mem_init"] else
          f"pc {pc.group(1) if pc else '?'} is not a kernel virtual address"
          if not pc or int(pc.group(1), 16) < 0x80000000 else None, log)
    chain = ["mem_init", "mm_init", "start_kernel", "mmap_switched"]
    check(results, "mmu_on_backtrace", None if frames[:len(chain)] == chain else
          f"bt at mem_init is {frames}, expected {chain}", log)
    m = re.search(r"^Machine: (.*), id 0x", console, re.M)
    got = re.search(r'= 0x[0-9a-f]+ "(.*)"', "\n".join(s.get("machine", [])))
    check(results, "mmu_on_machine_name",
          "the console has no Machine: line" if not m else
          f"machine_desc->name is {got.group(1) if got else None!r}, the kernel "
          f"printed {m.group(1)!r}" if not got or got.group(1) != m.group(1) else None, log)
    bp = "\n".join(s.get("boot_params", []))
    cpio = (build / "initramfs.cpio").stat().st_size
    want = [r"= 0x1$", r"start = 0x60000000, size = 0x10000000", r"= 0x68000000$",
            rf"= {cpio}$"]
    miss = [w for w in want if not re.search(w, bp, re.M)]
    check(results, "mmu_on_boot_params",
          f"boot_params lacks /{miss[0]}/ (1 bank of 256 MiB at 0x60000000, "
          f"initrd of {cpio} bytes at 0x68000000): {bp!r}" if miss else None, log)
    check(results, "mmu_on_helpers_not_ready", not_ready_check(
        s, "mmu_on", [h for h in GDB_HELPERS if h != "lx-dmesg"]), log)
    view = s.get("mmu_on:lx-dmesg --console", [])
    check(results, "mmu_on_dmesg_console",
          "lx-dmesg --console printed nothing" if not view else
          first_diff(console.rstrip("\n").split("\n"), view,
                     "the console up to mem_init vs lx-dmesg --console"), log)
    return out


def converse_serial(listener, lines, prompt, deadline, gdb):
    """Take QEMU's serial connection; type each line after the next prompt
    until QEMU closes it. Returns what the kernel sent."""
    conn = None
    while conn is None and time.monotonic() < deadline and gdb.poll() is None:
        if select.select([listener], [], [], 0.2)[0]:
            conn, _ = listener.accept()
    out, typed = b"", 0
    if conn is None:
        return out
    with conn:
        while time.monotonic() < deadline:
            if select.select([conn], [], [], 0.2)[0]:
                chunk = conn.recv(65536)
                if not chunk:
                    break
                out += chunk
            elif gdb.poll() is not None:
                break
            while typed < len(lines) and out.count(prompt) > typed:
                conn.sendall(lines[typed].encode())
                typed += 1
    return out


def gdb_run2(build, logdir, results):
    """At kmon_run, then at each table the monitor prints."""
    tmp = Path(tempfile.mkdtemp(prefix="armlet-gdb-"))
    sock = tmp / "serial"
    steps = ["break kmon_run", "continue", ("@", "kmon_run", "bt 1"),
             ("@", "current", "lx-current"), ("@", "ps_at_kmon_run", "lx-ps"),
             ("@", "runqueue_at_kmon_run", "lx-runqueue"),
             ("@", "console", "lx-dmesg --console")]
    syms = nm_symbols(build)
    for label, expr, addr, _ in GDB_PGTABLE:
        if addr is None:
            qemu = f'eval "monitor gva2gpa 0x%lx", (unsigned long)({expr})'
        else:
            qemu = f"monitor gva2gpa {syms.get(addr, 0) if isinstance(addr, str) else addr:#x}"
        steps += [("@", f"pgtable:{label}", f"lx-pgtable {expr}"),
                  ("@", f"gva2gpa:{label}", qemu)]
    steps += ["delete"] + [f"break {fn}" for _, fn, _ in GDB_MONITOR] + ["break cmd_version"]
    for word, fn, helper in GDB_MONITOR:
        steps += ["continue", ("@", f"stop:{word}", "bt 1"), ("@", f"helper:{word}", helper),
                  "finish", ("@", f"after:{word}", helper)]
    steps += ["continue", ("@", "stop:version", "bt 1")]
    cmd = gdb_batch(build, gdb_qemu(build, f"unix:{sock}"), steps)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(sock))
    listener.listen(1)
    gdb = gdb_start(cmd)
    gdb_out = []
    reader = threading.Thread(target=lambda: gdb_out.append(gdb.stdout.read()))
    reader.start()
    typed = [w + "\n" for w, _, _ in GDB_MONITOR] + ["version\n"]
    serial = converse_serial(listener, typed, MONITOR_PROMPT.encode(),
                             time.monotonic() + 30, gdb)
    try:
        status = gdb.wait(5)
    except subprocess.TimeoutExpired:
        status = None
        kill_group(gdb.pid)
    reader.join()
    listener.close()
    out = gdb_out[0].decode(errors="replace") if gdb_out else ""
    console = crlf(serial.decode(errors="replace"))
    log = save_log(logdir, "gdb-monitor", console + "\n--- gdb ---\n" + out)
    results.append(qemu_gone("gdb/monitor_qemu_gone", str(sock), log))
    kill_group(gdb.pid)
    shutil.rmtree(tmp, ignore_errors=True)
    if status is None:
        results.append(Result("gdb/monitor_run", False, "TIMEOUT after 30 s", log))
    s = gdb_sections(out)

    check(results, "kmon_run_break", None if re.search(
        r"^#0\s+kmon_run \(", "\n".join(s.get("kmon_run", [])), re.M)
        else "never stopped at kmon_run", log)
    cur = "\n".join(s.get("current", []))
    m = re.search(r"task_struct (0x[0-9a-f]+)", cur)
    marked = [ln for ln in s.get("ps_at_kmon_run", []) if ln.startswith("> ")]
    check(results, "lx_current",
          f"lx-current at kmon_run does not show pid 1 (init), which runs the "
          f"monitor: {cur!r}" if "pid 1 (init)" not in cur else
          "sp is not inside the current task's stack" if "in this task's stack" not in cur
          else f"lx-ps marks {marked} as current, lx-current says {m and m.group(1)}"
          if len(marked) != 1 or not m or m.group(1) not in marked[0] else None, log)

    check(results, "lx_runqueue_vs_lx_ps", runqueue_why(s.get("ps_at_kmon_run", []),
                                                        s.get("runqueue_at_kmon_run", [])), log)

    # The console as the monitor printed it: the boot log, then one segment
    # per prompt, each the echo of the command typed and its output.
    segments = console.split(MONITOR_PROMPT)
    printed = {}
    for seg in segments[1:]:
        first, _, rest = seg.partition("\n")
        printed[first.strip()] = rest.rstrip("\n").split("\n") if rest.strip() else []
    view = "\n".join(s.get("console", []))
    check(results, "lx_dmesg_boot_log",
          "lx-dmesg --console at kmon_run printed nothing" if not view.strip() else
          None if segments[0].startswith(view + "\n") else
          "the console's boot log does not start with lx-dmesg --console's text", log)
    for word, fn, helper in GDB_MONITOR:
        stop = "\n".join(s.get(f"stop:{word}", []))
        got, after = s.get(f"helper:{word}", []), s.get(f"after:{word}", [])
        want = printed.get(word)
        if not re.search(rf"^#0\s+{fn} \(", stop, re.M):
            why = f"gdb did not stop in {fn} for the monitor's {word}"
        elif want is None:
            why = f"the monitor's {word} output is missing from the console"
        else:
            got, after = kernel_view(helper, got), kernel_view(helper, after)
            why = snapshot_diff(want, got, after, f"the monitor's {word} vs {helper}")
        check(results, helper.replace("-", "_"), why, log)

    for label, expr, addr, want in GDB_PGTABLE:
        walk = "\n".join(s.get(f"pgtable:{label}", []))
        qemu = "\n".join(s.get(f"gva2gpa:{label}", []))
        check(results, f"lx_pgtable_{label}", pgtable_why(walk, qemu, want, expr), log)
    return out


def kernel_view(helper, lines):
    """A helper's table as the kernel's show function prints it."""
    if helper == "lx-ps":       # address and current mark in front, a summary after
        return [ln[13:] for ln in lines if re.match(r"[> ] (0x[0-9a-f]{8}|TASK) ", ln)]
    if helper == "lx-slabinfo":     # one more column: the asked size
        return [re.sub(r" +(\d+|<asked>)$", "", ln) for ln in lines]
    if helper == "lx-runqueue":     # a summary line
        return [ln for ln in lines if not ln.startswith("-- ")]
    return lines


def snapshot_diff(want, before, after, what):
    """The kernel printed want between gdb's two snapshots, at the show
    function's entry and after it returned. An interrupt in between may
    change a counter, so each line must be that of one of the snapshots;
    almost always both are the same and so is want."""
    if want == before or want == after:
        return None
    if len(want) == len(before) == len(after) and all(
            w in (b, a) for w, b, a in zip(want, before, after)):
        return None
    return first_diff(want, before, what)


def runqueue_why(ps, rq):
    """At kmon_run other tasks are runnable (the monitor's own runqueue
    command finds the queues empty): lx-runqueue must queue exactly the
    runnable tasks of lx-ps other than the current and the idle task."""
    tasks = [re.match(r"([> ]) 0x[0-9a-f]{8} +(\d+) +\d+ (\w) (\S+) .* (\S+)$", ln)
             for ln in ps]
    tasks = [m for m in tasks if m]
    cur = [m for m in tasks if m.group(1) == ">"]
    want = sorted(f"{m.group(5)}/{m.group(2)}" for m in tasks
                  if m.group(3) == "R" and m.group(1) == " " and m.group(4) != "-")
    queued = sorted(m.group(1) for m in (re.match(
        r"  (?:rt   prio +\d+|fair vruntime +\d+ ns): (\S+)", ln) for ln in rq) if m)
    head = re.match(r"running: (\S+) \(\w+ class\), (\d+) runnable", rq[0] if rq else "")
    if not tasks or not cur or not head:
        return f"no lx-ps or lx-runqueue table at kmon_run: {ps[:2]} {rq[:2]}"
    if head.group(1) != f"{cur[0].group(5)}/{cur[0].group(2)}":
        return f"lx-runqueue runs {head.group(1)}, lx-ps marks pid {cur[0].group(2)} current"
    if queued != want:
        return f"lx-runqueue queues {queued}, lx-ps has {want} runnable and waiting"
    if int(head.group(2)) != len(queued) + 1:
        return f"{head.group(2)} runnable, but {len(queued)} queued and 1 running"
    return None


def pgtable_why(walk, qemu, want, expr):
    """Why lx-pgtable's walk of expr is wrong, or None."""
    head = re.search(r"^VA (0x[0-9a-f]+)", walk, re.M)
    pa = re.search(r"physical address: (0x[0-9a-f]+|unmapped \(([^)]*)\))", walk)
    if not head or not pa:
        return f"lx-pgtable {expr} printed no walk: {walk.strip()[:300]!r}"
    va = int(head.group(1), 16)
    gpa = re.search(r"gpa: (0x[0-9a-f]+)", qemu)
    if "unmapped" in want:
        if pa.group(2) != want["unmapped"]:
            return f"lx-pgtable {expr}: {pa.group(1)}, expected unmapped ({want['unmapped']})"
        if gpa or "Unmapped" not in qemu:
            return f"lx-pgtable {expr}: unmapped, but QEMU's gva2gpa says {qemu.strip()!r}"
        return None
    if not pa.group(1).startswith("0x"):
        return f"lx-pgtable {expr}: {pa.group(1)}, expected a mapping"
    phys = int(pa.group(1), 16)
    if not gpa or int(gpa.group(1), 16) != phys:
        return (f"lx-pgtable {expr}: physical {phys:#x}, QEMU's gva2gpa of {va:#x} "
                f"says {qemu.strip()!r}")
    if want.get("linear") and phys != va - 0x20000000:
        return f"lx-pgtable {expr}: physical {phys:#x} is not VA - 0x20000000 ({va:#x})"
    for key in ("level", "access"):
        if want[key] not in walk:
            return f"lx-pgtable {expr}: expected {want[key]!r} in:\n{walk}"
    if not re.search(rf"execute: {want['execute']}", walk):
        return f"lx-pgtable {expr}: expected execute: {want['execute']} in:\n{walk}"
    return None


def gdb_tests(build, logdir):
    results = []
    out1 = gdb_run1(build, logdir, results)
    out2 = gdb_run2(build, logdir, results)
    bad = [ln for ln in (out1 + out2).splitlines()
           if "Traceback" in ln or "Python Exception" in ln or "internal error" in ln]
    results.append(Result("gdb/no_python_errors", not bad,
                          f"the helpers failed in Python: {bad[:3]}" if bad else ""))
    return results


# ---------------------------------------------------------------- main ----

def report(results):
    passed = failed = skipped = 0
    for r in results:
        if r.skipped:
            skipped += 1
            print(f"skip {r.name}")
        elif r.ok:
            passed += 1
            print(f"ok   {r.name}")
        else:
            failed += 1
            print(f"FAIL {r.name}: {r.detail}")
            if r.log:
                print(f"     console log: {r.log}")
                tail = Path(r.log).read_text(errors="replace").splitlines()[-15:]
                for line in tail:
                    print(f"     | {line}")
    tail = f", {skipped} skipped" if skipped else ""
    print(f"{passed} passed, {failed} failed{tail}")
    return failed


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default="build")
    ap.add_argument("--only", default="", help="run tests whose kind or "
                    "boot case name contains this")
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    build = (ROOT / args.build).resolve()
    logdir = build / "test-logs"
    logdir.mkdir(parents=True, exist_ok=True)

    cases = [c for c in boot_cases.CASES if args.only in "boot/" + c["name"]]
    if args.list:
        for c in boot_cases.CASES:
            print("boot/" + c["name"] + ": " + c["why"])
        return 0
    results = []
    if args.only in "harness/":
        results += ktap_selftest.run(parse_ktap, Result)
    if args.only in "host/":
        results += host_tests(build, logdir)
    if args.only in "ktest/":
        results += ktest_run(build, logdir)
    if args.only in "gdb/":
        results += gdb_tests(build, logdir)
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        results += pool.map(lambda c: boot_test(c, build, logdir), cases)
    if not results:
        print(f"no test matches --only {args.only!r}")
        print("0 passed, 1 failed")
        return 1
    return 1 if report(results) else 0


if __name__ == "__main__":
    sys.exit(main())
