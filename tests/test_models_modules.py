"""Packages of several modules: each imports what it uses from the others, twins included.

`errors` sits beside `models`, and an error class may share its name with a model (OpenAI
`errors.Error` beside `models.Error`): a reference to that model is spelled `_models.Error`.
Namespaced specs (plexpy) get a `models` package of `components`, `operations`, `errors`...,
where `components.Hub` and `operations.Hub` are two classes.
"""

from __future__ import annotations

import ast
import glob
import importlib
import os
import pathlib
from dataclasses import replace

import pydantic
import pytest
import yaml
from conftest import shared_path
from models_support import RUFF_ARGS, load, tool

from generator.ir import Enum, EnumValue, Field, ListOf, Model, Origin, Prim, Ref, Spec, Union, Uses
from generator.render import render_package
from generator.render.model_rules import DEFAULT_RULES, ModelRules
from generator.render.pytypes import exception_name, py_name


def _spec() -> Spec:
    kind = Enum(hint="Kind", pointer="", name="Kind", values=[EnumValue("a", name="A"), EnumValue("b", name="B")])
    model_error = Model(hint="Error", pointer="", name="Error")
    model_error.fields = [Field("message", Ref(kind), required=True, name="message")]
    detail = Model(hint="Detail", pointer="", name="Detail")
    detail.fields = [Field("code", Ref(kind), required=False, name="code")]
    error = Model(hint="Error", pointer="", name="Error", uses=Uses(error=True))
    error.fields = [
        Field("inner", Ref(model_error), required=True, name="inner"),
        Field("details", ListOf(Ref(detail)), required=False, name="details"),
        Field("kind", Ref(kind), required=True, name="kind"),
    ]
    return Spec("Errors", [kind, model_error, detail, error])


def _namespaced() -> Spec:
    hub = Model(hint="Hub", pointer="", name="Hub", namespace="components")
    hub.fields = [Field("key", Prim("str"), required=True, name="key")]
    op_hub = Model(hint="Hub", pointer="", name="Hub", namespace="operations")
    op_hub.fields = [Field("hub", Ref(hub), required=True, name="hub")]
    response = Model(hint="GetHubsResponse", pointer="", name="GetHubsResponse", namespace="operations")
    response.fields = [
        Field("hubs", ListOf(Ref(hub)), required=True, name="hubs"),
        Field("wrapped", Ref(op_hub), required=False, name="wrapped"),
    ]
    either = Union(hint="Either", pointer="", name="Either", namespace="operations", members=[Ref(hub), Ref(response)])
    error = Model(
        hint="GetHubsBadRequest", pointer="", name="GetHubsBadRequest", namespace="errors", uses=Uses(error=True)
    )
    error.fields = [Field("hub", Ref(op_hub), required=False, name="hub")]
    return Spec("Namespaced", [hub, op_hub, response, either, error])


def _write(spec: Spec, out: str, package: str, rules: ModelRules = DEFAULT_RULES):
    for path, text in render_package(spec, package, rules).items():
        os.makedirs(os.path.join(out, os.path.dirname(path)), exist_ok=True)
        with open(os.path.join(out, path), "w", encoding="utf-8") as handle:
            handle.write(text)
    return load(out, package)


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    out = str(tmp_path_factory.mktemp("errors"))
    _write(_namespaced(), out, "ns_pkg")
    return _write(_spec(), out, "err_pkg"), out


def test_error_class_uses_the_model_of_the_same_name(package):
    pkg, _ = package
    error = pkg.errors.ErrorData.model_validate({"inner": {"message": "a"}, "details": [{"code": "b"}], "kind": "a"})
    assert isinstance(error.inner, pkg.models.Error) and not isinstance(error.inner, pkg.errors.ErrorData)
    assert isinstance(error.details[0], pkg.models.Detail) and error.kind is pkg.models.Kind.A
    with pytest.raises(pydantic.ValidationError):
        pkg.errors.ErrorData.model_validate({"inner": {"message": "c"}, "kind": "a"})


