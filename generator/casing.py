"""Word-level casing shared by every name Speakeasy derives: classes, fields, enum members.

Kept apart from `naming` (which decides *which* words a name is made of and resolves
collisions) so each can be matched against the corpus on its own.
"""

from __future__ import annotations

import keyword
import re

_WORD = re.compile(r"[A-Za-z0-9]+")
_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_RESERVED_FIELDS = set(keyword.kwlist) | {"model_config", "model_fields", "copy", "dict", "json", "schema", "validate"}


def pascal(text: str) -> str:
    """`post /v2/router` -> `PostV2Router`; existing inner capitals are kept."""
    words = _WORD.findall(text)
    name = "".join(w[:1].upper() + w[1:] for w in words)
    return name or "Model"


def snake(text: str) -> str:
    """`issuedAt` -> `issued_at`, `HTTPCode` -> `http_code`, `a-b` -> `a_b`."""
    words: list[str] = []
    for chunk in _WORD.findall(text):
        words.extend(_CAMEL_BOUNDARY.split(chunk))
    name = "_".join(w.lower() for w in words if w)
    if not name:
        name = "field"
    if name[0].isdigit():
        name = "field_" + name
    if name in _RESERVED_FIELDS:
        name += "_"
    return name


def enum_member(value: object) -> str:
    """`server_measure` -> `SERVER_MEASURE`; digits-first values get a prefix."""
    words: list[str] = []
    for chunk in _WORD.findall(str(value)):
        words.extend(_CAMEL_BOUNDARY.split(chunk))
    name = "_".join(w.upper() for w in words if w)
    if not name:
        return "EMPTY"
    if name[0].isdigit():
        name = "VALUE_" + name
    return name
