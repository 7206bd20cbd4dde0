"""``python3 -m concurrency_bench``: measure a Python model on a workload, or ask what the models can run.

    python3 -m concurrency_bench --model python-threads --workload cpu --cores 2 --forks 3 \\
        --warmup-iterations 3 --iterations 5 --time 1s -p limit=200000 --json result.json
    python3 -m concurrency_bench limits < cells.json     # which cells each model declares n/a, and why
    python3 -m concurrency_bench answers < workloads.json # the expected answers, computed without a model
    python3 -m concurrency_bench verify [--models a,b] [--workloads x,y] [--cores 2] [-p name=value]
                                                          # every model on every workload once, answers checked
    python3 -m concurrency_bench interpreter              # the interpreter, as the records name it
    python3 -m concurrency_bench demo [--scale 1.0]       # the notebook's two demonstrations

A usage error is one line and exit code 2; a failed run (a wrong answer, a unit that raised) one
line naming the model and the cause, and exit code 1; a model that declares the work n/a, one
line with its reason, and exit code 3.
"""

import argparse
import json
import signal
import sys

from . import MIN_PYTHON, harness, interpreter, models, workloads
from .models.base import RunFailed, cause

PROGRAM = "concurrency_bench"


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise harness_usage(message)


def harness_usage(message):
    return UsageError(message + " (see: python3 -m %s --help)" % PROGRAM)


class UsageError(Exception):
    """A bad option: one line, exit code 2."""


def _run_parser():
    parser = _Parser(prog="python3 -m " + PROGRAM, description="Measures one Python model on one workload at P cores,"
                     " JMH's way; writes a record shaped like JMH's -rf json.")
    parser.add_argument("--model", required=True, help="one of: " + ", ".join(models.ids()))
    parser.add_argument("--workload", required=True, help="one of: " + ", ".join(workloads.ids()))
    parser.add_argument("--cores", type=int, default=1, help="P: the cores the fork is held to (default 1)")
    parser.add_argument("--forks", type=int, default=3, help="fresh interpreters, one after another (default 3)")
    parser.add_argument("--warmup-iterations", type=int, default=3, help="per fork (default 3)")
    parser.add_argument("--warmup-time", default=None, help="per warm-up iteration (default: --time)")
    parser.add_argument("--iterations", type=int, default=5, help="measured iterations per fork (default 5)")
    parser.add_argument("--time", default="1s", help="per measured iteration, such as 200ms or 1s (default 1s)")
    parser.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                        help="a workload size, such as -p units=100; repeatable")
    parser.add_argument("--timeout", type=int, default=1800, help="seconds a fork may take (default 1800)")
    parser.add_argument("--json", metavar="FILE", help="write the record here, as a JSON array of one")
    return parser


def settings_of(arguments):
    options = _run_parser().parse_args(arguments)
    if options.model not in models.MODELS:
        raise UsageError("unknown model '%s'; Python models: %s" % (options.model, ", ".join(models.ids())))
    if options.workload not in workloads.CATALOG and options.workload not in workloads.PROBES:
        raise UsageError("unknown workload '%s'; workloads: %s" % (options.workload, ", ".join(workloads.ids())))
    for name, value, low in (("--cores", options.cores, 1), ("--forks", options.forks, 1),
                             ("--warmup-iterations", options.warmup_iterations, 0),
                             ("--iterations", options.iterations, 1), ("--timeout", options.timeout, 1)):
        if value < low:
            raise UsageError("%s must be at least %d, got %d" % (name, low, value))
    overrides = {}
    for param in options.param:
        name, equals, value = param.partition("=")
        name = name.strip()
        if not equals or not name or not value.strip():
            raise UsageError("-p takes name=value, such as -p units=100; got '%s'" % param)
        if "." in name:
            owner, _, name = name.partition(".")
            if owner != options.workload:
                raise UsageError("-p %s.%s: workload %s is not the one measured (%s)"
                                 % (owner, name, owner, options.workload))
        overrides[name] = value
    try:
        sizes = workloads.sizes(options.workload, overrides)
        workloads.create(options.workload, overrides)
        measurement = harness.parse_time(options.time)
        warmup = harness.parse_time(options.warmup_time) if options.warmup_time else measurement
    except ValueError as bad:
        raise UsageError(str(bad)) from None
    return harness.Settings(options.model, options.workload, options.cores, sizes, options.forks,
                            options.warmup_iterations, warmup, options.iterations, measurement, options.timeout), options


def run(arguments):
    settings, options = settings_of(arguments)
    result = harness.run(settings)
    error = result["primaryMetric"]["scoreError"]
    print("Result %s on %s at P=%d: %.3f %s ms/op (%s)" % (
        settings.model, settings.workload, settings.cores, result["primaryMetric"]["score"],
        "± %.3f" % error if error != "NaN" else "(no error estimate)", result["harness"]), flush=True)
    if options.json:
        with open(options.json, "w", encoding="utf-8") as file:
            json.dump([result], file, indent=2)
            file.write("\n")
    return 0


