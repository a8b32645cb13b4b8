"""Speakeasy's module layout: a module per component schema and per operation, imported on first use.

Users of a Speakeasy SDK write `from <package>.models import X` and `from <package>.models.<module>
import X`; both work, and importing the package imports no model module until a class is used.
"""

from __future__ import annotations

import importlib
import pathlib
import sys

import pytest
from models_support import assert_clean_for_tools, dump, generated

OBJECT = {"type": "object", "properties": {"name": {"type": "string"}}}
SPEC = {
    "openapi": "3.0.3",
    "info": {"title": "Layout", "version": "1"},
    "paths": {
        "/tenants": {
            "put": {
                "operationId": "upsertTenant",
                "parameters": [
                    {"name": "page", "in": "query", "schema": {"type": "string", "default": 4}},
                    {
                        "name": "flag",
                        "in": "query",
                        "schema": {"allOf": [{"$ref": "#/components/schemas/Flag"}, {"default": 0}]},
                    },
                ],
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    name: {"$ref": f"#/components/schemas/{name}"}
                                    for name in ("common.v3.EntityOwner", "embedding-model-config", "filter", "con")
                                },
                            }
                        }
                    }
                },
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Tree"}}},
                    },
                    "400": {
                        "description": "bad",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
                    },
                    "409": {  # returned on success too: a model, and an error class of its own
                        "description": "taken",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Tree"}}},
                    },
                },
            }
        },
        "/callback": {
            "get": {
                "operationId": "oauthCallback",
                "responses": {
                    "200": {
                        "description": "page",
                        "headers": {"X-Id": {"schema": {"type": "string"}}},
                        "content": {"text/html": {"schema": {"type": "string"}}},
                    },
                    "302": {"description": "moved", "content": {"application/json": {"schema": {"type": "string"}}}},
                },
            }
        },
    },
    "security": [{"oauth": []}],
    "components": {
        "securitySchemes": {
            "oauth": {
                "type": "oauth2",
                "flows": {"clientCredentials": {"tokenUrl": "https://example.com/token", "scopes": {}}},
            }
        },
        "schemas": {
            "common.v3.EntityOwner": {
                "type": "object",
                "properties": {"kind": {"type": "object", "properties": {"id": {"type": "string"}}}},
            },
            "Flag": {"type": "integer", "enum": [0, 1]},
            "embedding-model-config": OBJECT,
            "filter": OBJECT,
            "con": OBJECT,
            # Tree and Branch refer to each other: one module holds both, the other re-exports them
            "Tree": {
                "type": "object",
                "properties": {"branches": {"type": "array", "items": {"$ref": "#/components/schemas/Branch"}}},
            },
            "Branch": {"type": "object", "properties": {"tree": {"$ref": "#/components/schemas/Tree"}}},
            "Problem": {
                "type": "object",
                "properties": {
                    "detail": {"type": "string"},
                    "kind": {"type": "string", "const": "problem"},
                    "owner": {"nullable": True, "$ref": "#/components/schemas/con"},
                    "partner": {"allOf": [{"$ref": "#/components/schemas/con"}, {"nullable": True}]},
                },
                "additionalProperties": True,
            },
        },
    },
}


@pytest.fixture(scope="module")
def layout(tmp_path_factory):
    return generated(tmp_path_factory.mktemp("layout"), SPEC, "layout_pkg")


def test_a_module_per_schema_and_operation_named_as_speakeasy_names_them(layout):
    for module, names in {
        "common_v3_entityowner": ("CommonV3EntityOwner", "Kind"),  # its inline classes with it
        "embedding_model_config": ("EmbeddingModelConfig",),
        "filter_": ("Filter",),  # a builtin's name (plexpy `filter_.py`)
        "con_": ("Con",),  # a Windows device name
        "upserttenantop": ("UpsertTenantRequestBody",),
    }.items():
        imported = importlib.import_module(f"layout_pkg.models.{module}")
        assert all(hasattr(imported, name) for name in names), (module, names)


def test_importing_the_package_imports_a_module_when_its_class_is_used(layout):
    package, _ = layout
    for name in [n for n in sys.modules if n.startswith("layout_pkg.models.")]:
        del sys.modules[name]
    models = importlib.reload(package.models)
    assert not [n for n in sys.modules if n.startswith("layout_pkg.models.")]
    owner = models.CommonV3EntityOwner.model_validate({"kind": {"id": "a"}})
    assert "layout_pkg.models.common_v3_entityowner" in sys.modules
    assert "layout_pkg.models.embedding_model_config" not in sys.modules
    assert dump(owner) == {"kind": {"id": "a"}}
    assert set(models.__all__) <= set(dir(models)) and "Filter" in models.__all__
    with pytest.raises(AttributeError):
        models.NoSuchClass  # noqa: B018


def test_schemas_that_refer_to_each_other_keep_their_modules(layout):
    # each imports the other for type checkers only, as the models a model's fields name are
    # imported when it is first built: each class in its own module, as in Speakeasy's SDKs
    package, _ = layout
    branch = importlib.import_module("layout_pkg.models.branch")
    tree = importlib.import_module("layout_pkg.models.tree")
    assert tree.Tree.__module__ == tree.__name__ and branch.Branch.__module__ == branch.__name__
    payload = {"branches": [{"tree": {"branches": []}}]}
    assert dump(package.models.Tree.model_validate(payload)) == payload


