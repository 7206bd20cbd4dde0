"""The suite's checked workloads run by CPython's own concurrency tools.

Each model is written the way Python code uses its standard library: ``threading.Thread``
per task, ``ThreadPoolExecutor``, ``multiprocessing.Pool``, ``multiprocessing.Process`` per
task and ``asyncio`` tasks on one event loop. The workloads, their parameters and their
expected answers are the Java catalog's (``org.concurrencybench.core.Workloads``), so the
figures sit in the same tables as the Java models'. ``python3 -m concurrency_bench --help``
says how to measure them; standard library only.
"""

#: The oldest interpreter the package runs on.
MIN_PYTHON = (3, 9)

#: The harness's name and version, written into every record it produces.
HARNESS = "concurrency_bench 1"
