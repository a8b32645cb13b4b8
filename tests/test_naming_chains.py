"""Newest-era naming (sharedNestedComponentsJan2026, cribl-cp): distributed allOf copies, name chains,
request variants without read-only fields."""

from __future__ import annotations

import textwrap

from test_naming import doc, names

from generator.ir import Enum, Union

NEWEST = {
    "generation": {
        "maintainOpenAPIOrder": True,
        "fixes": {"nameResolutionDec2023": True, "nameResolutionFeb2025": True, "sharedNestedComponentsJan2026": True},
    }
}

SPEC = doc("""
    openapi: 3.0.3
    info: {title: t, version: "1"}
    paths:
      /conf:
        post:
          operationId: setConf
          requestBody: {content: {application/json: {schema: {$ref: "#/components/schemas/Conf"}}}}
          responses: {"204": {description: ok}}
      /items:
        post:
          operationId: addItem
          parameters: [{name: dry, in: query, schema: {type: boolean}}]
          requestBody: {content: {application/json: {schema: {$ref: "#/components/schemas/Item"}}}}
          responses:
            "200":
              description: ok
              headers: {X-Id: {schema: {type: string}}}
              content: {application/json: {schema: {$ref: "#/components/schemas/Item"}}}
    components:
      schemas:
        Conf:
          type: object
          properties:
            shared: {type: string}
            retry:
              type: object
              properties:
                mode: {type: string, enum: [a, b]}
          allOf:
            - oneOf:
                - $ref: "#/components/schemas/AuthBasic"
                - $ref: "#/components/schemas/AuthToken"
        AuthBasic:
          type: object
          properties:
            kind: {type: string, enum: [basic]}
            user: {type: string}
        AuthToken:
          type: object
          properties:
            kind: {type: string, enum: [token]}
            token: {type: string}
        Provenance:
          type: object
          readOnly: true
          properties:
            origin: {type: string}
        Item:
          type: object
          properties:
            name: {type: string}
            provenance: {$ref: "#/components/schemas/Provenance"}
            conf:
              type: object
              properties:
                id: {type: string, readOnly: true}
                mode: {type: string, enum: [x, y]}
    """)


def test_distributed_copies_carry_the_schema_properties_and_root_their_children(tmp_path):
    found = names(tmp_path, SPEC, NEWEST)
    basic = found["AuthBasic"]  # the component itself is not generated: the copy keeps its name
    assert basic.pointer.endswith("/Conf/oneOf/0")
    assert [f.name for f in basic.fields] == ["kind", "user", "shared", "retry"]  # the variant's own first
    # an uncontested copy is a root: its children are `<Copy><Base>` once `<Base>` is contested
    assert {"AuthBasicRetry", "AuthTokenRetry", "AuthBasicMode", "AuthTokenMode"} <= set(found)


def test_request_variants_leave_out_read_only_fields(tmp_path):
    found = names(tmp_path, SPEC, NEWEST)
    # Item is used by a request and a response: both exist; the request's has no read-only field
    assert [f.name for f in found["Item"].fields] == ["name", "provenance", "conf"]
    assert [f.name for f in found["ItemInput"].fields] == ["name", "conf"]
    # the inline child copied beside its surviving original takes the suffix
    conf_input = found["ItemInput"].fields[1].type.decl
    assert conf_input.name == "ConfInput" and [f.name for f in conf_input.fields] == ["mode"]


def test_older_eras_keep_read_only_fields_in_requests(tmp_path):
    found = names(
        tmp_path,
        SPEC,
        {
            "generation": {
                "maintainOpenAPIOrder": True,
                "fixes": {"nameResolutionDec2023": True, "nameResolutionFeb2025": True},
            }
        },
    )
    assert "ItemInput" not in found


