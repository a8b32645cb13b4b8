"""Where the schema builder reads a schema, and what a declaration built there starts from.

Every builder function used to take the same seven values by hand (file, pointer, hint, parent,
context, component, ...); a `Site` carries them as one, and its methods say how a nested schema's
site differs from its container's: a longer pointer, maybe another name hint or parent, never a
component of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ..errors import SpecError, join_pointer
from ..ir import Decl, Origin


@dataclass(frozen=True)
class Site:
    """A schema's place: the file and JSON pointer it is read at, the name it would take (a component
    key, a property name, a title), the declaration it is inside and its operation's name prefix."""

    file: str
    pointer: str
    hint: str
    parent: Decl | None = None
    context: str = ""  # the operation-derived prefix inline schemas are named with (see `Origin.context`)
    # a component's own schema: named by its key (not a title), registered before its members so they
    # can refer back to it, and never folded away (a union of one stays a class)
    component: bool = False
    titled: bool = False  # a property's schema named after its own title (see `Origin.titled`)

    def at(self, *tokens: Any, hint: str | None = None) -> Site:
        """A schema nested in this one (items, a union's `allOf` orphans, `additionalProperties`):
        same container, never a component."""
        return replace(
            self, pointer=join_pointer(self.pointer, *tokens), hint=self.hint if hint is None else hint, component=False
        )

    def inside(self, parent: Decl, *tokens: Any, hint: str, titled: bool = False) -> Site:
        """A schema that belongs to the declaration `parent` built here (a property, a union member)."""
        return Site(self.file, join_pointer(self.pointer, *tokens), hint, parent, self.context, titled=titled)

    def origin(self) -> Origin:
        """The origin of an inline declaration built here (parse adds what else it learns later)."""
        return Origin(parent=self.parent, context=self.context, titled=self.titled)

    def error(self, message: str, *tokens: Any) -> SpecError:
        """An error about this schema (or the part of it `tokens` point to)."""
        return SpecError(message, file=self.file, pointer=join_pointer(self.pointer, *tokens))


@dataclass(frozen=True)
class OperationSite:
    """An operation being read: the file its contents are in (an operation may be a `$ref` into
    another file), its pointer there, the operation object, and its base name (`operation_context`),
    which prefixes the names of the declarations inside it."""

    file: str
    pointer: str
    operation: dict[str, Any]
    context: str
    method: str = ""  # lower case, as the path item's key
    path: str = ""  # the path (a webhook's or callback's name: see `parse.paths`)
    hook: str = ""  # "webhooks" or "callbacks" for the operations the API calls, else ""

    def at(self, *tokens: Any) -> str:
        """The pointer of a part of the operation (`parameters`, `requestBody`, `responses/200`)."""
        return join_pointer(self.pointer, *tokens)

    def error(self, message: str, *tokens: Any) -> SpecError:
        """An error about a part of this operation."""
        return SpecError(message, file=self.file, pointer=self.at(*tokens))
