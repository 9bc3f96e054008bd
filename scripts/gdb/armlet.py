# SPDX-License-Identifier: MIT
"""gdb helpers for Armlet, in the spirit of Linux's scripts/gdb (lx-* commands).

Load with "source scripts/gdb/armlet.py" (scripts/gdb/armlet-gdb.gdb does;
make debug, make debug-server's printed command, the VS Code configuration
and the test harness all load it). Then, at any breakpoint:

  lx-ps             every task (kernel/fork.c all_tasks), like the monitor's ps
  lx-current        the task running on this CPU (current_task[])
  lx-dmesg          the printk log ring, as the monitor's dmesg prints it
                    (--console: only what the console showed, no levels)
  lx-runqueue       the run queue, class by class, like the monitor's runqueue
  lx-buddyinfo      free blocks per order, like /proc/buddyinfo
  lx-slabinfo       slab caches, like /proc/slabinfo (plus the asked size)
  lx-interrupts     interrupt counts and handlers, like /proc/interrupts
  lx-pgtable VA [TABLE]  walk VA through the ARMv7 short-descriptor tables

Each command reads the kernel's own variables through the ELF's debug
information, and prints the same table as the kernel's show_* function, so
the two can be compared line by line (tests/harness.py does). A subsystem
that is not set up yet says so instead of printing a table.

Constants that exist only as C macros (no debug information for them) are
copied below with the header they come from; keep them in step.
"""
import re

import gdb

# include/asm/memory.h and include/mach/vexpress.h
PAGE_OFFSET = 0x80000000
PHYS_OFFSET = 0x60000000
LOWMEM_MAX = 0x40000000
# include/armlet/sched.h
TASK_RUNNING, TASK_INTERRUPTIBLE, TASK_UNINTERRUPTIBLE = 0x0, 0x1, 0x2
EXIT_ZOMBIE = 0x20
PF_KTHREAD, PF_IDLE, PF_EXITING = 0x1, 0x2, 0x4
POLICIES = {0: "OTHER", 1: "FIFO", 2: "RR", 5: "IDLE"}
DEFAULT_PRIO = 120
# include/armlet/log_ring.h
LOG_WRAP = 0x01
# include/armlet/irq.h
IRQ_TYPE_EDGE_RISING = 0x1
# include/asm/pgtable.h: TTBCR_SPLIT_2G, what head.S writes to TTBCR
TTBCR_N_DEFAULT = 1

LIST_LIMIT = 100000     # a longer list is taken as corrupt (a cycle)


class NotReady(Exception):
    """The subsystem is not initialised yet; the message says why."""


class Broken(Exception):
    """Kernel data that makes no sense (corrupt list, bad pointer)."""


# ------------------------------------------------------------ symbols ----

def _symbol_address(sym):
    try:
        v = sym.value()
        return int(v.address) if v.address is not None else None
    except (gdb.error, RuntimeError, TypeError):
        return None



def _try_lookup(fn, name):
    """fn(name), or None when fn is missing or the lookup fails."""
    if fn is None:
        return None
    try:
        return fn(name)
    except (gdb.error, RuntimeError, ValueError):
        return None

def lookup(name):
    """The kernel variable or function `name` as a gdb.Value.

    make debug loads the ELF twice, the second time shifted to the physical
    addresses head.S runs at before the MMU is on; take the copy at the link
    (virtual) address, which is where the kernel's data is once it runs.
    """
    found = []
    lookups = [getattr(o, how, None) for o in gdb.objfiles()
               for how in ("lookup_global_symbol", "lookup_static_symbol")]
    for fns in (lookups, [gdb.lookup_global_symbol, getattr(gdb, "lookup_static_symbol", None)]):
        for fn in fns:
            sym = _try_lookup(fn, name)
            if sym is not None:
                found.append(sym)
        if found:
            break
    for sym in found:
        addr = _symbol_address(sym)
        if addr is not None and addr >= PAGE_OFFSET:
            return sym.value()
    if found:
        return found[0].value()
    raise gdb.GdbError(f"no symbol '{name}' in this kernel's ELF (wrong file loaded?)")


