"""gen.yaml `generation.deduplicateErrors` (`shape.errors`, `naming.fixed.deduplicated_error_names`): alike
inline error bodies are one class, named after their status unless another body wants the name, in the
first operation's module; without the option each operation keeps its own."""

from __future__ import annotations

import glob
import os

from conftest import shared_path
from models_support import generated


def _body(*fields: str, message: bool = False) -> dict:
    properties = {name: {"type": "string"} for name in fields}
    if message:
        properties["message"] = {"type": "string"}
    return {"type": "object", "properties": properties, "required": list(fields)}


def _responses(**errors: dict) -> dict:
    found = {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "string"}}}}}
    for status, schema in errors.items():
        found[status.lstrip("s")] = {
            "description": f"status {status}",
            "content": {"application/json": {"schema": schema}},
        }
    return found


SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "Pets", "version": "1"},
    "paths": {
        "/pets": {
            "get": {"operationId": "listPets", "responses": _responses(s400=_body("code"), s404=_body("code"))},
            "post": {
                "operationId": "addPet",
                "responses": _responses(s400=_body("code"), s401=_body("why"), s500=_body("code", message=True)),
            },
            "put": {"operationId": "putPet", "responses": _responses(s400=_body("other"), s500=_body("code"))},
        },
    },
}


def _package(root, name: str, dedupe: bool):  # type: ignore[no-untyped-def]
    gen = {
        "generation": {"deduplicateErrors": dedupe, "fixes": {"nameResolutionFeb2025": True}},
        "python": {"imports": {"paths": {"errors": "errors"}}},
    }
    return generated(root, SPEC, name, gen, "1.621.0")[0], root / "out" / name / "errors"


def test_alike_error_bodies_share_one_class(tmp_path):
    pkg, errors = _package(tmp_path / "dedupe", "pets_dedupe", True)
    # 400: two shapes, each named after its first operation; 404, 401 alone: the status; 500 twice, unlike
    names = {"ListPetsBadRequestError", "PutPetBadRequestError", "NotFoundError", "UnauthorizedError"}
    names |= {"AddPetInternalServerError", "PutPetInternalServerError"}
    for name in names:
        assert hasattr(pkg.errors, name), name
    assert not hasattr(pkg.errors, "AddPetBadRequestError") and not hasattr(pkg.errors, "NotFoundErrorError")
    modules = {os.path.basename(p) for p in glob.glob(str(errors / "*op.py"))}
    assert modules == {"listpetsop.py", "addpetop.py"}, modules  # the one with `message` stays in its own
    assert "class AddPetInternalServerError(" in (errors / "addpetop.py").read_text(encoding="utf-8")
    first = (errors / "listpetsop.py").read_text(encoding="utf-8")
    assert "class PutPetBadRequestError(" in first and "class UnauthorizedError(" in first
    data = pkg.errors.ListPetsBadRequestErrorData.model_validate({"code": "x"})
    assert data.code == "x"


def test_without_the_option_each_operation_keeps_its_own(tmp_path):
    pkg, errors = _package(tmp_path / "apart", "pets_apart", False)
    for name in ("ListPetsBadRequestError", "AddPetBadRequestError", "PutPetBadRequestError", "NotFoundError"):
        assert hasattr(pkg.errors, name), name  # the one 404 body keeps its status's name (`lone_error_names`)
    assert {os.path.basename(p) for p in glob.glob(str(errors / "*op.py"))} == {
        "listpetsop.py",
        "addpetop.py",
        "putpetop.py",
    }


def test_squadcast_error_classes_are_speakeasys():
    """squadcast 1.621 (`deduplicateErrors: true`): our error module's classes are those of Speakeasy's."""
    from generator.config import Options, speakeasy_options
    from generator.pipeline import build_named
    from generator.profile import Profile
    from generator.render import render_package
    from generator.render.model_rules import ModelRules

    entry = os.path.join(shared_path("corpus"), "squadcast")
    options = speakeasy_options(entry, Options())
    profile = Profile.from_options(options)
    files = render_package(
        build_named(os.path.join(entry, "openapi.yaml"), options), profile.package, ModelRules.from_profile(profile)
    )
    theirs = os.path.join(entry, "sdk", "squadcast_sdk", "errors", "analytics_getorganalyticsop.py")
    with open(theirs, encoding="utf-8") as handle:
        expected = {line.split("(")[0][6:] for line in handle if line.startswith("class ")}
    ours = files["squadcast_sdk/errors/analytics_getorganalyticsop.py"]
    found = {line.split("(")[0][6:] for line in ours.splitlines() if line.startswith("class ")}
    assert expected <= found and not any(name.startswith("AnalyticsGetOrgAnalytics") for name in found)
    assert not [
        path
        for path in files
        if path.startswith("squadcast_sdk/errors/")
        and path.endswith("op.py")
        and not path.endswith("analytics_getorganalyticsop.py")
    ]
