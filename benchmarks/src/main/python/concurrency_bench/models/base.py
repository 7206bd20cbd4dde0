"""What every model shares: the limits it declares, the dispatch to one method per kind of
workload, and the one-line failure that names the model, the workload and the cause."""

import os

#: Threads of a thread-per-task model alive at once, at most, as the Java suite's threads model keeps.
MAX_THREADS_ALIVE = 10_000

#: Processes a process-per-task model starts in one run, and the ring of a relay, as the Java suite's.
MAX_PROCESSES_PER_RUN = 2_000
MAX_RING_PROCESSES = 16

#: File descriptors kept back from the process's limit for the interpreter and its pipes.
DESCRIPTOR_RESERVE = 256


class RunFailed(Exception):
    """A run of a model failed: the message is one line naming the model, the workload and the cause."""


def cause(thrown):
    """``ValueError: unit 3 failed on purpose``: an exception in one line."""
    text = str(thrown).strip().splitlines()
    return type(thrown).__name__ + (": " + text[0] if text else "")


class Model:
    """A model with P cores. Subclasses set ``id`` and implement ``batch``, ``tree``, ``relay``, ``contention``."""

    id = None

    def __init__(self, parallelism):
        if parallelism < 1:
            raise ValueError("parallelism (cores) must be at least 1, got %d" % parallelism)
        self.parallelism = parallelism

    def limit(self, workload):
        """Why this model cannot run ``workload`` honestly, in one sentence; None when it can."""
        return None

    def run(self, workload):
        """Runs ``workload`` once and returns the answer; a failure is RunFailed in one line."""
        reason = self.limit(workload)
        if reason is not None:
            raise RunFailed("n/a: %s cannot run %s: %s" % (self.id, workload.describe(), reason))
        try:
            return getattr(self, workload.kind)(workload)
        except RunFailed:
            raise
        except Exception as thrown:  # the unit's own exception, named with where it happened
            raise RunFailed("%s failed on %s: %s" % (self.id, workload.describe(), cause(thrown))) from thrown

    def close(self):
        """Ends every thread and process of this model and waits for them."""


def descriptors_left():
    """The file descriptors this process may still open, less a reserve; None where the OS does not say."""
    try:
        import resource
        soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    except (ImportError, OSError, ValueError):
        return None
    if soft == resource.RLIM_INFINITY:
        return None
    try:
        opened = len(os.listdir("/proc/self/fd"))
    except OSError:
        opened = 0
    return soft - opened - DESCRIPTOR_RESERVE


def sockets_at_once(model_id, batch, at_once):
    """n/a for io units that would hold more sockets at once than the process may open."""
    if batch.name != "io":
        return None
    left = descriptors_left()
    if left is not None and at_once > left:
        return ("%s would hold %s sockets at once, but this process may open only %s more (ulimit -n, less a"
                " reserve); use fewer units or raise ulimit -n" % (model_id, format(at_once, ","), format(left, ",")))
    return None


def threads_alive(size, count, why, most=MAX_THREADS_ALIVE):
    """n/a for a run whose ``size`` would keep more than ``most`` threads alive at once (``why``: what keeps them)."""
    if count <= most:
        return None
    return ("%s would keep up to %s threads alive at once (%s); at most %s may be alive at once, within the OS's"
            " thread limits" % (size, format(count, ","), why, format(most, ",")))