def symbol_address(name):
    """The link address of a symbol, with or without debug information."""
    try:
        v = lookup(name)
        if v.address is not None:
            return int(v.address)
    except gdb.GdbError:
        pass
    addr = int(gdb.parse_and_eval(f"(unsigned long)&{name}")) & 0xffffffff
    return link_address(addr)


def link_address(addr):
    """A symbol's address from the physical-alias copy of the ELF, moved
    back to the link address (both copies are loaded by make debug)."""
    if PHYS_OFFSET <= addr < PAGE_OFFSET and addr - PHYS_OFFSET < 0x01000000:
        return addr - PHYS_OFFSET + PAGE_OFFSET
    return addr


def type_of(name):
    try:
        return gdb.lookup_type(name)
    except gdb.error:
        raise gdb.GdbError(f"no type '{name}' in this kernel's ELF")


def offset_of(t, member):
    """Byte offset of member ("a" or "a.b") in struct type t."""
    off = 0
    for part in member.split("."):
        t = t.strip_typedefs()
        for f in t.fields():
            if f.name == part:
                off += f.bitpos // 8
                t = f.type
                break
        else:
            raise gdb.GdbError(f"{t} has no member {part}")
    return off


def container_of(ptr, typename, member):
    """Linux's container_of: the struct typename whose member is at ptr."""
    t = type_of(typename)
    addr = int(ptr) - offset_of(t, member)
    return gdb.Value(addr).cast(t.pointer())


def list_for_each_entry(head, typename, member):
    """Yield each entry (a pointer to typename) of the list at head."""
    head_addr = int(head.address)
    node = head["next"]
    for _ in range(LIST_LIMIT):
        addr = int(node)
        if addr == head_addr:
            return
        if addr == 0:
            raise Broken(f"NULL next pointer in a list (head 0x{head_addr:08x})")
        yield container_of(node, typename, member)
        node = node["next"]
    raise Broken(f"list at 0x{head_addr:08x} does not end (more than {LIST_LIMIT} entries)")


def list_empty(head):
    return int(head["next"]) == int(head.address)


def read_bytes(addr, n):
    return bytes(gdb.selected_inferior().read_memory(addr, n))


def read_u32(addr):
    return int.from_bytes(read_bytes(addr, 4), "little")


def c_string(value, limit=256):
    """A char array or char * as a Python string (up to its NUL)."""
    t = value.type.strip_typedefs()
    if t.code == gdb.TYPE_CODE_ARRAY:
        raw = read_bytes(int(value.address), t.sizeof)
    else:
        addr = int(value)
        if addr == 0:
            return "(null)"
        raw = b""
        while len(raw) < limit and b"\0" not in raw:
            raw += read_bytes(addr + len(raw), 16)
    return raw.split(b"\0", 1)[0].decode("utf-8", "replace")


def array_len(value):
    lo, hi = value.type.strip_typedefs().range()
    return hi - lo + 1


# ---------------------------------------------------------- CPU state ----

def _register(names):
    frame = gdb.selected_frame()
    for name in names:
        try:
            return int(frame.read_register(name)) & 0xffffffff
        except (ValueError, gdb.error):
            continue
    return None


def secure():
    """True when the CPU is in the Secure world (SCR.NS = 0): QEMU's
    vexpress-a9 boots Secure, so the Secure copies of the banked CP15
    registers are the live ones."""
    scr = _register(["SCR"])
    return scr is None or not (scr & 1)


def cp15(name):
    """A banked CP15 register as QEMU's gdb stub names it, or None."""
    alt = {"TTBR0": ["TTBR0_EL1", "TTBR0"], "TTBR1": ["TTBR1_EL1", "TTBR1"],
           "TTBCR": ["TTBCR", "TCR_EL1"], "SCTLR": ["SCTLR", "SCTLR_EL1"]}[name]
    names = [n + "_S" for n in alt] + alt if secure() else alt
    return _register(names)


