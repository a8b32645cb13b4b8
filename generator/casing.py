"""Word-level casing shared by every name Speakeasy derives: classes, fields, enum members.

Kept apart from `naming` (which decides *which* words a name is made of and resolves
collisions) so each can be matched against the corpus on its own. The rules mirror
Speakeasy's Go generator: Go-lint initialisms in class names, snake_case field names
with a trailing `_` for reserved words, and UPPER_SNAKE enum members that spell out
leading numbers and symbols in English.
"""

from __future__ import annotations

import keyword
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

# golint's common initialisms: whole words upper-cased in class names.
INITIALISMS = frozenset(
    ["acl", "api", "ascii", "cpu", "css", "dns", "eof", "guid", "html", "http", "https", "id", "ip", "json", "lhs", "qps", "ram", "rhs", "rpc", "sla", "smtp", "sql", "ssh", "tcp", "tls", "ttl", "udp", "ui", "uid", "uuid", "uri", "url", "utf8", "vm", "xml", "xmpp", "xsrf", "xss"]
)  # fmt: skip
# Non-ASCII letters left by `_fold` are word characters (caseless, like lower-case ones: `Straße`).
_SEPARATORS = re.compile(r"[^A-Za-z0-9\u0080-\U0010ffff]+")
_PASCAL_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]*[a-z0-9\u0080-\U0010ffff]+|[A-Z0-9]+")
# TypeScript SDKs keep words as written (`ImageUrl`, `InvalidCorrelationIdError`; dwolla, lapyme `ApiSharedEnum...`):
# Go initialisms are a Python-SDK (Go-lint) rule, switched off for a TypeScript run by `go_initialisms(False)`.
_GO_INITIALISMS: ContextVar[bool] = ContextVar("go_initialisms", default=True)


@contextmanager
def go_initialisms(enabled: bool) -> Iterator[None]:
    """Within the block, `pascal` upper-cases Go initialisms (`Url` -> `URL`) only when `enabled`."""
    token = _GO_INITIALISMS.set(enabled)
    try:
        yield
    finally:
        _GO_INITIALISMS.reset(token)


_HAS_LOWER = re.compile(r"[a-z]")
_CAPITALS_AND_DIGITS = re.compile(r"[A-Z]{2,}[0-9]+")  # `AWSS3` -> `Awss3`; `AWSSQS` and `S3` stay
_HAS_LETTER = re.compile(r"[A-Za-z]")
_ACRONYM_END = re.compile(r"([A-Z]+)([A-Z][a-z])")
_LOWER_UPPER = re.compile(r"([a-z0-9])([A-Z])")
_UNDERSCORES = re.compile(r"_+")
_LEADING_INT = re.compile(r"^(\d+)(.*)$", re.DOTALL)

# Field names that would shadow Python keywords or pydantic/Speakeasy internals get a trailing `_`.
RESERVED_FIELDS = frozenset(keyword.kwlist) | {
    "self",  # every version (investec 1.459 `self_`, traintravel 1.220; no entry writes a bare `self`)
    "filter",
    "format",
    "date",
    "schema",
    "validate",
    "bytes",
    "model_config",
    "model_fields",
}

# Symbols spelled out in enum member names of values that hold no letter (`>=` -> GREATER_THAN_EQUAL_).
_SYMBOL_WORDS = {
    ">": "GreaterThan",
    "<": "LessThan",
    "=": "Equal",
    "!": "Not",
    ".": "Dot",
    "-": "Minus",
    "+": "Plus",
    "*": "Wildcard",  # outpost 1.712-1.791 `WILDCARD_`
    "/": "Slash",
}
_ONES = ["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN", "ELEVEN", "TWELVE", "THIRTEEN", "FOURTEEN", "FIFTEEN", "SIXTEEN", "SEVENTEEN", "EIGHTEEN", "NINETEEN"]  # fmt: skip
_TENS = ["_", "_", "TWENTY", "THIRTY", "FORTY", "FIFTY", "SIXTY", "SEVENTY", "EIGHTY", "NINETY"]


def fold(text: str) -> str:
    """Names keep their letters: accents dropped (`Ünïcödé` -> `Unicode`, `ñame` -> `name`), other
    letters as they are (`用户`, a valid Python name), what no Python name may hold a separator (`🎉`).
    ASCII text is returned as it is (the corpus has no other)."""
    if text.isascii():
        return text
    kept: list[str] = []
    for c in unicodedata.normalize("NFKD", text):  # an accent on a Latin letter goes, a Devanagari vowel sign stays
        if not (unicodedata.combining(c) and kept and kept[-1].isascii()):
            kept.append(c if c.isascii() or ("a" + c).isidentifier() else " ")
    return unicodedata.normalize("NFKC", "".join(kept))  # as Python reads names (`한국` recomposed)


