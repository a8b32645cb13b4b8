"""The generated Python is exactly what black would write, without running black at generation.

`pyformat.layout` ports black's line splitting; here it is compared with black itself on
statements of every shape the generator prints (random names and nesting, fixed seed),
and `black --check` runs on packages generated from a sample of the corpus.
"""

from __future__ import annotations

import os
import random

import black
import pytest
from conftest import shared_path
from models_support import generate, tool

from generator.render.pyformat import layout

SAMPLE = ["que", "sunsynk", "cribl-mgmt", "emissary", "agentset", "mammoth", "openrouter-2025-11"]


class _Shapes:
    """Statements shaped like the generator's: fields, defaults (list and map literals too), pydantic.Field calls, aliases."""

    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)

    def name(self, low: int = 3, high: int = 40) -> str:
        return (
            "".join(self.r.choice("abcdefghijklmnopqrstuvwxyz_") for _ in range(self.r.randint(low, high))).strip("_")
            or "x"
        )

    def cls(self) -> str:
        return self.name(3, self.r.choice([20, 60])).title().replace("_", "")

    def annotation(self, depth: int = 0) -> str:
        r = self.r.random()
        if depth > 3 or r < 0.4:
            return self.r.choice(["str", "int", self.cls()])
        inner = self.annotation(depth + 1)
        if r < 0.6:
            return f"List[{inner}]"
        if r < 0.75:
            return f"Dict[str, {inner}]"
        if r < 0.9:
            return f"Optional[{inner}]"
        return f"Union[{', '.join(self.annotation(depth + 1) for _ in range(self.r.randint(2, 6)))}]"

    def string(self) -> str:
        return '"' + self.name(1, 70).replace("_", " ") + '"'

    def value(self) -> str:
        r = self.r.random()
        if r < 0.3:
            return self.r.choice(["None", "UNSET", "10", "-1.5", "True", "[]", self.string()])
        if r < 0.4:
            return f"{self.cls()}.{self.name().upper()}"
        if r < 0.45:  # a spec's list or map default
            items = [self.r.choice([self.string(), "1", "-2.5", "True", "None"]) for _ in range(self.r.randint(1, 8))]
            if self.r.random() < 0.5:
                return f"[{', '.join(items)}]"
            return "{" + ", ".join(f"{self.string()}: {item}" for item in items) + "}"
        args = ["default=" + self.r.choice(["None", "UNSET", self.string(), "[]"])] if self.r.random() < 0.5 else []
        args.append("alias=" + self.string())
        return f"pydantic.Field({', '.join(args)})"

    def statement(self) -> tuple[int, str]:
        r = self.r.random()
        if r < 0.3:
            return 1, f"{self.name()}: {self.annotation()}"
        if r < 0.65:
            return 1, f"{self.name()}: {self.annotation()} = {self.value()}"
        if r < 0.75:
            return 1, f"{self.name().upper()} = {self.string()}"
        if r < 0.88:
            members = [self.cls() for _ in range(self.r.randint(2, 7))]
            tags = ", ".join(f'{self.string()}: "{m}"' for m in members)
            tagged = f"Annotated[Union[{', '.join(members)}], Discriminated({self.string()}, {{{tags}}})]"
            return 0, f"{self.cls()}: TypeAlias = {tagged}"
        members = ", ".join(self.annotation(2) for _ in range(self.r.randint(1, 9)))
        return self.r.choice([0, 1]), f"{self.cls()}: TypeAlias = Union[{members}]"


def test_layout_matches_black_on_generated_shapes():
    shapes = _Shapes(20251122)
    mismatches = []
    for _ in range(600):
        depth, statement = shapes.statement()
        ours = ("class A:\n" if depth else "") + layout(statement, depth) + "\n"
        if black.format_str(ours, mode=black.Mode()) != ours:
            mismatches.append(statement)
    assert not mismatches, mismatches[:3]


def test_long_string_value_goes_in_parentheses_only_when_that_fits():
    short_enough = "VALUE_NAME_THAT_IS_RATHER_LONG = " + '"' + "v" * 70 + '"'
    assert layout(short_enough, 1) == black.format_str("class A:\n    " + short_enough + "\n", mode=black.Mode())[9:-1]
    too_long = "VALUE = " + '"' + "v" * 100 + '"'
    assert layout(too_long, 1) == "    " + too_long


def test_long_enum_default_after_a_split_annotation_goes_in_parentheses():
    # black splits the tail `] = Enum.MEMBER` again: a dotted name is several leaves to black
    statement = (
        "field_name_of_some_length: Dict[str, Optional[Union[FirstModel, int, Union[int, str, SecondModel], str]]]"
        " = AnEnumClassWithAVeryLongNameIndeedForThisTest.A_MEMBER_NAME_THAT_IS_QUITE_LONG_TOO_REALLY"
    )
    ours = "class A:\n" + layout(statement, 1) + "\n"
    assert black.format_str(ours, mode=black.Mode()) == ours


@pytest.mark.parametrize("entry", SAMPLE)
def test_generated_package_is_black_stable(entry, tmp_path):
    folder = shared_path("corpus", entry)
    generate(os.path.join(folder, "openapi.yaml"), str(tmp_path), "pkg", folder)
    result = tool("black", "--check", "-q", "pkg", cwd=str(tmp_path))
    assert result.returncode == 0, result.stderr
