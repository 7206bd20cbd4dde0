"""The catalog of workloads, as the Java suite's ``Workloads`` has it: each id with its kind,
its parameters with their defaults and ranges, and the answer known without running any model.

A batch's units are pure functions of the kernel's parameters and the unit's index, so a
worker process rebuilds them from data alone (every object here pickles). The expected
answers come from other algorithms than the units run (a sieve against trial division, a
formula against a sum), as in the Java suite.
"""

import asyncio
import math
import socket
import struct
import time

from . import payload as payloads

MAX_UNITS = 100_000_000
MAX_LIMIT = 1_000_000_000
MAX_DELAY_MS = 60_000
TREE_MIN_WIDTH = 2
TREE_MAX_WIDTH = 1_000
TREE_MAX_DEPTH = 30
TREE_MAX_LEAVES = 1_000_000_000
RELAY_MIN_WORKERS = 2
RELAY_MAX_WORKERS = 1_000_000
RELAY_MAX_HOPS = 1_000_000_000
CONTENTION_MAX_WORKERS = 1_000_000
CONTENTION_MAX_UPDATES = 100_000_000
LOCKS = ("synchronized", "reentrant", "atomic")

#: How long a connect may take before an io unit fails, and how long past its delay it waits for the answer.
CONNECT_TIMEOUT_S = 10.0
ANSWER_GRACE_S = 30.0


def fmt(value):
    """2000000 as ``2,000,000``, as the Java suite writes sizes in messages."""
    return format(value, ",")


def check_range(owner, name, value, low, high):
    """``value`` if it lies in [low, high]; else ValueError ``cpu.units must be 1 to 100,000,000, got 0``."""
    if value < low or value > high:
        where = owner + "." + name if name.isidentifier() else owner + ": " + name
        raise ValueError("%s must be %s to %s, got %s" % (where, fmt(low), fmt(high), fmt(value)))
    return value


class Parameter:
    """A parameter with its default and the values it allows: a whole number in [low, high], or one of ``choices``."""

    def __init__(self, name, default, low, high, choices=()):
        self.name = name
        self.default = default
        self.low = low
        self.high = high
        self.choices = tuple(choices)

    def read(self, workload, text):
        """``text`` as this parameter's value: a whole number (``2_000_000`` too) in range, or a choice by name."""
        text = str(text).strip()
        if self.choices:
            if text.lower() not in self.choices:
                raise ValueError("%s.%s must be one of %s, got '%s'" % (workload, self.name, ", ".join(self.choices), text))
            return text.lower()
        digits = text.replace("_", "")
        if not digits.lstrip("+-").isdigit() or "__" in text or text.startswith("_") or text.endswith("_"):
            raise ValueError("%s.%s must be a whole number from %s to %s, got '%s'"
                             % (workload, self.name, fmt(self.low), fmt(self.high), text))
        return check_range(workload, self.name, int(digits), self.low, self.high)


def _units(default):
    return Parameter("units", default, 1, MAX_UNITS)


def _delay():
    return Parameter("delayMs", 10, 0, MAX_DELAY_MS)


_PAYLOAD = Parameter("payload", 0, 0, payloads.MAX_BYTES)


def _lock():
    return Parameter("lock", "synchronized", 0, len(LOCKS) - 1, LOCKS)


