"""The server the io workload calls, in a process of its own: ``python3 -m concurrency_bench.loopback``.

Bound to 127.0.0.1 on a port the OS picks (printed as the first line of its output), it reads
each connection's request (unit, delay: two big-endian ints), answers 3 * unit + 1 as one
big-endian long after the delay and closes the connection: the Java suite's LoopbackServer.
One thread and a selector serve every connection, with the pending answers in a heap by due
time, so its cost is the same whichever model calls it. It runs in its own process because a
thread of the measured interpreter would take the GIL from the model under test; it inherits
the measured process's cores. It ends when its standard input closes, so it never outlives
the interpreter that started it.
"""

import heapq
import os
import selectors
import socket
import struct
import subprocess
import sys
import time

MAX_CONNECTIONS = 4_096


def serve(listener, control):
    selector = selectors.DefaultSelector()
    listener.setblocking(False)
    selector.register(listener, selectors.EVENT_READ, "accept")
    selector.register(control, selectors.EVENT_READ, "control")
    due = []
    order = 0
    open_connections = 0
    accepting = True
    while True:
        timeout = None
        now = time.monotonic()
        while due and due[0][0] <= now:
            _, _, connection, answer = heapq.heappop(due)
            try:
                connection.send(answer)
            except OSError:
                pass  # the client gave up
            connection.close()
            open_connections -= 1
        if due:
            timeout = max(0.0, due[0][0] - time.monotonic())
        if not accepting and open_connections < MAX_CONNECTIONS:
            selector.register(listener, selectors.EVENT_READ, "accept")
            accepting = True
        for key, _ in selector.select(timeout):
            if key.data == "control":
                if not os.read(control.fileno(), 4096):
                    return
            elif key.data == "accept":
                while open_connections < MAX_CONNECTIONS:
                    try:
                        connection, _ = listener.accept()
                    except (BlockingIOError, InterruptedError):
                        break
                    open_connections += 1
                    connection.setblocking(False)
                    connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    selector.register(connection, selectors.EVENT_READ, bytearray())
                if open_connections >= MAX_CONNECTIONS and accepting:
                    selector.unregister(listener)
                    accepting = False
            else:
                connection = key.fileobj
                received = key.data
                try:
                    more = connection.recv(8 - len(received))
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    more = b""
                if not more:
                    selector.unregister(connection)
                    connection.close()
                    open_connections -= 1
                    continue
                received += more
                if len(received) == 8:
                    selector.unregister(connection)
                    unit, delay_ms = struct.unpack(">ii", bytes(received))
                    answer = struct.pack(">q", 3 * unit + 1)
                    order += 1
                    heapq.heappush(due, (time.monotonic() + max(0, delay_ms) / 1000, order, connection, answer))


class Server:
    """The server process, started by the harness when the io workload is opened; ``close`` ends it."""

    def __init__(self):
        self.process = subprocess.Popen([sys.executable, "-m", "concurrency_bench.loopback"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE)
        line = self.process.stdout.readline()
        if not line.strip().isdigit():
            self.close()
            raise RuntimeError("the io workload's server did not start (it printed %r)" % line)
        self.port = int(line)

    def close(self):
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process.stdout.close()


def main():
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(MAX_CONNECTIONS)
    print(listener.getsockname()[1], flush=True)
    try:
        serve(listener, sys.stdin)
    except KeyboardInterrupt:
        pass
    finally:
        listener.close()


if __name__ == "__main__":
    main()
