"""openapi-modelgen: OpenAPI documents to pydantic models and Speakeasy-style Markdown docs."""

from __future__ import annotations

import gc
import os
import sys
from typing import NoReturn

__version__ = "0.1.0"


def run() -> NoReturn:
    """The `modelgen` command. The cyclic collector rests from before the first import (the run
    keeps everything it builds to the end, so it could free nothing, and its rescans of the
    growing heap cost a tenth of a run); the process then exits without tearing that heap down
    object by object (another tenth)."""
    gc.disable()
    from .cli import main

    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can be said
            code = code or 1
    os._exit(code)