CATALOG = {
    "cpu": ("batch", [Parameter("limit", 2_000_000, 1, MAX_LIMIT), _units(64), _PAYLOAD]),
    "blocking": ("batch", [_units(1_000), _delay(), _PAYLOAD]),
    "spawn": ("batch", [_units(10_000), _PAYLOAD]),
    "tree": ("tree", [Parameter("width", 10, TREE_MIN_WIDTH, TREE_MAX_WIDTH), Parameter("depth", 6, 1, TREE_MAX_DEPTH)]),
    "handoff": ("relay", [Parameter("workers", 2, RELAY_MIN_WORKERS, RELAY_MAX_WORKERS),
                          Parameter("hops", 100_000, 1, RELAY_MAX_HOPS)]),
    "mixed": ("batch", [_units(1_000), Parameter("work", 100, 1, MAX_LIMIT), _delay(), _PAYLOAD]),
    "io": ("batch", [_units(1_000), _delay(), _PAYLOAD]),
    "transfer": ("batch", [_units(100), Parameter("payload", 65_536, 0, payloads.MAX_BYTES)]),
    "contention": ("contention", [Parameter("workers", 4, 1, CONTENTION_MAX_WORKERS),
                                  Parameter("updates", 100_000, 1, CONTENTION_MAX_UPDATES), _lock(),
                                  Parameter("holdMs", 0, 0, MAX_DELAY_MS), Parameter("locks", 1, 1, CONTENTION_MAX_WORKERS)]),
    "pinning": ("contention", [Parameter("workers", 64, 1, CONTENTION_MAX_WORKERS),
                               Parameter("updates", 2, 1, CONTENTION_MAX_UPDATES), _lock(),
                               Parameter("holdMs", 5, 0, MAX_DELAY_MS), Parameter("locks", 64, 1, CONTENTION_MAX_WORKERS)]),
}


#: Not in the catalog: a batch for testing the failure paths, as the Java suite's Probe kernel is. Unit failAt
#: raises at once; every other unit returns its index.
PROBES = {
    "probe": ("batch", [_units(4), Parameter("failAt", -1, -1, MAX_UNITS)]),
}


def ids():
    return list(CATALOG)


def sizes(workload, overrides):
    """Every parameter of ``workload`` with ``overrides`` (name to text) read over the defaults."""
    if workload not in CATALOG and workload not in PROBES:
        raise ValueError("unknown workload '%s'; known workloads: %s" % (workload, ", ".join(CATALOG)))
    parameters = CATALOG[workload][1] if workload in CATALOG else PROBES[workload][1]
    values = {parameter.name: parameter.default for parameter in parameters}
    by_name = {parameter.name: parameter for parameter in parameters}
    for name, text in overrides.items():
        if name not in by_name:
            raise ValueError("workload %s has no parameter '%s'; its parameters: %s"
                             % (workload, name, ", ".join(by_name)))
        values[name] = by_name[name].read(workload, text)
    return values


def create(workload, overrides=None, port=0):
    """Workload ``workload`` with ``overrides`` over its defaults; io's units call ``port``."""
    values = sizes(workload, overrides or {})
    if workload == "cpu":
        return Batch(workload, Primes(values["limit"]), values["units"], values["payload"])
    if workload == "blocking":
        return Batch(workload, Sleep(values["delayMs"]), values["units"], values["payload"])
    if workload in ("spawn", "transfer"):
        return Batch(workload, Identity(), values["units"], values["payload"])
    if workload == "mixed":
        check_range("mixed", "units × work", values["units"] * values["work"], 1, MAX_LIMIT)
        return Batch(workload, Mixed(values["work"], values["delayMs"]), values["units"], values["payload"])
    if workload == "io":
        return Batch(workload, Request(port, values["delayMs"]), values["units"], values["payload"])
    if workload == "tree":
        return Tree(workload, values["width"], values["depth"])
    if workload == "probe":
        return Batch(workload, Probe(values["failAt"]), values["units"])
    if workload == "handoff":
        return Relay(workload, values["workers"], values["hops"])
    return Contention(workload, values["workers"], values["updates"], values["lock"], values["holdMs"], values["locks"])


def sum_of_indices(count):
    """0 + 1 + ... + (count - 1)."""
    return count * (count - 1) // 2


# ----------------------------------------------------------------------------------------------
# Kernels: what one unit of a batch does.

def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    divisor = 3
    while divisor * divisor <= n:
        if n % divisor == 0:
            return False
        divisor += 2
    return True


