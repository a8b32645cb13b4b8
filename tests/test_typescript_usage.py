"""TypeScript usage blocks laid out as prettier lays them out (print width 80)."""

from __future__ import annotations

import textwrap

from generator.config import Options
from generator.pipeline import build

LONG = "A" + "b" * 59  # `let value: <LONG> =` fits in 80 columns, `... = "checking";` does not
LONGER = "C" + "d" * 84  # longer than a line by itself
LONGISH = "E" + "f" * 76  # `  <LONGISH> = {` is longer than a line

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
        {LONGISH}:
          type: object
          required: [name]
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


def test_an_object_assignment_breaks_after_the_equals_sign_when_the_name_is_long(tmp_path):
    page = _docs(tmp_path)[f"docs/models/components/{LONGISH.lower()}.md"]  # vercel 1.398 `...Matrix =`
    assert f'let value:\n  {LONGISH} =\n    {{\n      name: "<value>",\n    }};' in page


def test_an_import_breaks_only_when_the_name_alone_is_too_long(tmp_path):
    files = _docs(tmp_path)
    assert (
        f'import {{\n  {LONGER},\n}} from "sdk/models/components";'
        in files[f"docs/models/components/{LONGER.lower()}.md"]
    )
    assert f'import {{ {LONG} }} from "sdk/models/components";' in files[f"docs/models/components/{LONG.lower()}.md"]


USAGE_SPEC = textwrap.dedent("""
    openapi: 3.1.0
    info: {title: t, version: "1"}
    paths:
      /upload:
        post:
          operationId: upload
          parameters:
            - {name: folder, in: query, required: true, schema: {type: string}}
          requestBody:
            content:
              multipart/form-data:
                schema:
                  type: object
                  properties:
                    file: {type: string, format: binary}
          responses:
            "204": {description: done}
      /order:
        get:
          operationId: getOrder
          responses:
            "200":
              description: the order
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/Order"}
    components:
      schemas:
        Order:
          type: object
          required: [id, lines]
          properties:
            id: {type: string}
            lines:
              type: array
              items: {$ref: "#/components/schemas/Line"}
            shipping: {$ref: "#/components/schemas/Address"}
            note: {$ref: "#/components/schemas/Note"}
            amount: {$ref: "#/components/schemas/Amount"}
            created: {type: string, format: date-time, example: "2024-05-01T10:00:00Z"}
            phone: {type: string, example: 5555555555}
            retries: {type: integer, default: 3, example: 3}
            limit:
              oneOf: [{$ref: "#/components/schemas/Limit"}]
              example: {max: 5}
            tags:
              type: object
              additionalProperties: {type: string}
              example: {team: core}
        Line:
          type: object
          required: [sku]
          properties:
            sku: {type: string, example: "SKU-1"}
        Address:
          type: object
          properties:
            city: {type: string, example: "Paris"}
        Limit:
          type: object
          properties:
            max: {type: integer}
        Amount:
          oneOf: [{type: number}, {type: boolean}, {type: array, items: {type: string}}]
        Note:
          type: object
          properties:
            text: {type: string}
    """)


def _usage(tmp_path, spec_text, version=(1, 791)):
    spec = tmp_path / "openapi.yaml"
    spec.write_text(spec_text)
    options = Options(flavour="typescript", sdk_package="sdk", speakeasy_version=version)
    return build(str(spec), options)[1]


def test_an_optional_property_shows_when_its_value_holds_an_example(tmp_path):
    page = _usage(tmp_path, USAGE_SPEC)["docs/models/components/order.md"]
    assert '  shipping: {\n    city: "Paris",\n  },\n' in page  # from 1.419 (orq-client, dwolla, orq-node)
    assert "note: {" not in page  # nothing in it comes from the spec
    assert '  lines: [\n    {\n      sku: "SKU-1",\n    },\n  ],\n' in page  # one element of a list of objects
    assert 'created: new Date("2024-05-01T10:00:00Z"),' in page
    assert "retries: 3" not in page  # an example that is the default is left out (orq-node 1.791 `count`)
    assert 'phone: "5555555555",' in page  # an example as the property's type holds it (dwolla 1.622)
    assert '  tags: {\n    "team": "core",\n  },\n' in page  # a map's keys quoted (orq-node 1.791 `metadata`)
    older = _usage(tmp_path, USAGE_SPEC, (1, 398))["docs/models/components/order.md"]
    assert "created: new Date" not in older  # nor optional properties with examples
    assert "shipping: {" not in older  # vercel 1.398: required properties and those with examples only


