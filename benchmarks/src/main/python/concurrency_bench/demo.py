"""The notebook's two demonstrations, run by a Python model with P = 2, printing what the Java
suite's ``bench demo`` prints: which thread and which process run each of two tasks; then two
workers that print time stamps, the second half as often as the first.

    python3 -m concurrency_bench demo --model python-threads [--cores 2] [--delay-ms 1000]

The units print their own lines, so what appears is what the model really did: a process model
shows its workers' pids. Each line is flushed at once, so lines from several processes interleave
as they happen.
"""

import argparse
import asyncio
import datetime
import os
import sys
import threading
import time

from . import models
from .harness import Failure
from .workloads import Batch

TICKS = 5


def say(line):
    """One line in one write, so that the lines of several processes on one pipe never run into each other."""
    sys.stdout.flush()
    os.write(sys.stdout.fileno(), (line + "\n").encode("utf-8"))


class WhoRuns:
    """Unit i prints which thread and which process runs task i + 1, and returns its index."""

    waits = False

    def run(self, unit, units):
        task = unit + 1
        say("Task %d assigned to thread: %s" % (task, threading.current_thread().name))
        say("ID of process running task %d: %d" % (task, os.getpid()))
        return unit

    def expected(self, units):
        return units * (units - 1) // 2


class Ticker:
    """Unit i is Worker-(i+1): ``ticks`` time-stamped lines, one every (i + 1) x delay, between Starting and Exiting."""

    waits = True

    def __init__(self, delay_ms, ticks):
        self.delay_ms = delay_ms
        self.ticks = ticks

    def run(self, unit, units):
        say("Starting %s" % worker(unit))
        for _ in range(self.ticks):
            time.sleep((unit + 1) * self.delay_ms / 1000)
            say(tick_line(unit))
        say("Exiting %s" % worker(unit))
        return unit

    async def run_async(self, unit, units):
        say("Starting %s" % worker(unit))
        for _ in range(self.ticks):
            await asyncio.sleep((unit + 1) * self.delay_ms / 1000)
            say(tick_line(unit))
        say("Exiting %s" % worker(unit))
        return unit

    def expected(self, units):
        return units * (units - 1) // 2


def worker(unit):
    return "Worker-%d" % (unit + 1)


def tick_line(unit):
    """``Worker-1: 08:42:40.123 on MainThread (pid 4242)``."""
    clock = datetime.datetime.now().strftime("%H:%M:%S.%f")[:-3]
    return "%s: %s on %s (pid %d)" % (worker(unit), clock, threading.current_thread().name, os.getpid())


def run_checked(model, batch):
    answer = model.run(batch)
    if answer != batch.expected():
        raise Failure("model %s, workload %s: answered %s, expected %s" % (model.id, batch.describe(), answer,
                                                                               batch.expected()))


def main(arguments):
    parser = argparse.ArgumentParser(prog="python3 -m concurrency_bench demo",
                                     description="The notebook's two demonstrations, run by one Python model.")
    parser.add_argument("--model", required=True, choices=models.ids())
    parser.add_argument("--cores", type=int, default=2)
    parser.add_argument("--delay-ms", type=int, default=1000)
    options = parser.parse_args(arguments)
    model = models.create(options.model, options.cores)
    try:
        say("ID of process running main program: %d" % os.getpid())
        say("Main thread name: %s" % threading.current_thread().name)
        run_checked(model, Batch("demo", WhoRuns(), 2))
        say("All tasks joined")
        say("")
        run_checked(model, Batch("demo", Ticker(options.delay_ms, TICKS), 2))
        say("Exiting Main Thread")
    finally:
        model.close()
    return 0