def count_primes(start, end):
    """Primes in [start, end) by trial division by odd numbers up to the square root."""
    count = 0
    for n in range(start, end):
        if is_prime(n):
            count += 1
    return count


_PRIME_COUNTS = {}


def sieve_count(limit):
    """The primes below ``limit``, by the sieve of Eratosthenes."""
    if limit not in _PRIME_COUNTS:
        if limit <= 2:
            _PRIME_COUNTS[limit] = 0
        else:
            sieve = bytearray([1]) * limit
            sieve[0] = sieve[1] = 0
            for n in range(2, math.isqrt(limit - 1) + 1):
                if sieve[n]:
                    sieve[n * n::n] = bytes(len(range(n * n, limit, n)))
            _PRIME_COUNTS[limit] = sieve.count(1)
    return _PRIME_COUNTS[limit]


class Primes:
    """cpu: unit i counts the primes in its slice [limit * i // units, limit * (i + 1) // units)."""

    waits = False

    def __init__(self, limit):
        self.limit = check_range("cpu", "limit", limit, 1, MAX_LIMIT)

    def run(self, unit, units):
        return count_primes(self.limit * unit // units, self.limit * (unit + 1) // units)

    def expected(self, units):
        return sieve_count(self.limit)


class Sleep:
    """blocking: sleeps delayMs, then returns its index (the notebook's ``time.sleep``)."""

    def __init__(self, delay_ms):
        self.delay_ms = check_range("blocking", "delayMs", delay_ms, 0, MAX_DELAY_MS)
        self.waits = delay_ms > 0

    def run(self, unit, units):
        time.sleep(self.delay_ms / 1000)
        return unit

    async def run_async(self, unit, units):
        """The unit on an event loop: the wait holds no thread."""
        await asyncio.sleep(self.delay_ms / 1000)
        return unit

    def expected(self, units):
        return sum_of_indices(units)


class Identity:
    """spawn and transfer: returns its index, so a batch of them measures starting and joining tasks."""

    waits = False

    def run(self, unit, units):
        return unit

    def expected(self, units):
        return sum_of_indices(units)


class Mixed:
    """mixed: counts the primes in [i * work, (i + 1) * work), then sleeps delayMs; returns the count."""

    def __init__(self, work, delay_ms):
        self.work = check_range("mixed", "work", work, 1, MAX_LIMIT)
        self.delay_ms = check_range("mixed", "delayMs", delay_ms, 0, MAX_DELAY_MS)
        self.waits = delay_ms > 0

    def compute(self, unit):
        start = unit * self.work
        return count_primes(start, start + self.work)

    def run(self, unit, units):
        count = self.compute(unit)
        time.sleep(self.delay_ms / 1000)
        return count

    async def run_async(self, unit, units):
        """The unit on an event loop: the slice on the loop's thread, then a wait that holds no thread."""
        count = self.compute(unit)
        await asyncio.sleep(self.delay_ms / 1000)
        return count

    def expected(self, units):
        return sieve_count(check_range("mixed", "units × work", units * self.work, 1, MAX_LIMIT))


class Request:
    """io: one request over loopback TCP to the workload's server, which answers 3i + 1 after delayMs and closes.

    The request is the unit's index and the delay, two big-endian ints; the answer one big-endian long.
    """

    waits = True

    def __init__(self, port, delay_ms):
        self.port = check_range("io", "port", port, 0, 65_535)
        self.delay_ms = check_range("io", "delayMs", delay_ms, 0, MAX_DELAY_MS)

    @staticmethod
    def answer(unit):
        return 3 * unit + 1

    def request(self, unit):
        return struct.pack(">ii", unit, self.delay_ms)

    def answer_of(self, unit, data):
        if len(data) < 8:
            raise ConnectionError("io server at 127.0.0.1:%d closed the connection before answering unit %d"
                                  % (self.port, unit))
        value = struct.unpack(">q", data)[0]
        if value != self.answer(unit):
            raise ValueError("io server at 127.0.0.1:%d answered unit %d with %d, expected %d"
                             % (self.port, unit, value, self.answer(unit)))
        return value

    def address(self):
        if self.port == 0:
            raise RuntimeError("io has no server to call: the harness starts it when the workload is opened")
        return ("127.0.0.1", self.port)

    def run(self, unit, units):
        try:
            with socket.create_connection(self.address(), timeout=CONNECT_TIMEOUT_S) as connection:
                connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                connection.settimeout(self.delay_ms / 1000 + ANSWER_GRACE_S)
                connection.sendall(self.request(unit))
                data = b""
                while len(data) < 8:
                    more = connection.recv(8 - len(data))
                    if not more:
                        break
                    data += more
                return self.answer_of(unit, data)
        except ConnectionRefusedError:
            raise ConnectionError("io server at 127.0.0.1:%d refused the connection for unit %d: no server listens"
                                  " there" % (self.port, unit)) from None
        except socket.timeout:
            raise TimeoutError("io server at 127.0.0.1:%d did not answer unit %d within %d ms"
                               % (self.port, unit, self.delay_ms + ANSWER_GRACE_S * 1000)) from None

    async def run_async(self, unit, units):
        """The unit on an event loop, through asyncio streams."""
        host, port = self.address()
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), CONNECT_TIMEOUT_S)
        except ConnectionRefusedError:
            raise ConnectionError("io server at 127.0.0.1:%d refused the connection for unit %d: no server listens"
                                  " there" % (port, unit)) from None
        try:
            writer.write(self.request(unit))
            await writer.drain()
            try:
                data = await asyncio.wait_for(reader.readexactly(8), self.delay_ms / 1000 + ANSWER_GRACE_S)
            except asyncio.IncompleteReadError as short:
                data = short.partial
            return self.answer_of(unit, data)
        finally:
            writer.close()
            try:
                await writer.wait_closed()
            except OSError:
                pass  # the server closed first

    def expected(self, units):
        return 3 * sum_of_indices(units) + units


