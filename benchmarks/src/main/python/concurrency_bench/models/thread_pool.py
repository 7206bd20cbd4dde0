"""python-thread-pool: ``concurrent.futures.ThreadPoolExecutor(P)``, a future per task.

The pool's P threads exist before the run; a sleeping task holds its thread, so P sleeps
overlap at a time; computing tasks take turns under the GIL.
"""

import threading
from concurrent.futures import Future, ThreadPoolExecutor

from . import base
from .threads import contend_with_threads

#: Futures one run may submit: a future costs tens of microseconds on CPython, so a million-node tree would
#: take most of a minute per operation.
MAX_TASKS_PER_RUN = 200_000


class ThreadPool(base.Model):
    id = "python-thread-pool"

    def __init__(self, parallelism):
        super().__init__(parallelism)
        self.executor = ThreadPoolExecutor(max_workers=parallelism, thread_name_prefix=self.id)

    def limit(self, workload):
        if workload.kind == "batch":
            return base.sockets_at_once(self.id, workload, self.parallelism)
        if workload.kind == "tree" and workload.nodes() > MAX_TASKS_PER_RUN:
            return ("nodes (width=%d, depth=%d) must be at most %s for %s, got %s: a future per node costs tens of"
                    " microseconds on CPython, minutes of futures per operation"
                    % (workload.width, workload.depth, format(MAX_TASKS_PER_RUN, ","), self.id,
                       format(workload.nodes(), ",")))
        if workload.kind == "contention" and workload.lock == "atomic":
            return ("CPython's standard library has no atomic integer: Python code guards a shared counter with a"
                    " lock (synchronized or reentrant)")
        return None

    def batch(self, batch):
        futures = [self.executor.submit(batch.run_unit, unit) for unit in range(batch.units)]
        return sum(_results(futures))

    def tree(self, tree):
        root = Future()
        executor = self.executor

        class Pending:
            """An inner node whose children have not all reported: a node never waits for them on a pool thread."""

            def __init__(self, parent):
                self.parent = parent
                self.left = tree.width
                self.sum = 0
                self.lock = threading.Lock()

        def report(pending, value):
            while True:
                if pending is None:
                    root.set_result(value)
                    return
                with pending.lock:
                    pending.sum += value
                    pending.left -= 1
                    if pending.left:
                        return
                pending, value = pending.parent, pending.sum

        def visit(node, parent):
            try:
                first, leaves = node
                if leaves == 1:
                    report(parent, first)
                    return
                pending = Pending(parent)
                for child in tree.children(node):
                    executor.submit(visit, child, pending)
            except BaseException as thrown:
                if not root.done():
                    root.set_exception(thrown)

        executor.submit(visit, tree.root(), None)
        return root.result()

    def relay(self, relay):
        done = Future()
        executor = self.executor

        def step(worker, value):
            # the worker holding the token adds one and hands it to the next worker's task
            try:
                if value == relay.hops:
                    done.set_result(value)
                else:
                    executor.submit(step, relay.next(worker), value + 1)
            except BaseException as thrown:
                done.set_exception(thrown)

        executor.submit(step, 0, 0)
        return done.result()

    def contention(self, contention):
        def on_the_pool(calls, task):
            return _results([self.executor.submit(target, *args) for target, args in calls])

        return contend_with_threads(contention, on_the_pool, threading.RLock
                                    if contention.lock == "reentrant" else threading.Lock)

    def close(self):
        self.executor.shutdown(wait=True, cancel_futures=True)


def _results(futures):
    """Every future's result in order; on the first failure the rest are cancelled and the failure raised."""
    try:
        return [future.result() for future in futures]
    except BaseException:
        for future in futures:
            future.cancel()
        raise