def test_an_error_is_an_exception_carrying_its_data(package):
    """As in Speakeasy's SDKs: `except errors.Error as e: e.data.inner`, the body as `<Name>Data`."""
    pkg, _ = package
    data = pkg.errors.ErrorData.model_validate({"inner": {"message": "a"}, "kind": "b"})
    with pytest.raises(pkg.errors.Error) as caught:
        raise pkg.errors.Error(data, None, '{"inner": {"message": "a"}, "kind": "b"}')
    assert caught.value.data is data and caught.value.body and str(caught.value) == caught.value.body
    assert not issubclass(pkg.errors.Error, pydantic.BaseModel) and str(pkg.errors.Error(data)) == repr(data)


def test_namespaces_are_modules_of_a_models_package(package):
    _, out = package
    pkg = load(out, "ns_pkg")
    components, operations = pkg.models.components, pkg.models.operations
    assert components.Hub is not operations.Hub
    response = operations.GetHubsResponse.model_validate({"hubs": [{"key": "k"}], "wrapped": {"hub": {"key": "j"}}})
    assert isinstance(response.hubs[0], components.Hub) and isinstance(response.wrapped, operations.Hub)
    assert isinstance(response.wrapped.hub, components.Hub)
    assert isinstance(pydantic.TypeAdapter(operations.Either).validate_python({"key": "k"}), components.Hub)
    error = pkg.models.errors.GetHubsBadRequestData.model_validate({"hub": {"hub": {"key": "x"}}})
    assert isinstance(error.hub, operations.Hub)


@pytest.mark.parametrize("name", ["err_pkg", "ns_pkg"])
def test_modules_are_clean_for_tools(package, name):
    _, out = package
    assert tool("black", "--check", "-q", name, cwd=out).returncode == 0
    ruff = tool("ruff", "check", *RUFF_ARGS, name, cwd=out)
    assert ruff.returncode == 0, ruff.stdout
    mypy = tool("mypy", "--strict", "--no-incremental", name, cwd=out)
    assert mypy.returncode == 0, mypy.stdout


@pytest.mark.parametrize(
    ("name", "pointer", "component", "expected"),
    [
        ("BadRequest", "#/components/responses/400/content/application~1json/schema", False, "BadRequestError"),
        ("ProblemResponse", "#/components/schemas/ProblemResponse", True, "ProblemResponseError"),
        ("Timeout", "#/components/schemas/Timeout", True, "TimeoutErrorT"),  # not Python's TimeoutError
        ("Elementalerror", "#/components/schemas/Elementalerror", True, "Elementalerror"),
        (
            "GetUsersBadRequest",
            "#/paths/~1users/get/responses/400/content/application~1json/schema",
            False,
            "GetUsersBadRequest",
        ),
    ],
)
def test_error_class_names(name, pointer, component, expected):
    error = Model(hint=name, pointer=pointer, name=name, uses=Uses(error=True), origin=Origin(from_component=component))
    assert (exception_name(error), py_name(error)) == (expected, expected + "Data")


def test_a_module_over_the_limit_is_written_in_parts(tmp_path):
    """cribl-cp 1.784: a module of more than 150 classes is written in parts of 150, in Speakeasy's order
    (each class after those it uses, a union's members last first), each part named after its last class."""
    big = Union(hint="Big", pointer="#/components/schemas/Big", name="Big", origin=Origin(from_component=True))
    members = []
    for index in range(1, 161):
        member = Model(hint="Big", pointer=f"#/components/schemas/Big/oneOf/{index}", name=f"BigMember{index}")
        member.origin = Origin(parent=big, index=index)
        member.file_stem = f"big_member_{index}"  # set by naming in the newest era
        member.fields = [Field("n", Prim("int"), required=True, name="n")]
        members.append(member)
    big.members = [Ref(m) for m in members]
    package = _write(Spec("Big", [big, *members]), str(tmp_path), "big_pkg", ModelRules(module_limit=150))
    first = importlib.import_module("big_pkg.models.big_member_11")  # members 160 down to 11
    rest = importlib.import_module("big_pkg.models.big")  # members 10 down to 1, then the union
    assert package.models.BigMember160 is first.BigMember160 and package.models.BigMember10 is rest.BigMember10
    assert not hasattr(first, "BigMember10") and package.models.Big is rest.Big
    assert pydantic.TypeAdapter(package.models.Big).validate_python({"n": 1}).n == 1