class Probe:
    """A unit for testing the failure paths: unit ``fail_at`` raises at once; every other unit returns its index."""

    waits = False

    def __init__(self, fail_at):
        self.fail_at = fail_at

    def run(self, unit, units):
        if unit == self.fail_at:
            raise ValueError("unit %d failed on purpose" % unit)
        return unit

    def expected(self, units):
        return sum_of_indices(units)


# ----------------------------------------------------------------------------------------------
# Workloads: a batch, a tree, a relay, a contention.

class Batch:
    """N independent units; the answer is the sum of their results, plus the checksums of their payloads."""

    kind = "batch"

    def __init__(self, name, kernel, units, payload=0):
        self.name = name
        self.kernel = kernel
        self.units = check_range(name, "units", units, 1, MAX_UNITS)
        self.payload = check_range(name, "payload", payload, 0, payloads.MAX_BYTES)

    def run_unit(self, unit):
        """The unit's result plus its payload's checksum, made where it runs (bytes handed over by reference)."""
        result = self.kernel.run(unit, self.units)
        if self.payload:
            result += payloads.checksum(payloads.fill(unit, self.payload))
        return result

    def run_kernel(self, unit):
        """The kernel alone, for a model that moves the payload's bytes itself."""
        return self.kernel.run(unit, self.units)

    def expected(self):
        return self.kernel.expected(self.units) + payloads.expected(self.units, self.payload)

    def describe(self):
        return "%s(units=%d%s)" % (self.name, self.units, ", payload=%d" % self.payload if self.payload else "")