SPREAD = doc("""
    openapi: 3.0.3
    info: {title: t, version: "1"}
    paths:
      /hooks:
        post:
          operationId: addHook
          requestBody: {content: {application/json: {schema: {$ref: "#/components/schemas/Hook"}}}}
          responses:
            "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Settings"}}}}
      /hooks/any:
        get:
          operationId: getAnyHook
          responses:
            "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/AnyHook"}}}}
      /roles:
        get:
          operationId: getRole
          parameters: [{name: id, in: query, schema: {type: string}}]
          responses:
            "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Grant"}}}}
    components:
      schemas:
        Hook:
          type: object
          required: [type]
          properties:
            type: {type: string, enum: [webhook]}
            url: {type: string}
            urls: {type: array, items: {type: object, properties: {url: {type: string}}}}
            auth: {type: object, properties: {token: {type: string}}}
          anyOf:
            - required: [url]
            - required: [urls]
        AnyHook:
          allOf:
            - oneOf: [{$ref: "#/components/schemas/Hook"}, {$ref: "#/components/schemas/Empty"}]
            - required: [type]
        Settings:
          oneOf:
            - {type: object, properties: {dir: {type: string}}}
            - $ref: "#/components/schemas/Empty"
        Empty: {type: object, properties: {}}
        Grant:
          type: object
          properties:
            role: {description: The role., allOf: [{$ref: "#/components/schemas/RoleName"}]}
        RoleName: {type: string, enum: [admin, user]}
    """)


def test_partial_variants_copy_the_whole_object_and_number_what_they_contain(tmp_path):
    found = names(tmp_path, SPREAD, NEWEST)
    union = found["HookUnion"]  # `properties` + `anyOf` of required-lists: a union of whole copies
    assert [m.decl.name for m in union.members] == ["HookWebhook1", "HookWebhook2"]  # the shared tag, numbered
    assert [f.name for f in found["HookWebhook2"].fields] == ["type", "url", "urls", "auth"]
    assert [f.required for f in found["HookWebhook2"].fields] == [True, False, True, False]
    # what a numbered member holds ends with its number (cribl-cp `OutputWebhookURL1`, `LokiAuth2`)
    # (contested by the copy's: the root is the union's name without its suffix, `OutputWebhookURL1`)
    assert {"HookURL1", "HookURL2", "HookAuth1", "AnyHookAuth2"} <= set(found)
    # a distributed copy of it: its members go by the copy (cribl-cp `InputResponseInputGrafanaGrafana1`)
    copy = found["AnyHookHookUnion"]
    assert [m.decl.name for m in copy.members] == ["AnyHookHookWebhook1", "AnyHookHookWebhook2"]
    # a union whose own member is named after it gives way, components too (`BackupsSettingsUnion`)
    assert [m.decl.name for m in found["SettingsUnion"].members] == ["Settings", "Empty"]


def test_a_wrapped_enum_is_a_copy_named_after_its_property_in_the_newest_era(tmp_path):
    found = names(tmp_path, SPREAD, NEWEST)
    assert "Role" in found and "RoleName" not in found  # cribl-mgmt `product` -> `Product`
    older = names(
        tmp_path,
        SPREAD,
        {
            "generation": {
                "maintainOpenAPIOrder": True,
                "fixes": {"nameResolutionDec2023": True, "nameResolutionFeb2025": True},
            }
        },
    )
    assert "RoleName" in older and "Role" not in older  # squadcast (1.621) keeps the component


def test_a_component_a_response_returns_as_is_keeps_its_plain_class(tmp_path):
    spec = doc("""
        openapi: 3.0.3
        info: {title: t, version: "1"}
        paths:
          /items:
            post:
              operationId: addItem
              parameters: [{name: dry, in: query, schema: {type: boolean}}]
              requestBody: {content: {application/json: {schema: {$ref: "#/components/schemas/Item"}}}}
              responses: {"204": {description: ok}}
            get:
              operationId: getItem
              responses:
                "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Item"}}}}
        components:
          schemas:
            Item:
              type: object
              properties:
                id: {type: string, readOnly: true}
                name: {type: string}
        """)
    found = names(tmp_path, spec, NEWEST)
    assert [f.name for f in found["ItemInput"].fields] == ["name"]
    assert [f.name for f in found["Item"].fields] == ["id", "name"]  # what getItem returns


