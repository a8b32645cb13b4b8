"""The committed seed package imports and its models keep absent and null apart."""

from __future__ import annotations

import importlib
import os
import sys

import pydantic
import pytest
from conftest import ROOT


@pytest.fixture(scope="module")
def models():
    sys.path.insert(0, os.path.join(ROOT, "generated", "orq"))
    try:
        yield importlib.import_module("orq_models")
    finally:
        sys.path.remove(os.path.join(ROOT, "generated", "orq"))


def test_payload_round_trips(models):
    payload = {"created": None, "data": [{"url": "https://x/y.png"}], "usage": {"input_tokens": 3}}
    image = models.ImageGeneration.model_validate(payload)
    assert image.data[0].url == "https://x/y.png"
    assert image.created is None
    assert image.background is models.UNSET
    assert image.model_dump(by_alias=True, exclude_unset=True) == payload


def test_absent_nullable_field_is_not_dumped_as_null(models):
    image = models.ImageGeneration.model_validate({"data": []})
    dumped = image.model_dump(by_alias=True)
    assert "background" not in dumped
    assert "created" not in dumped


def test_required_field_is_enforced(models):
    with pytest.raises(pydantic.ValidationError):
        models.ImageGeneration.model_validate({"created": 1})
