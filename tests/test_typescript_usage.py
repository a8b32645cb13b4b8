"""TypeScript usage blocks laid out as prettier lays them out (print width 80)."""

from __future__ import annotations

import textwrap

from generator.config import Options
from generator.pipeline import build

LONG = "A" + "b" * 59  # `let value: <LONG> =` fits in 80 columns, `... = "checking";` does not
LONGER = "C" + "d" * 84  # longer than a line by itself

SPEC = textwrap.dedent(f"""
    openapi: 3.1.0
    info: {{title: t, version: "1"}}
    paths: {{}}
    components:
      schemas:
        {LONG}:
          type: string
          enum: [checking, savings]
        {LONGER}:
          type: object
          properties:
            name: {{type: string}}
    """)


def _docs(tmp_path):
    spec = tmp_path / "openapi.yaml"
    spec.write_text(SPEC)
    _, files = build(str(spec), Options(flavour="typescript", sdk_package="sdk"))
    return files


def test_a_long_scalar_assignment_breaks_after_the_equals_sign(tmp_path):
    page = _docs(tmp_path)[f"docs/models/components/{LONG.lower()}.md"]
    assert f'let value: {LONG} =\n  "checking";' in page


def test_an_import_breaks_only_when_the_name_alone_is_too_long(tmp_path):
    files = _docs(tmp_path)
    assert (
        f'import {{\n  {LONGER},\n}} from "sdk/models/components";'
        in files[f"docs/models/components/{LONGER.lower()}.md"]
    )
    assert f'import {{ {LONG} }} from "sdk/models/components";' in files[f"docs/models/components/{LONG.lower()}.md"]
