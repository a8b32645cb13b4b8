"""Where the generator's own data files are, without importing the renderer (and Jinja)."""

from __future__ import annotations

import os


def templates_dir() -> str:
    """Installed wheels carry the templates inside the package; a checkout keeps them at the top."""
    package = os.path.dirname(os.path.abspath(__file__))
    packaged = os.path.join(package, "templates")
    return packaged if os.path.isdir(packaged) else os.path.join(os.path.dirname(package), "templates")
