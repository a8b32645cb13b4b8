"""Swagger 2.0 documents, converted in memory to OpenAPI 3.0 so they generate like any other.

What moves: `definitions`, `parameters`, `responses` and `securityDefinitions` go under
`components`; a `body` parameter becomes the operation's `requestBody` and `formData`
parameters one form schema (multipart when one is a file), each under the media types of
`consumes`; a response `schema` goes under `content` for each media type of `produces`
(operation first, then the document's, else JSON); the type fields of other parameters go
into their `schema`; in schemas `x-nullable` becomes `nullable`, `type: file` a binary
string and a string `discriminator` its `propertyName`; `$ref`s follow what they point to.

Errors still point into the original file: `convert` returns, beside the new document, the
pointer prefixes it moved (new -> old), and `original_pointer` maps an error's pointer back
before its line is looked up (see `load.Registry.locate`).
"""

from __future__ import annotations

from typing import Any

from .errors import join_pointer

_JSON = "application/json"
_MOVED_SECTIONS = (
    ("definitions", "/components/schemas"),
    ("parameters", "/components/parameters"),
    ("responses", "/components/responses"),
    ("securityDefinitions", "/components/securitySchemes"),
)
_SCHEMA_FIELDS = (
    "type",
    "format",
    "items",
    "enum",
    "default",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "multipleOf",
)
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch")
# keys that make a fragment file a schema itself rather than a map of schemas
_SCHEMA_KEYS = ("type", "properties", "items", "allOf", "$ref", "enum", "additionalProperties")

PointerMap = list[tuple[str, str]]
_MAPS: dict[str, PointerMap] = {}  # by file: the moves of each document converted in this process


def is_swagger2(document: Any) -> bool:
    return isinstance(document, dict) and str(document.get("swagger", "")).startswith("2")


def convert(document: dict[str, Any], path: str) -> dict[str, Any]:
    """The OpenAPI 3.0 form of the Swagger 2.0 `document` read from `path`."""
    converter = _Converter(document)
    result = converter.document()
    _MAPS[path] = sorted(converter.moves, key=lambda move: -len(move[0]))
    return result


def convert_fragment(document: Any, path: str) -> Any:
    """A file a Swagger 2.0 spec refers to that has no `swagger` key of its own (Swagger specs split
    into files do this: `common.yaml#/definitions/Pet`, `pet.yaml`): its `definitions`, `parameters`
    and `responses` move and convert as the root's do (and `$ref`s into them follow, see
    `converted_pointer`); a file without those sections is a schema, or a map of schemas."""
    if not isinstance(document, dict):
        return document
    if any(section in document for section, _ in _MOVED_SECTIONS):
        converted = convert(document, path)
        return {key: value for key, value in converted.items() if key in document or key == "components"}
    if any(key in document for key in _SCHEMA_KEYS):
        return schema_of(document)
    return {key: schema_of(value) for key, value in document.items()}


def converted_pointer(path: str, pointer: str) -> str:
    """Where `pointer`, written against the original of the converted `path`, is in the conversion:
    a `$ref` from another file to `common.yaml#/definitions/Pet` reads `/components/schemas/Pet`."""
    if path in _MAPS:
        for old, new in _MOVED_SECTIONS:
            if pointer == "/" + old or pointer.startswith(f"/{old}/"):
                return new + pointer[len(old) + 1 :]
    return pointer


def original_pointer(path: str, pointer: str) -> str:
    """Where `pointer` of the converted document of `path` was in the original ("" unchanged)."""
    for new, old in _MAPS.get(path, ()):
        if pointer == new or pointer.startswith(new + "/"):
            return old + pointer[len(new) :]
    return pointer