def pascal(*parts: str) -> str:
    """`getPresignedUrl` -> `GetPresignedURL`; inner capitals kept, all-caps input re-cased.

    Words are split on separators and camel humps; a word that is a Go initialism is
    upper-cased, unless the whole input is upper case (`V3.SLO.SLO` -> `V3SloSlo`) and
    more than one word (`JSON` stays). A word written in capitals somewhere in the input is
    written so everywhere in it (squadcast `V3.SLO.SloAction` -> `V3SLOSLOAction`, but
    `markIncidentSloFalsePositive` keeps `Slo`). Several `parts` read as one text joined by spaces:
    naming tries thousands of joined candidates made of the same few parts, and each part
    is split into words only once.
    """
    return _pascal(bool(_GO_INITIALISMS.get()), parts)


@lru_cache(maxsize=65536)  # naming asks for the same candidates again and again (orq-2025-08: 12,660 calls)
def _pascal(go_initialisms: bool, parts: tuple[str, ...]) -> str:
    """`pascal`, for one setting of the Go initialisms (the cache keys on it)."""
    split = [_split_words(part) for part in parts]
    all_caps = not any(has_lower for has_lower, _, _ in split)
    words = [word for _, mixed, lowered in split for word in (lowered if all_caps else mixed)]
    # a lone all-caps word that is an initialism stays one (orq title `JSON` -> `JSON`, but `LLM` -> `Llm`)
    initialisms = not all_caps or len(words) == 1
    capitals = {w.lower() for w in words if len(w) > 1 and w.isalpha() and w.isupper()} if not all_caps else set()
    if not go_initialisms:  # TypeScript: only a media type's words (`ApplicationJSON`) take initialisms
        media = {w for part, (_, mixed, _) in zip(parts, split, strict=True) if "/" in part for w in mixed}
        # after casing: a media type's `JSON` then a number is re-cased too (orq-node 1.791 `ApplicationJson4Type`)
        cased = [w.upper() if w.lower() in capitals else _cased(w, initialisms and w in media) for w in words]
        return "".join(_digits_join_capitals(cased)) or "Model"
    words = _digits_join_capitals(words)  # before casing: Go initialisms stay (`ApplicationJSON4`)
    return "".join([w.upper() if w.lower() in capitals else _cased(w, initialisms) for w in words]) or "Model"


def tag_words(tag: str) -> str:
    """A union member's discriminating value as part of its name: with Go initialisms in TypeScript SDKs
    too (openrouter 1.606-1.679 `json_object` -> `ChatGenerationParamsResponseFormatJSONObject`,
    `image_url` -> `ContentImageURL`), though their other names keep words as written."""
    with go_initialisms(True):
        return pascal(tag)


def _digits_join_capitals(words: list[str]) -> list[str]:
    """A number right after a word in capitals is one word with it, re-cased as such: the component
    `AgentToolInputCRUD`'s 11th member's `type` is `AgentToolInputCrud11Type` beside
    `AgentToolInputCRUDType` (orq-node 1.791), as `AWSS3` reads `Awss3`."""
    if len(words) < 2 or not any(w.isdigit() for w in words):
        return words
    joined: list[str] = []
    for word in words:
        previous = joined[-1] if joined else ""
        if word.isdigit() and len(previous) > 1 and previous.isalpha() and previous.isupper():
            joined[-1] = previous[:1] + previous[1:].lower() + word  # `Crud11`, as `AWSS3` reads `Awss3`
        else:
            joined.append(word)
    return joined


@lru_cache(maxsize=65536)  # the same words recur across thousands of names
def _split_words(text: str) -> tuple[bool, tuple[str, ...], tuple[str, ...]]:
    """Whether `text` has a lower-case letter; its words as written, and as split once lower-cased."""

    def words(text: str) -> tuple[str, ...]:
        return tuple(word for segment in _SEPARATORS.split(text) for word in _PASCAL_WORD.findall(segment))

    text = fold(text)
    has_lower = bool(_HAS_LOWER.search(text))
    return has_lower, words(text), (() if has_lower else words(text.lower()))


@lru_cache(maxsize=65536)
def _cased(word: str, initialisms: bool) -> str:
    if initialisms and word.lower() in INITIALISMS:
        return word.upper()
    if _CAPITALS_AND_DIGITS.fullmatch(word):  # not all capitals, so re-cased as a word (outpost `AWSS3Config`)
        return word[:1] + word[1:].lower()
    return word[:1].upper() + word[1:]


def _split_snake(text: str) -> str:
    """Separators to `_`, then `HTTPCode` -> `HTTP_Code` and `camelCase` -> `camel_Case`."""
    text = _SEPARATORS.sub("_", text)
    text = _ACRONYM_END.sub(r"\1_\2", text)
    return _LOWER_UPPER.sub(r"\1_\2", text)


@lru_cache(maxsize=65536)
def snake(text: str) -> str:
    """`issuedAt` -> `issued_at`, `HTTPCode` -> `http_code`, `a-b` -> `a_b`, `format` -> `format_`;
    `@` reads "at" (conductorone `@type` -> `at_type`)."""
    name = _UNDERSCORES.sub("_", _split_snake(fold(text.replace("@", "_at_"))).strip("_")).lower()
    if not name:
        return "field"
    match = _LEADING_INT.match(name)
    if match:
        name = number_words(int(match.group(1))).lower() + match.group(2)
    if name in RESERVED_FIELDS:
        name += "_"
    return name


