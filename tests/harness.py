#!/usr/bin/env python3
"""Armlet test harness: runs every test and prints one closing line.

   python3 tests/harness.py [--build DIR] [--only SUBSTRING] [--list]

Three kinds of test, all reported per test case:
  host    tests/host/test_*.c binaries (KTAP on stdout, ASan/UBSan on)
  ktest   the kernel booted in QEMU with ktest=all (KTAP on the console)
  boot    whole-system boots from tests/boot/cases.py, checked against
          the console output and QEMU's exit status

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
import signal
import socket
import subprocess
import sys
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
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        results += pool.map(lambda c: boot_test(c, build, logdir), cases)
    if not results:
        print(f"no test matches --only {args.only!r}")
        print("0 passed, 1 failed")
        return 1
    return 1 if report(results) else 0


if __name__ == "__main__":
    sys.exit(main())