def test_numbered_members_contest_as_one_and_untyped_tags_do_not_name(tmp_path):
    spec = doc("""
        openapi: 3.0.3
        info: {title: t, version: "1"}
        paths:
          /notes:
            get:
              operationId: getNote
              parameters: [{name: id, in: query, schema: {type: string}}]
              responses:
                "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Note"}}}}
          /things:
            post:
              operationId: addThing
              requestBody:
                content:
                  application/json:
                    schema:
                      allOf:
                        - oneOf: [{$ref: "#/components/schemas/Exec"}, {$ref: "#/components/schemas/Sys"}]
                        - required: [type]
              responses:
                "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Pair"}}}}
        components:
          schemas:
            Note:
              type: object
              properties:
                mode: {type: string, enum: [direct, policy]}
                detail: {type: object, title: Detail, properties: {a: {type: string}}}
                targets:
                  type: array
                  items:
                    type: object
                    properties: {id: {type: string}}
                    anyOf: [{properties: {conf: {type: object, properties: {b: {type: string}}}}}]
              oneOf:
                - properties: {mode: {const: direct}}
                - properties: {mode: {}}
            Pair:
              type: object
              properties:
                exec: {$ref: "#/components/schemas/Exec"}
                sys: {$ref: "#/components/schemas/Sys"}
                alt: {type: object, properties: {mode: {type: string, enum: [x, y]}}}
            Exec: {type: object, properties: {type: {enum: [exec]}, kind: {type: string, enum: [p, q]}}}
            Sys: {type: object, properties: {type: {type: string, enum: [sys]}, kind: {type: string, enum: [r, s]}}}
        """)
    found = names(tmp_path, spec, NEWEST)
    assert [m.decl.name for m in found["NoteUnion"].members] == ["Note1", "Note2"]
    # `Mode1`, `Mode2` contest `Mode` elsewhere as one claimant; `Detail1`, `Detail2` contest nothing
    assert {"NoteMode1", "NoteMode2", "Detail1", "Detail2"} <= set(found)
    # a lone member's union stays a union (cribl-cp `TargetConfigUnion1` of `TargetConfig1`)
    assert [m.decl.name for m in found["TargetUnion2"].members] == ["Target2"]
    # `<Root><Base><Tag>` takes a typed tag only: `Exec`'s `type: {enum: [exec]}` has none
    assert {"AddThingExecKind", "AddThingKindSys"} <= set(found)


def test_singular_of_metadata():
    from generator.naming import singular

    assert [singular(w) for w in ("metadata", "data", "userData")] == [
        "metadatum",
        "data",
        "userData",
    ]  # cribl-cp, agentset


def test_untyped_boolean_enums_are_strings_and_a_lone_enum_member_leaves_its_union_the_name(tmp_path):
    """cribl-cp 1.784: `enum: [false, true]` without a type is `FALSE = "false"`; `GitInfo.remote`,
    [string, enum [false]], is `Remote` beside its `RemoteEnum` (the union takes `Union` only once prefixed,
    lapyme 1.768). Without gen.yaml the booleans stay booleans."""
    spec = doc("""
        openapi: 3.0.3
        info: {title: t, version: "1"}
        paths:
          /git:
            get:
              operationId: getGit
              responses:
                "200":
                  description: ok
                  content: {application/json: {schema: {$ref: "#/components/schemas/GitInfo"}}}
        components:
          schemas:
            GitInfo:
              type: object
              properties:
                remote:
                  oneOf:
                    - type: string
                    - enum: [false]
                tag: {enum: [false, true]}
    """)
    found = names(tmp_path, spec, NEWEST)
    assert isinstance(found["Remote"], Union) and isinstance(found["RemoteEnum"], Enum)
    assert [v.value for v in found["Tag"].values] == ["false", "true"]
    assert [v.value for v in names(tmp_path, spec)["Tag"].values] == [False, True]


TWO_UNIONS = doc("""
    openapi: 3.0.3
    info: {title: t, version: "1"}
    paths:
      /fn:
        post:
          operationId: setStep
          requestBody: {content: {application/json: {schema: {$ref: "#/components/schemas/Step"}}}}
          responses: {"204": {description: ok}}
    components:
      schemas:
        Step:
          type: object
          properties:
            conf:
              allOf: [{$ref: "#/components/schemas/FunctionConf"}]
              required: [commands]
        FunctionConf:
          type: object
          properties:
            commands: {type: array, items: {type: string}}
          allOf:
            - oneOf:
                - $ref: "#/components/schemas/DeploymentSingle"
                - $ref: "#/components/schemas/DeploymentCluster"
            - oneOf:
                - $ref: "#/components/schemas/AuthNone"
                - $ref: "#/components/schemas/AuthToken"
        DeploymentSingle: {type: object, properties: {deployment: {type: string, enum: [single]}}}
        DeploymentCluster: {type: object, properties: {deployment: {type: string, enum: [cluster]}}}
        AuthNone: {type: object, properties: {auth: {type: string, enum: [none]}}}
        AuthToken: {type: object, properties: {auth: {type: string, enum: [token]}, token: {type: string}}}
    """)