class _Converter:
    def __init__(self, document: dict[str, Any]) -> None:
        self.source = document
        self.moves: PointerMap = [(new, "/" + old) for old, new in _MOVED_SECTIONS]
        self.consumes = _media_types(document.get("consumes"))
        self.produces = _media_types(document.get("produces"))
        self.shared_parameters: dict[str, Any] = _mapping(document.get("parameters"))

    def document(self) -> dict[str, Any]:
        source = self.source
        result: dict[str, Any] = {"openapi": "3.0.3"}
        for key, value in source.items():
            if key in ("swagger", "host", "basePath", "schemes", "consumes", "produces", "paths"):
                continue
            if key not in dict(_MOVED_SECTIONS):
                result[key] = value
        servers = _servers(source)
        if servers:
            result["servers"] = servers
        components: dict[str, Any] = {}
        definitions = source.get("definitions")
        if isinstance(definitions, dict):
            components["schemas"] = {name: schema_of(value) for name, value in definitions.items()}
        parameters = {
            name: self.parameter(value, join_pointer("/components/parameters", name), join_pointer("/parameters", name))
            for name, value in self.shared_parameters.items()
            if not (isinstance(value, dict) and value.get("in") in ("body", "formData"))
        }
        if parameters:
            components["parameters"] = parameters
        responses = source.get("responses")
        if isinstance(responses, dict):
            components["responses"] = {
                name: self.response(value, self.produces, join_pointer("/responses", name))
                for name, value in responses.items()
            }
        security = source.get("securityDefinitions")
        if isinstance(security, dict):
            components["securitySchemes"] = {name: _security_scheme(value) for name, value in security.items()}
        if components:
            result["components"] = components
        paths = source.get("paths")
        if isinstance(paths, dict):
            result["paths"] = {key: self.path_item(item, join_pointer("/paths", key)) for key, item in paths.items()}
        else:
            result["paths"] = paths if paths is not None else {}
        return result

    def path_item(self, item: Any, pointer: str) -> Any:
        if not isinstance(item, dict):
            return item
        result: dict[str, Any] = {}
        shared = _sequence(item.get("parameters"))
        for key, value in item.items():
            if key in _METHODS and isinstance(value, dict):
                result[key] = self.operation(value, shared, item, join_pointer(pointer, key), pointer)
            elif key == "parameters" and isinstance(value, list):
                kept = self.parameters(value, pointer, pointer)
                if kept:
                    result[key] = kept
            else:
                result[key] = value
        return result

    def operation(
        self, operation: dict[str, Any], shared: list[Any], item: dict[str, Any], pointer: str, item_pointer: str
    ) -> dict[str, Any]:
        result: dict[str, Any] = {}
        consumes = _media_types(operation.get("consumes")) or self.consumes or [_JSON]
        produces = _media_types(operation.get("produces")) or self.produces or [_JSON]
        own = _sequence(operation.get("parameters"))
        for key, value in operation.items():
            if key in ("consumes", "produces", "schemes"):
                continue
            if key == "parameters" and isinstance(value, list):
                kept = self.parameters(value, pointer, pointer)
                if kept:
                    result["parameters"] = kept
            elif key == "responses" and isinstance(value, dict):
                result["responses"] = {
                    code: self.response(response, produces, join_pointer(pointer, "responses", code), same=True)
                    for code, response in value.items()
                }
            else:
                result[key] = value
        body = self.request_body(own, shared, consumes, pointer, item_pointer)
        if body is not None:
            result["requestBody"] = body
        return result

    def parameters(self, parameters: list[Any], pointer: str, old_pointer: str) -> list[Any]:
        """The non-body parameters, converted; their new indexes mapped to the old."""
        kept: list[Any] = []
        for index, parameter in enumerate(parameters):
            if self.placement(parameter) in ("body", "formData"):
                continue
            new, old = join_pointer(pointer, "parameters", len(kept)), join_pointer(old_pointer, "parameters", index)
            self.moves.append((new, old))
            kept.append(self.parameter(parameter, new, old))
        return kept

    def placement(self, parameter: Any) -> Any:
        """A parameter's `in`, through a `$ref` to the document's shared parameters."""
        return (self.resolved(parameter) or {}).get("in")

    def parameter(self, parameter: Any, pointer: str, old: str) -> Any:
        if not isinstance(parameter, dict):
            return parameter
        if "$ref" in parameter:
            return {"$ref": _ref(parameter["$ref"])}
        result = {k: v for k, v in parameter.items() if k not in _SCHEMA_FIELDS and k != "collectionFormat"}
        schema = {k: v for k, v in parameter.items() if k in _SCHEMA_FIELDS}
        if schema:
            result["schema"] = schema_of(schema)
            self.moves.append((pointer + "/schema", old))
        return result

    def request_body(
        self, own: list[Any], shared: list[Any], consumes: list[Any], pointer: str, item_pointer: str
    ) -> Any:
        """The operation's body or form parameters (its own win over the path's) as a requestBody."""
        found: dict[tuple[Any, Any], tuple[dict[str, Any], str]] = {}
        for parameters, at in ((shared, item_pointer), (own, pointer)):
            for index, parameter in enumerate(parameters):
                resolved, old = self.resolved(parameter), join_pointer(at, "parameters", index)
                if resolved is not parameter:  # a shared parameter: errors point at its definition
                    old = join_pointer("/parameters", self.shared_name(parameter))
                if resolved is not None and resolved.get("in") in ("body", "formData"):
                    found[(resolved.get("in"), resolved.get("name"))] = (resolved, old)
        if not found:
            return None
        bodies = [(p, old) for (place, _), (p, old) in found.items() if place == "body"]
        if bodies:
            parameter, old = bodies[-1]
            schema = schema_of(parameter.get("schema", {}))
            for media in consumes:
                self.moves.append((join_pointer(pointer, "requestBody", "content", media, "schema"), old + "/schema"))
            self.moves.append((pointer + "/requestBody", old))
            body: dict[str, Any] = {"content": {media: {"schema": schema} for media in consumes}}
            if parameter.get("required"):
                body["required"] = True
            if isinstance(parameter.get("description"), str):
                body["description"] = parameter["description"]
            return body
        return self.form_body([(p, old) for (_, _), (p, old) in found.items()], consumes, pointer)

    def form_body(self, fields: list[tuple[dict[str, Any], str]], consumes: list[Any], pointer: str) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        required = []
        files = False
        for parameter, _old in fields:
            name = str(parameter.get("name", ""))
            field = schema_of({k: v for k, v in parameter.items() if k in _SCHEMA_FIELDS})
            if isinstance(parameter.get("description"), str):
                field["description"] = parameter["description"]
            files = files or parameter.get("type") == "file"
            properties[name] = field
            if parameter.get("required"):
                required.append(name)
        forms = [m for m in consumes if m in ("multipart/form-data", "application/x-www-form-urlencoded")]
        media = forms or ["multipart/form-data" if files else "application/x-www-form-urlencoded"]
        schema: dict[str, Any] = {"type": "object", "properties": properties}
        if required:
            schema["required"] = required
        self.moves.append((pointer + "/requestBody", fields[0][1]))
        return {"content": {m: {"schema": schema} for m in media}, **({"required": True} if required else {})}

    def resolved(self, parameter: Any) -> dict[str, Any] | None:
        """`parameter`, or the shared parameter its `$ref` names."""
        if isinstance(parameter, dict) and isinstance(parameter.get("$ref"), str):
            parameter = self.shared_parameters.get(self.shared_name(parameter))
        return parameter if isinstance(parameter, dict) else None

    @staticmethod
    def shared_name(parameter: Any) -> str:
        ref = parameter.get("$ref") if isinstance(parameter, dict) else None
        if not isinstance(ref, str) or not ref.startswith("#/parameters/"):
            return ""
        return ref.removeprefix("#/parameters/").replace("~1", "/").replace("~0", "~")

    def response(self, response: Any, produces: list[Any], old: str, same: bool = False) -> Any:
        """`response` converted; `old` is its pointer in the original (`same`: also in the new one)."""
        new = old if same else "/components" + old
        if not isinstance(response, dict):
            return response
        if "$ref" in response:
            return {"$ref": _ref(response["$ref"])}
        result: dict[str, Any] = {k: v for k, v in response.items() if k not in ("schema", "examples", "headers")}
        result.setdefault("description", "")
        if "schema" in response:
            schema = schema_of(response["schema"])
            result["content"] = {media: {"schema": schema} for media in produces}
            for media in produces:
                self.moves.append((join_pointer(new, "content", media, "schema"), old + "/schema"))
        headers = response.get("headers")
        if isinstance(headers, dict):
            result["headers"] = {
                name: (
                    {k: v for k, v in h.items() if k not in _SCHEMA_FIELDS}
                    | {"schema": schema_of({k: v for k, v in h.items() if k in _SCHEMA_FIELDS})}
                    if isinstance(h, dict)
                    else h
                )
                for name, h in headers.items()
            }
        return result