def limits():
    """Reads ``{"cells": [{"model", "cores", "workload", "sizes"}]}``; writes ``{"reasons": [null or reason]}``."""
    request = json.load(sys.stdin)
    reasons = []
    for cell in request["cells"]:
        try:
            workload = workloads.create(cell["workload"], cell.get("sizes", {}))
        except ValueError as bad:
            raise UsageError(str(bad)) from None
        reasons.append(models.limit(cell["model"], int(cell["cores"]), workload))
    json.dump({"reasons": reasons}, sys.stdout)
    print()
    return 0


def fork(order):
    """One fork; anything it raises becomes one line naming the model, the workload and the cause."""
    try:
        harness.fork(order)
    except (harness.Failure, RunFailed):
        raise
    except Exception as thrown:
        raise harness.Failure("%s failed on %s at P=%d: %s" % (order["model"], order["workload"], order["cores"],
                                                              cause(thrown))) from thrown
    return 0


def _terminated(signum, frame):
    # the harness's finally blocks end the running fork and its process group
    raise SystemExit(128 + signum)


def verify(arguments):
    """Every model on every workload once, in this interpreter: a JSON line per cell with its answer and the expected one.

    ``-p name=value`` sets a size in every workload that has it, ``-p workload.name=value`` in one. Exit code 1 if any
    answer is wrong or any run failed; a model's n/a is no failure.
    """
    parser = _Parser(prog="python3 -m %s verify" % PROGRAM, description="Runs every model on every workload once and"
                     " checks each answer.")
    parser.add_argument("--models", default=",".join(models.ids()))
    parser.add_argument("--workloads", default=",".join(workloads.ids()))
    parser.add_argument("--cores", type=int, default=2)
    parser.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE")
    options = parser.parse_args(arguments)
    chosen_models = [model for model in options.models.split(",") if model]
    chosen_workloads = [workload for workload in options.workloads.split(",") if workload]
    for model in chosen_models:
        if model not in models.MODELS:
            raise UsageError("unknown model '%s'; Python models: %s" % (model, ", ".join(models.ids())))
    overrides = {workload: {} for workload in chosen_workloads}
    for param in options.param:
        name, _, value = param.partition("=")
        owner, dot, name = name.strip().rpartition(".")
        for workload in chosen_workloads:
            if (owner == workload or not dot) and name in workloads.sizes(workload, {}):
                overrides[workload][name] = value
    failed = False
    for workload_id in chosen_workloads:
        server = None
        try:
            if workload_id == "io":
                from .loopback import Server
                server = Server()
            workload = workloads.create(workload_id, overrides[workload_id], server.port if server else 0)
            expected = workload.expected()
            for model_id in chosen_models:
                line = {"model": model_id, "workload": workload_id, "cores": options.cores, "expected": expected}
                reason = models.limit(model_id, options.cores, workload)
                if reason is not None:
                    line.update(status="n/a", reason=reason)
                else:
                    model = models.create(model_id, options.cores)
                    try:
                        line["answer"] = model.run(workload)
                        line["status"] = "ok" if line["answer"] == expected else "wrong"
                    except RunFailed as failure:
                        line.update(status="failed", reason=str(failure))
                    finally:
                        model.close()
                failed = failed or line["status"] in ("wrong", "failed")
                print(json.dumps(line), flush=True)
        except ValueError as bad:
            raise UsageError(str(bad)) from None
        finally:
            if server is not None:
                server.close()
    return 1 if failed else 0


def answers():
    """Reads ``{"workloads": [{"workload", "sizes"}]}``; writes ``{"expected": [...]}``, each computed without a model."""
    request = json.load(sys.stdin)
    expected = []
    for entry in request["workloads"]:
        try:
            expected.append(workloads.create(entry["workload"], entry.get("sizes", {})).expected())
        except ValueError as bad:
            raise UsageError(str(bad)) from None
    json.dump({"expected": expected}, sys.stdout)
    print()
    return 0


def main(arguments):
    if sys.version_info < MIN_PYTHON:
        print("error: the Python models need Python %d.%d or newer; this is %s" % (
            MIN_PYTHON + (sys.version.split()[0],)), file=sys.stderr)
        return harness.FAILED
    command = arguments[0] if arguments else ""
    try:
        if command == "fork":
            return fork(json.loads(arguments[1]))
        if command == "limits":
            return limits()
        if command == "answers":
            return answers()
        if command == "verify":
            return verify(arguments[1:])
        if command == "interpreter":
            json.dump(interpreter.describe(), sys.stdout)
            print()
            return 0
        if command == "demo":
            from . import demo
            return demo.main(arguments[1:])
        signal.signal(signal.SIGTERM, _terminated)
        return run(arguments)
    except UsageError as usage:
        print("%s: %s" % (PROGRAM, usage), file=sys.stderr)
        return harness.USAGE
    except harness.NotApplicable as declined:
        print("error: %s" % declined, file=sys.stderr)
        return harness.NOT_APPLICABLE
    except (harness.Failure, RunFailed) as failed:
        print("error: %s" % failed, file=sys.stderr)
        return harness.FAILED
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except Exception as thrown:  # anything else: still one line, naming the command and the cause
        print("error: %s failed: %s" % (command or "run", cause(thrown)), file=sys.stderr)
        return harness.FAILED


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
