"""Markdown doc pages built from small IR pieces, checked against Speakeasy's format (formats.md)."""

from __future__ import annotations

from generator.config import Options
from generator.ir import Enum, EnumValue, Example, Field, Model, Prim, Uses
from generator.profile import Profile
from generator.render.doctypes import DocStyle
from generator.render.examples import example_cell, go_value
from generator.render.markdown import DocRules, page_for, table

STYLE = DocStyle("python", "models")


def _enum(name="Product", values=("edge", "stream"), **kw):
    enum = Enum(hint=name, pointer="", name=name, uses=Uses(output=True), **kw)  # a response reaches it
    enum.values = [EnumValue(v, name=str(v).upper()) for v in values]
    return enum


def _rules(version, **gen):
    options = Options(speakeasy_version=version, gen={"python": {"packageName": "my-sdk", **gen}})
    return DocRules.from_profile(Profile.from_options(options))


def test_cells_never_break_the_table():
    rows = [["Field", "Description"], ["`a`", "x | y\nz"]]
    lines = table(rows).split("\n")
    assert lines[2] == "| `a`         | x \\| y<br/>z |"  # width counts the raw text (7 < 11)
    assert all(line.count(" | ") == 1 for line in lines)


def test_example_values_print_like_go():
    assert go_value(None) == "<nil>"
    assert go_value(True) == "true"
    assert go_value(1633036800.0) == "1.6330368e+09"
    assert go_value(124.5) == "124.5"
    assert (
        go_value({"name": "<pwd>", "ids": [429, 2.0], "empty": []})
        == '{\n"name": "\\u003cpwd\\u003e",\n"ids": [\n429,\n2\n],\n"empty": []\n}'
    )
    # the oldest generators: Go's json.Marshal of a map, one line, keys sorted (venari)
    assert go_value({"upc": "<4>", "size": 7, "tags": [{"b": 1, "a": None}]}, compact=True) == (
        '{"size":7,"tags":[{"a":null,"b":1}],"upc":"\\u003c4\\u003e"}'
    )
    assert (
        example_cell(Example("patch.0", ["patch.0", "sideload.a1"]))
        == "**Example 1:** patch.0<br/>**Example 2:** sideload.a1"
    )


def test_example_column_only_when_some_field_has_one():
    model = Model(hint="M", pointer="", name="M")
    model.fields = [Field("a", Prim("str"), True, name="a")]
    assert page_for(model, STYLE, DocRules()).rows[0] == ["Field", "Type", "Required", "Description"]
    model.fields.append(Field("b", Prim("int"), False, example=Example(0), name="b"))
    rows = page_for(model, STYLE, DocRules()).rows
    assert rows[0][-1] == "Example" and rows[1][-1] == "" and rows[2][-1] == "0"


def test_deprecated_field_and_model():
    model = Model(hint="M", pointer="", name="M", deprecated=True, deprecation_message="Use `mode` instead.")
    model.fields = [Field("old", Prim("str"), False, description="Legacy.", deprecated=True, name="old")]
    page = page_for(model, STYLE, DocRules())
    assert page.title == "~~M~~"
    assert page.paragraphs == ["> :warning: **DEPRECATED**: Use `mode` instead.."]
    assert page.rows[1][0] == "~~`old`~~"
    assert page.rows[1][3].startswith(
        ": warning: ** DEPRECATED **: This will be removed in a future release"
    ) and page.rows[1][3].endswith("\n\nLegacy.")
    # the two line breaks count one column each, as Speakeasy measures (agentset documentconfig.md)
    lines = table(page.rows).split("\n")
    width = len(page.rows[1][3])
    assert "<br/><br/>Legacy." in lines[2] and lines[1] == "| " + " | ".join(["-" * width] * 4) + " |"


def test_enum_usage_block_by_version():
    assert page_for(_enum(), STYLE, _rules((1, 708, 2), enumFormat="enum")).usage == ""
    page = page_for(_enum(), STYLE, _rules((1, 784, 0), enumFormat="enum", forwardCompatibleEnumsByDefault=True))
    assert page.kind == "enum"
    assert page.usage.split("\n") == [
        "from my_sdk.models import Product",
        "",
        "value = Product.EDGE",
        "",
        "# Open enum: unrecognized values are captured as UnrecognizedStr",
    ]
    single = page_for(
        _enum(values=("edge",)), STYLE, _rules((1, 784, 0), enumFormat="enum", forwardCompatibleEnumsByDefault=True)
    )
    assert "Open enum" not in single.usage  # one-value enums stay closed unless marked
    request_only = _enum()
    request_only.uses.output = False
    page = page_for(request_only, STYLE, _rules((1, 784, 0), enumFormat="enum", forwardCompatibleEnumsByDefault=True))
    assert "Open enum" not in page.usage  # the default opens only what responses reach