def test_a_lone_member_shows_its_union_s_example(tmp_path):
    page = _usage(tmp_path, USAGE_SPEC)["docs/models/components/limit.md"]  # orq-node 1.791 `load_balancer`
    assert "let value: Limit = {\n  max: 5,\n};" in page


def test_a_request_sending_a_file_through_its_body_shows_no_example(tmp_path):
    page = _usage(tmp_path, USAGE_SPEC)["docs/models/operations/uploadrequest.md"]
    assert "// No examples available for this model" in page


def test_models_holding_each_other_twice_make_a_bounded_literal(tmp_path):
    """Each model holds the next one twice: written out in full the literal would double 40 times."""
    lines = ["openapi: 3.1.0", "info: {title: t, version: '1'}", "paths: {}", "components:", "  schemas:"]
    for i in range(40):
        nxt = f"{{$ref: '#/components/schemas/M{i + 1}'}}"
        lines.append(f"    M{i}: {{type: object, required: [a, b], properties: {{a: {nxt}, b: {nxt}}}}}")
    lines.append("    M40: {type: object, properties: {v: {type: string, example: x}}}")
    page = _usage(tmp_path, "\n".join(lines) + "\n")["docs/models/components/m0.md"]
    assert len(page) < 2_000_000


def test_a_union_page_shows_the_first_draws_of_a_seeded_generator_from_1_606(tmp_path):
    page = _usage(tmp_path, USAGE_SPEC)["docs/models/components/amount.md"]
    assert "const value: number = 1284.03;" in page and "const value: boolean = true;" in page
    older = _usage(tmp_path, USAGE_SPEC, (1, 517))["docs/models/components/amount.md"]
    assert "const value: boolean = false;" in older
    assert 'const value: string[] = [\n  "<value>",\n];' in older  # one element (orq-node 1.517)


def test_a_defaulted_discriminator_of_a_member_reads_as_a_required_literal(tmp_path):
    """orq-node 1.791 `CodeToolInput.type` (`enum: [code]`, `default: code`, optional): `*"code"*`, required."""
    spec = textwrap.dedent("""
        openapi: 3.1.0
        info: {title: t, version: "1"}
        paths:
          /tool:
            get:
              operationId: getTool
              responses:
                "200":
                  description: the tool
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/Tool"}
        components:
          schemas:
            Tool:
              oneOf: [{$ref: "#/components/schemas/Code"}, {$ref: "#/components/schemas/Web"}]
              discriminator: {propertyName: type}
            Code:
              type: object
              properties:
                type: {type: string, enum: [code], default: code}
            Web:
              type: object
              required: [type]
              properties:
                type: {type: string, enum: [web]}
        """)
    page = _usage(tmp_path, spec)["docs/models/components/code.md"]
    assert 'let value: Code = {\n  type: "code",\n};' in page
    assert '| `type` | *"code"* | :heavy_check_mark: |' in " ".join(page.split())


TAGGED_SPEC = textwrap.dedent("""
    openapi: 3.1.0
    info: {title: t, version: "1"}
    paths:
      /part:
        get:
          operationId: getPart
          responses:
            "200":
              description: a part and an item
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      part:
                        anyOf: [{$ref: "#/components/schemas/Text"}, {$ref: "#/components/schemas/Refusal"}]
                      item: {$ref: "#/components/schemas/Item"}
    components:
      schemas:
        Text:
          type: object
          required: [type]
          properties:
            type: {type: string, enum: [text]}
        Refusal:
          type: object
          required: [type]
          properties:
            type: {type: string, enum: [refusal]}
        Item:
          type: object
          properties:
            content: {type: array, items: {$ref: "#/components/schemas/Text"}}
    """)


