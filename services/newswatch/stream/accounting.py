"""What processed work reports once acknowledged: metrics and log lines.

The tagger accounts for articles (consumed, rejected, entity mentions); the story stage for the
alerts it publishes (by update kind, with the end-to-end delay), since only it knows the update.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import get_args

from newswatch.contracts import Alert, Article, RejectReason, UpdateKind
from newswatch.observability.logging import alert_fields
from newswatch.observability.metrics import (
    ALERTS_EMITTED,
    ARTICLES_CONSUMED,
    ARTICLES_REJECTED,
    CONFIG_RELOADS,
    END_TO_END_SECONDS,
    ENTITY_MENTIONS,
    zero_series,
)
from newswatch.stream.batch import BatchResult

OTHER_LANGUAGE = "other"
# Analyst files the worker reloads: the engine's data and the subscriptions (subscriptions.py).
RELOAD_KINDS = ("engine", "subscriptions")
RELOAD_OUTCOMES = ("ok", "error")

log = logging.getLogger(__name__)


def language_label(article: Article, alerts: Iterable[Alert], languages: Iterable[str]) -> str:
    """Detected language if an alert tells it, else the declared one; bounded by the engine."""
    detected = next((a.article.language for a in alerts if a.article.language), None)
    language = detected or article.language
    return language if language in set(languages) else OTHER_LANGUAGE


def zero_worker_series(languages: Iterable[str], event_types: Iterable[str]) -> None:
    """Every series of the worker's closed label sets at 0, once the engine tells its languages
    and the taxonomy its event types: rate() panels read 0, not "no data", before the first event.
    Idempotent; called again after a reload, which may add a type."""
    zero_series(ARTICLES_CONSUMED, language=[*languages, OTHER_LANGUAGE])
    zero_series(ARTICLES_REJECTED, reason=get_args(RejectReason))
    zero_series(ALERTS_EMITTED, event_type=event_types, update=get_args(UpdateKind))
    zero_series(CONFIG_RELOADS, kind=RELOAD_KINDS, outcome=RELOAD_OUTCOMES)


def record_batch(result: BatchResult, languages: Iterable[str]) -> None:
    languages = list(languages)
    for rejection in result.rejected:
        ARTICLES_REJECTED.labels(reason=rejection.reason).inc()
    # Tagging time is recorded by the engine itself (TAGGING_SECONDS), so offline runs count too.
    for article, alerts in result.tagged:
        ARTICLES_CONSUMED.labels(language=language_label(article, alerts, languages)).inc()
        mentions: dict[str, int] = {}
        for alert in alerts:
            for entity in alert.entities:
                if entity.wikidata:
                    mentions[entity.wikidata] = max(1, len(entity.mentions))
        for entity_id, count in mentions.items():
            ENTITY_MENTIONS.labels(entity=entity_id).inc(count)


def record_alert(alert: Alert, article_time: float | None, now: float) -> None:
    """One published alert: counted by update kind; delay from the article's own time."""
    ALERTS_EMITTED.labels(event_type=alert.event_type, update=alert.update or "new").inc()
    if article_time is not None:
        END_TO_END_SECONDS.observe(max(0.0, now - article_time))
    log.info(
        "alert %s published (%s)",
        alert.event_type,
        alert.update or "new",
        extra={
            **alert_fields(alert),
            "story_id": alert.story_id,
            "story_articles": alert.story_articles,
        },
    )


def log_batch(result: BatchResult) -> None:
    for rejection in result.rejected:
        origin = rejection.incoming.origin
        log.warning(
            "message at %s/%s:%s rejected (%s) to the dead-letter topic",
            origin.topic,
            origin.partition,
            origin.offset,
            rejection.reason,
            extra={"reason": rejection.reason, "error": rejection.message},
        )
    for article, alerts in result.tagged:
        if not alerts:
            log.debug("no alert", extra={"article_id": article.id})