def test_open_enums_in_the_union_format_say_so(tmp_path):
    """forwardCompatibleEnumsByDefault opens the enums a response or error body reaches; their bullet-list
    page says so above the value and the list (two SDKs we have not seen, Speakeasy 1.788 and 1.789, whose
    gen.lock records these pages' git blobs; gr4vy 1.758), while an enum only a request uses stays closed."""
    from generator.pipeline import build

    spec = tmp_path / "openapi.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /items:\n    get:\n      operationId: listItems\n"
        "      parameters:\n        - {name: kind, in: query, schema: {type: string, enum: [real, fake]}}\n"
        "      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n"
        "              schema:\n                type: object\n                properties:\n"
        "                  mode: {type: string, enum: [offset, cursor]}\n",
        encoding="utf-8",
    )
    gen = {"packageName": "sdk", "enumFormat": "union", "forwardCompatibleEnumsByDefault": True}
    _, files = build(str(spec), Options(speakeasy_version=(1, 788, 1), gen={"python": gen}))
    assert files["docs/models/mode.md"] == (
        "# Mode\n\n## Example Usage\n\n```python\nfrom sdk.models import Mode\n\n"
        "# Open enum: unrecognized values are captured as UnrecognizedStr\n"
        'value: Mode = "offset"\n```\n\n\n## Values\n\n'
        "This is an open enum. Unrecognized values will not fail type checks.\n\n"
        '- `"offset"`\n- `"cursor"`\n'
    )
    assert files["docs/models/kind.md"] == (
        "# Kind\n\n## Example Usage\n\n```python\nfrom sdk.models import Kind\n"
        'value: Kind = "real"\n```\n\n\n## Values\n\n- `"real"`\n- `"fake"`\n'
    )
    models = files["sdk/models/listitemsop.py"]
    assert 'Kind: TypeAlias = Literal["real", "fake"]' in models
    assert 'Mode: TypeAlias = Union[Literal["offset", "cursor"], UnrecognizedStr]' in models


def test_enum_union_format_lists_values_at_1_748():
    page = page_for(_enum(name="ClientID", values=("csp-web",)), STYLE, _rules((1, 748, 0), enumFormat="union"))
    assert page.kind == "enum-list"
    assert page.members == ['"csp-web"']
    assert page.usage == 'from my_sdk.models import ClientID\nvalue: ClientID = "csp-web"'


def test_full_pages_through_the_template():
    from generator.ir import Ref, Spec, Union
    from generator.render import render_docs

    enum = _enum(name="ClientID", values=("csp-web",))
    union = Union(hint="U", pointer="", name="U", description="Either.", members=[Prim("str"), Ref(enum)])
    options = Options(speakeasy_version=(1, 748, 0), gen={"python": {"packageName": "sdk", "enumFormat": "union"}})
    docs = render_docs(Spec("t", [enum, union]), Profile.from_options(options))
    assert docs["docs/models/clientid.md"] == (
        "# ClientID\n\n## Example Usage\n\n```python\nfrom sdk.models import ClientID\n"
        'value: ClientID = "csp-web"\n```\n\n\n## Values\n\n- `"csp-web"`\n'
    )
    assert docs["docs/models/u.md"] == (
        "# U\n\nEither.\n\n\n## Supported Types\n\n### `str`\n\n```python\nvalue: str = /* values here */\n```\n\n"
        "### `models.ClientID`\n\n```python\nvalue: models.ClientID = /* values here */\n```\n\n"
    )


def test_retryconfig_page_matches_speakeasy():
    from conftest import shared_path

    from generator.ir import Spec
    from generator.render import render_docs

    with open(shared_path("corpus", "que", "docs", "models", "utils", "retryconfig.md"), encoding="utf-8") as handle:
        wanted = handle.read()
    model = Model(hint="M", pointer="", name="M")
    assert render_docs(Spec("t", [model]))["docs/models/utils/retryconfig.md"] == wanted


def test_older_generators_show_only_the_first_of_several_examples():
    example = Example("id,name", ["id,name", "__full"])
    assert example_cell(example, all_examples=False) == "id,name"
    assert _rules((1, 606, 8)).all_examples is False and _rules((1, 784, 0)).all_examples is True


