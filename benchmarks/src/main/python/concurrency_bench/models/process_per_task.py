"""python-process-per-task: a ``multiprocessing.Process`` per task, at most P alive at once.

Each task's process is started with the platform's default start method, runs its one task,
sends the result (and a unit's payload bytes) back over its own ``Pipe`` and exits; the run
joins it. What a task costs here is mostly what a process costs, which is the point. The
tree is a process per node, bottom-up: a node's process starts once its children have
answered and is handed their sums. The relay is a ring of W processes, alive together,
passing the token over pipes; contention is a process per worker over a
``multiprocessing.Array`` with a ``multiprocessing.Lock`` (or ``RLock``) per stripe.
"""

import multiprocessing
import time
from multiprocessing.connection import wait

from . import base
from .. import payload as payloads


class ProcessPerTask(base.Model):
    id = "python-process-per-task"

    def limit(self, workload):
        most = base.MAX_PROCESSES_PER_RUN
        if workload.kind == "batch":
            if workload.units > most:
                return ("units must be at most %s for %s, got %s: one process per unit, each a fork or an interpreter"
                        " start-up; python-process-pool runs any size" % (format(most, ","), self.id,
                                                                         format(workload.units, ",")))
            return base.sockets_at_once(self.id, workload, self.parallelism)
        if workload.kind == "tree":
            if workload.nodes() > most:
                return ("nodes (width=%d, depth=%d) must be at most %s for %s, got %s: one process per node;"
                        " python-process-pool cuts the tree into subtrees"
                        % (workload.width, workload.depth, format(most, ","), self.id, format(workload.nodes(), ",")))
            return None
        if workload.kind == "relay":
            if workload.workers > base.MAX_RING_PROCESSES:
                return ("workers must be at most %d for %s, got %s: every worker of the ring is a process alive for the"
                        " whole relay" % (base.MAX_RING_PROCESSES, self.id, format(workload.workers, ",")))
            return None
        if workload.workers > most:
            return ("workers must be at most %s for %s, got %s: one process per worker"
                    % (format(most, ","), self.id, format(workload.workers, ",")))
        if workload.lock == "atomic":
            return ("CPython's standard library has no atomic add on shared memory: processes guard a shared counter"
                    " with a lock (synchronized or reentrant)")
        return None

    def batch(self, batch):
        if not batch.payload:
            return sum(run_each([(_kernel, (batch, unit)) for unit in range(batch.units)], self.parallelism, "unit"))
        total = 0
        for result, data in run_each([(_with_bytes, (batch, unit)) for unit in range(batch.units)], self.parallelism,
                                     "unit"):
            total += result + payloads.checksum(data)
        return total

    def tree(self, tree):
        levels = [[tree.root()]]
        while levels[-1][0][1] > 1:
            levels.append([child for node in levels[-1] for child in tree.children(node)])
        values = run_each([(_leaf, (first,)) for first, _ in levels[-1]], self.parallelism, "node")
        width = tree.width
        for level in reversed(levels[:-1]):
            values = run_each([(_add, (values[index * width:(index + 1) * width],)) for index in range(len(level))],
                              self.parallelism, "node")
        return values[0]

    def relay(self, relay):
        pipes = [multiprocessing.Pipe(duplex=False) for _ in range(relay.workers)]
        calls = [(_ring_worker, (relay, index, pipes[index][0], pipes[relay.next(index)][1]))
                 for index in range(relay.workers)]
        try:
            # the ring needs every worker at once: the bound here is W, not P
            return max(run_each(calls, relay.workers, "worker"))
        finally:
            for reader, writer in pipes:
                reader.close()
                writer.close()

    def contention(self, contention):
        counter = multiprocessing.Array("q", contention.locks, lock=False)
        kind = multiprocessing.RLock if contention.lock == "reentrant" else multiprocessing.Lock
        locks = [kind() for _ in range(contention.locks)]
        run_each([(_contend, (contention, counter, locks[contention.stripe_of(index)], index))
                  for index in range(contention.workers)], self.parallelism, "worker")
        return sum(counter)


def run_each(calls, at_once, task):
    """Each ``(function, args)`` in a process of its own, at most ``at_once`` alive; their results in order.

    A task that raises, or a process that exits without answering, fails the run; every
    process still running is then terminated and joined, so none outlives the run.
    """
    results = [None] * len(calls)
    waiting = iter(enumerate(calls))
    running = {}
    try:
        while True:
            while len(running) < at_once:
                following = next(waiting, None)
                if following is None:
                    break
                index, (function, args) = following
                reader, writer = multiprocessing.Pipe(duplex=False)
                process = multiprocessing.Process(target=_child, args=(writer, function, args), daemon=True,
                                                  name="python-process-per-task-%s-%d" % (task, index))
                try:
                    process.start()
                finally:
                    writer.close()
                running[reader] = (index, process)
            if not running:
                return results
            for reader in wait(list(running)):
                index, process = running.pop(reader)
                try:
                    status, value = reader.recv()
                except EOFError:
                    process.join()
                    raise RuntimeError("the process of %s %d (pid %s) exited with code %s before answering"
                                       % (task, index, process.pid, process.exitcode)) from None
                finally:
                    reader.close()
                process.join()
                if status != "ok":
                    raise RuntimeError("%s %d, in process %s: %s" % (task, index, process.pid, value))
                results[index] = value
    finally:
        for reader, (index, process) in running.items():
            process.terminate()
            process.join()
            reader.close()


def _child(connection, function, args):
    try:
        result = function(*args)
    except BaseException as thrown:  # sent to the parent, which fails the run with it
        connection.send(("error", base.cause(thrown)))
    else:
        connection.send(("ok", result))
    finally:
        connection.close()


def _kernel(batch, unit):
    return batch.run_kernel(unit)


def _with_bytes(batch, unit):
    return batch.run_kernel(unit), payloads.fill(unit, batch.payload)


def _leaf(first):
    return first


def _add(sums):
    return sum(sums)


def _ring_worker(relay, index, inbox, outbox):
    return relay.pass_token(index, inbox.recv, outbox.send)


def _contend(contention, counter, lock, worker):
    stripe = contention.stripe_of(worker)
    hold = contention.hold_ms / 1000
    for _ in range(contention.updates):
        with lock:
            counter[stripe] += 1
            if hold:
                time.sleep(hold)
