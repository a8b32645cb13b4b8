"""The compatibility profile: every Speakeasy behaviour that depends on the generator version or an option.

gen.yaml (options, `generation.fixes`) and gen.lock (the generator version) are read by `config`;
this package alone interprets them (`naming`: the naming eras; `docs`: the docs pages' eras; `parsing`: how
the spec is read; `models`: the model modules; `gen_yaml`: reading the files). `Profile.from_options` turns them into one frozen value, and
each behaviour the output depends on is one named field or property below, saying what it
changes, which version or flag turns it on, and the corpus entries that show it (versions in
parentheses are the entries' gen.lock `speakeasyVersion`). No other module compares versions or
looks up gen.yaml keys. A version cut-off is a claim about Speakeasy: each names entries on both
sides, and where the exact version between them is unknown, says so.

The naming eras, oldest first (gen.yaml `generation.fixes`):
- no fix: every claimant of a contested inline name is prefixed (airbyte, our seed spec);
- `nameResolutionDec2023`: the first claimant keeps a contested name (`first_come`; orq, plexpy);
- `nameResolutionFeb2025`: all claimants move on, singular array items (`feb2025`; mammoth, squadcast);
- `sharedErrorComponentsApr2025`: schemas inside error classes live with the other models;
- `sharedNestedComponentsJan2026`: contested names grow in chains (`grows_chains`; cribl-cp);
- `nameOverrideFeb2026`: a property is named by its key, not by the override of the component it
  refers to (`component_field_names`; ttddata 1.788).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

from ..casing import camel, pascal
from .docs import DocEras
from .gen_yaml import Version, deleted_files, errors_beside_models, lock_version, python_folders, section, ts_folders
from .models import ModelEras
from .naming import NamingEras
from .parsing import ParseEras

if TYPE_CHECKING:  # config imports this package (`lock_version`)
    from ..config import Options


_FLAT = MappingProxyType({k: "" for k in ("shared", "operations", "errors", "webhooks", "callbacks")})


@dataclass(frozen=True)
class Profile(DocEras, ParseEras, ModelEras, NamingEras):
    """What Speakeasy would do for one SDK: the job's settings, gen.yaml's options and the generator version.

    `Profile()` is the default: Python docs, version 1.606, no fixes, no options."""

    # -- the job -------------------------------------------------------------------------------------
    flavour: str = "python"
    """Docs flavour: "python" (Python SDK pages) or "typescript" (TypeScript SDK pages; no models): the
    job's, else "typescript" for a gen.yaml with a `typescript:` section and no `python:` one."""
    package: str = "models"
    """The Python package folder written under the output folder: the job's `package`, else gen.yaml
    `python.packageName` (`-` as `_`)."""
    module: str = "models"
    """The SDK's import name in Python docs' Example Usage blocks: gen.yaml `python.packageName` (`-` as
    `_`), else `package`."""
    sdk_package: str = ""
    """The SDK's import name shown in TypeScript docs' example usage: the job's `sdk-package`, else a
    TypeScript gen.yaml's `typescript.packageName`."""
    version: Version = (1, 606, 0)
    """gen.lock `speakeasyVersion` (or `management.speakeasyVersion`); 1.606 when there is none."""

    deleted_files: frozenset[str] = frozenset()
    """Files gen.lock's `trackedFiles` mark `deleted: true` (`gen_yaml.deleted_files`), which are not written:
    with persistent edits (gen.yaml `generation.persistentEdits`) Speakeasy merges its new output with the
    repository's edits, and a generated file deleted there stays deleted, its record kept. openrouter 1.761
    (TypeScript) marks 875 of its 1,122 docs/models pages deleted (chatchoice.md, every page of the byok
    and workspaces operations) while their models stay (`src/models/chatchoice.ts` is live): none of those
    pages is in the SDK, and every page it does hold is one the lock keeps. No other entry's lock marks a
    file deleted."""

    # -- gen.yaml `generation.fixes` ---------------------------------------------------------------------
    dec2023: bool = False
    """`nameResolutionDec2023`: see `first_come`."""
    feb2025: bool = False
    """`nameResolutionFeb2025`: every claimant of a contested inline name moves on to a longer candidate,
    array items are named in the singular, a union whose members would share its name takes `Union`,
    `<Op>Request` for a single request body (mammoth, squadcast, agentset; orq and plexpy, without it,
    keep first-come names)."""
    shared_errors: bool = False
    """`sharedErrorComponentsApr2025`: the schemas inside error classes live with the other models; before
    it they go to the errors module too."""
    name_override_feb2026: bool = False
    """`nameOverrideFeb2026`: see `component_field_names`."""
    grows_chains: bool = False
    """`sharedNestedComponentsJan2026`: contested names grow in chains (`naming.chains`), request variants
    without read-only fields become `<Key>Input` (`shape.readonly`), an enum `$ref` alone in an `allOf` is an
    inline copy (cribl-cp 1.784, cribl-mgmt 1.761; squadcast 1.621 keeps `ExportFormat`; see `parse.merge`)."""

    # -- gen.yaml options ----------------------------------------------------------------------------------
    body_field: str = ""
    """`generation.requestBodyFieldName`: the name of every request's body field in `<Op>Request`, a
    component's too; when empty, `request_body`, or a component body's own name (`naming.fields`)."""
    sdk_class: str = ""
    """`generation.sdkClassName`, PascalCase: the SDK's own class, a name no inline schema may take
    (orq `CreateChatCompletionOrq`)."""
    envelope: bool = False
    """`python.responseFormat: envelope` (or `envelope-http`): responses are `<Op>Response` envelopes
    (plexpy; `parse.envelope`)."""
    http_meta: bool = False
    """`python.responseFormat: envelope-http`: the envelope holds one `http_meta` field (a shared
    `HTTPMetadata` of the raw response and request) for the status fields (ttddata)."""
    open_enums: bool = False
    """`forwardCompatibleEnumsByDefault` of the flavour's section: enums a response reaches accept unknown
    values (`is_open`; TypeScript pages too: lapyme 1.768, its 30 open enums exactly)."""
    open_unions: bool = False
    """`python.forwardCompatibleUnionsByDefault: tagged-only`: a tagged union (a discriminator declared
    or implied) gets an `Unknown<Union>` member that keeps a payload of any other tag in `raw`, unless
    it is a request body or a request variant (cribl-cp 1.784: 114 such unions open, the 7 request ones
    closed; cribl-mgmt and sunsynk set it and have no tagged union; `"false"` in outpost and ttddata).
    Models only: the docs do not list the unknown member."""
    enum_format_union: bool = False  # `python.enumFormat: union`: see `enum_list`
    infer_union_tags: bool = False  # `python.inferUnionDiscriminators`: see `render.unions.member_order`
    const_upper: bool = True
    """`python.constFieldCasing` (default `upper`): a const field is named in capitals,
    `PROVIDER: Literal["AZURE_OPENAI"] = "AZURE_OPENAI"` aliased `provider` (agentset, cribl-cp set it;
    mammoth 1.606, openrouter 1.656, syllable 1.519 leave it out and do the same); `normal` keeps the
    field's own name (ttddata; margen 1.788 `object`), the default its value either way. Models only: the
    docs show the wire name."""
    folders: Mapping[str, str] = field(default_factory=lambda: _FLAT)
    """Doc sub-folders of `models/` per kind ("shared", "operations", "errors", "webhooks", "callbacks"), per gen.yaml
    `<target>.imports.paths`; TypeScript defaults to `models/components`, `models/operations`,
    `models/errors` (a path of `models` or "" is flat). A Python folder outside `models/` (Speakeasy's
    usual `errors`) has a leading `/`."""
    errors_beside_models: bool = False  # error classes in `models`: see `gen_yaml.errors_beside_models`
    flat_streams: bool = False  # `python.sseFlatResponse`: see `parse.responses.stream_events`
    kebab_files: bool = False
    """TypeScript `legacyFileNaming: false`: pages are named in kebab-case, `api-error.md` (lapyme 1.768)."""
    ts_enum_union: bool = True
    """TypeScript `enumFormat` (default `union`): an enum's page lists literals, not a table of members."""
    env_prefix: bool = False
    """The target's `envVarPrefix` is set: see `optional_security`."""
    client_credentials: bool = True
    """`generation.auth.oAuth2ClientCredentialsEnabled` (unset in no entry): `false` makes an OAuth2 client-credentials scheme one
    token string (conductorone 1.352 `oauth: *str*`), `true` a `Scheme<Key>` model (airbyte, bar, cribl, dwolla)."""
    base_error_name: str = ""
    """`python.baseErrorName`: the class every error response's exception derives from, in its era
    (`error_base`)."""
    default_error_name: str = "SDKError"
    """`python.defaultErrorName` (`SDKError` unless renamed): the exception of a response no error class
    describes (`render.pyerrors`)."""
    template: str = "v2"
    """The Python template generation, gen.yaml `python.templateVersion`: "v1" (dataclasses) or "v2"
    (pydantic). Before it was written (unset up to airbyte 1.300, set from log10py 1.314 on) only v1
    existed; unset in a newer generator means v2."""
    async_pages: bool = False
    """`python.fixFlags.asyncPaginationSep2025`: a paginated response's `next` may also be async (`render.python`)."""
    dec2023_off: bool = False
    """`nameResolutionDec2023: false` written out (airbyte, testpan, leonardo, conductorone, venari): see
    `first_come` and `schemas_word`."""
    maintain_order: bool = True  # `generation.maintainOpenAPIOrder`: see `sorted_fields`
    class_lists: bool = True
    """`generation.useClassNamesForArrayFields`: without it an envelope's list of a component is the field
    `classes` (testpan, venari; `naming.fields`)."""
    ts_body_field: str = ""
    """TypeScript docs' request body property: camelCase of `typescript.requestBodyFieldName`, else of
    `generation.requestBodyFieldName`; empty, a component body's own name, else `requestBody`
    (`render.tsusage.property_name`)."""
    ts_index_modules: bool = True
    """TypeScript `useIndexModules` (default true); false: usage imports name the model's own module file
    (vercel 1.398 `@simplesagar/vercel/models/getprojectsop.js`)."""
    deduplicate_errors: bool = False
    """`generation.deduplicateErrors`: structurally identical inline error bodies are one class, named after
    their status alone where no other inline error body of the kind wants that name (`shape.errors`,
    `naming.fixed.deduplicated_error_names`): squadcast 1.621 (Python) writes 14 classes for 2,169 per-operation
    bodies, `BadRequestError`... in `errors/analytics_getorganalyticsop.py`; safepay 1.581 (TypeScript)
    `NotFoundError` beside `PostClientApiSettingsV1BadRequestError`, one of five distinct 400 bodies."""
    ts_module_suffix: str = ".js"
    """The module file's extension in those imports: `.js` unless `moduleFormat: commonjs` (vercel 1.398 esm)."""

    @classmethod
    def from_options(cls, options: Options) -> Profile:
        """The profile of a job: its settings, and the gen.yaml and gen.lock `config` read into `options`."""
        gen = options.gen
        fixes = section(gen, "generation").get("fixes")
        fixes = fixes if isinstance(fixes, dict) else {}
        python = section(gen, "python")
        generation = section(gen, "generation")
        package_name = python.get("packageName")
        named = package_name.replace("-", "_") if isinstance(package_name, str) and package_name else ""
        package = options.package or named or "models"
        typescript_sdk = isinstance(gen.get("typescript"), dict) and not isinstance(gen.get("python"), dict)
        flavour = options.flavour or ("typescript" if typescript_sdk else "python")
        typescript = flavour == "typescript"
        target = section(gen, flavour)  # the flavour's own gen.yaml section (`python:`, `typescript:`)
        ts_package = section(gen, "typescript").get("packageName") if typescript_sdk else ""
        ts_body = target.get("requestBodyFieldName") or generation.get("requestBodyFieldName")
        version = options.speakeasy_version or cls.version
        # unset, generators before 1.204 wrapped every response in an envelope (pydataverse 1.201, venari;
        # easyreview 1.204 and airbyte 1.244 write `envelope` out)
        response_format = python.get("responseFormat") or ("envelope" if version < (1, 204) else "flat")
        written = python.get("templateVersion")
        template = ("v1" if written == "v1" else "v2") if written else ("v1" if version < (1, 314) else "v2")
        return cls(
            flavour=flavour,
            package=package,
            module=named or package,
            sdk_package=options.sdk_package or (ts_package if isinstance(ts_package, str) else ""),
            version=version,
            deleted_files=options.deleted,
            dec2023=bool(fixes.get("nameResolutionDec2023")),
            feb2025=bool(fixes.get("nameResolutionFeb2025")),
            shared_errors=bool(fixes.get("sharedErrorComponentsApr2025")),
            name_override_feb2026=bool(fixes.get("nameOverrideFeb2026")),
            grows_chains=bool(fixes.get("sharedNestedComponentsJan2026")),
            body_field=str(generation.get("requestBodyFieldName") or ""),
            sdk_class=pascal(str(generation.get("sdkClassName") or "")),
            envelope=response_format in ("envelope", "envelope-http"),
            http_meta=response_format == "envelope-http",
            template=template,
            dec2023_off=fixes.get("nameResolutionDec2023") is False,
            async_pages=section(python, "fixFlags").get("asyncPaginationSep2025") is True,
            maintain_order=not gen or bool(generation.get("maintainOpenAPIOrder")),
            class_lists=not gen or bool(generation.get("useClassNamesForArrayFields")),
            open_enums=target.get("forwardCompatibleEnumsByDefault") is True,
            open_unions=not typescript and python.get("forwardCompatibleUnionsByDefault") == "tagged-only",
            enum_format_union=python.get("enumFormat") == "union",
            infer_union_tags=not typescript and python.get("inferUnionDiscriminators") is True,
            const_upper=python.get("constFieldCasing", "upper") != "normal",
            folders=ts_folders(target) if typescript else python_folders(target),
            errors_beside_models=bool(gen) and not typescript and errors_beside_models(target),
            flat_streams=not typescript and python.get("sseFlatResponse") is True,
            kebab_files=typescript and target.get("legacyFileNaming") is False,
            ts_enum_union=target.get("enumFormat", "union") != "enum",
            ts_body_field=camel(str(ts_body)) if ts_body else "",
            ts_index_modules=target.get("useIndexModules", True) is not False,
            deduplicate_errors=generation.get("deduplicateErrors") is True,
            ts_module_suffix="" if target.get("moduleFormat") == "commonjs" else ".js",
            env_prefix=bool(target.get("envVarPrefix")),
            client_credentials=section(generation, "auth").get("oAuth2ClientCredentialsEnabled") is not False,
            base_error_name=str(python.get("baseErrorName") or ""),
            default_error_name=str(python.get("defaultErrorName") or "SDKError"),
        )

    @property
    def python_docs(self) -> bool:
        return self.flavour == "python"

    # -- templates ---------------------------------------------------------------------------------------
    @property
    def dataclasses(self) -> bool:
        """The v1 (dataclass) template in Python: fields with a default (a const is one) follow those without
        (airbyte); a const is a one-value enum class with its own page (airbyte); a plain `type: string` raw
        body is `str` (pydataverse); a binary envelope body is `stream` (testpan 1.207; plexpy v2
        `response_stream`); extra properties are a field `additional_properties` (airbyte)."""
        return self.python_docs and self.template == "v1"

    @property
    def shows_nullable(self) -> bool:
        """The v1 (dataclass) template has no `Nullable`: a nullable field reads `Optional[T]`, or `T` when
        required (venari 1.1xx, easyreview 1.204, airbyte 1.244-1.402 have nullable properties and no
        `Nullable` in their docs; conductorone 1.352, v2, shows them). TypeScript docs have none either way."""
        return not self.dataclasses

    @property
    def sorted_fields(self) -> bool:
        """A gen.yaml without `maintainOpenAPIOrder` lists properties (and request parameters) by wire name
        (airbyte, testpan, conductorone, leonardo; TypeScript safepay 1.581; every entry that sets it keeps
        the spec's order)."""
        return not self.maintain_order

    @property
    def sorted_parameters(self) -> bool:
        """With `sorted_fields`, an `<Op>Request`'s parameters are listed by wire name too in Python (airbyte,
        testpan, conductorone, leonardo), in the spec's order in TypeScript: safepay 1.581 `planIds`,
        `intervals`, `products`, `currencies`, `limit`, `page`, `sortBy`, `direction` (5 pages), its models'
        properties sorted (`Tracker`: `client`, `entryMode`, `environment`...). The flavours differ in version
        too (Python up to 1.402), so a cut-off between 1.402 and 1.581 would fit as well."""
        return self.sorted_fields and self.python_docs

    @property
    def typed_scalar_bodies(self) -> bool:
        """From 1.207 an envelope's JSON scalar body is named after its JSON type, `string`, `strings`
        (testpan 1.207, pydataverse 1.337); pydataverse 1.201 still says `res`."""
        return self.version >= (1, 207)

    # -- Python models (`render.model_rules.ModelRules`) --------------------------------------------
    @property
    def literal_enums(self) -> bool:
        """`enumFormat: union` from 1.606: an enum is a `Literal[...]` alias, not an Enum class. 1.441
        still wrote classes (orq-2024-11); 1.606 on writes aliases (orq-2025-08, squadcast 1.621,
        openrouter 1.656, agentset 1.708, sunsynk 1.748)."""
        return self.enum_format_union and self.version >= (1, 606)

    # -- IR shaping (`shape`) ---------------------------------------------------------------------------
    @property
    def optional_security(self) -> bool:
        """With `envVarPrefix` the SDK can read credentials from the environment, so the `Security` class
        requires none of its fields: emissary 1.423, orq 1.441, pokesdk 1.600, mammoth 1.606 have it, while
        leonardo 1.396, petstore 1.445, squadcast 1.621 (and conductorone 1.352, two schemes at once) have
        none and require what every operation needs (`parse.security`)."""
        return self.env_prefix

    @property
    def request_only_keeps_name(self) -> bool:
        """A component with read-only fields that only requests use keeps its name, without them (easyreview
        1.204, pazy 1.352 `PatchedDataset`); with `sharedNestedComponentsJan2026` it is `<Key>Input` too
        (cribl-cp 1.784). No entry between tells whether the version or the fix changed it; tied to the fix."""
        return not self.grows_chains

    @property
    def stripped_children_input(self) -> bool:
        """An inline schema inside a request that loses read-only fields there (not the request, not a union's
        member) is named `<Base>Input`, prefixed as usual when contested: cribl-cp 1.784 (with
        `sharedNestedComponentsJan2026`) `CreateInputContentConfigInput`, the items of `contentConfig` in the
        createInput copy of InputOpenai. The first-come era keeps the plain name (orq-2024-11 1.441
        `DeploymentGetConfigMessages`, orq-2025-08 1.606 `CreatePromptMessages`, `PromptConfig`), `Input` only
        telling two such twins apart (`naming.legacy`); no entry of the Feb2025 era has one. Tied to the fix."""
        return self.grows_chains

    @property
    def envelope_errors(self) -> bool:
        """In the v1 template a component that error responses return stays an error class when envelopes
        return it too (a `default` body): the envelope's field reads `*Optional[errors.APIResponse]*`, unlinked
        (testpan 1.207, 33 pages); ttddata 1.730-1.788 (v2, envelope-http) keeps such a component a model."""
        return self.dataclasses

    @property
    def operations_require_security(self) -> bool:
        """Without a global `security`, the Security fields are required when every operation asks for one
        and the same set of schemes: pazy 1.352 (`basicAuth` in all 30 operations); easyreview 1.204, written
        alike, keeps them optional (`parse.security`). The cut-off between is unknown."""
        return self.version >= (1, 352)

    @property
    def blank_client_examples(self) -> bool:
        """The credentials of a client-credentials scheme (`Scheme<Key>`, or `Security` when it is the only
        scheme) show an empty Example column in airbyte 1.300 and bar 1.318, none in airbyte 1.402, bar 1.438,
        investec 1.459 (cribl-cp 1.784 only for the `audience` it has an example of); a basic-auth scheme's
        show it in every entry that has one (easyreview 1.204 to airbyte 1.402). The cut-off between 1.318 and
        1.402 is unknown."""
        return self.version < (1, 402)

    @property
    def required_first(self) -> bool:
        """From 1.201 until 1.570 a model lists its required fields first (pydataverse 1.201, emissary 1.423,
        orq-2024-11 1.441, petstore 1.445, acuvity 1.513, syllable 1.519); acuvity 1.570, pokesdk 1.600 and
        orq-2025-08 1.606.5 keep spec order (the cut-off between 1.519 and 1.570 is unknown), and so does
        venari, an `internal` build older than 1.201, see `lock_version`. Python only: TypeScript docs keep spec order in every
        version (vercel 1.293, orq 1.419-1.455, safepay 1.581)."""
        return self.python_docs and (1, 201) <= self.version < (1, 570)


__all__ = ["Profile", "Version", "deleted_files", "lock_version"]