def test_keyword_like_pages_get_an_underscore():
    from generator.render.doctypes import doc_file

    new, old = Profile(version=(1, 606, 0)).renamed_files, Profile(version=(1, 402, 0)).renamed_files
    decl = Model(hint="And", pointer="", name="And")
    style = DocStyle("python", "models", renames=new)
    assert doc_file(decl, new) == "and_.md" and style.link(decl) == "../models/and_.md"
    assert doc_file(Model(hint="Format", pointer="", name="Format"), new) == "format_.md"
    assert doc_file(Model(hint="Type", pointer="", name="Type"), new) == "type.md"  # builtins in general are kept
    # before 1.606 keywords and `filter` only (airbyte 1.402 `in_.md`, `filter_.md`, `format.md`)
    assert doc_file(Model(hint="In", pointer="", name="In"), old) == "in_.md"
    assert doc_file(Model(hint="Filter", pointer="", name="Filter"), old) == "filter_.md"
    assert doc_file(Model(hint="Format", pointer="", name="Format"), old) == "format.md"
    assert doc_file(decl) == "and.md"  # TypeScript: none


def test_union_pages_and_cells_of_the_dataclass_era():
    """airbyte 1.244: a union-typed field reads `Union[...]` of its members (linking to the union's page), and
    the page heads each member with its bare class name (a scalar's heading is empty), assigned to the union's
    name in camelCase; log10py 1.296 and airbyte 1.300 name the union in the cell; log10py 1.314 `value:`."""
    from generator.ir import Ref, Spec, Union
    from generator.render import render_docs

    role = Model(hint="IAMRole", pointer="", name="IAMRole")
    mode = Union(hint="AuthMode", pointer="", name="AuthMode", members=[Ref(role), Prim("str")])
    owner = Model(hint="Dest", pointer="", name="Dest", fields=[Field("mode", Ref(mode), False, name="mode")])
    pages = {}
    for version in ((1, 244, 0), (1, 300, 1), (1, 314, 2)):
        options = Options(speakeasy_version=version, gen={"python": {"packageName": "sdk"}})
        pages[version] = render_docs(Spec("t", [role, mode, owner]), Profile.from_options(options))
    cell = "[Optional[Union[models.IAMRole, str]]](../models/authmode.md)"
    assert cell in pages[(1, 244, 0)]["docs/models/dest.md"]
    assert "[Optional[models.AuthMode]](../models/authmode.md)" in pages[(1, 300, 1)]["docs/models/dest.md"]
    old = "### IAMRole\n\n```python\nauthMode: models.IAMRole = /* values here */\n```\n\n### \n\n```python\nauthMode: str"
    assert old in pages[(1, 300, 1)]["docs/models/authmode.md"]
    assert "### `str`\n\n```python\nvalue: str" in pages[(1, 314, 2)]["docs/models/authmode.md"]


def test_an_internal_build_is_placed_by_its_generation_version():
    from generator.profile import lock_version

    old = {"management": {"speakeasyVersion": "internal", "generationVersion": "2.237.3"}}  # venari
    new = {"management": {"speakeasyVersion": "internal", "generationVersion": "2.700.0"}}
    assert lock_version(old) == (1, 0, 0) and lock_version(new) is None
    assert lock_version({"speakeasyVersion": "1.201.2"}) == (1, 201, 2)
    # venari keeps the spec's field order, pydataverse 1.201 lists required fields first
    assert not Profile(version=(1, 0, 0)).required_first and Profile(version=(1, 201, 2)).required_first


def test_a_list_or_map_that_may_be_null_reads_bare_inside_a_container(tmp_path):
    """Nullable shows inside an item's italics or link (`List[*Nullable[str]*]`); a list has neither, so
    map values `type: [array, null]` read `Dict[str, List[*str*]]` (an SDK we have not seen, 1.788)."""
    from generator.pipeline import build

    spec = tmp_path / "openapi.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Echo:\n"
        "      type: object\n      properties:\n        filters:\n          type: object\n"
        "          additionalProperties: {type: [array, 'null'], items: {type: string}}\n"
        "        tags:\n          type: array\n          items: {type: [string, 'null']}\n",
        encoding="utf-8",
    )
    _, files = build(str(spec), Options(speakeasy_version=(1, 788, 1), gen={"python": {"packageName": "sdk"}}))
    page = files["docs/models/echo.md"]
    assert "| Dict[str, List[*str*]] " in page and "| List[*Nullable[str]*] " in page
