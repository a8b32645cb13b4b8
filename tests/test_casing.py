"""Word casing rules (naming.md §1, §6, §7): checked on names taken from Speakeasy's corpus docs."""

from __future__ import annotations

import pytest

from generator.casing import (
    camel,
    enum_member,
    go_initialisms,
    kebab,
    lower_camel,
    number_words,
    pascal,
    pascal_words,
    snake,
    tag_words,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("getPresignedUrl", "GetPresignedURL"),
        ("ApiCredentialsListResponseDTO", "APICredentialsListResponseDTO"),  # DTO is no initialism: kept as is
        ("api_ds_schema_ColumnSchema", "APIDsSchemaColumnSchema"),
        ("apiv2_x", "Apiv2X"),  # digits glue to the word, so `apiv2` is not `api`
        ("V3.SLO.SloAction", "V3SLOSLOAction"),  # `Slo` is capitals because `SLO` is, here
        ("Incidents_markIncidentSloFalsePositive", "IncidentsMarkIncidentSloFalsePositive"),  # ...but not here
        ("V3.Incidents.IncidentExportRequest.slo_affecting", "V3IncidentsIncidentExportRequestSloAffecting"),
        ("OutputSentinelOneAiSiem AI SIEM endpoint path", "OutputSentinelOneAISIEMAISIEMEndpointPath"),  # cribl-cp
        ("V3.SLO.SLO", "V3SloSlo"),  # all-caps input is re-cased without initialisms
        ("MANAGED_FILE", "ManagedFile"),
        ("JSON", "JSON"),  # orq-2025-08 titles: a lone all-caps initialism stays (`HTTP` too)
        ("LLM", "Llm"),  # ...a lone all-caps word that is none is re-cased
        ("MinimumTlsVersionOptionsTls", "MinimumTLSVersionOptionsTLS"),
        ("embedding-model-configOutput", "EmbeddingModelConfigOutput"),
        ("card_last4", "CardLast4"),
        ("post /v2/router/images/generations", "PostV2RouterImagesGenerations"),
    ],
)
def test_pascal(text, expected):
    assert pascal(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("issuedAt", "issued_at"),
        ("HTTPCode", "http_code"),
        ("X-Tenant-Id", "x_tenant_id"),
        ("includeIPv6", "include_i_pv6"),
        ("OAuth", "o_auth"),
        ("ApiKeyAuth", "api_key_auth"),
        ("format", "format_"),
        ("FORMAT", "format_"),
        ("AND", "and_"),
        ("from", "from_"),
        ("type", "type"),  # builtins other than the listed ones stay bare
        ("id", "id"),
        ("__leading__", "leading"),
        ("@type", "at_type"),  # conductorone
        ("self", "self_"),  # investec, traintravel
    ],
)
def test_snake(text, expected):
    assert snake(text) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("server_measure", "SERVER_MEASURE"),
        ("", "UNKNOWN"),
        (">", "GREATER_THAN_"),
        (">=", "GREATER_THAN_EQUAL_"),
        ("!==", "NOT_EQUAL_EQUAL_"),
        ("-1", "MINUS_1"),
        ("6.8.4", "SIX_DOT_8_DOT_4"),
        ("0.10.0", "ZERO_DOT_10_DOT_0"),
        ("/services/collector/event", "ROOT_SERVICES_COLLECTOR_EVENT"),
        ("TLSv1.2", "TL_SV1_2"),
        ("manualAPIKey", "MANUAL_API_KEY"),
        ("MasterCard", "MASTER_CARD"),
        ("Translation (document)", "TRANSLATION_DOCUMENT_"),
        ("adyen_", "ADYEN_"),
        ("256x256", "TWO_HUNDRED_AND_FIFTY_SIXX256"),
        ("1024x1024", "ONE_THOUSAND_AND_TWENTY_FOURX1024"),
        ("24h", "TWENTY_FOURH"),
        ("local0", "LOCAL0"),
        (1, "ONE"),
        (31, "THIRTY_ONE"),
        ("00", "ZERO"),
        ("BeforePreProcessingPipeline", "BEFORE_PRE_PROCESSING_PIPELINE"),  # an x-speakeasy-enums name
        ("2D ART & ILLUSTRATION", "TWO_D_ART_AND_ILLUSTRATION"),  # leonardo 1.396
        ("&", "UNKNOWN"),
        ("01.AI", "ONE_DOT_AI"),  # openrouter 1.656: a leading number's symbols are spelled
        ("deepseek-v3.1", "DEEPSEEK_V3_1"),  # ...but not those after a letter (openrouter 1.656)
        ("1_DAY", "ONE_DAY"),
    ],
)
def test_enum_member(value, expected):
    assert enum_member(value) == expected