def mmu_on():
    sctlr = cp15("SCTLR")
    return True if sctlr is None else bool(sctlr & 1)


def this_cpu():
    """The CPU gdb looks at: QEMU shows CPU n as thread n + 1."""
    t = gdb.selected_thread()
    tid = t.ptid[1] or t.ptid[2] or t.num
    return max(tid - 1, 0)


def check_target():
    if not gdb.selected_inferior().threads():
        raise gdb.GdbError("no kernel running: connect first (target remote ...)")


def check_mapped():
    """The kernel's variables are only at their addresses once the MMU is on."""
    if not mmu_on():
        pc = int(gdb.selected_frame().pc()) & 0xffffffff
        raise NotReady(f"the MMU is still off, pc 0x{pc:08x}: boot/head.S has not "
                       "switched to virtual addresses")


class LxCommand(gdb.Command):
    """Base: turn every failure into one plain line, never a traceback."""
    subsystem = "?"

    def __init__(self, name):
        super().__init__(name, gdb.COMMAND_DATA)
        self.cmd_name = name

    def invoke(self, arg, from_tty):
        self.dont_repeat()
        try:
            check_target()
            out = self.run(arg.strip())
        except NotReady as e:
            out = f"{self.subsystem}: not initialised yet ({e})\n"
        except Broken as e:
            out = f"{self.subsystem}: inconsistent kernel data: {e}\n"
        except gdb.MemoryError as e:
            out = f"{self.cmd_name}: cannot read kernel memory: {e}\n"
        except gdb.GdbError as e:
            out = f"{self.cmd_name}: {e}\n"
        except gdb.error as e:
            out = f"{self.cmd_name}: {e}\n"
        except Exception as e:      # a bug here: still no traceback
            out = f"{self.cmd_name}: internal error: {type(e).__name__}: {e}\n"
        gdb.write(out)

    def run(self, arg):
        raise NotImplementedError


# -------------------------------------------------------------- tasks ----

def task_state_char(p):
    """kernel/fork.c task_state_char()."""
    if int(p["exit_state"]) == EXIT_ZOMBIE:
        return "Z"
    return {TASK_RUNNING: "R", TASK_INTERRUPTIBLE: "S",
            TASK_UNINTERRUPTIBLE: "D"}.get(int(p["state"]), "X")


def policy_name(p):
    """kernel/fork.c policy_name()."""
    if int(p["flags"]) & PF_IDLE:
        return "-"
    return POLICIES.get(int(p["policy"]), "?")


def task_nice(p):
    return int(p["static_prio"]) - DEFAULT_PRIO


def comm(p):
    return c_string(p["comm"])


def current_tasks():
    """{cpu: task pointer} from current_task[] (NULL entries left out)."""
    cur = lookup("current_task")
    return {cpu: cur[cpu] for cpu in range(array_len(cur)) if int(cur[cpu])}


def all_tasks():
    head = lookup("all_tasks")
    if list_empty(head):
        raise NotReady("all_tasks list empty: sched_init has not run")
    return list(list_for_each_entry(head, "struct task_struct", "tasks"))


def ps_line(p):
    """One line of kernel/fork.c show_tasks()."""
    flags = int(p["flags"])
    return "%5d %5d %c %-6s %3d %4d %10d %6d %8d %s" % (
        int(p["pid"]), int(p["parent"]["pid"]), task_state_char(p), policy_name(p),
        int(p["prio"]), 0 if flags & PF_IDLE else task_nice(p),
        int(p["sum_exec_runtime"]) // 1000000, int(p["utime_ticks"]),
        int(p["nvcsw"]) + int(p["nivcsw"]), comm(p))


