"""A one-line progress display on stderr for long runs, silent where nobody watches.

It shows only when stderr is a terminal, the run has lasted a moment already (short runs
stay clean), and the environment is not CI (`CI=true`, as GitHub Actions, GitLab and most
others set) or a dumb terminal. The line is rewritten in place and erased at the end, so
the one-line summary printed afterwards is all that remains.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from typing import TextIO

_DELAY = 0.3  # seconds before the first update: a quick run shows nothing (MODELGEN_PROGRESS_DELAY overrides)
_INTERVAL = 0.1  # at most ten redraws a second


def interactive(stream: TextIO) -> bool:
    if os.environ.get("CI", "").strip().lower() in ("true", "1", "yes"):
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Progress:
    """Call with a short status text as work advances; `done()` erases the line."""

    def __init__(self, stream: TextIO | None = None, enabled: bool | None = None, prefix: str = ""):
        self.stream = stream or sys.stderr
        self.enabled = interactive(self.stream) if enabled is None else enabled
        self.prefix = prefix
        self.started = time.monotonic()
        self.delay = float(os.environ.get("MODELGEN_PROGRESS_DELAY") or _DELAY)
        self.last = 0.0
        self.shown = False

    def __call__(self, text: str) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.started < self.delay or now - self.last < _INTERVAL:
            return
        self.last = now
        width = shutil.get_terminal_size((80, 24)).columns - 1
        self.stream.write("\r" + (self.prefix + text)[:width] + "\x1b[K")
        self.stream.flush()
        self.shown = True

    def done(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False