@pytest.mark.parametrize("key", ["globals", "getattr", "sorted"])
def test_a_module_named_like_a_builtin_leaves_the_lazy_init_working(tmp_path, key):
    """Importing `models/globals.py` sets `globals` in the package (Speakeasy's `models/internal/globals.py`):
    the `__init__` must not call the builtin by that name afterwards."""
    shadow = Model(hint=key, pointer=f"#/components/schemas/{key}", name="Shadow", origin=Origin(from_component=True))
    other = Model(hint="Other", pointer="#/components/schemas/Other", name="Other", origin=Origin(from_component=True))
    package = _write(Spec("Shadow", [shadow, other]), str(tmp_path), f"shadow_{key}")
    assert package.models.Shadow is importlib.import_module(f"shadow_{key}.models.{key}").Shadow
    assert package.models.Other.__name__ == "Other" and "Other" in dir(package.models)


@pytest.mark.parametrize("shared", [True, False])
def test_an_errors_inline_classes_live_with_it_before_shared_error_components(tmp_path, shared):
    """outpost 1.712-1.791 (no sharedErrorComponentsApr2025): `errors/apierrorresponse.py` holds the error's
    inline union `Data`; with the fix (mammoth 1.606, que 1.621) its inline classes are models."""
    error = Model(hint="Problem", pointer="#/components/schemas/Problem", name="Problem", uses=Uses(error=True))
    error.origin = Origin(from_component=True)
    data = Union(hint="data", pointer="#/components/schemas/Problem/properties/data", name="Data")
    data.origin, data.members = Origin(parent=error), [ListOf(Prim("str")), Prim("int")]
    error.fields = [Field("data", Ref(data), required=False, name="data")]
    rules = ModelRules(shared_errors=shared)
    package = _write(Spec("Problems", [error, data]), str(tmp_path), f"problems_{shared}", rules)
    home = "models" if shared else "errors"
    assert getattr(package, home).Data is importlib.import_module(f"problems_{shared}.{home}.problem_error").Data


def _answer_key_names(module_file: str) -> set[str]:
    """The names a module of Speakeasy's generated sources lists in `__all__` (read by AST, not imported)."""
    with open(module_file, encoding="utf-8") as handle:
        tree = ast.parse(handle.read())
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "__all__":
            return {element.value for element in node.value.elts}
    return set()


def test_speakeasy_runtime_imports_work(package):
    """The runtime names Speakeasy's users import from `<pkg>.types` (every `sdk/` answer key lists them)
    and `<pkg>.utils.eventstreaming` import from ours too, as the very objects our models use. Left out:
    `UNSET_SENTINEL`, a serialiser's internal marker, and the base64 file inputs, which we do not model."""
    sdks = shared_path("corpus")
    listed = set()
    for entry in sorted(os.listdir(sdks)):
        for found in glob.glob(os.path.join(sdks, entry, "sdk", "*", "types", "__init__.py")):
            listed |= _answer_key_names(found)
    assert listed, "no sdk/*/types/__init__.py in the corpus"
    _, out = package
    pkg = load(out, "err_pkg")
    runtime = importlib.import_module("err_pkg._types")
    types = importlib.import_module("err_pkg.types")
    basemodel = importlib.import_module("err_pkg.types.basemodel")
    for name in listed - {"UNSET_SENTINEL", "Base64EncodedString", "Base64FileInput"}:
        assert getattr(types, name) is getattr(runtime, name) is getattr(basemodel, name), name
    assert issubclass(pkg.models.Error, types.BaseModel)
    streams = importlib.import_module("err_pkg.utils").eventstreaming
    assert streams.EventStream is runtime.EventStream and streams.EventStreamAsync is runtime.EventStreamAsync