class LxPs(LxCommand):
    """Every task, like the monitor's ps (kernel/fork.c show_tasks).

Columns as show_tasks, after the task_struct address; ">" marks a task
that is current on a CPU (current_task[])."""
    subsystem = "tasks"

    def __init__(self):
        super().__init__("lx-ps")

    def run(self, arg):
        check_mapped()
        tasks = all_tasks()
        running = {int(p): cpu for cpu, p in current_tasks().items()}
        out = ["  %-10s   PID  PPID S POLICY PRI NICE   TIME(ms)  TICKS SWITCHES COMMAND"
               % "TASK"]
        for p in tasks:
            mark = ">" if int(p) in running else " "
            out.append(f"{mark} 0x{int(p):08x} {ps_line(p)}")
        pids = {int(p): int(p["pid"]) for p in tasks}
        where = ", ".join(f"CPU{cpu}: pid {pids.get(addr, '?')}"
                          for addr, cpu in sorted(running.items(), key=lambda x: x[1]))
        out.append(f"{len(tasks)} tasks; > current ({where or 'none'})")
        return "\n".join(out) + "\n"


class LxCurrent(LxCommand):
    """The task running on the CPU gdb has selected (current_task[cpu]).

QEMU shows each CPU as a thread: "thread 2" then lx-current for CPU1."""
    subsystem = "current"

    def __init__(self):
        super().__init__("lx-current")

    def run(self, arg):
        check_mapped()
        cpu = this_cpu()
        cur = lookup("current_task")
        if cpu >= array_len(cur):
            raise gdb.GdbError(f"CPU{cpu} is beyond NR_CPUS ({array_len(cur)})")
        p = cur[cpu]
        if not int(p):
            raise NotReady(f"current_task[{cpu}] is NULL: sched_init has not run")
        flags = int(p["flags"])
        names = [n for bit, n in ((PF_KTHREAD, "PF_KTHREAD"), (PF_IDLE, "PF_IDLE"),
                                  (PF_EXITING, "PF_EXITING")) if flags & bit]
        stack = int(p["stack"])
        size = 8192     # THREAD_SIZE, include/armlet/sched.h
        sp = int(gdb.selected_frame().read_register("sp")) & 0xffffffff
        inside = "in this task's stack" if stack <= sp < stack + size else \
            "outside this task's stack (an exception stack?)"
        return (f"current on CPU{cpu}: pid {int(p['pid'])} ({comm(p)}), "
                f"task_struct 0x{int(p):08x}\n"
                f"  state {task_state_char(p)}, policy {policy_name(p)}, prio {int(p['prio'])}, "
                f"nice {task_nice(p)}, flags 0x{flags:x} ({' '.join(names) or '-'})\n"
                f"  parent pid {int(p['parent']['pid'])} ({comm(p['parent'])}), "
                f"preempt_count {int(p['preempt_count'])}\n"
                f"  stack 0x{stack:08x}-0x{stack + size:08x}, sp 0x{sp:08x} {inside}\n")


# ------------------------------------------------------------- printk ----

class LogRing:
    """kernel/log_ring.c, read in one go and walked in Python."""

    def __init__(self):
        r = lookup("log_ring")
        self.buf = int(r["buf"])
        if not self.buf:
            raise NotReady("the log ring has no buffer: nothing has been printed")
        self.size = int(r["size"])
        if self.size < 16 or self.size & (self.size - 1) or self.size > (1 << 24):
            raise Broken(f"log ring size {self.size} is not a power of two")
        self.head, self.tail = int(r["head"]), int(r["tail"])
        self.dropped = int(r["dropped"])
        self.hdr = type_of("struct log_record").sizeof
        if (self.head - self.tail) & 0xffffffff > self.size:
            raise Broken(f"head {self.head} and tail {self.tail} more than a ring apart")
        self.data = read_bytes(self.buf, self.size)

    def _room(self, pos):
        return self.size - (pos & (self.size - 1))

    def _header(self, pos):
        off = pos & (self.size - 1)
        h = self.data[off:off + self.hdr]
        return (int.from_bytes(h[0:4], "little"), int.from_bytes(h[4:6], "little"),
                h[6], h[7], off + self.hdr)

    def records(self):
        """(seq, level, text bytes) oldest first, as log_ring_next()."""
        pos = self.tail
        for _ in range(self.size):
            if pos == self.head:
                return
            at = pos
            if self._room(at) < self.hdr:
                pos = (pos + self._room(at)) & 0xffffffff
                continue
            seq, length, level, flags, text = self._header(at)
            if flags & LOG_WRAP:
                pos = (pos + self._room(at)) & 0xffffffff
                continue
            pos = (pos + ((self.hdr + length + 3) & ~3)) & 0xffffffff
            yield seq, level, self.data[text:text + length]
        raise Broken("the log ring's records do not lead from tail to head")


