"""python-process-pool and python-process-pool-shm: ``multiprocessing.Pool(P)``.

P worker processes, started with the platform's default start method before the run, each
an interpreter with its own GIL. A batch goes through ``Pool.map`` in its own chunks; a unit's
payload bytes come back through the pool's pipe (pickled), or, for the shm variant, through a
``multiprocessing.shared_memory`` block that the worker writes and the parent reads in place.
The tree is cut into a few subtrees per worker, each walked sequentially; the relay's token
goes through the parent, one task sent and answered per hop; contention spreads the workers
over the pool, which runs them one after another, on a counter in a shared memory-mapped file
under ``fcntl`` file locks (processes share no heap, so no ``threading.Lock`` reaches them).
"""

import functools
import mmap
import multiprocessing
import os
import struct
import tempfile
import time

from . import base
from .. import payload as payloads

try:
    import fcntl
except ImportError:  # not POSIX
    fcntl = None

#: The most bytes the shm variant keeps in one shared block: a region per unit of the run.
MAX_SHARED_BYTES = 1 << 30


class ProcessPool(base.Model):
    id = "python-process-pool"
    shared = False

    def __init__(self, parallelism):
        super().__init__(parallelism)
        self.pool = multiprocessing.Pool(parallelism)
        self.block = None

    def limit(self, workload):
        if workload.kind == "batch":
            if self.shared and workload.units * workload.payload > MAX_SHARED_BYTES:
                return ("units x payload must be at most %s bytes for %s, got %s: every unit has its region of one"
                        " shared block" % (format(MAX_SHARED_BYTES, ","), self.id,
                                           format(workload.units * workload.payload, ",")))
            return base.sockets_at_once(self.id, workload, self.parallelism)
        if workload.kind == "contention":
            return _contention_limit(workload)
        return None

    def batch(self, batch):
        if not batch.payload:
            return sum(self.pool.map(functools.partial(_kernel, batch), range(batch.units)))
        if not self.shared:
            total = 0
            for result, data in self.pool.map(functools.partial(_with_bytes, batch), range(batch.units)):
                total += result + payloads.checksum(data)
            return total
        block = self._block(batch.units * batch.payload)
        results = self.pool.map(functools.partial(_into_block, batch, block.name), range(batch.units))
        total = 0
        with memoryview(block.buf) as view:
            for unit, result in enumerate(results):
                start = unit * batch.payload
                total += result + payloads.checksum(view[start:start + batch.payload])
        return total

    def _block(self, size):
        from multiprocessing import shared_memory
        if self.block is None or self.block.size < size:
            self._release_block()
            self.block = shared_memory.SharedMemory(create=True, size=size)
        return self.block

    def tree(self, tree):
        subtrees = [tree.root()]
        while subtrees[0][1] > 1 and len(subtrees) < 4 * self.parallelism:
            subtrees = [child for subtree in subtrees for child in tree.children(subtree)]
        return sum(self.pool.map(functools.partial(_subtree, tree), subtrees))

    def relay(self, relay):
        value, worker = 0, 0
        while value != relay.hops:
            worker, value = self.pool.apply(_hop, (relay, worker, value))
        return value

    def contention(self, contention):
        with SharedCounter(contention.locks) as counter:
            self.pool.map(functools.partial(_contend, contention, counter.path), range(contention.workers),
                          chunksize=-(-contention.workers // self.parallelism))
            return counter.total()

    def _release_block(self):
        if self.block is not None:
            self.block.close()
            self.block.unlink()
            self.block = None

    def close(self):
        try:
            self.pool.terminate()
            self.pool.join()
        finally:
            self._release_block()


class SharedProcessPool(ProcessPool):
    id = "python-process-pool-shm"
    shared = True

    def __init__(self, parallelism):
        # the workers must share the parent's resource tracker, so that the block they attach is tracked once and
        # unlinked once, by the parent; one started after the workers would give each worker a tracker of its own
        from multiprocessing import resource_tracker
        resource_tracker.ensure_running()
        super().__init__(parallelism)


def _contention_limit(contention):
    if fcntl is None:
        return "needs fcntl's file locks (POSIX) for a counter shared between processes"
    if contention.lock == "atomic":
        return ("CPython's standard library has no atomic add on shared memory: processes guard a shared counter"
                " with a lock (synchronized or reentrant)")
    return None


# What the workers run: module-level functions, so that any start method can pickle them.

def _kernel(batch, unit):
    return batch.run_kernel(unit)


def _with_bytes(batch, unit):
    return batch.run_kernel(unit), payloads.fill(unit, batch.payload)


_ATTACHED = {}


def _into_block(batch, name, unit):
    block = _ATTACHED.get(name)
    if block is None:
        from multiprocessing import shared_memory
        # the workers share the parent's resource tracker, which unlinks the block once, with the parent
        block = shared_memory.SharedMemory(name=name)
        for old in list(_ATTACHED):
            _ATTACHED.pop(old).close()
        _ATTACHED[name] = block
    start = unit * batch.payload
    block.buf[start:start + batch.payload] = payloads.fill(unit, batch.payload)
    return batch.run_kernel(unit)


def _subtree(tree, node):
    return tree.sequential_sum(node)


def _hop(relay, worker, value):
    """The worker holding the token at ``value`` adds one and hands it to the next."""
    return relay.next(worker), value + 1


def _contend(contention, path, worker):
    stripe = contention.stripe_of(worker)
    with open(path, "r+b") as file:
        with mmap.mmap(file.fileno(), 0) as counter:
            update(counter, file.fileno(), stripe, contention.updates, contention.hold_ms / 1000)


def update(counter, descriptor, stripe, updates, hold):
    """``updates`` increments of stripe ``stripe`` of the mapped counter, each under the stripe's file lock."""
    offset = stripe * 8
    for _ in range(updates):
        fcntl.lockf(descriptor, fcntl.LOCK_EX, 8, offset)
        try:
            struct.pack_into("<q", counter, offset, struct.unpack_from("<q", counter, offset)[0] + 1)
            if hold:
                time.sleep(hold)
        finally:
            fcntl.lockf(descriptor, fcntl.LOCK_UN, 8, offset)


class SharedCounter:
    """A counter of ``stripes`` 8-byte stripes in a file every process maps (in /dev/shm where there is one)."""

    def __init__(self, stripes):
        folder = "/dev/shm" if os.path.isdir("/dev/shm") else None
        descriptor, self.path = tempfile.mkstemp(prefix="python-contention-", dir=folder)
        with os.fdopen(descriptor, "wb") as file:
            file.write(bytes(8 * stripes))
        self.stripes = stripes

    def total(self):
        with open(self.path, "rb") as file:
            data = file.read()
        return sum(struct.unpack("<%dq" % self.stripes, data))

    def __enter__(self):
        return self

    def __exit__(self, *ignored):
        os.unlink(self.path)
