"""Server-sent events: an operation that answers JSON or `text/event-stream` returns a union of the body
and the stream of events, spelled as Speakeasy's SDK of the same version spells it
(`Union[EventStream[X], EventStreamAsync[X]]` from 1.606, typing's generators before), with
`EventStream`/`EventStreamAsync` of the package's `_types` reading the events."""

from __future__ import annotations

import asyncio
import typing

import pydantic
import pytest
from models_support import assert_clean_for_tools, generated


def _streamed(operation: str, event: dict) -> dict:
    return {
        "post": {
            "operationId": operation,
            "responses": {
                "200": {
                    "description": "ok",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Completion"}},
                        "text/event-stream": {"schema": event, "x-speakeasy-sse-sentinel": "[DONE]"},
                    },
                }
            },
        }
    }


SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "Streams", "version": "1"},
    "paths": {
        "/chat": _streamed("chat", {"$ref": "#/components/schemas/ChunkEvent"}),
        "/embed": _streamed("embed", {"type": "string"}),
    },
    "components": {
        "schemas": {
            "Completion": {"type": "object", "properties": {"text": {"type": "string"}}},
            "Chunk": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}},
            "ChunkEvent": {
                "type": "object",
                "required": ["data"],
                "properties": {"data": {"$ref": "#/components/schemas/Chunk"}},
            },
        }
    },
}
LINES = [
    'data: {"data": {"text": "a"}}',
    "",
    ": a comment, then an event whose data runs over two lines",
    "event: chunk",
    'data: {"data":',
    'data: {"text": "b"}}',
    "",
    "data: [DONE]",
    "",
    'data: {"data": {"text": "after the sentinel"}}',
    "",
]


def _package(root, name: str, gen: dict | None = None, version: str = "") -> typing.Any:
    return generated(root, SPEC, name, gen, version)[0]


@pytest.fixture(scope="module")
def pkg(tmp_path_factory):
    root = tmp_path_factory.mktemp("streams")
    return _package(root, "stream_models"), str(root / "out")


def _stream_members(alias: object) -> list[tuple[object, tuple[object, ...]]]:
    return [(typing.get_origin(a), typing.get_args(a)) for a in typing.get_args(alias)[1:]]


def test_a_streamed_response_is_the_body_or_a_stream_of_events(pkg):
    package, _ = pkg
    m, types = package.models, package._types
    assert typing.get_args(m.ChatResponse)[0] is m.Completion
    assert _stream_members(m.ChatResponse) == [
        (types.EventStream, (m.ChunkEvent,)),
        (types.EventStreamAsync, (m.ChunkEvent,)),
    ]
    # a scalar is no stream of events: the body itself (openrouter 1.656 `createEmbeddings`)
    assert typing.get_args(m.EmbedResponse) == (m.Completion, str)


def test_an_event_stream_yields_each_events_data_decoded_until_the_sentinel(pkg):
    package, _ = pkg
    m, types = package.models, package._types
    stream = types.EventStream(iter(LINES), m.ChunkEvent.model_validate_json, sentinel="[DONE]")
    assert [event.data.text for event in stream] == ["a", "b"]
    assert [e.data.text for e in types.EventStream(LINES[:6], m.ChunkEvent.model_validate_json)] == ["a", "b"]

    async def lines() -> typing.AsyncIterator[str]:
        for line in LINES:
            yield line

    async def read() -> list[str]:
        stream = types.EventStreamAsync(lines(), m.ChunkEvent.model_validate_json, "[DONE]")
        return [event.data.text async for event in stream]

    assert asyncio.run(read()) == ["a", "b"]
    adapter = pydantic.TypeAdapter(m.ChatResponse)
    assert adapter.validate_python(stream) is stream  # a stream is taken as it is, never read from JSON
    assert adapter.validate_python({"text": "whole"}) == m.Completion(text="whole")


def test_flat_streams_yield_the_data_and_older_generators_are_typings(tmp_path):
    flat = _package(tmp_path / "flat", "flat_models", {"python": {"sseFlatResponse": True}}, "1.656.2").models
    assert [args for _, args in _stream_members(flat.ChatResponse)] == [(flat.Chunk,), (flat.Chunk,)]
    old = _package(tmp_path / "old", "old_models", {"python": {}}, "1.441.1").models
    origins = [origin for origin, _ in _stream_members(old.ChatResponse)]
    assert origins == [typing.get_origin(typing.Generator[int, None, None]), typing.get_origin(typing.AsyncGenerator)]


def test_package_is_clean_for_tools(pkg):
    _, out = pkg
    assert_clean_for_tools("stream_models", out)