class LxDmesg(LxCommand):
    """The printk log ring, printed as the monitor's dmesg does.

lx-dmesg            every record, "<level>" at the start of each line
lx-dmesg --console  only records the console shows (level < console_loglevel),
                    without levels: what the serial line got"""
    subsystem = "printk"

    def __init__(self):
        super().__init__("lx-dmesg")

    def run(self, arg):
        if arg not in ("", "--console"):
            raise gdb.GdbError("usage: lx-dmesg [--console]")
        check_mapped()
        ring = LogRing()
        out = []
        if arg == "--console":
            limit = int(lookup("console_loglevel"))
            for _, level, text in ring.records():
                if level < limit:
                    out.append(text)
        else:
            if ring.dropped:
                out.append(b"[%d older messages dropped]\n" % ring.dropped)
            line_start = True
            for _, level, text in ring.records():
                if line_start:
                    out.append(b"<%d>" % level)
                out.append(text)
                line_start = text.endswith(b"\n")
        s = b"".join(out).decode("utf-8", "replace")
        if s and not s.endswith("\n"):
            s += "\n"
        return s


# ---------------------------------------------------------- scheduler ----

def the_runqueue():
    rq = lookup("runqueue")
    if not int(rq["curr"]):
        raise NotReady("runqueue.curr is NULL: sched_init has not run")
    return rq


class LxRunqueue(LxCommand):
    """The run queue, as the monitor's runqueue prints it (show_runqueue).

As kernel/sched/core.c show_runqueue: the running task, the real-time queues
by priority, the fair queue by vruntime and the idle task; then a "--" line
with each class's counters (rt bitmap, min_vruntime, the rq clock)."""
    subsystem = "runqueue"

    def __init__(self):
        super().__init__("lx-runqueue")

    def run(self, arg):
        check_mapped()
        rq = the_runqueue()
        curr = rq["curr"]
        out = ["running: %s/%d (%s class), %d runnable, %d switches" % (
            comm(curr), int(curr["pid"]), c_string(curr["sched_class"]["name"]),
            int(rq["nr_running"]), int(rq["nr_switches"]))]
        active = rq["rt"]["active"]
        nr_rt = 0
        for prio in range(array_len(active["queue"])):
            for p in list_for_each_entry(active["queue"][prio], "struct task_struct",
                                         "rt.run_list"):
                out.append("  rt   prio %2d: %s/%d" % (prio, comm(p), int(p["pid"])))
                nr_rt += 1
        for p in list_for_each_entry(rq["cfs"]["tasks"], "struct task_struct",
                                     "se.run_node"):
            out.append("  fair vruntime %10d ns: %s/%d (nice %d)" % (
                int(p["se"]["vruntime"]), comm(p), int(p["pid"]), task_nice(p)))
        idle = rq["idle"]
        out.append("  idle: %s/%d" % (comm(idle), int(idle["pid"])))
        bitmap = " ".join("%08x" % int(active["bitmap"][i])
                          for i in range(array_len(active["bitmap"])))
        out.append("-- rt: %d queued (active.nr %d), bitmap %s; fair: nr_running %d, "
                   "min_vruntime %d ns; rq clock %d ns" % (
                       nr_rt, int(active["nr"]), bitmap, int(rq["cfs"]["nr_running"]),
                       int(rq["cfs"]["min_vruntime"]), int(rq["clock"])))
        return "\n".join(out) + "\n"


# ----------------------------------------------------------------- mm ----

