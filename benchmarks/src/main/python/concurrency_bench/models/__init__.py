"""The Python models by id, in the order reports list them; one module per model."""

from .asyncio_model import Asyncio
from .process_per_task import ProcessPerTask
from .process_pool import ProcessPool, SharedProcessPool
from .thread_pool import ThreadPool
from .threads import Threads

MODELS = {model.id: model for model in (Threads, ThreadPool, ProcessPool, SharedProcessPool, ProcessPerTask, Asyncio)}


def ids():
    return list(MODELS)


def create(model, parallelism):
    """A new model ``model`` with P = ``parallelism``; an unknown id names the known ones."""
    if model not in MODELS:
        raise ValueError("unknown Python model '%s'; known: %s" % (model, ", ".join(MODELS)))
    return MODELS[model](parallelism)


def limit(model, parallelism, workload):
    """Why ``model`` at P cannot run ``workload``, without starting its threads or processes; None when it can."""
    if model not in MODELS:
        raise ValueError("unknown Python model '%s'; known: %s" % (model, ", ".join(MODELS)))
    declared = MODELS[model].__new__(MODELS[model])
    declared.parallelism = parallelism
    return declared.limit(workload)