def test_errors_are_a_package_of_modules_too(layout):
    package, _ = layout
    # named after the exception, as Speakeasy's `errors/problemresponse_error.py` (que 1.621)
    problem = importlib.import_module("layout_pkg.errors.problem_error")
    assert package.errors.ProblemError is problem.ProblemError and issubclass(problem.ProblemError, Exception)
    assert package.Tree is package.models.Tree  # the package's own names: the models'


def test_an_error_with_other_properties_declares_them_as_speakeasy_does(layout):
    package, _ = layout
    # outpost 1.712-1.791 `BadRequestErrorData.additional_properties`: filled by the SDK, never sent
    field = package.errors.ProblemErrorData.model_fields["additional_properties"]
    assert field.exclude and field.default is None
    payload = {"detail": "d", "code": 7}
    assert dump(package.errors.ProblemErrorData.model_validate(payload)) == payload


def test_an_optional_const_is_named_in_capitals_with_its_value_as_default(layout):
    package, _ = layout  # openrouter 1.656, syllable 1.519 `TYPE: Optional[Literal["function"]] = "function"`
    field = package.errors.ProblemErrorData.model_fields["KIND"]
    assert field.alias == "kind" and field.default == "problem"


def test_with_normal_const_casing_a_const_keeps_its_name_and_its_value_as_default(tmp_path):
    # margen 1.788 (`constFieldCasing: normal`) `object: Literal["attack_data_item"] = "attack_data_item"`
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "Normal", "version": "1"},
        "paths": {},
        "components": {
            "schemas": {
                "Item": {
                    "type": "object",
                    "required": ["object"],
                    "properties": {"object": {"const": "item"}, "stale": {"const": True}},
                }
            }
        },
    }
    package, _ = generated(tmp_path, spec, "normal_pkg", {"python": {"constFieldCasing": "normal"}})
    fields = package.models.Item.model_fields
    assert fields["object"].default == "item" and fields["object"].alias in (None, "object")
    assert fields["stale"].default is True


def test_a_string_with_a_whole_number_default_defaults_to_its_text(layout):
    package, _ = layout  # mammoth 1.606 `webhook_uri: str = "4"` (`default: 4`)
    assert package.models.UpsertTenantRequest.model_fields["page"].default == "4"


def test_a_default_beside_a_ref_in_all_of_is_the_fields(layout):
    package, _ = layout  # plexpy 1.684 `include_https: Optional[IncludeHTTPS] = IncludeHTTPS.FALSE`
    assert package.models.UpsertTenantRequest.model_fields["flag"].default == 0


def test_a_refs_nullable_sibling_is_ignored_but_one_around_it_holds(layout):
    package, _ = layout
    fields = package.errors.ProblemErrorData.model_fields
    # outpost 1.791 `Attempt.destination: {nullable: true, $ref: Destination}`: Optional, not OptionalNullable
    assert fields["owner"].default is None
    # openrouter 1.656 `tokenizer: allOf [$ref ModelGroup, {nullable: true}]`: Nullable
    assert repr(fields["partner"].default) == "UNSET"  # OptionalNullable's


def test_bodies_of_several_statuses_are_the_result_union_each_one_spelled(layout):
    package, out = layout  # novu 1.444 `SubscribersControllerChatOauthCallbackResponseResult = Union[str, str]`:
    # a redirect's body counts, and two strings stay two
    source = (pathlib.Path(out) / "layout_pkg" / "models" / "oauthcallbackop.py").read_text(encoding="utf-8")
    assert "    result: OauthCallbackResponseResult\n" in source
    assert "OauthCallbackResponseResult: TypeAlias = Union[str, str]\n" in source
    assert package.models.OauthCallbackResponse.model_validate({"headers": {}, "result": "<p>"}).result == "<p>"


def test_the_token_url_of_client_credentials_defaults_to_the_specs(layout):
    package, _ = layout  # bar 1.438 `token_url: str = "https://speakeasy.bar/oauth2/token/"`, investec 1.459
    assert package.models.Security.model_fields["token_url"].default == "https://example.com/token"


def test_a_model_an_error_status_returns_too_is_also_an_error_class(layout):
    package, _ = layout
    # ttddata 1.730-1.788 `errors/advertiserdataserverresponse_error.py`, beside `models.AdvertiserDataServerResponse`
    tree = importlib.import_module("layout_pkg.errors.tree_error")
    assert package.errors.TreeError is tree.TreeError and issubclass(tree.TreeError, Exception)
    payload = {"branches": [{"tree": {"branches": []}}]}
    data = tree.TreeErrorData.model_validate(payload)
    assert dump(data) == payload and isinstance(data.branches[0], package.models.Branch)
    assert dump(package.models.Tree.model_validate(payload)) == payload


def test_package_is_clean_for_tools(layout):
    _, out = layout
    assert_clean_for_tools("layout_pkg", out)
