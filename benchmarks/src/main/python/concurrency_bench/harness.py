"""A small harness in JMH's spirit, for the Python models.

The harness process starts each fork as a fresh interpreter (``python3 -m concurrency_bench
fork``) in a process group of its own, held to the first P of the CPUs this process may use
(``os.sched_setaffinity``, which the model's threads and processes inherit). A fork opens the
workload (io's server is started then, in a process of its own), creates the model, and runs
warm-up and measured iterations: each runs whole operations until at least the iteration's
time has passed, and its score is the time divided by the operations, in milliseconds, as
JMH's average-time mode computes it. Every answer is compared with the expected one and a
wrong one fails the fork when its iteration ends. The record the harness writes is shaped like
one result of JMH's ``-rf json`` (benchmark, mode, params with the model, P and every size,
primaryMetric with JMH's 99.9% interval), and names the harness and the interpreter.

When a fork has ended, whatever is left in its process group is killed, so no interpreter of
the run outlives it; so is the running fork when the harness is interrupted or terminated.
"""

import json
import os
import signal
import subprocess
import sys
import tempfile
import time

from . import HARNESS, interpreter, models, stats, workloads

#: The method name of each workload's benchmark, as the Java suite's JMH benchmarks name theirs.
METHODS = {
    "cpu": "countPrimes",
    "blocking": "sleepInEveryTask",
    "spawn": "startAndJoinTasks",
    "tree": "fanOutAndSum",
    "handoff": "passTheToken",
    "mixed": "computeThenWaitInEveryTask",
    "io": "requestOverLoopbackInEveryTask",
    "transfer": "returnPayloadFromEveryTask",
    "contention": "updateOneSharedCounter",
    "pinning": "waitInsideEachWorkersOwnLock",
    "probe": "failOnPurpose",
}

#: Exit codes: the run failed (a wrong answer, a unit that raised), a usage error, the model declares the work n/a.
FAILED, USAGE, NOT_APPLICABLE = 1, 2, 3


class Failure(Exception):
    """The run failed; the message is one line naming the model and the cause."""


def benchmark_name(workload):
    """``concurrency_bench.cpu.countPrimes``: the package, the workload, what one operation does."""
    return "concurrency_bench.%s.%s" % (workload, METHODS[workload])


def parse_time(text):
    """``200ms``, ``200 ms``, ``1s``, ``1.5 s`` as seconds (more than 0)."""
    value = text.strip().lower().replace(" ", "")
    for suffix, scale in (("ms", 0.001), ("us", 0.000001), ("s", 1.0), ("min", 60.0)):
        if value.endswith(suffix):
            number = value[:-len(suffix)]
            try:
                seconds = float(number) * scale
            except ValueError:
                break
            if seconds > 0:
                return seconds
            break
    raise ValueError("a time is a number and a unit, more than 0, such as 200ms or 1s; got '%s'" % text)


