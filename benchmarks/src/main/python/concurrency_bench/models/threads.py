"""python-threads: a ``threading.Thread`` per task, started and joined (the notebook's ``myThread``).

Every thread runs Python code under the GIL, so computing units take turns on one core
whatever P is; a thread that sleeps or waits on a socket lets the GIL go, so waits overlap.
"""

import queue
import threading
import time

from . import base


class Threads(base.Model):
    id = "python-threads"

    def limit(self, workload):
        if workload.kind == "batch":
            alive = workload.units if workload.kernel.waits else 0
            return (base.sockets_at_once(self.id, workload, workload.units)
                    or base.threads_alive("units=%s" % format(workload.units, ","), alive,
                                          "each unit holds its thread while it waits"))
        if workload.kind == "tree":
            return base.threads_alive("width=%d and depth=%d (%s nodes)" % (workload.width, workload.depth,
                                                                            format(workload.nodes(), ",")),
                                      workload.nodes(), "every inner node waits for its children")
        if workload.kind == "relay":
            return base.threads_alive("workers=%s" % format(workload.workers, ","), workload.workers,
                                      "every worker waits for the token")
        if workload.lock == "atomic":
            return ("CPython's standard library has no atomic integer: Python code guards a shared counter with a"
                    " lock (synchronized or reentrant)")
        return base.threads_alive("workers=%s" % format(workload.workers, ","), workload.workers,
                                  "every worker keeps its thread until it has made its updates")

    def batch(self, batch):
        return _start_and_join([(batch.run_unit, (unit,)) for unit in range(batch.units)], "unit")

    def tree(self, tree):
        return _node(tree, tree.root())

    def relay(self, relay):
        inboxes = [queue.Queue(maxsize=1) for _ in range(relay.workers)]

        def worker(index):
            return relay.pass_token(index, inboxes[index].get, inboxes[relay.next(index)].put)

        # the worker that receives the last hop keeps the token; the others end after their last hand-off
        return max(_start_and_join_each([(worker, (index,)) for index in range(relay.workers)], "worker"))

    def contention(self, contention):
        return contend_with_threads(contention, _start_and_join_each, threading.RLock
                                    if contention.lock == "reentrant" else threading.Lock)


class _Runner(threading.Thread):
    """A thread that keeps its target's result, or the exception it raised."""

    def __init__(self, target, args, name):
        super().__init__(name=name)
        self._call = (target, args)
        self.result = None
        self.error = None

    def run(self):
        target, args = self._call
        try:
            self.result = target(*args)
        except BaseException as thrown:  # kept for the caller, which raises the first
            self.error = thrown


def _start_and_join_each(calls, task):
    threads = [_Runner(target, args, "python-threads-%s-%d" % (task, index)) for index, (target, args) in enumerate(calls)]
    started = []
    try:
        for thread in threads:
            thread.start()
            started.append(thread)
    finally:
        for thread in started:
            thread.join()
    for thread in threads:
        if thread.error is not None:
            raise thread.error
    return [thread.result for thread in threads]


def _start_and_join(calls, task):
    return sum(_start_and_join_each(calls, task))


def _node(tree, node):
    first, leaves = node
    if leaves == 1:
        return first
    return _start_and_join([(_node, (tree, child)) for child in tree.children(node)], "node")


def contend_with_threads(contention, run_workers, new_lock):
    """Each worker a task of ``run_workers``, over stripes each guarded by a lock from ``new_lock``."""
    counter = [0] * contention.locks
    locks = [new_lock() for _ in range(contention.locks)]
    hold = contention.hold_ms / 1000

    def worker(index):
        stripe = contention.stripe_of(index)
        lock = locks[stripe]
        for _ in range(contention.updates):
            with lock:
                counter[stripe] += 1
                if hold:
                    time.sleep(hold)

    run_workers([(worker, (index,)) for index in range(contention.workers)], "worker")
    return sum(counter)
