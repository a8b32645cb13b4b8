"""Paginated operations (`x-speakeasy-pagination`): the response wrapper's `next` page function.

Speakeasy's SDK sets `next` on the `<Op>Response` it returns; it is never JSON, so it is neither in
the TypedDict twin nor on the docs page. gen.yaml's `python.fixFlags.asyncPaginationSep2025` lets it
be an async function too (agentset 1.708, cribl-cp 1.784; novu 1.444 and outpost 1.712/1.741 without).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pydantic
import pytest
from models_support import assert_clean_for_tools, generated

SPEC = {
    "openapi": "3.0.3",
    "info": {"title": "Pages", "version": "1"},
    "paths": {
        "/pets": {
            "get": {
                "operationId": "listPets",
                "parameters": [{"name": "cursor", "in": "query", "schema": {"type": "string"}}],
                "x-speakeasy-pagination": {
                    "type": "cursor",
                    "inputs": [{"name": "cursor", "in": "parameters", "type": "cursor"}],
                    "outputs": {"nextCursor": "$.next"},
                },
                "responses": {
                    "200": {
                        "description": "a page",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}},
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {
            "Page": {
                "type": "object",
                "properties": {"next": {"type": "string"}, "pets": {"type": "array", "items": {"type": "string"}}},
            }
        }
    },
}


def _package(root, async_pages: bool | None) -> tuple[object, str]:
    python: dict[str, object] = {"version": "0.1.0"}
    if async_pages is not None:
        python["fixFlags"] = {"asyncPaginationSep2025": async_pages}
    package, out = generated(root, SPEC, "paged", {"configVersion": "2.0.0", "python": python})
    return package.models, out


@pytest.fixture(scope="module", params=[None, False, True], ids=["unset", "false", "async"])
def pkg(request, tmp_path_factory):
    return (*_package(tmp_path_factory.mktemp("pages"), request.param), request.param)


def test_the_response_carries_the_next_page_function(pkg):
    m, _, _ = pkg
    last = m.ListPetsResponse(next=lambda: None, result=m.Page(pets=["b"]))
    first = m.ListPetsResponse(next=lambda: last, result=m.Page(next="c", pets=["a"]))
    assert first.next() is last and last.next() is None
    assert list(m.ListPetsResponse.model_fields)[0] == "next"
    with pytest.raises(pydantic.ValidationError):
        m.ListPetsResponse(next="not callable", result=m.Page())


def test_an_async_page_function_only_with_the_fix_flag(pkg):
    m, out, async_pages = pkg
    source = Path(out, "paged", "models", "listpetsop.py").read_text(encoding="utf-8")
    assert ("Awaitable[Optional[ListPetsResponse]]" in source) is bool(async_pages)

    async def page() -> None:
        return None

    response = m.ListPetsResponse(next=page, result=m.Page())
    assert asyncio.run(response.next()) is None


def test_next_is_not_json(pkg):
    m, out, _ = pkg
    assert "next" not in m.ListPetsResponseTypedDict.__annotations__
    page = Path(out, "docs", "models", "listpetsresponse.md").read_text(encoding="utf-8")
    assert "`next`" not in page and "`result`" in page
    assert "next" in m.Page.model_fields  # a property named next stays a property


def test_package_is_clean_for_tools(pkg):
    _, out, _ = pkg
    assert_clean_for_tools("paged", out)
