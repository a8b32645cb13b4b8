"""The SDK's own exceptions (`render.pyerrors`): every Speakeasy SDK offers the exception of a response
no error class describes (`defaultErrorName`, `SDKError` unless renamed) and, from 1.600, a base class
of all error responses (`baseErrorName`) with `NoResponseError` and `ResponseValidationError`; a user
catches them by name, so ours stand in the same modules and the spec's error classes derive from the base."""

from __future__ import annotations

import glob
import os
import types

import pydantic
import pytest
from conftest import shared_path
from models_support import assert_clean_for_tools, generated

from generator.config import Options, speakeasy_options
from generator.profile import Profile
from generator.render.model_rules import ModelRules
from generator.render.pyerrors import sdk_exceptions

SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "Errors", "version": "1"},
    "paths": {
        "/pets": {
            "get": {
                "operationId": "listPets",
                "responses": {
                    "200": {"description": "ok", "content": {"application/json": {"schema": {"type": "string"}}}},
                    "404": {
                        "description": "Not found",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NotFound"}}},
                    },
                },
            }
        }
    },
    "components": {
        "schemas": {"NotFound": {"type": "object", "properties": {"message": {"type": "string"}}}},
    },
}


def _package(root, name: str, python: dict, version: str) -> types.ModuleType:
    python = {**python, "imports": {"paths": {"errors": "errors"}}}  # Speakeasy's usual `errors` package
    return generated(root, SPEC, name, {"python": python}, version)[0]


class _Response:
    """Stands for an httpx response: the attributes the exceptions read."""

    status_code = 404
    headers = {"content-type": "application/json"}
    text = '{"message": "no such pet"}'


@pytest.fixture(scope="module")
def newer(tmp_path_factory):
    root = tmp_path_factory.mktemp("errors-1.645")
    python = {"baseErrorName": "PetsError", "defaultErrorName": "APIError"}
    return _package(root, "pets_newer", python, "1.645.1"), str(root / "out")


def test_error_responses_derive_from_the_base_class(newer):
    pkg, _ = newer
    errors = pkg.errors
    data = errors.NotFoundErrorData.model_validate({"message": "no such pet"})
    with pytest.raises(errors.PetsError) as caught:
        raise errors.NotFoundError(data, _Response(), _Response.text)
    error = caught.value
    assert error.data is data and error.status_code == 404 and error.body == _Response.text
    assert error.headers["content-type"] == "application/json" and str(error) == _Response.text
    assert issubclass(errors.APIError, errors.PetsError) and issubclass(
        errors.ResponseValidationError, errors.PetsError
    )
    assert not issubclass(errors.NoResponseError, errors.PetsError) and str(errors.NoResponseError()) != ""


def test_a_validation_error_keeps_its_cause(newer):
    pkg, _ = newer
    with pytest.raises(pydantic.ValidationError) as caught:
        pkg.errors.NotFoundErrorData.model_validate({"message": 3})
    cause = caught.value
    error = pkg.errors.ResponseValidationError("Response validation failed", _Response(), cause)
    assert error.cause is cause and str(error).startswith("Response validation failed: ")
    assert error.status_code == 404


def test_older_sdks_have_one_default_error_and_errors_of_exception(tmp_path):
    pkg = _package(tmp_path / "old", "pets_older", {"defaultErrorName": "SDKError"}, "1.438.1")
    errors = pkg.errors
    assert not hasattr(errors, "NoResponseError") and errors.NotFoundError.__bases__ == (Exception,)
    error = errors.SDKError("API error occurred", 500, "boom")
    assert (error.status_code, error.body, error.raw_response) == (500, "boom", None)
    assert str(error) == "API error occurred: Status 500\nboom"


def test_packages_are_clean_for_tools(newer, tmp_path):
    _, out = newer
    assert_clean_for_tools("pets_newer", out)
    _package(tmp_path / "old", "pets_older", {}, "1.352.2")
    assert_clean_for_tools("pets_older", str(tmp_path / "old" / "out"))


def _speakeasy_files(entry: str) -> set[str]:
    """The SDK exceptions' files in Speakeasy's sources of an entry (the answer key)."""
    names = ("sdkerror.py", "apierror.py", "no_response_error.py", "responsevalidationerror.py", "*defaulterror.py")
    sdk = os.path.join(entry, "sdk")
    found = {os.path.basename(p) for n in names for p in glob.glob(os.path.join(sdk, "*", "**", n), recursive=True)}
    return found


def test_each_corpus_sdk_has_the_exceptions_of_its_era():
    """For each corpus entry with Speakeasy's sources, the SDK exceptions its gen.yaml and version give
    are the ones its sources hold (base classes by their gen.yaml name; a spec's own `APIError` aside)."""
    corpus = shared_path("corpus")
    checked = 0
    for entry in sorted(glob.glob(os.path.join(corpus, "*", "sdk"))):
        entry = os.path.dirname(entry)
        rules = ModelRules.from_profile(Profile.from_options(speakeasy_options(entry, Options())))
        ours = {e.module + ".py" for e in sdk_exceptions(rules)}
        theirs = _speakeasy_files(entry)
        if rules.error_base:
            assert glob.glob(os.path.join(entry, "sdk", "*", "**", rules.error_base.lower() + ".py"), recursive=True)
        assert theirs <= ours | {"apierror.py"}, (entry, theirs - ours)  # bar 1.318's own APIError
        assert ours - {rules.error_base.lower() + ".py"} <= theirs, (entry, ours - theirs)
        checked += 1
    assert checked == 36
