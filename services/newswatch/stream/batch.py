"""One batch of raw messages to the messages it causes: alerts, or dead letters.

Synchronous and free of Faust, so the agent can run it in a thread (spaCy would otherwise block the
event loop and with it heartbeats and /healthz) and tests can call it directly.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from newswatch.contracts import Alert, Article, InvalidArticle, Origin, RejectReason, decode_article
from newswatch.observability.logging import article_fields
from newswatch.settings import Settings
from newswatch.stream.routing import Outgoing, dead_letter

log = logging.getLogger(__name__)


class Tagger(Protocol):
    """The part of ``newswatch.engine.Engine`` the stream needs."""

    def tag(self, article: Article, *, now: datetime | None = None) -> list[Alert]: ...

    def tag_many(
        self, articles: Sequence[Article], *, now: datetime | None = None
    ) -> list[list[Alert]]: ...

    @property
    def languages(self) -> list[str]: ...

    def reload(self) -> None: ...


# Where one article's alert goes next (the story stage, in the worker).
Route = Callable[[Article, Alert], list[Outgoing]]


@dataclass(frozen=True)
class Incoming:
    raw: bytes | None
    origin: Origin
    key: bytes | None = None


@dataclass(frozen=True)
class Rejection:
    incoming: Incoming
    reason: RejectReason
    message: str


@dataclass
class BatchResult:
    """Everything one batch produced; ``outgoing`` must all be acknowledged before committing."""

    tagged: list[tuple[Article, list[Alert]]] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    outgoing: list[Outgoing] = field(default_factory=list)


def decode(incoming: Incoming, settings: Settings) -> Article | Rejection:
    try:
        return decode_article(
            incoming.raw,
            max_bytes=settings.max_message_bytes,
            max_text_chars=settings.max_text_chars,
        )
    except InvalidArticle as exc:
        return Rejection(incoming, exc.reason, exc.message)


def tag_isolated(
    engine: Tagger, articles: Sequence[Article], now: datetime | None
) -> list[list[Alert] | Exception]:
    """Batched tagging; when the batch fails, article by article so one bad input costs one."""
    if not articles:
        return []
    try:
        return list(engine.tag_many(articles, now=now))
    except Exception:
        log.warning("batch tagging failed; retrying %d articles one by one", len(articles))
    results: list[list[Alert] | Exception] = []
    for article in articles:
        try:
            results.append(engine.tag(article, now=now))
        except Exception as exc:
            log.exception("engine failed on article", extra=article_fields(article))
            results.append(exc)
    return results


def process_batch(
    batch: Sequence[Incoming],
    engine: Tagger,
    settings: Settings,
    route: Route,
    now: datetime | None = None,
) -> BatchResult:
    result = BatchResult()
    good: list[tuple[Incoming, Article]] = []
    for incoming in batch:
        decoded = decode(incoming, settings)
        if isinstance(decoded, Rejection):
            result.rejected.append(decoded)
        else:
            good.append((incoming, decoded))

    outcomes = tag_isolated(engine, [article for _, article in good], now)

    for (incoming, article), outcome in zip(good, outcomes, strict=True):
        if isinstance(outcome, Exception):
            message = f"engine error: {type(outcome).__name__}: {outcome}"
            result.rejected.append(Rejection(incoming, "engine_error", message))
            continue
        result.tagged.append((article, outcome))
        for alert in outcome:
            result.outgoing.extend(route(article, alert))

    for rejection in result.rejected:
        incoming = rejection.incoming
        result.outgoing.append(
            dead_letter(
                incoming.raw,
                rejection.reason,
                rejection.message,
                incoming.origin,
                settings,
                key=incoming.key,
            )
        )
    return result
