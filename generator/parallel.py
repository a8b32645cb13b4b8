"""One pure job run in a forked child while the parent goes on: the docs render beside the models.

Rendering the Markdown pages and the Python package are independent reads of the same named
IR, and together about a quarter of a run; on two CPUs they overlap. The child inherits the IR
(fork, copy-on-write: nothing is sent to it) and sends back its pickled result through a pipe.

Only where fork is safe and useful: POSIX `fork` on Linux (macOS frameworks may not survive a
fork), no other thread running (a library caller's), more than one usable CPU, and `MODELGEN_JOBS`
not set to 1. Otherwise, and whenever the
child fails for any reason, the parent runs the job itself, so errors surface exactly as in a
serial run and the output is the same either way.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


def _forking() -> bool:
    if not hasattr(os, "fork") or sys.platform != "linux" or os.environ.get("MODELGEN_JOBS") == "1":
        return False
    threading = sys.modules.get("threading")  # forking a threaded process can deadlock the child
    if threading is not None and threading.active_count() > 1:
        return False
    return len(os.sched_getaffinity(0)) > 1


class Background(Generic[T]):
    """`with Background(job) as b:` starts `job()` in a child; `b.result()` returns what it returned.

    Leaving the block without asking for the result (the parent's own work failed) stops the child.
    """

    def __init__(self, job: Callable[[], T]) -> None:
        self._job = job
        self._pid = 0
        self._pipe = -1
        if not _forking():
            return
        try:
            read, write = os.pipe()
        except OSError:  # out of descriptors: the parent does the job in `result`
            return
        try:
            pid = os.fork()
        except OSError:  # out of processes or memory: likewise
            os.close(read)
            os.close(write)
            return
        if pid == 0:  # the child: compute, send, and leave without running the parent's cleanups
            os.close(read)
            status = 1
            try:
                payload = pickle.dumps(job(), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write, "wb") as stream:
                    stream.write(payload)
                status = 0
            finally:
                os._exit(status)
        os.close(write)
        self._pid, self._pipe = pid, read

    def __enter__(self) -> Background[T]:
        return self

    def __exit__(self, *_: object) -> None:
        if self._pid:
            os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
            os.close(self._pipe)
            self._pid = 0

    def result(self) -> T:
        if not self._pid:
            return self._job()
        with os.fdopen(self._pipe, "rb") as stream:
            payload = stream.read()
        _, status = os.waitpid(self._pid, 0)
        self._pid = 0
        if status != 0:  # the job failed (bad input, say): run it here, where its error is reported
            return self._job()
        result: T = pickle.loads(payload)
        return result
