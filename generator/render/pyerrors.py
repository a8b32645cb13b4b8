"""The SDK's own exception classes, which every Speakeasy SDK offers whatever its spec says: the
exception of a response no error class describes (`defaultErrorName`, `SDKError` unless renamed) and,
from 1.600, the base class of every error response's exception (`baseErrorName`) with `NoResponseError`
and `ResponseValidationError` beside it (`Profile.error_base`). Users catch them by these names
(`except errors.APIError`), so they stand in the module Speakeasy writes each to, where the spec's
error classes go (`errors`, `models.errors`, or `models` when gen.yaml puts the errors there). Nothing
of ours raises them: a client built on these models does, with any object for the httpx response."""

from __future__ import annotations

from dataclasses import dataclass, replace

import jinja2

from ..ir import Model, Prim
from .model_rules import ModelRules
from .pyimports import import_line, relative
from .pytypes import Spelling


@dataclass(frozen=True)
class SdkException:
    kind: str  # "base", "default", "no_response" or "validation": which class `sdk_exception.py.j2` writes
    name: str
    parent: str  # the class it derives from: `Exception`, or the era's base error class
    typing: tuple[str, ...]  # the `typing` names its class uses

    @property
    def module(self) -> str:
        return exception_module(self.name)


def exception_module(name: str) -> str:
    """Speakeasy's file for an SDK exception: the lower-cased name, `no_response_error` for NoResponseError."""
    return "no_response_error" if name == "NoResponseError" else name.lower()


def sdk_exceptions(rules: ModelRules) -> list[SdkException]:
    """The SDK's exception classes in `rules`' era, the base first."""
    base, default = rules.error_base, rules.error_default
    if not base:
        return [SdkException("default", default, "Exception", ("Any",))]
    return [
        SdkException("base", base, "Exception", ("Any", "Optional")),
        SdkException("default", default, base, ()),
        SdkException("no_response", "NoResponseError", "Exception", ()),
        SdkException("validation", "ResponseValidationError", base, ("Any", "Optional")),
    ]


def errors_namespace(namespaces: list[str], namespaced: bool, beside_models: bool) -> str:
    """Where the SDK's exceptions go: with the spec's error classes, or where gen.yaml would put them."""
    for existing in ("errors", "models.errors"):
        if existing in namespaces:
            return existing
    return "models.errors" if namespaced else "models" if beside_models else "errors"


def with_base_free(rules: ModelRules, namespace: str, taken: set[str]) -> ModelRules:
    """`rules` without a base error class where the spec's own classes or modules take its name (in
    `taken`): the errors then derive from `Exception`."""
    base = rules.error_base
    return replace(rules, error_base="") if base in taken or f"{namespace}.{exception_module(base)}" in taken else rules


def render_sdk_exceptions(
    env: jinja2.Environment, title: str, namespace: str, rules: ModelRules, taken: set[str]
) -> dict[str, tuple[str, str]]:
    """{dotted module: (its text, the class it defines)} for each SDK exception whose name and module the
    spec's own classes leave free (`taken`: the classes of `namespace` and every module): a spec's own
    `APIError` stays the spec's."""
    out = {}
    for exception in sdk_exceptions(rules):
        module = f"{namespace}.{exception.module}"
        if exception.name in taken or module in taken:
            continue
        parent = f"{namespace}.{exception_module(exception.parent)}"
        text = env.get_template("sdk_exception.py.j2").render(
            title=f"{title} ({module})",
            exception=exception,
            imports=(
                "" if exception.parent == "Exception" else import_line(relative(module, parent), [exception.parent])
            ),
        )
        out[module] = (text, exception.name)
    return out


def other_properties(model: Model, spell: Spelling) -> tuple[str, tuple[str, ...]]:
    """The line declaring a model's other properties (`additionalProperties`) and the names it uses; none
    when its base model's `extra="allow"` says all. An error class's are a field the SDK fills, never sent
    (outpost 1.712-1.791, the six error components with `additionalProperties: true`; no error class of the
    corpus has them without it); a model's of a type other than Any, pydantic's `__pydantic_extra__`."""
    if model.additional is None:
        return "", ()
    if model.uses.error and all(f.name != "additional_properties" for f in model.fields):
        extra = f"Dict[str, {spell.type(model.additional)}]"
        line = f"additional_properties: Annotated[Optional[{extra}], pydantic.Field(exclude=True)] = None"
        return line, ("Annotated", "Optional", "pydantic", "Dict")
    if isinstance(model.additional, Prim) and model.additional.name == "Any":
        return "", ()
    line = f"__pydantic_extra__: Dict[str, {spell.type(model.additional)}] = pydantic.Field(init=False)"
    return line, ("pydantic", "Dict")
