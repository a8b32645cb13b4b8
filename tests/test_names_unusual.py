"""Names real specs can hold that no corpus entry does: Windows device names, non-ASCII letters,
names that differ only in case, a property named "". Every one gives a usable class or field and
a page whose file name works on Windows and on case-insensitive file systems."""

from __future__ import annotations

import os

import pytest
from models_support import RUFF_ARGS, dump, generated, tool

NAMES = ["con", "nul", "AUX", "Com1", "lpt9", "Ünïcödé", "用户", "User", "user", "USER", "uSer"]
SPEC = {
    "openapi": "3.0.3",
    "info": {"title": "Names", "version": "1"},
    "paths": {},
    "components": {
        "schemas": {
            **{
                name: {"type": "object", "properties": {f"from_{i}": {"type": "string"}}}
                for i, name in enumerate(NAMES)
            },
            "Odd": {
                "type": "object",
                "properties": {"": {"type": "string"}, "ñame": {"type": "integer"}, "名前": {"type": "string"}},
            },
        }
    },
}
WINDOWS_DEVICES = {"con", "prn", "aux", "nul"} | {f"{d}{n}" for d in ("com", "lpt") for n in range(10)}


@pytest.fixture(scope="module")
def names(tmp_path_factory):
    return generated(tmp_path_factory.mktemp("names"), SPEC, "names_pkg")


def _class_with(package, prop: str):
    """The model class holding the property `prop` (each schema above has its own)."""
    found = [
        cls
        for cls in (getattr(package.models, name) for name in package.models.__all__)
        if isinstance(cls, type) and hasattr(cls, "model_fields") and prop in cls.model_fields
    ]
    assert len(found) == 1, (prop, found)
    return found[0]


def test_page_names_work_on_windows_and_case_insensitive_disks(names):
    _, out = names
    pages = [name for _, _, files in os.walk(os.path.join(out, "docs")) for name in files]
    stems = [name.rsplit(".", 1)[0].split(".")[0].lower() for name in pages]
    assert not WINDOWS_DEVICES & set(stems), sorted(stems)
    assert len({name.lower() for name in pages}) == len(pages)
    assert {"con_.md", "nul_.md", "aux_.md", "com1_.md", "lpt9_.md"} <= set(pages)


def test_non_ascii_names_keep_their_letters(names):
    package, _ = names
    assert _class_with(package, "from_5").__name__ == "Unicode"
    assert _class_with(package, "from_6").__name__ == "用户"
    odd = package.models.Odd.model_validate({"": "empty", "ñame": 1, "名前": "n"})
    assert (odd.field, odd.name, odd.名前) == ("empty", 1, "n")
    assert dump(odd) == {"": "empty", "ñame": 1, "名前": "n"}  # the property named "" keeps its wire name
    # their modules too (before: `_n_c_d_.py`, `__.py`)
    assert _class_with(package, "from_5").__module__.endswith(".models.unicode")
    assert _class_with(package, "from_6").__module__.endswith(".models.用户")


def test_names_differing_only_in_case_get_classes_of_their_own(names):
    package, _ = names
    classes = [_class_with(package, f"from_{i}") for i in range(7, 11)]
    # numbered from 1, as Speakeasy numbers a component named like an earlier one (conductorone 1.352
    # `AppAccessRequestDefaults1`)
    assert [c.__name__ for c in classes[:3]] == ["User", "User1", "User2"]
    assert len({c.__name__.lower() for c in classes}) == 4


def test_package_is_clean_for_tools(names):
    _, out = names
    ruff = tool("ruff", "check", *RUFF_ARGS, "names_pkg", cwd=out)
    assert ruff.returncode == 0, ruff.stdout
    mypy = tool("mypy", "--strict", "--no-incremental", "names_pkg", cwd=out)
    assert mypy.returncode == 0, mypy.stdout
