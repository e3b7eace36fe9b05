"""Article and Alert: the two messages newswatch reads and writes.

The JSON Schemas in ``schemas/`` (package data) are the published contract; these pydantic models
are the typed view the code works with. ``decode_article`` is the only way raw bytes become an
Article, so every rejection carries a short machine reason (for the DLQ header and the metric
label) and a message.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

import jsonschema
import jsonschema_rs
from pydantic import BaseModel, ConfigDict, Field

from newswatch.errors import NewswatchError
from newswatch.resources import resource

SCHEMA_DIR = resource("schemas")
ALERT_SCHEMA_VERSION: Literal["1"] = "1"

EntityKind = Literal["person", "country", "organisation", "location", "unknown"]
UpdateKind = Literal["new", "corroborated", "status_changed"]
TextFrom = Literal["page", "entry_content", "entry_summary"]

# Bounded set of rejection reasons: they label a metric and the DLQ header ``x-error-reason``.
RejectReason = Literal["oversize", "encoding", "json", "schema", "text_too_long", "engine_error"]


class InvalidArticle(NewswatchError, ValueError):
    """Raw input that cannot become an Article; ``reason`` is one of ``RejectReason``."""

    def __init__(self, reason: RejectReason, message: str) -> None:
        super().__init__(message)
        self.reason: RejectReason = reason
        self.message = message


class Article(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None
    published_at: str | None = None
    ingested_at: str | None = None
    author: str | None = None
    # Where ``text`` came from when a poller built it: the linked page, else the feed entry's own
    # content or summary (the page could not be had, so the text may be a teaser).
    text_from: TextFrom | None = None


class Participant(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    wikidata: str | None = None
    kind: EntityKind = "unknown"
    country: str | None = None
    watched: bool = False

    @property
    def key(self) -> str:
        """Identity for hashing and clustering: the Wikidata id, else the lower-cased name."""
        return self.wikidata or f"name:{self.name.casefold()}"


class Mention(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    wikidata: str | None = None
    kind: EntityKind = "unknown"
    country: str | None = None
    mentions: list[str] = Field(default_factory=list)


class Evidence(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    start: int
    end: int
    trigger: str | None = None
    # Where start/end point: the body, or the headline when only the headline told the event.
    field: Literal["text", "title"] = "text"


class ArticleRef(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    url: str | None = None
    title: str | None = None
    source: str | None = None
    language: str | None = None
    published_at: str | None = None

    @classmethod
    def of(cls, article: Article, language: str | None) -> ArticleRef:
        return cls(
            id=article.id,
            url=article.url,
            title=article.title,
            source=article.source,
            language=language or article.language,
            published_at=article.published_at,
        )


class Alert(BaseModel):
    model_config = ConfigDict(extra="forbid")

    alert_id: str
    schema_version: Literal["1"] = ALERT_SCHEMA_VERSION
    event_type: str
    cameo: str
    plover: str | None = None
    attributes: dict[str, str] = Field(default_factory=dict)
    actors: list[Participant] = Field(default_factory=list)
    targets: list[Participant] = Field(default_factory=list)
    entities: list[Mention] = Field(default_factory=list)
    evidence: list[Evidence]
    confidence: float = Field(ge=0.0, le=1.0)
    article: ArticleRef
    detected_at: str
    # Set by the stream's story clustering; absent in offline mode.
    story_id: str | None = None
    update: UpdateKind | None = None
    story_articles: int | None = None
    story_sources: int | None = None
    sources: list[str] | None = None

    def to_json(self) -> bytes:
        return self.model_dump_json(exclude_none=False).encode("utf-8")


@cache
def _schema(name: str) -> dict[str, Any]:
    """``schemas/<name>.json``, checked against its meta-schema; read once for both validators."""
    schema: dict[str, Any] = json.loads((SCHEMA_DIR / f"{name}.json").read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema).check_schema(schema)
    return schema


@cache
def schema_validator(name: str) -> jsonschema.protocols.Validator:
    """A validator for ``schemas/<name>.json`` (e.g. ``article.v1``), format checks on."""
    schema = _schema(name)
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)  # type: ignore[no-any-return]


@cache
def _quick_validator(name: str) -> jsonschema_rs.Validator:
    return jsonschema_rs.validator_for(_schema(name), validate_formats=True)


def conforms(name: str, document: Any) -> bool:
    """Whether ``document`` follows ``schemas/<name>.json``, answered ~80x faster than jsonschema.

    The compiled watchlist (thousands of entities) took a worker a second to check at every
    start. Only the yes/no comes from here (the Rust validator); a document that fails is walked
    again by ``schema_validator``, whose errors the messages and line numbers are built from.
    """
    return bool(_quick_validator(name).is_valid(document))


def schema_errors(name: str, document: Any) -> list[str]:
    """Human-readable schema violations, path first; empty when the document is valid."""
    errors = sorted(schema_validator(name).iter_errors(document), key=lambda e: list(e.path))
    return [f"{'/'.join(map(str, e.path)) or '<root>'}: {e.message}" for e in errors]


def _reject_lone_surrogates(document: dict[str, Any]) -> None:
    """Half a UTF-16 pair escaped in JSON (``"\\ud800"``) is not text.

    Such a string can never be encoded again: spaCy's tokenizer, and every alert quoting it, would
    fail downstream (costing the whole batch) instead of here.
    """
    for name, value in document.items():
        if isinstance(value, str) and not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise InvalidArticle("encoding", f"{name}: lone UTF-16 surrogate") from None


def decode_article(raw: bytes | None, *, max_bytes: int, max_text_chars: int) -> Article:
    """Bytes from Kafka to a valid Article, or InvalidArticle saying why not."""
    if raw is None:
        raise InvalidArticle("json", "empty message (tombstone or null value)")
    if len(raw) > max_bytes:
        raise InvalidArticle("oversize", f"message is {len(raw)} bytes; limit is {max_bytes}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidArticle("encoding", f"not UTF-8: {exc}") from None
    try:
        document = json.loads(text)
    except (ValueError, RecursionError) as exc:  # ValueError: also ints past Python's digit limit
        raise InvalidArticle("json", f"not JSON: {exc}") from None
    problems = schema_errors("article.v1", document)
    if problems:
        raise InvalidArticle("schema", "; ".join(problems[:5]))
    _reject_lone_surrogates(document)
    if len(document["text"]) > max_text_chars:
        raise InvalidArticle(
            "text_too_long",
            f"text is {len(document['text'])} characters; limit is {max_text_chars}",
        )
    return Article.model_validate(document)


# -- dead letters ----------------------------------------------------------------------------------
# What a rejected message carries to news.articles.dlq (worker, ingest) or news.alerts.dlq
# (notifier): its original bytes, untouched, and these headers. Part of the contract: operators
# and replay tools read them.

HEADER_ERROR = "x-error"
HEADER_REASON = "x-error-reason"
HEADER_TOPIC = "x-original-topic"
HEADER_PARTITION = "x-original-partition"
HEADER_OFFSET = "x-original-offset"
HEADER_SOURCE = "x-source"  # set by ``newswatch ingest``: file and line of input that never made it
# Error messages can quote the input (schema errors do); a header is no place for an article.
MAX_ERROR_HEADER_CHARS = 1000

Headers = list[tuple[str, bytes]]


@dataclass(frozen=True)
class Origin:
    """Where a consumed message came from, for the dead-letter headers."""

    topic: str
    partition: int | None = None
    offset: int | None = None


def dead_letter_headers(
    reason: str,
    message: str,
    origin: Origin,
    source: str | None = None,
    extra: Sequence[tuple[str, str]] = (),
) -> Headers:
    """The headers of a dead letter; ``extra`` (the notifier's sink and rule) follow the reason."""
    headers: Headers = [
        (HEADER_ERROR, message[:MAX_ERROR_HEADER_CHARS].encode("utf-8", errors="replace")),
        (HEADER_REASON, reason.encode("utf-8", errors="replace")),
        *((name, value.encode("utf-8", errors="replace")) for name, value in extra),
        (HEADER_TOPIC, origin.topic.encode("utf-8")),
    ]
    if origin.partition is not None:
        headers.append((HEADER_PARTITION, str(origin.partition).encode("ascii")))
    if origin.offset is not None:
        headers.append((HEADER_OFFSET, str(origin.offset).encode("ascii")))
    if source is not None:
        headers.append((HEADER_SOURCE, source.encode("utf-8", errors="replace")))
    return headers