class LxBuddyinfo(LxCommand):
    """Free blocks per order, as /proc/buddyinfo (show_buddyinfo).

As mm/page_alloc.c show_buddyinfo: the free-list lengths of orders 0, 1, ...
of the Normal zone, then the per-CPU page list."""
    subsystem = "buddy allocator"

    def __init__(self):
        super().__init__("lx-buddyinfo")

    def run(self, arg):
        check_mapped()
        z = lookup("normal_zone")
        if not int(z["name"]):
            raise NotReady("normal_zone has no name: mem_init has not run")
        area = z["free_area"]
        line = "Node 0, zone %8s" % c_string(z["name"])
        line += "".join(" %6d" % int(area[o]["nr_free"]) for o in range(array_len(area)))
        pcp = z["pcp"]
        return (line + "\n" + "per-cpu list: %d pages (high %d, batch %d)\n" % (
            int(pcp["count"]), int(pcp["high"]), int(pcp["batch"])))


class LxSlabinfo(LxCommand):
    """Slab caches, as /proc/slabinfo (mm/slab.c show_slabinfo).

The columns of show_slabinfo, then <asked>: the object size the cache was
created with (<objsize> is the slot size, with alignment and debug zones)."""
    subsystem = "slab"

    def __init__(self):
        super().__init__("lx-slabinfo")

    def run(self, arg):
        check_mapped()
        head = lookup("slab_caches")
        if list_empty(head):
            raise NotReady("kmem_cache list empty: kmem_cache_init has not run")
        out = ["# name            <active_objs> <num_objs> <objsize> <objperslab> "
               "<pagesperslab> <asked>"]
        for s in list_for_each_entry(head, "struct kmem_cache", "list"):
            out.append("%-17s %13d %10d %9d %12d %14d %7d" % (
                c_string(s["name"]), int(s["active_objs"]),
                int(s["nr_slabs"]) * int(s["objects"]), int(s["size"]),
                int(s["objects"]), 1 << int(s["order"]), int(s["object_size"])))
        return "\n".join(out) + "\n"


# ---------------------------------------------------------- interrupts ----

class LxInterrupts(LxCommand):
    """Interrupt counts and handlers, as /proc/interrupts (show_interrupts).

As kernel/irq/proc.c show_interrupts: one line per requested interrupt with
its count on each CPU (a column per CPU that has a current task), the
controller, the hardware number, the trigger and the handlers' names."""
    subsystem = "interrupts"

    def __init__(self):
        super().__init__("lx-interrupts")

    def run(self, arg):
        check_mapped()
        descs = lookup("irq_desc")
        n = array_len(descs)
        if not any(int(descs[i]["chip"]) for i in range(n)):
            raise NotReady("no interrupt has an irq_chip: the interrupt controller "
                           "driver has not run")
        ncpus = max(len(current_tasks()), 1)
        out = ["     " + "".join("       CPU%d" % c for c in range(ncpus))]
        for irq in range(n):
            d = descs[irq]
            if not int(d["action"]):
                continue
            names, a = [], d["action"]
            while int(a) and len(names) < 8:    # MAX_NAMES in proc.c
                names.append(c_string(a["name"]))
                a = a["next"]
            chip = c_string(d["chip"]["name"]) if int(d["chip"]) else "none"
            line = "%4d:" % irq + "".join(" %10d" % int(d["count"][c]) for c in range(ncpus))
            line += " %8s %3d %-8s" % (chip, irq, "Edge" if int(d["type"]) &
                                       IRQ_TYPE_EDGE_RISING else "Level")
            line += "".join(("," if i else "") + " " + nm for i, nm in enumerate(names))
            out.append(line)
        out.append(" ERR: %10d" % int(lookup("irq_err_count")))
        return "\n".join(out) + "\n"


# ------------------------------------------------------- page tables ----

AP_TEXT = {     # APX:AP[1:0] with SCTLR.AFE = 0 (ARM ARM B3.7.1)
    0b000: "no access",
    0b001: "kernel read/write, user none",
    0b010: "kernel read/write, user read-only",
    0b011: "kernel read/write, user read/write",
    0b100: "reserved encoding",
    0b101: "kernel read-only, user none",
    0b110: "kernel read-only, user read-only (deprecated encoding)",
    0b111: "kernel read-only, user read-only",
}
CACHE_POLICY = {0: "non-cacheable", 1: "write-back write-allocate",
                2: "write-through", 3: "write-back no write-allocate"}


