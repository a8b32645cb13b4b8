"""What every era mixin of `Profile` may read: the generator version and the flavour and template
behaviours the eras build on. `Profile` provides them; the mixins (`docs`, `models`, `naming`,
`parsing`) inherit this one declaration instead of each repeating it for the type checker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .gen_yaml import Version


class Eras:
    """The settings and behaviours an era mixin reads besides its own."""

    version: Version

    if TYPE_CHECKING:

        @property
        def python_docs(self) -> bool: ...

        @property
        def dataclasses(self) -> bool: ...

        @property
        def schemas_word(self) -> bool: ...
