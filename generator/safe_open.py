"""Opening a file the user names without ever blocking: a FIFO or a device is refused, not read
(the loader and the no-change check both read such files; no import beyond the standard library,
so the no-change check stays light)."""

from __future__ import annotations

import os
import stat


class NotRegularFile(OSError):
    """The path names something other than a regular file (a FIFO, a device, a directory)."""


def open_regular(path: str) -> tuple[int, int]:
    """A read-only descriptor of the regular file at `path`, and its size; the caller closes it.
    The open does not block (a FIFO without a writer would), and anything but a regular file raises
    `NotRegularFile`; other failures raise `OSError` as `os.open` does."""
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(path)
    except OSError:
        os.close(handle)
        raise
    return handle, info.st_size


class TooLarge(OSError):
    """The file holds more bytes than the reader's limit (checked before reading, and while reading
    a file that grows)."""


def read_regular(path: str, limit: int | None = None) -> bytes:
    """The bytes of the regular file at `path`, read without blocking (see `open_regular`): the
    documents the loader reads and what modelgen reads in an output folder, where a FIFO could
    stand in for a file it wrote. More than `limit` bytes raise `TooLarge`."""
    handle, size = open_regular(path)
    try:
        if limit is not None and size > limit:
            raise TooLarge(path)
        chunks = []
        total = 0
        while chunk := os.read(handle, max(size, 65536)):
            chunks.append(chunk)
            total += len(chunk)
            if limit is not None and total > limit:  # grew while being read
                raise TooLarge(path)
        return b"".join(chunks)
    finally:
        os.close(handle)
