#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""QEMU's gdb stub for one debugging session (make debug-server).

   stub_relay.py PORT QEMU-COMMAND...

Listens on 127.0.0.1:PORT, starts QEMU-COMMAND halted (-S) with its gdb stub
on a private Unix socket, and relays the first connection to it byte for
byte. When the debugger goes (detach, kill, quit, a dropped connection), when
QEMU ends, or on Ctrl-C, QEMU is stopped and this program exits: QEMU's own
stub would keep the machine running after a detach, and nothing would end it.
Python standard library only.
"""
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time


def stop(qemu):
    if qemu.poll() is None:
        qemu.terminate()        # SIGTERM: QEMU restores the terminal
        try:
            qemu.wait(3)
        except subprocess.TimeoutExpired:
            qemu.kill()
            qemu.wait()


def connect_unix(path, qemu, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and qemu.poll() is None:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            s.connect(path)
            return s
        except OSError:
            s.close()
            time.sleep(0.05)
    return None


def relay(a, b, qemu):
    """Copy bytes both ways until either side closes or QEMU ends; why."""
    peer = {a: b, b: a}
    while qemu.poll() is None:
        ready, _, _ = select.select([a, b], [], [], 0.2)
        for s in ready:
            try:
                data = s.recv(65536)
            except OSError:
                data = b""
            if not data:
                return "the debugger disconnected" if s is a else "QEMU closed its stub"
            try:
                peer[s].sendall(data)
            except OSError:  # the other side went away mid-send (gdb's kill)
                return "the debugger disconnected" if s is not a else "QEMU closed its stub"
    return f"QEMU exited (status {qemu.returncode})"


def main():
    if len(sys.argv) < 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    port, cmd = int(sys.argv[1]), sys.argv[2:]
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind(("127.0.0.1", port))
    except OSError as e:
        print(f"debug-server: port {port}: {e.strerror}; try GDBPORT=another",
              file=sys.stderr)
        return 1
    listener.listen(1)
    tmp = tempfile.mkdtemp(prefix="armlet-stub-")
    stub = os.path.join(tmp, "gdb")
    qemu = subprocess.Popen(cmd + ["-S", "-gdb", f"unix:{stub},server=on,wait=off"])
    # Ctrl-C reaches QEMU too (same process group); end cleanly either way.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    why = "interrupted"
    try:
        client = None
        while client is None and qemu.poll() is None:
            ready, _, _ = select.select([listener], [], [], 0.2)
            if ready:
                client, _ = listener.accept()
        listener.close()
        if client is None:
            why = f"QEMU exited (status {qemu.returncode}) before a debugger came"
        else:
            upstream = connect_unix(stub, qemu)
            if upstream is None:
                why = "QEMU's gdb stub never appeared"
            else:
                why = relay(client, upstream, qemu)
                upstream.close()
            client.close()
    except KeyboardInterrupt:
        pass
    finally:
        stop(qemu)
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"\ndebug-server: {why}; QEMU stopped", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
