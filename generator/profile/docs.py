"""The docs' eras: how Speakeasy's Python and TypeScript docs pages changed with the generator version.

Part of `Profile` (a mixin: read them as `profile.enum_usage`); the package's docstring lists the eras."""

from __future__ import annotations

import keyword

from .eras import Eras


class DocEras(Eras):
    """Docs behaviours by generator version; `Profile` provides the settings they read."""

    enum_format_union: bool

    # -- Python docs (`render.markdown.DocRules`) ----------------------------------------------------------
    @property
    def enum_usage(self) -> bool:
        """From 1.741 an enum's page opens with an Example Usage block (outpost 1.741.7 has it, ttddata
        1.730.1 not yet)."""
        return self.python_docs and self.version >= (1, 741)

    @property
    def enum_list(self) -> bool:
        """From 1.748 with `enumFormat: union`, an enum's values are a bullet list, not a table."""
        return self.python_docs and self.version >= (1, 748) and self.enum_format_union

    @property
    def null_example(self) -> str:
        """How a null example reads: Go's `<nil>` (outpost 1.712, 1.741.7, bolt 1.645), `null` by 1.791
        (outpost 1.791)."""
        return "null" if self.python_docs and self.version >= (1, 791) else "<nil>"

    @property
    def compact_examples(self) -> bool:
        """An object or array example in a Fields table is Go's `json.Marshal` of a map, on one line with
        keys sorted (`[{"size":7,"upc":"4065419817362"}]`, the spec says `upc` first) in the oldest build
        measured (venari, an `internal` build of generation 2.237, read as 1.0: 8 pages); it is
        `json.MarshalIndent` of an ordered map, a line per element, spec order, from
        the oldest release on (testpan 1.207 `[<br/>"-cp",<br/>...]`, airbyte 1.244; pydataverse 1.201 and
        easyreview 1.204 show no such example)."""
        return self.python_docs and self.version < (1, 201)

    @property
    def all_examples(self) -> bool:
        """From 1.700 all of an OpenAPI 3.1 `examples` list are shown, numbered (mammoth 1.606: first only;
        cribl-cp 1.784: all)."""
        return self.python_docs and self.version >= (1, 700)

    @property
    def renamed_files(self) -> frozenset[str]:
        """The page names that get a `_` (`in_.md`): Python keywords and `filter` in every version (airbyte
        1.244-1.402 `in_.md`, `filter_.md`); from 1.606 also `format`, `date`, `schema`, `validate`, `bytes`
        (mammoth, orq-2025-08 `format_.md`; airbyte and orq-2024-11 1.441 keep `format.md`); none in
        TypeScript docs."""
        if not self.python_docs:
            return frozenset()
        names = frozenset(keyword.kwlist) | {"filter"}
        return names | {"format", "date", "schema", "validate", "bytes"} if self.version >= (1, 606) else names

    @property
    def generator_streams(self) -> bool:
        """Before 1.606 event streams read `Generator`/`AsyncGenerator` (orq-2024-11 1.441), then `EventStream`
        (orq-2025-08 1.606, openrouter-2025-11 1.656), in the docs and the models' response unions alike."""
        return self.python_docs and self.version < (1, 606)

    @property
    def file_type(self) -> str:
        """How file content (and a raw request body) reads: `io.IOBase` by 1.784 (cribl-cp), still
        `io.BufferedReader` in plexpy 1.684 (the cut-off between is unknown)."""
        stream = "IOBase" if self.python_docs and self.version >= (1, 784) else "BufferedReader"
        return f"Union[bytes, IO[bytes], io.{stream}]"

    @property
    def raw_response(self) -> str:
        """An envelope's raw response: the v1 template's `requests.Response` (pydataverse, testpan), else httpx."""
        if self.dataclasses:
            return "[requests.Response](https://requests.readthedocs.io/en/latest/api/#requests.Response)"
        return "[httpx.Response](https://www.python-httpx.org/api/#response)"

    @property
    def bare_union_headings(self) -> bool:
        """Before 1.314 a union page heads each member with its bare class name (a scalar's heading empty) and
        assigns it to the union's name in camelCase (airbyte 1.244, 1.300, log10py 1.296, traintravel 1.220;
        log10py 1.314 on: the member's type in backquotes, assigned to `value`)."""
        return self.python_docs and self.version < (1, 314)

    @property
    def union_members(self) -> bool:
        """Before 1.296 a union-typed cell lists its members, `Union[models.A, models.B]` (airbyte 1.244,
        traintravel 1.220; log10py 1.296 and airbyte 1.300 name the union)."""
        return self.python_docs and self.version < (1, 296)

    # -- TypeScript docs (`render.typescript.TsRules`) ------------------------------------------------
    @property
    def ts_usage(self) -> bool:
        """From 1.398 a TypeScript page opens with an Example Usage block (vercel 1.398; not dingify 1.331,
        vercel 1.293)."""
        return self.version >= (1, 398)

    @property
    def ts_date_label(self) -> str:
        """A `format: date` cell links `../types/rfcdate.md` labelled `RFCDate` (dwolla 1.622, 1.759), `Date`
        by 1.768 (lapyme; the cut-off between is unknown)."""
        return "Date" if self.version >= (1, 768) else "RFCDate"

    @property
    def ts_error_response_descriptions(self) -> bool:
        """An error class without a description of its own shows the description of the (inline) error
        response that returns it in dingify 1.331 (`UnauthorizedError`: "API key is required"); from 1.419
        (orq-client, orq-node 1.455-1.791, dwolla, openrouter, safepay) only a response component's does,
        as in Python docs (`parse.responses`). The cut-off between 1.331 and 1.419 is unknown."""
        return not self.python_docs and self.version < (1, 419)

    @property
    def ts_const_literals(self) -> bool:
        """A `const` property's Type cell is its literal (`*"personal"*`) from a version between 1.622 and
        1.679 on (dwolla 1.759 `CreateVerifiedPersonalCustomer.type`, openrouter 1.679, lapyme 1.768); dwolla
        1.622, the same schema, shows its JSON type: `*string*`, `*boolean*` (`verified: const false`), on 6
        pages. No other TypeScript entry before 1.679 has a `const`."""
        return self.version >= (1, 679)

    @property
    def ts_stream_examples(self) -> bool:
        """A union page's `EventStream<...>` member section shows a code block before 1.679 (orq-client 1.419,
        orq-poc 1.441, orq-sdk 1.444, orq-node 1.455 `DeploymentInvokeResponse`), only its heading from 1.679
        (openrouter 1.679 and 1.761 `SendChatCompletionRequestResponse`, orq-node 1.791 4 pages). No entry
        between 1.455 and 1.679 streams."""
        return self.version < (1, 679)

    @property
    def ts_empty_responses(self) -> bool:
        """An operation whose success responses have no body (nor headers) has an empty `<Op>Response` model,
        a page with a table of no rows, in TypeScript before 1.398: vercel 1.293 `DeleteProjectResponse`,
        `PauseProjectResponse`... (all 16 such operations); vercel 1.398 (15 such operations), orq-node 1.455-1.791
        and orq-poc 1.441 write none. Python writes none either from pazy 1.352 (flat; 5 such operations), so
        the flavour fits as well as a cut-off between 1.293 and 1.352 would."""
        return not self.python_docs and self.version < (1, 398)

    @property
    def ts_union_usage(self) -> bool:
        """A union's page opens with an Example Usage block and shows `/* values here */` per member in
        1.398 (vercel); from 1.419 (orq-client) neither. Before 1.398 see `ts_union_sections`."""
        return (1, 398) <= self.version < (1, 419)

    @property
    def ts_union_sections(self) -> bool:
        """A union's page lists its members from 1.398 (vercel 1.398); vercel 1.293 shows only the title."""
        return self.version >= (1, 398)

    @property
    def ts_open_enum_comment(self) -> bool:
        """An open enum says so in a usage comment from 1.759 at the latest (held-out gwop-node 1.759.2,
        openrouter 1.761, lapyme 1.768; dwolla 1.759.3 has no open enum); in 1.679 in a paragraph above its
        values (openrouter 1.679)."""
        return self.version >= (1, 759)

    @property
    def ts_tags_as_literals(self) -> bool:
        """From 1.679 a single-value enum telling a union's members apart reads as its literal
        (`render.typescript.literal_tags`; openrouter 1.679, orq-node 1.791, lapyme 1.768; orq-node 1.517
        and openrouter 1.606 still link the enum)."""
        return self.version >= (1, 679)

    @property
    def ts_id_placeholders(self) -> bool:
        """A required `...Id` string without an example reads `"<id>"` from 1.419 (orq 1.419-1.791, lapyme
        1.768); vercel 1.398 writes `"<value>"` (`id` itself is `"<id>"` in both)."""
        return self.version >= (1, 419)

    @property
    def ts_random_lengths(self) -> bool:
        """From 1.581 a usage example's lists and maps without an example have lengths drawn at random
        (`"<value 1>", "<value 2>"`, keys `"key"`, `"key1"`...: safepay 1.581, dwolla 1.622/1.759, openrouter,
        lapyme 1.768, orq-node 1.791): a list of objects shows one only when it holds an example's value;
        up to 1.517 a list holds one element, a string list `"<value>"`, a map one `"key"` (vercel 1.398,
        orq 1.419-1.517)."""
        return self.version >= (1, 581)

    @property
    def ts_told_optionals(self) -> bool:
        """From 1.419 a usage example shows optional properties with an example, or whose value holds one
        (an object or list of objects with examples inside: orq-client 1.419 the `requestBody` of
        `PostV2ResourcesDatasetsDatasetIdRowsBulkRequest`, dwolla 1.622/1.759, orq-node 1.791); vercel 1.398
        shows required properties only, examples or not (`limit: 20`, `avatar` left out: 155 pages).
        """
        return self.version >= (1, 419)

    @property
    def ts_seeded_draws(self) -> bool:
        """From 1.606 a union page's number member reads `1284.03` and a boolean one `true`, the first values
        of a generator seeded afresh (number: openrouter 1.606 x10, 1.679, lapyme 1.768 x2, orq-node 1.791
        x102; boolean: orq-node 1.791 x97); up to 1.517 numbers are drawn at random (orq 1.419-1.517:
        `4939.45`, `6184.80`...) and booleans read `false` (x11). Numbers pin the cut-off between 1.517 and
        1.606, booleans only between 1.517 and 1.791."""
        return self.version >= (1, 606)
