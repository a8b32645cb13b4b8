"""Models conformance must not fall below the per-entry floors of `conformance_floors.MODEL_FLOORS`."""

from __future__ import annotations

import models_conformance  # tests/models_conformance.py, also `make models-conformance`
from conformance_floors import MODEL_FLOORS, MODULE_FLOORS
from conftest import shared_path


def test_every_entry_keeps_its_model_floor():
    shared_path("corpus")
    names = models_conformance.entries()
    assert sorted(MODEL_FLOORS) == sorted(MODULE_FLOORS) == names, "every entry with sdk/ needs its floors"
    below = []
    for name in names:
        counts = models_conformance.run_entry(name).counts
        for kind, (floor, total) in zip(models_conformance.KINDS, MODEL_FLOORS[name], strict=True):
            assert (
                counts[kind + " total"] == total
            ), f"{name}: {counts[kind + ' total']} {kind}s, the table says {total}"
            if counts[kind + " identical"] < floor:
                below.append(f"{name} {kind}s {counts[kind + ' identical']}/{total} (floor {floor})")
        if counts["module same"] < MODULE_FLOORS[name]:
            below.append(f"{name} classes in Speakeasy's module {counts['module same']} (floor {MODULE_FLOORS[name]})")
    assert not below, "entries below their floor: " + ", ".join(below)


def test_annotations_are_compared_without_metadata_or_qualifiers():
    theirs: dict = {}
    models_conformance.read_module(
        "class A(BaseModel):\n"
        "    x: Annotated[Optional[components.B], pydantic.Field(alias='X'), FieldMetadata(query=Q())] = None\n"
        "    y: Optional[Literal['b.c']] = 'b.c'\n"
        "Colour = Literal['c', 'd']\n"
        "Either = TypeAliasType('Either', Union[A, 'B'])\n",
        theirs,
    )
    ours: dict = {}
    models_conformance.read_module(
        "class A(BaseModel):\n"
        "    x: Optional[_components.B] = pydantic.Field(default=None, alias='X')\n"
        "    y: Optional[Literal['b.c']] = 'b.c'\n"
        "class Colour(str, Enum):\n    C = 'c'\n    D = 'd'\n"
        "Either: TypeAlias = Union[A, B]\n",
        ours,
    )
    assert theirs["A"].fields[0] == models_conformance.FieldSig("x", "X", "Optional[B]", "None", "query")
    assert [(f.name, f.alias, f.annotation, f.default) for f in theirs["A"].fields] == [
        (f.name, f.alias, f.annotation, f.default) for f in ours["A"].fields
    ]
    assert theirs["Colour"].members == ("literal", False, ((None, "c"), (None, "d")))
    assert ours["Colour"].members == ("str", False, (("C", "c"), ("D", "d")))
    assert theirs["Either"].members == ours["Either"].members == (False, ("A", "B"))