def test_a_member_a_field_holds_too_links_its_tag(tmp_path):
    """openrouter 1.679/1.761: `ReasoningTextContent`, a member of the `part` unions and the items of
    `ReasoningItem.content`, links `ReasoningTextContentType`; a mere member reads as its literal."""
    files = _usage(tmp_path, TAGGED_SPEC)
    text = " ".join(files["docs/models/components/text.md"].split())
    refusal = " ".join(files["docs/models/components/refusal.md"].split())
    assert "| `type` | [components.TextType](../../models/components/texttype.md) |" in text
    assert '| `type` | *"refusal"* | :heavy_check_mark: |' in refusal


def test_an_enum_only_ever_read_as_its_literal_has_no_page_from_1_679(tmp_path):
    """orq-node 1.791 `ActionReviewedStreamingEventType`, openrouter 1.679 `ResponseInputTextType`: no page;
    orq-node 1.517 and openrouter 1.606 still link the enum and write it."""
    files = _usage(tmp_path, TAGGED_SPEC)
    assert "docs/models/components/refusaltype.md" not in files
    assert "docs/models/components/texttype.md" in files  # `Item.content` links it
    older = _usage(tmp_path, TAGGED_SPEC, (1, 606))
    assert "docs/models/components/refusaltype.md" in older


def test_a_component_body_is_named_after_its_component(tmp_path):
    """orq-node 1.791 BudgetUpdate: the body `UpdateBudgetRequest` is `updateBudgetRequest`; an inline body
    stays `requestBody`."""
    spec = textwrap.dedent("""
        openapi: 3.1.0
        info: {title: t, version: "1"}
        paths:
          /budgets/{id}:
            patch:
              operationId: updateBudget
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              requestBody:
                required: true
                content: {application/json: {schema: {$ref: "#/components/schemas/BudgetChanges"}}}
              responses: {"204": {description: done}}
            post:
              operationId: createBudget
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              requestBody:
                required: true
                content: {application/json: {schema: {type: object, properties: {amount: {type: number}}}}}
              responses: {"204": {description: done}}
        components:
          schemas:
            BudgetChanges:
              type: object
              properties:
                amount: {type: number}
        """)
    files = _usage(tmp_path, spec)
    assert "| `budgetChanges` |" in " ".join(files["docs/models/operations/updatebudgetrequest.md"].split())
    assert "| `requestBody` |" in " ".join(files["docs/models/operations/createbudgetrequest.md"].split())


def test_a_class_named_like_a_typescript_global_or_utility_type_takes_a_t(tmp_path):
    """orq-node 1.791: the chunking strategies' `return_type` enum is `ReturnTypeT`, as `function` is `FunctionT`."""
    spec = textwrap.dedent("""
        openapi: 3.1.0
        info: {title: t, version: "1"}
        paths: {}
        components:
          schemas:
            Strategy:
              type: object
              properties:
                return_type: {type: string, enum: [chunks, texts]}
                function: {type: object, properties: {name: {type: string}}}
        """)
    files = _usage(tmp_path, spec)
    assert "docs/models/components/returntypet.md" in files and "docs/models/components/functiont.md" in files


def test_a_typescript_sdk_has_no_globals_page(tmp_path):
    """openrouter 1.679/1.761 and orq-node 1.517 declare global parameters, yet their gen.lock lists no
    docs/models/internal/globals.md; a Python SDK's docs have one (plexpy, orq-2025-08)."""
    spec_text = textwrap.dedent("""
        openapi: 3.1.0
        info: {title: t, version: "1"}
        x-speakeasy-globals:
          parameters: [{$ref: "#/components/parameters/tenant"}]
        paths:
          /a:
            get:
              operationId: getA
              parameters: [{$ref: "#/components/parameters/tenant"}]
              responses: {"204": {description: done}}
        components:
          parameters:
            tenant: {name: X-Tenant, in: header, required: true, schema: {type: string}}
        """)
    assert not any("internal" in path for path in _usage(tmp_path, spec_text))
    spec = tmp_path / "openapi.yaml"
    python = build(str(spec), Options())[1]
    assert "docs/models/internal/globals.md" in python