def time_text(seconds):
    """JMH's way of writing an iteration's time: ``200 ms``, ``1 s``."""
    millis = round(seconds * 1000)
    return "%d s" % (millis // 1000) if millis % 1000 == 0 else "%d ms" % millis


def allowed_cpus():
    """The CPUs this process may use, in order; None where the OS cannot say or pin."""
    if not hasattr(os, "sched_getaffinity") or not hasattr(os, "sched_setaffinity"):
        return None
    return sorted(os.sched_getaffinity(0))


class Settings:
    """What one run measures and how: the model at P, the workload with its sizes, forks and iterations."""

    def __init__(self, model, workload, cores, sizes, forks, warmup_iterations, warmup_time, iterations,
                 measurement_time, timeout):
        self.model = model
        self.workload = workload
        self.cores = cores
        self.sizes = sizes
        self.forks = forks
        self.warmup_iterations = warmup_iterations
        self.warmup_time = warmup_time
        self.iterations = iterations
        self.measurement_time = measurement_time
        self.timeout = timeout


def package_path():
    """The folder that holds this package, for the children's PYTHONPATH."""
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def child_environment():
    environment = dict(os.environ)
    paths = [package_path()] + [path for path in environment.get("PYTHONPATH", "").split(os.pathsep) if path]
    environment["PYTHONPATH"] = os.pathsep.join(paths)
    return environment


def run(settings, out=sys.stdout):
    """Measures ``settings`` in its forks and returns the record; Failure in one line if a fork fails."""
    workload = workloads.create(settings.workload, settings.sizes)
    reason = models.limit(settings.model, settings.cores, workload)
    if reason is not None:
        raise NotApplicable("n/a: %s cannot run %s at P=%d: %s" % (settings.model, workload.describe(),
                                                                   settings.cores, reason))
    cpus = allowed_cpus()
    held = None if cpus is None else cpus[:settings.cores]
    raw = []
    for fork in range(1, settings.forks + 1):
        print("# Fork: %d of %d" % (fork, settings.forks), file=out, flush=True)
        raw.append(_run_fork(settings, fork, held))
    return record(settings, raw, held, cpus)


class NotApplicable(Exception):
    """The model declares the workload beyond what it can run honestly; the message says why."""


def _run_fork(settings, fork, cpus):
    order = {
        "model": settings.model, "workload": settings.workload, "cores": settings.cores, "cpus": cpus,
        "sizes": {name: str(value) for name, value in settings.sizes.items()},
        "warmupIterations": settings.warmup_iterations, "warmupTime": settings.warmup_time,
        "iterations": settings.iterations, "measurementTime": settings.measurement_time,
    }
    descriptor, result_file = tempfile.mkstemp(prefix="concurrency-bench-fork-", suffix=".json")
    os.close(descriptor)
    order["resultFile"] = result_file
    error_file = tempfile.TemporaryFile()
    process = None
    try:
        process = subprocess.Popen([sys.executable, "-m", "concurrency_bench", "fork", json.dumps(order)],
                                   stdin=subprocess.DEVNULL, stderr=error_file, env=child_environment(),
                                   start_new_session=True)
        try:
            code = process.wait(settings.timeout)
        except subprocess.TimeoutExpired:
            raise Failure("%s on %s at P=%d: fork %d did not finish within %d s; it was killed"
                          % (settings.model, settings.workload, settings.cores, fork, settings.timeout)) from None
        if code != 0:
            error_file.seek(0)
            raise Failure(_failure_line(settings, fork, code, error_file.read().decode("utf-8", "replace")))
        with open(result_file, encoding="utf-8") as results:
            return json.load(results)["scores"]
    finally:
        if process is not None:
            _end_group(process)
        error_file.close()
        os.unlink(result_file)


def _failure_line(settings, fork, code, errors):
    lines = [line.strip() for line in errors.splitlines() if line.strip()]
    marked = [line[len("error: "):] for line in lines if line.startswith("error: ")]
    if marked:
        return marked[-1]
    reason = lines[-1] if lines else "no message"
    return "%s on %s at P=%d: fork %d exited with code %s: %s" % (settings.model, settings.workload, settings.cores,
                                                                   fork, code, reason)


def _end_group(process):
    """Kills the fork, if it still runs, and every process left in its group (a worker, the io server)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass  # the group is empty: nothing outlived the fork
    process.wait()


def record(settings, raw, held, cpus):
    """The result in the shape of one element of JMH's ``-rf json``."""
    scores = [score for fork in raw for score in fork]
    score = stats.mean(scores)
    error = stats.mean_error(scores)
    params = {"model": settings.model, "cores": str(settings.cores)}
    params.update({name: str(value) for name, value in settings.sizes.items()})
    if held is None:
        coresHeld = "not pinned: this OS has no os.sched_setaffinity"
    else:
        coresHeld = "os.sched_setaffinity to CPUs %s (the first P of %s)" % (
            ",".join(map(str, held)), ",".join(map(str, cpus)))
    described = interpreter.describe()
    return {
        "harness": "%s: %s forks outside JMH, each held to P cores" % (HARNESS, interpreter.name(described)),
        "benchmark": benchmark_name(settings.workload),
        "mode": "avgt",
        "threads": 1,
        "forks": settings.forks,
        "interpreter": described,
        "coresHeld": coresHeld,
        "warmupIterations": settings.warmup_iterations,
        "warmupTime": time_text(settings.warmup_time),
        "warmupBatchSize": 1,
        "measurementIterations": settings.iterations,
        "measurementTime": time_text(settings.measurement_time),
        "measurementBatchSize": 1,
        "params": dict(sorted(params.items())),
        "primaryMetric": {
            "score": score,
            "scoreError": _number(error),
            "scoreConfidence": [_number(score - error), _number(score + error)],
            "scorePercentiles": {_rank(rank): stats.percentile(scores, rank) for rank in stats.PERCENTILES},
            "scoreUnit": "ms/op",
            "rawData": raw,
        },
        "secondaryMetrics": {},
    }


def _number(value):
    """A number, or JMH's quoted "NaN" where there is none: JSON has no NaN."""
    return value if value == value else "NaN"


def _rank(rank):
    return ("%f" % rank).rstrip("0").rstrip(".") if rank != int(rank) else "%.1f" % rank


# ----------------------------------------------------------------------------------------------
# One fork, in a fresh interpreter.

def fork(order):
    """Runs one fork's iterations as ``order`` says and writes their scores; a failure is one line."""
    if order["cpus"] is not None:
        os.sched_setaffinity(0, order["cpus"])
    server = None
    model = None
    try:
        port = 0
        if order["workload"] == "io":
            from .loopback import Server
            server = Server()
            port = server.port
        workload = workloads.create(order["workload"], order["sizes"], port)
        expected = workload.expected()
        model = models.create(order["model"], order["cores"])
        scores = []
        for label, count, seconds in (("# Warmup Iteration", order["warmupIterations"], order["warmupTime"]),
                                      ("Iteration", order["iterations"], order["measurementTime"])):
            for index in range(1, count + 1):
                score = iteration(model, workload, expected, seconds)
                print("%s %3d: %.3f ms/op" % (label, index, score), flush=True)
                if label == "Iteration":
                    scores.append(score)
    finally:
        try:
            if model is not None:
                model.close()
        finally:
            if server is not None:
                server.close()
    with open(order["resultFile"], "w", encoding="utf-8") as results:
        json.dump({"scores": scores}, results)


def iteration(model, workload, expected, seconds):
    """Whole operations until at least ``seconds`` have passed; milliseconds per operation. Answers checked at the end."""
    operations = 0
    wrong = None
    started = time.perf_counter()
    while True:
        answer = model.run(workload)
        operations += 1
        if answer != expected and wrong is None:
            wrong = answer
        elapsed = time.perf_counter() - started
        if elapsed >= seconds:
            break
    if wrong is not None:
        raise Failure("model %s, workload %s: answered %s, expected %s" % (model.id, workload.describe(), wrong,
                                                                          expected))
    return elapsed * 1000 / operations