class Tree:
    """skynet: every inner node has ``width`` children, ``depth`` levels down; each leaf returns its ordinal."""

    kind = "tree"

    def __init__(self, name, width, depth):
        self.name = name
        self.width = check_range(name, "width", width, TREE_MIN_WIDTH, TREE_MAX_WIDTH)
        self.depth = check_range(name, "depth", depth, 1, TREE_MAX_DEPTH)
        if width ** depth > TREE_MAX_LEAVES:
            raise ValueError("%s: width^depth (the leaves) must be at most %s, got width=%d depth=%d"
                             % (name, fmt(TREE_MAX_LEAVES), width, depth))

    def leaves(self):
        return self.width ** self.depth

    def nodes(self):
        return sum(self.width ** level for level in range(self.depth + 1))

    def root(self):
        return (0, self.leaves())

    def children(self, node):
        """The children of inner node ``(first, leaves)``."""
        first, leaves = node
        each = leaves // self.width
        return [(first + index * each, each) for index in range(self.width)]

    def sequential_sum(self, node):
        """The subtree's sum, walked on the calling thread."""
        first, leaves = node
        if leaves == 1:
            return first
        each = leaves // self.width
        return sum(self.sequential_sum((first + index * each, each)) for index in range(self.width))

    def expected(self):
        return sum_of_indices(self.leaves())

    def describe(self):
        return "%s(width=%d, depth=%d)" % (self.name, self.width, self.depth)


class Relay:
    """A token passed round a ring of ``workers`` for ``hops`` hops; the answer is the hop count seen."""

    kind = "relay"

    def __init__(self, name, workers, hops):
        self.name = name
        self.workers = check_range(name, "workers", workers, RELAY_MIN_WORKERS, RELAY_MAX_WORKERS)
        self.hops = check_range(name, "hops", hops, 1, RELAY_MAX_HOPS)

    def next(self, worker):
        return 0 if worker + 1 == self.workers else worker + 1

    def turns(self, worker):
        """The values worker ``worker`` holds the token at: worker, worker + W, ... up to hops."""
        return range(worker, self.hops + 1, self.workers)

    def pass_token(self, worker, receive, send):
        """Worker ``worker``'s part of the ring: at each of its turns it takes the token with
        ``receive()`` (worker 0 starts it at 0) and hands it on plus one with ``send``; returns the
        last count it saw, the hop count for the worker that receives the last hop."""
        seen = -1
        for turn in self.turns(worker):
            seen = 0 if turn == 0 else receive()
            if seen == self.hops:
                break
            send(seen + 1)
        return seen

    def expected(self):
        return self.hops

    def describe(self):
        return "%s(workers=%d, hops=%d)" % (self.name, self.workers, self.hops)


class Contention:
    """``workers`` workers each increment one shared counter ``updates`` times under ``lock``.

    ``holdMs`` waits inside the critical section; ``locks`` stripes the counter, worker w updating
    stripe w % locks. The answer is the sum of the stripes.
    """

    kind = "contention"

    def __init__(self, name, workers, updates, lock, hold_ms, locks):
        self.name = name
        self.workers = check_range(name, "workers", workers, 1, CONTENTION_MAX_WORKERS)
        self.updates = check_range(name, "updates", updates, 1, CONTENTION_MAX_UPDATES)
        if lock not in LOCKS:
            raise ValueError("%s: lock must be one of %s, got '%s'" % (name, ", ".join(LOCKS), lock))
        self.lock = lock
        self.hold_ms = check_range(name, "holdMs", hold_ms, 0, MAX_DELAY_MS)
        self.locks = check_range(name, "locks", locks, 1, workers)
        if lock == "atomic" and hold_ms > 0:
            raise ValueError("%s: holdMs must be 0 with lock=atomic, got %d (an atomic update has no critical section"
                             " to wait in; use synchronized or reentrant)" % (name, hold_ms))

    def stripe_of(self, worker):
        return worker % self.locks

    def expected(self):
        return self.workers * self.updates

    def describe(self):
        return "%s(workers=%d, updates=%d, lock=%s, holdMs=%d, locks=%d)" % (
            self.name, self.workers, self.updates, self.lock, self.hold_ms, self.locks)
