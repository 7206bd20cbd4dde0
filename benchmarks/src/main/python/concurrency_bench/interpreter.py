"""Which interpreter runs the models: implementation, version, whether the build is free-threaded
(no GIL) and whether the GIL is on, the executable and multiprocessing's start method. Written
into every record, so that a figure names the interpreter that produced it."""

import multiprocessing
import platform
import sys
import sysconfig


def describe():
    free_threaded = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    gil_check = getattr(sys, "_is_gil_enabled", None)
    return {
        "implementation": platform.python_implementation(),
        "version": platform.python_version(),
        "freeThreaded": free_threaded,
        "gilEnabled": bool(gil_check()) if gil_check else True,
        "executable": sys.executable,
        "startMethod": multiprocessing.get_start_method(),
    }


def name(described):
    """``CPython 3.11.7`` and, where it matters, ``free-threaded, GIL off``."""
    text = "%s %s" % (described["implementation"], described["version"])
    if described["freeThreaded"]:
        text += ", free-threaded, GIL " + ("on" if described["gilEnabled"] else "off")
    return text