def test_enum_member_symbols_as_separators():
    """airbyte 1.244-1.402 `1.0` -> `ONE_0`; cribl-cp 1.784 `8.3.2` -> `EIGHT_DOT_3_DOT_2`."""
    assert enum_member("1.0", symbol_words=False) == "ONE_0"
    assert enum_member("01.AI", symbol_words=False) == "ONE_AI"
    assert enum_member("8.3.2") == "EIGHT_DOT_3_DOT_2"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("CSVHeaderDefinition", "csvHeaderDefinition"),  # airbyte 1.244 union pages
        ("SSLModes", "sslModes"),
        ("IAMRole", "iamRole"),
        ("GZIP", "gzip"),
        ("DestinationAwsDatalake", "destinationAwsDatalake"),
    ],
)
def test_lower_camel(name, expected):
    assert lower_camel(name) == expected


def test_number_words_british_and():
    assert number_words(42) == "FORTY_TWO"
    assert number_words(100) == "ONE_HUNDRED"
    assert number_words(2005) == "TWO_THOUSAND_AND_FIVE"
    assert number_words(1250) == "ONE_THOUSAND_TWO_HUNDRED_AND_FIFTY"


@pytest.mark.parametrize(
    "wire, prop",
    [("tool_calls", "toolCalls"), ("_links", "links"), ("HTTP-Referer", "httpReferer"), ("TBT", "tbt"), ("X-Request-Id", "xRequestId"), ("createdAt", "createdAt"), ("image_url", "imageUrl")],
)  # fmt: skip
def test_typescript_properties_are_camel_case_as_in_the_ts_corpus(wire, prop):
    assert camel(wire) == prop


def test_kebab_file_names_keep_digits_with_their_word():
    assert kebab("ApiSharedEnum07ee8fd91e") == "api-shared-enum07ee8fd91e"
    assert kebab("HTTPValidationError") == "http-validation-error"


def test_typescript_class_names_keep_words_as_written_but_a_media_types():
    with go_initialisms(False):  # dwolla `InvalidCorrelationIdError`, vercel `GetCertByIdResponseBody`...
        assert pascal("getCertById", "ResponseBody") == "GetCertByIdResponseBody"
        assert pascal("image_url") == "ImageUrl"
        assert pascal("Get", "200", "application/json", "Type") == "Get200ApplicationJSONType"  # ...`ApplicationJSON`
    assert pascal("image_url") == "ImageURL"


@pytest.mark.parametrize(
    "value, member",
    [("read:integration-configuration", "ReadIntegrationConfiguration"), ("BLOCKED_FOR_PLATFORM_ABUSE", "BlockedForPlatformAbuse"), ("august-2022", "August2022"), ("301", "ThreeHundredAndOne"), ("0", "Zero")],
)  # fmt: skip
def test_typescript_enum_members_as_in_vercel_1293(value, member):
    assert pascal_words(value) == member


def test_a_number_after_capitals_joins_them_and_is_recased():
    # orq-node 1.791: `AgentToolInputCRUD` + member 11 + `Type`; the parts alone keep their capitals
    assert pascal("AgentToolInputCRUD", "11", "Type") == "AgentToolInputCrud11Type"
    assert pascal("AgentToolInputCRUD", "Type") == "AgentToolInputCRUDType"


def test_union_member_tags_take_go_initialisms_in_typescript_too():
    # openrouter 1.606-1.679: `ChatGenerationParamsResponseFormatJSONObject`, `ContentImageURL`
    with go_initialisms(False):
        assert tag_words("json_object") == "JSONObject"
        assert pascal("image_url") == "ImageUrl"


def test_a_number_after_a_media_types_initialism_recases_it_in_typescript():
    # orq-node 1.791 `CreateToolResponseBodyToolsResponse200ApplicationJson4Type`; Python keeps `JSON4`
    with go_initialisms(False):
        assert pascal("Body", "application/json", "4", "Type") == "BodyApplicationJson4Type"
        assert pascal("Body", "application/json", "Type") == "BodyApplicationJSONType"