def test_only_error_classes_keep_the_sdk_exceptions_names_from_them():
    # beside the models (orq 1.606.5 errors path `models`), a model `NoResponse` has no exception class: the SDK's
    # `NoResponseError` and the base `ApiError` (gen.yaml `baseErrorName`) stay, as they would without it
    plain = [
        Model(hint=n, pointer=f"#/components/schemas/{n}", name=n, origin=Origin(from_component=True))
        for n in ("NoResponse", "Api")
    ]
    problem = Model(hint="Problem", pointer="#/components/schemas/Problem", name="Problem", uses=Uses(error=True))
    problem.origin.from_component = True
    for model in [*plain, problem]:
        model.fields = [Field("detail", Prim("str"), required=False, name="detail")]
    rules = ModelRules(errors_beside_models=True, error_base="ApiError")
    files = render_package(Spec("Plain", [*plain, problem]), "plain_pkg", rules)
    assert "class NoResponseError(Exception)" in files["plain_pkg/models/no_response_error.py"]
    assert "class ProblemError(ApiError)" in files["plain_pkg/models/problem_error.py"]
    # an error class's exception does keep its name from them: `Problem` beside a base `ProblemError` derives from
    # `Exception`
    taken = render_package(Spec("Taken", [problem]), "taken_pkg", replace(rules, error_base="ProblemError"))
    assert "class ProblemError(Exception)" in taken["taken_pkg/models/problem_error.py"]


def test_a_component_of_one_inline_schema_beside_null_is_written_with_its_user(tmp_path):
    """openrouter 1.656: `CompletionFinishReason` (`anyOf: [enum, null]`) is an enum of that name in
    `completionchoice.py`, the module of the model using it; `CompletionLogprobs`, which a lone `$ref` beside
    `null` points to, and an array of an inline object (bolt 1.645 `emails`) keep modules of their own."""
    from generator.cli import main

    reason = {"anyOf": [{"type": "string", "enum": ["stop", "length"]}, {"type": "null"}]}
    item = {"type": "object", "properties": {"address": {"type": "string"}}}
    choice = {
        "type": "object",
        "properties": {
            "finish_reason": {"$ref": "#/components/schemas/CompletionFinishReason"},
            "logprobs": {"anyOf": [{"$ref": "#/components/schemas/CompletionLogprobs"}, {"type": "null"}]},
            "emails": {"$ref": "#/components/schemas/Emails"},
        },
        "required": ["finish_reason"],
    }
    schemas = {
        "CompletionFinishReason": reason,
        "CompletionLogprobs": {
            "type": "object",
            "properties": {"tokens": {"type": "array", "items": {"type": "string"}}},
        },
        "Emails": {"type": "array", "items": item},
        "CompletionChoice": choice,
    }
    body = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/CompletionChoice"}}}}
    op = {"operationId": "complete", "responses": {"200": {"description": "ok", **body}}}
    spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {"/c": {"post": op}}}
    spec["components"] = {"schemas": schemas}
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    assert main(["generate", str(path), "--out", str(tmp_path / "out")]) == 0
    files = glob.glob(str(tmp_path / "out/*/models/*.py"))
    models = {os.path.basename(f): pathlib.Path(f).read_text(encoding="utf-8") for f in files}
    assert "completionfinishreason.py" not in models
    assert "class CompletionFinishReason(" in models["completionchoice.py"]
    assert "class CompletionLogprobs(" in models["completionlogprobs.py"]
    assert "class Emails(" in models["emails.py"]