def memory_type(tex, c, b, s):
    """TEX/C/B with TEX remap off (SCTLR.TRE = 0), ARM ARM B3.8.2."""
    key = (tex, c, b)
    normal = None
    if tex & 4:
        normal = (f"Normal, outer {CACHE_POLICY[tex & 3]}, inner "
                  f"{CACHE_POLICY[(c << 1) | b]}")
    elif key == (0, 0, 0):
        return "Strongly-ordered"
    elif key == (0, 0, 1):
        return "Device, shareable"
    elif key == (2, 0, 0):
        return "Device, non-shareable"
    elif key == (0, 1, 0):
        normal = "Normal, write-through, no write-allocate"
    elif key == (0, 1, 1):
        normal = "Normal, write-back, no write-allocate"
    elif key == (1, 0, 0):
        normal = "Normal, non-cacheable"
    elif key == (1, 1, 1):
        normal = "Normal, write-back write-allocate"
    else:
        return "reserved or implementation defined"
    return normal + (", shareable" if s else ", non-shareable")


def va_of_pa(pa):
    """Where the kernel sees physical address pa (lowmem), or None."""
    if PHYS_OFFSET <= pa < PHYS_OFFSET + LOWMEM_MAX:
        return pa - PHYS_OFFSET + PAGE_OFFSET
    return None


def read_phys_u32(pa, mmu):
    """A word of RAM by physical address: as it is with the MMU off,
    through the lowmem map with it on."""
    if not mmu:
        return read_u32(pa)
    va = va_of_pa(pa)
    if va is None:
        raise gdb.GdbError(f"table at PA 0x{pa:08x} is outside lowmem: cannot read it")
    return read_u32(va)


def parse_address(arg):
    """An address from an expression: a number, a pointer, a function or an
    array (its address), or a symbol without debug information. A bare
    symbol name means the kernel's (link-address) copy of it."""
    v = None
    if re.fullmatch(r"[A-Za-z_]\w*", arg):
        try:
            v = lookup(arg)
        except gdb.GdbError:
            try:
                return symbol_address(arg)
            except gdb.error:
                v = None
    if v is None:
        v = gdb.parse_and_eval(arg)
    code = v.type.strip_typedefs().code
    if code in (gdb.TYPE_CODE_FUNC, gdb.TYPE_CODE_ARRAY):
        v = v.address
    return int(v.cast(gdb.lookup_type("unsigned long"))) & 0xffffffff