_LEADING_CAPITALS = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]+[0-9]*$|.")


def lower_camel(name: str) -> str:
    """A class name in lower camel case, as Go's strcase writes it: its leading run of capitals lowered but for
    the one that starts the next word (`CSVHeaderDefinition` -> `csvHeaderDefinition`, `SSLModes` -> `sslModes`,
    `GZIP` -> `gzip`, `IAMRole` -> `iamRole`; all 346 union pages of airbyte 1.244-1.300, log10py 1.296,
    traintravel 1.220)."""
    match = _LEADING_CAPITALS.match(name)
    return name[: match.end()].lower() + name[match.end() :] if match else name


def camel(text: str) -> str:
    """A TypeScript property name: `tool_calls` -> `toolCalls`, `_links` -> `links`, `HTTP-Referer` ->
    `httpReferer`; words split on separators only, each after the first capitalised, a first word
    in capitals lowered whole."""
    words = [word for word in _SEPARATORS.split(text) if word]
    if not words:
        return text
    first = words[0].lower() if words[0].isupper() else words[0][:1].lower() + words[0][1:]
    return first + "".join(word[:1].upper() + word[1:] for word in words[1:])


def pascal_words(text: str) -> str:
    """A TypeScript enum member (`enumFormat: enum`): `read:integration-configuration` ->
    `ReadIntegrationConfiguration`, `BLOCKED_FOR_ABUSE` -> `BlockedForAbuse`; a leading integer spelled
    out: `301` -> `ThreeHundredAndOne`, `20.x` -> `TwentyX`, `8.10.x` -> `Eight10X` (vercel 1.293)."""
    match = _LEADING_INT.match(text)
    if match:
        text = number_words(int(match.group(1))) + "_" + match.group(2)
    words = [word for segment in _SEPARATORS.split(text) for word in _PASCAL_WORD.findall(segment)]
    return "".join(word[:1].upper() + (word[1:].lower() if word.isupper() else word[1:]) for word in words)


def kebab(name: str) -> str:
    """A class name's words in kebab case: `ApiSharedEnum07ee` -> `api-shared-enum07ee`, `HTTPCode` -> `http-code`."""
    return _LOWER_UPPER.sub(r"\1-\2", _ACRONYM_END.sub(r"\1-\2", name)).lower()


def number_words(n: int) -> str:
    """British English, upper snake: 256 -> TWO_HUNDRED_AND_FIFTY_SIX."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else "_" + _ONES[n % 10])
    if n < 1000:
        return _ONES[n // 100] + "_HUNDRED" + ("" if n % 100 == 0 else "_AND_" + number_words(n % 100))
    if n < 1_000_000:
        rest = n % 1000
        joiner = "_AND_" if rest < 100 else "_"
        return number_words(n // 1000) + "_THOUSAND" + ("" if rest == 0 else joiner + number_words(rest))
    return str(n)


def enum_member(value: object, symbol_words: bool = True) -> str:
    """The member name of an enum value: `server_measure` -> `SERVER_MEASURE`, `24h` -> `TWENTY_FOURH`.

    Values without letters spell their symbols (`-1` -> `MINUS_1`, `>=` -> `GREATER_THAN_EQUAL_`), as do
    those a value starting with a number has before its first letter (openrouter 1.656 `01.AI` -> `ONE_DOT_AI`;
    later ones separate words: `deepseek-v3.1` -> `DEEPSEEK_V3_1`),
    a leading `/` reads `Root`, `&` among letters `AND`, a leading integer is spelled out, `''` is `UNKNOWN`; without `symbol_words`
    (see `Profile.enum_symbol_words`) symbols only separate words (`1.0` -> `ONE_0`).
    """
    text = fold(_go_text(value))
    if text == "":
        return "UNKNOWN"
    if symbol_words and (text[:1].isdigit() or not any(c.isalpha() for c in text)):
        head = re.match(r"[^A-Za-z]*", text).group(0)  # type: ignore[union-attr]  # all of a value without letters
        text = "".join(_SYMBOL_WORDS[c] + "_" if c in _SYMBOL_WORDS else c for c in head) + text[len(head) :]
    if text.startswith("/"):
        text = "Root" + text
    if _HAS_LETTER.search(text):  # leonardo 1.396 `2D ART & ILLUSTRATION` -> `TWO_D_ART_AND_ILLUSTRATION`
        text = text.replace("&", " and ")
    text = _LOWER_UPPER.sub(r"\1_\2", text)
    text = _ACRONYM_END.sub(r"\1_\2", text)
    text = _SEPARATORS.sub("_", text)
    match = _LEADING_INT.match(text)
    if match:
        text = number_words(int(match.group(1))) + match.group(2)
    return text.lstrip("_").upper() or "UNKNOWN"


def _go_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