def schema_of(schema: Any) -> Any:
    """A Swagger 2.0 schema as OpenAPI 3.0 (a new tree; the original is left as it was)."""
    if isinstance(schema, list):
        return [schema_of(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    result: dict[str, Any] = {}
    for key, value in schema.items():
        if key == "$ref" and isinstance(value, str):
            result[key] = _ref(value)
        elif key == "x-nullable":
            result["nullable"] = value
        elif key == "type" and value == "file":
            result.update(type="string", format="binary")
        elif key == "discriminator" and isinstance(value, str):
            result[key] = {"propertyName": value}
        elif key in ("properties", "definitions", "patternProperties") and isinstance(value, dict):
            result[key] = {name: schema_of(item) for name, item in value.items()}
        elif key in ("items", "additionalProperties", "not", "allOf", "anyOf", "oneOf"):
            result[key] = schema_of(value)
        else:
            result.setdefault(key, value)
    return result


def _ref(ref: str) -> str:
    for old, new in _MOVED_SECTIONS:
        prefix = f"#/{old}/"
        if ref.startswith(prefix):
            return "#" + new + "/" + ref[len(prefix) :]
    return ref


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _sequence(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _media_types(value: Any) -> list[str]:
    return [str(media) for media in value] if isinstance(value, list) else []


def _servers(source: dict[str, Any]) -> list[dict[str, Any]]:
    host = source.get("host")
    if not isinstance(host, str) or not host:
        return []
    base = source.get("basePath") if isinstance(source.get("basePath"), str) else ""
    schemes = _media_types(source.get("schemes")) or ["https"]
    return [{"url": f"{scheme}://{host}{base}"} for scheme in schemes]


def _security_scheme(scheme: Any) -> Any:
    if not isinstance(scheme, dict):
        return scheme
    kind = scheme.get("type")
    extra = {k: v for k, v in scheme.items() if k.startswith("x-") or k == "description"}
    if kind == "basic":
        return {"type": "http", "scheme": "basic", **extra}
    if kind == "oauth2":
        flow = {"implicit": "implicit", "password": "password", "application": "clientCredentials"}.get(
            str(scheme.get("flow")), "authorizationCode"
        )
        details = {k: scheme[k] for k in ("authorizationUrl", "tokenUrl") if k in scheme}
        return {"type": "oauth2", "flows": {flow: {**details, "scopes": scheme.get("scopes", {})}}, **extra}
    return scheme