class LxPgtable(LxCommand):
    """Walk a virtual address through the ARMv7 short-descriptor page tables.

lx-pgtable VA [TABLE]
VA and TABLE are expressions (0x80010000, start_kernel, &jiffies, p->stack).
Without TABLE: addresses at or above the TTBCR split (0x80000000) go through
swapper_pg_dir (TTBR1), lower ones through the live TTBR0 table (idmap_pg_dir
until tasks have their own; with the MMU off, idmap_pg_dir). TABLE is the
virtual address of another first-level table, e.g. a task's.
Prints each level's descriptor, the physical address, the access permissions
(APX/AP), execute-never (XN) and the memory type (TEX/C/B, S, nG)."""
    subsystem = "page tables"

    def __init__(self):
        super().__init__("lx-pgtable")

    def run(self, arg):
        args = gdb.string_to_argv(arg)
        if len(args) not in (1, 2):
            raise gdb.GdbError("usage: lx-pgtable VA [TABLE]")
        va = parse_address(args[0])
        mmu = mmu_on()
        n = TTBCR_N_DEFAULT
        ttbcr = cp15("TTBCR") if mmu else None
        if ttbcr is not None:
            n = ttbcr & 7
        split = (1 << (32 - n)) if n else 1 << 32
        if len(args) == 2:
            table_va = parse_address(args[1])
            table_pa = table_va - PAGE_OFFSET + PHYS_OFFSET
            name, entries_mask = args[1], 0xfff
        elif va >= split:
            table_pa = symbol_address("swapper_pg_dir") - PAGE_OFFSET + PHYS_OFFSET
            name, entries_mask = "TTBR1: swapper_pg_dir", 0xfff
        else:
            idmap_pa = symbol_address("idmap_pg_dir") - PAGE_OFFSET + PHYS_OFFSET
            ttbr0 = cp15("TTBR0") if mmu else None
            if ttbr0:
                table_pa = ttbr0 & ~((1 << (14 - n)) - 1) & 0xffffffff
                name = "TTBR0" + (": idmap_pg_dir" if table_pa == idmap_pa else "")
            else:
                table_pa, name = idmap_pa, "TTBR0: idmap_pg_dir"
            entries_mask = (split >> 20) - 1
        out = [f"VA 0x{va:08x} through {name} (table at PA 0x{table_pa:08x})"]
        if not mmu:
            out.append("  (MMU off: tables read at their physical addresses; this is the "
                       "mapping the MMU will use)")
        idx = (va >> 20) & entries_mask
        at = table_pa + 4 * idx
        d = read_phys_u32(at, mmu)
        kind = d & 3
        head = f"  first level  [0x{idx:03x}] at PA 0x{at:08x}: 0x{d:08x}"
        if kind == 0:
            out += [head + "  fault", "  physical address: unmapped (first-level fault)"]
            return "\n".join(out) + "\n"
        if kind == 1:
            table = d & 0xfffffc00
            out.append(head + f"  page table at PA 0x{table:08x}, domain {(d >> 5) & 15}")
            idx2 = (va >> 12) & 0xff
            at2 = table + 4 * idx2
            e = read_phys_u32(at2, mmu)
            head2 = f"  second level [0x{idx2:02x}] at PA 0x{at2:08x}: 0x{e:08x}"
            if e & 3 == 0:
                out += [head2 + "  fault",
                        "  physical address: unmapped (second-level fault)"]
                return "\n".join(out) + "\n"
            if e & 3 == 1:
                out.append(head2 + "  large page (64 KiB)")
                pa = (e & 0xffff0000) | (va & 0xffff)
                xn, tex = (e >> 15) & 1, (e >> 12) & 7
            else:
                out.append(head2 + "  small page (4 KiB)")
                pa = (e & 0xfffff000) | (va & 0xfff)
                xn, tex = e & 1, (e >> 6) & 7
            b, c = (e >> 2) & 1, (e >> 3) & 1
            ap, apx = (e >> 4) & 3, (e >> 9) & 1
            s, ng = (e >> 10) & 1, (e >> 11) & 1
        else:
            if d & (1 << 18):
                out.append(head + "  supersection (16 MiB)")
                pa = (d & 0xff000000) | (va & 0xffffff)
            else:
                out.append(head + f"  section (1 MiB), domain {(d >> 5) & 15}")
                pa = (d & 0xfff00000) | (va & 0xfffff)
            b, c, xn = (d >> 2) & 1, (d >> 3) & 1, (d >> 4) & 1
            ap, tex, apx = (d >> 10) & 3, (d >> 12) & 7, (d >> 15) & 1
            s, ng = (d >> 16) & 1, (d >> 17) & 1
        perm = (apx << 2) | ap
        out.append(f"  physical address: 0x{pa:08x}")
        out.append(f"  access: {AP_TEXT[perm]} (APX={apx} AP={ap:02b})")
        out.append("  execute: " + ("never (XN=1)" if xn else "yes (XN=0)"))
        out.append(f"  memory: {memory_type(tex, c, b, s)} (TEX={tex:03b} C={c} B={b} "
                   f"S={s}), {'not global (nG)' if ng else 'global'}")
        return "\n".join(out) + "\n"


for _cmd in (LxPs, LxCurrent, LxDmesg, LxRunqueue, LxBuddyinfo, LxSlabinfo,
             LxInterrupts, LxPgtable):
    _cmd()