def test_a_required_beside_an_all_of_reaches_the_unused_variants_of_its_first_union(tmp_path):
    # cribl-cp PipelineFunctionRedis `conf: {allOf: [$ref FunctionConfSchemaRedis], required: [commands]}`:
    # the conf is the last union (RedisAuthType*); the first union's variants (RedisDeploymentType*) are
    # generated unused, and Speakeasy requires `commands` in them too
    found = names(tmp_path, TWO_UNIONS, NEWEST)
    copies = [d for n, d in found.items() if n.startswith("Step") and n != "Step" and hasattr(d, "fields")]
    assert sorted(c.name.rstrip("2") for c in copies) == [
        "StepAuthNone",
        "StepAuthToken",
        "StepDeploymentCluster",
        "StepDeploymentSingle",
    ]
    assert all({f.wire_name: f.required for f in c.fields}["commands"] for c in copies)


# createSource sends a copy of the component union `Source` (required `id` added), listSources returns it
SOURCES = """
    openapi: 3.0.3
    info: {title: t, version: "1"}
    paths:
      /sources:
        post:
          operationId: createSource
          requestBody:
            content:
              application/json:
                schema: {allOf: [{$ref: "#/components/schemas/Source"}], required: [id]}
          responses: {"204": {description: ok}}
        get:
          operationId: listSources
          responses:
            "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Source"}}}}
    components:
      schemas:
"""


def _sources(schemas: str) -> dict:
    """The spec of `SOURCES` with these component schemas (YAML indented as under `schemas:`)."""
    return doc(SOURCES + textwrap.indent(textwrap.dedent(schemas), " " * 8))


STRIPPED = _sources("""
        Source:
          oneOf: [{$ref: "#/components/schemas/SourceFeed"}, {$ref: "#/components/schemas/SourcePoll"}]
          discriminator: {propertyName: type}
        SourceFeed:
          type: object
          properties:
            id: {type: string}
            type: {type: string, enum: [feed]}
            contentConfig:
              type: array
              items:
                type: object
                properties:
                  contentType: {type: string, readOnly: true}
                  enabled: {type: boolean}
        SourcePoll:
          type: object
          properties:
            id: {type: string}
            type: {type: string, enum: [poll]}
            contentConfig: {type: array, items: {type: object, properties: {every: {type: number}}}}
    """)


def test_a_requests_inline_child_that_loses_read_only_fields_takes_input(tmp_path):
    # cribl-cp 1.784 createInput's copy of InputOpenai: its contentConfig items lose contentType, collectPath...
    # and are `CreateInputContentConfigInput` (the response's copy keeps `...ContentConfigOpenai`, the tag)
    # (contested there by createInputSystemByPack's; alone here, it keeps the bare name)
    found = names(tmp_path, STRIPPED, NEWEST)
    assert [f.wire_name for f in found["ContentConfigInput"].fields] == ["enabled"]
    assert [f.wire_name for f in found["CreateSourceContentConfig"].fields] == ["every"]  # it lost nothing


OWN_COPIES = _sources("""
        Source:
          oneOf: [{$ref: "#/components/schemas/SourceExec"}, {$ref: "#/components/schemas/SourceFeed"}]
          discriminator: {propertyName: type}
        SourceExec:
          type: object
          properties:
            id: {type: string}
            type: {enum: [exec]}
            scheduleType: {type: string, enum: [interval, cron]}
        SourceFeed:
          type: object
          properties:
            id: {type: string}
            type: {type: string, enum: [feed]}
            podFilter: {type: array, items: {type: object, properties: {filter: {type: string}}}}
    """)


def test_a_components_child_keeps_its_name_beside_copies_told_apart_by_no_typed_tag(tmp_path):
    # cribl-cp 1.784: InputExec (`type: {enum: [exec]}`, no `type: string`) keeps `ScheduleType`, its copies in
    # createInput... are `CreateInputScheduleType`...; InputEdgePrometheus, tagged `edge_prometheus`, loses
    # `PodFilter` to its copies: `InputEdgePrometheusPodFilter` beside `CreateInputPodFilter`
    found = names(tmp_path, OWN_COPIES, NEWEST)
    owners = {(d.origin.parent.name, d.name) for d in found.values() if d.hint in ("scheduleType", "podFilter")}
    assert owners == {
        ("SourceExec", "ScheduleType"),
        ("CreateSourceSourceExec", "CreateSourceScheduleType"),
        ("SourceFeed", "SourceFeedPodFilter"),
        ("CreateSourceSourceFeed", "CreateSourcePodFilter"),
    }
