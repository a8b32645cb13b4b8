"""The naming eras: how Speakeasy names classes, by generator version and gen.yaml `generation.fixes`.

Part of `Profile` (a mixin: read them as `profile.first_come`); the package's docstring lists the eras."""

from __future__ import annotations

from collections.abc import Mapping

from .eras import Eras


class NamingEras(Eras):
    """Naming behaviours by generator version and fix; `Profile` provides the settings they read."""

    dec2023: bool
    feb2025: bool
    dec2023_off: bool
    grows_chains: bool
    name_override_feb2026: bool
    folders: Mapping[str, str]

    @property
    def first_come(self) -> bool:
        """Between the Dec2023 and Feb2025 fixes the first claimant keeps a contested name and the others move
        on, one schema at a time (`naming.legacy`; emissary 1.423, orq 1.441 and 1.606.5, plexpy 1.684).
        Without either fix, as for our own seed spec, all are prefixed. This era also types boolean enums as
        `bool` (`shape.legacy`) and, as the newest, sends requests variants without read-only fields
        (`shape.readonly`: bar 1.318/1.438 `OrderInput`; see `request_only_keeps_name`); so does a
        `nameResolutionDec2023: false` written out (airbyte, testpan; see `schemas_word`)."""
        return (self.dec2023 or self.dec2023_off) and not self.feb2025

    @property
    def titled_bodies(self) -> bool:
        """Before the Feb2025 fix an operation's one inline body with a `title` is `<Op><Title>`, as a titled
        request sent whole is (orq-2025-08 1.606.5 `ParseChunkingRequest`; `naming.fixed`): a request body
        (orq-node 1.791 `InvokeAgentA2AInvokeRequest`), a response body (plexpy 1.684
        `PostUsersSignInDataUserPlexAccount`, its envelope field `user_plex_account`; orq-node 1.791
        `InvokeAgentA2ATaskResponse`). No entry of the Feb2025 era has a titled inline body."""
        return not self.feb2025

    @property
    def errors_named_as_bodies(self) -> bool:
        """First-come era: an inline error body is named like a success body, `<Op>ResponseBody` (then with
        the path's words), in the response bodies' name space. Python SDKs do so when their errors share
        the models module (orq-2025-08 1.606.5); TypeScript SDKs always, though the page sits in
        `models/errors` (orq-node 1.517 `UpdatePromptResponseBody`, 1.791 `CreateAgentScheduleSchedulesResponseBody`,
        orq-sdk 1.444, orq-client 1.419); so do Python SDKs with `nameResolutionDec2023: false`, in their errors
        folder beside the 200 body `operations.SneakerIDResponseBody` (venari: `SneakerIDResponseBody`,
        `SneakerIDInferenceResponseBody`...; no other entry of that era has inline error bodies); the Feb2025
        era names them `<Op><Status>Error` (dwolla 1.622)."""
        return self.first_come and (not self.python_docs or not self.folders["errors"] or self.schemas_word)

    @property
    def components_by_reach(self) -> bool:
        """First come: components claim contested inline names in the order a walk of each operation's
        request, then responses, reaches them (`naming.reach`; plexpy 1.684, novu 1.444, petstore 1.445,
        acuvity) in Python SDKs; TypeScript SDKs in document order (orq-node 1.791: 5 pages more)."""
        return self.python_docs

    @property
    def operations_breadth_first(self) -> bool:
        """First come, before about 1.41 (vercel 1.293/1.398 +73/+52 pages, airbyte, leonardo; not orq-client
        1.419, orq 1.441, orq-node 1.517): operations' request schemas too claim breadth first across operations,
        as responses' always do (`visits.visiting_order`)."""
        return self.first_come and self.version < (1, 410)

    @property
    def claims_on_arrival(self) -> bool:
        """First come from about 1.41 (orq 1.441 and 1.606.5): schemas claim names as the walk of the operations
        arrives at them, a component's where an operation first reaches it, and one that goes first takes its
        name back from a holder that does not, which moves on (`naming.visits.arrival_order`: orq-2025-08 models
        1232 -> 1309, unions 269 -> 302, orq-2024-11 unions 38 -> 42; no other entry of the era changes). Before
        it (`operations_breadth_first`, `schemas_word`: leonardo 1.396, conductorone 1.352, airbyte) names come
        out in `visiting_order` itself: claiming on arrival there loses 30 of leonardo's 179 models and 2 of
        conductorone's 583."""
        return self.first_come and not self.operations_breadth_first and not self.schemas_word

    @property
    def schemas_word(self) -> bool:
        """`nameResolutionDec2023: false` (airbyte 1.244-1.402): a contested name grows `<Root><own>`, then
        `<Root>Schemas<path...><own>`; components claim by key, operations by group and name (`naming.legacy`)."""
        return self.dec2023_off and not self.feb2025

    @property
    def number_inseparable(self) -> bool:
        """Claimants no candidate tells apart are numbered where that happens (mammoth `AddTaskExtra1`); not
        with `sharedNestedComponentsJan2026` (cribl-cp keeps a plain name where this would number)."""
        return not self.grows_chains

    @property
    def parent_prefix(self) -> bool:
        """Feb2025 era: where claimants of a name no longer candidate tells apart would be numbered
        (`number_inseparable`), first prefix those inside an inline object with that object's name: dwolla
        1.622/1.759 `Transfer.rtpDetails.destination` is `RtpDetailsDestination`, `fees[].links` `FeeLinks`,
        `questions[].answers[]` `QuestionAnswer`; openrouter 1.606 (TypeScript) and 1.656 (Python) `pdf.engine`
        `PdfEngine` beside a plugin's `Engine`; safepay 1.581. Not an object that is a union's member
        (openrouter 1.679 `VideoUrl1`, `Part1`), a union (lineart 1.6xx `Headers1` in `Headers2`; openrouter
        1.656/1.679 `OpenAIResponsesInputContent1`), a map's values (outpost 1.712-1.791 `workers.*.status`:
        `HealthCheckStatus2`), nor one named like the claimant (squadcast 1.621 `components[].components[]`:
        `...RequestComponent1`): those are numbered (`naming.classes._prefix_by_parents`)."""
        return self.feb2025 and self.number_inseparable

    @property
    def media_error_names(self) -> bool:
        """TypeScript SDKs of the Feb2025 era name an inline error body of a media type other than JSON after
        that type, `<Op><Media>Error`, adding the status only where an operation has two such
        (dwolla 1.622/1.759 `application/vnd.dwolla.v1.hal+json`: `GetAccountDwollaV1HalJSONError`,
        `ListFundingSourcesForbiddenDwollaV1HalJSONError`; JSON bodies keep `<Op><Status>Error`, safepay
        1.581). No Python entry has such error bodies."""
        return self.feb2025 and not self.python_docs

    @property
    def error_suffix(self) -> bool:
        """TypeScript SDKs name an error class made from a component whose name holds no `Error` with that
        word after it: openrouter 1.679/1.761 `NotFoundResponse` -> `NotFoundResponseError`, dwolla 1.622/1.759
        `BadRequestSchema` -> `BadRequestSchemaError`; `ChatError`, `HonoApiError` (orq-node 1.455),
        `ValidationErrorSchema` (dwolla), `ApiErrorEnvelope` (lapyme 1.768) and safepay 1.581's `Error` (then
        `ErrorT`) keep theirs. Python SDKs' error classes are not in these docs."""
        return not self.python_docs

    @property
    def component_keeps(self) -> bool:
        """Feb2025 era: a name contested by one component's child and operations' children stays the
        component's (bolt 1.645 `Network`, outpost 1.712-1.791 `Status`, `Dir`; with
        `sharedNestedComponentsJan2026` too: margen 1.788 `AttackDataItem.kind` is `Kind`, the `listItems`
        query parameter `ListItemsKind`), unless, in that era, a claimant lies in an allOf-distributed copy:
        then every claimant is prefixed (cribl-cp 1.784 `InputResponseInputKafka`; `naming.classes`), but for
        one component's child beside copies of that component told apart by no typed tag
        (`naming.chains.beside_own_copies`: InputExec's `ScheduleType`)."""
        return self.feb2025

    @property
    def component_gives_way(self) -> bool:
        """Feb2025 era from 1.700: a union component with one untagged inline member takes `Union`, the
        member its name (outpost 1.712 `TopicsUnion` of `TopicsEnum`; openrouter 1.656 and squadcast 1.621
        keep `CompletionFinishReason`, `V3ExtensionsMSTeamsEventClass`); placed at 1.700 with
        `tagged_members_give_way`."""
        return self.feb2025 and self.version >= (1, 700)

    @property
    def object_members_give_way(self) -> bool:
        """Feb2025 era, whatever the version: a union (a component too) whose members include untagged
        objects named after it takes `Union`, one such object beside tagged members its plain name, several
        numbered (openrouter 1.656 Python, 1.679 and 1.761 TypeScript `OpenAIResponsesToolChoiceUnion` and
        its object `OpenAIResponsesToolChoice`; 1.761 `RequireApprovalUnion`; see `naming.unionnames.
        untagged_objects`). Unlike enum members (`component_gives_way`), which give way only from 1.700."""
        return self.feb2025

    @property
    def untyped_members_give_way(self) -> bool:
        """Feb2025 era before 1.761: a union with a member of no type that is no empty schema
        (`{nullable: true}`, an `Any`) takes `Union`, as if that member were an untagged object named after it
        (openrouter 1.656 Python and 1.679 TypeScript: the component `OpenAIResponsesInput`, anyOf [string,
        array, {nullable: true}], is `OpenAIResponsesInputUnion`, no page of the plain name); 1.761 TypeScript
        keeps `PreferredMaxLatency` [number, $ref, {nullable: true}]; an empty member `{}` never takes it
        (squadcast 1.621 `V3WorkflowsActionRequest`). The cut-off between 1.679 and 1.761 is unknown."""
        return self.feb2025 and self.version < (1, 761)

    @property
    def any_of_tags_by_member(self) -> bool:
        """Feb2025 era from 1.656: the one-value enum tagging an inline `anyOf` member (its tag, or the value
        it shares) is named as the member is, the property's word after the union's stem, once its plain word is
        taken (openrouter 1.656 Python, 1.679 and 1.761 TypeScript `OpenAIResponsesToolChoiceTypeFunction` of
        `OpenAIResponsesToolChoiceFunction`, `OpenAIResponsesInputTypeMessage1` of `OpenAIResponsesInputMessage1`,
        though `OpenAIResponsesToolChoiceType`, `TypeFunctionCall` are free); `oneOf` members' keep the usual
        candidates (the same SDK's `OpenResponsesRequestType`, `IDWeb`, `TypeResponseCreated`), and so do
        squadcast 1.621's `anyOf` members (`V3WorkflowsActionRequestName`). The cut-off between is unknown."""
        return self.feb2025 and self.version >= (1, 656)

    @property
    def tagged_members_give_way(self) -> bool:
        """From 1.700 an inline union whose tagged object members are named after it takes the `Union`
        suffix (agentset 1.708 `DocumentSourceUnion`; que 1.621 keeps `Signer`)."""
        return self.version >= (1, 700)

    @property
    def component_field_names(self) -> bool:
        """Before the `nameOverrideFeb2026` fix a property that `$ref`s a component with
        `x-speakeasy-name-override` is named after the override, and its model's fields fall in byte order
        of their names (conductorone 1.352; ttddata 1.788 with the fix keeps its key; `naming.fields`)."""
        return not self.name_override_feb2026

    @property
    def reserves_format_and_bytes(self) -> bool:
        """Fields named `format` and `bytes` take a `_` by 1.519 (syllable `format_`; mammoth, orq-2025-08 1.606
        on); orq-2024-11 1.441 and every earlier entry keep them plain. The cut-off between is unknown."""
        return self.version >= (1, 519)

    @property
    def reserves_schema(self) -> bool:
        """A field named `schema` takes a `_` (pydantic's `BaseModel.schema`) in the v2 template (orq 1.441 on,
        openrouter, cribl-cp); the v1 (dataclass) template keeps it plain (airbyte 1.244-1.402, 10-11 each)."""
        return not self.dataclasses

    @property
    def suffixes_body_namesakes(self) -> bool:
        """A parameter named like a property of the request body takes `_param` by 1.600 (pokesdk 1.600, mammoth
        1.606, squadcast 1.621, cribl-cp 1.784); testpan 1.207, leonardo 1.396, petstore 1.445 and syllable 1.519
        keep the plain name (syllable `channel_id` beside the body's `channel_id`). The cut-off between is unknown."""
        return self.version >= (1, 600)
