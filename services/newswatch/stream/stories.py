"""Story clustering: alerts about one real-world event share a ``story_id``.

A story is identified by its **key**: event type, the key attribute's value (a sanctions story is
about one action; a phone call and a video call are two events) and the watched participants by
canonical id: one sorted set for symmetric types (who called whom does not matter), actors and
targets apart otherwise, with a state visit's hosts reduced to their country (one article names
the country, another its president). A status (announced → ongoing → completed) is not part of
the key: a later status of the same visit is an update of the same story.

A story's **window** opens at the event time of its first sighting (``published_at``, else
``ingested_at``, else detection) and takes alerts whose event time lies within the horizon of it,
before or after; a later alert with the same key starts a new story. ``story_id`` hashes the key
and the window start, so replaying the same articles in the same order finds the same stories.

Every alert's annotation is remembered by ``alert_id`` (deterministic per article and event), so a
redelivered article gets the annotation it had the first time and changes no count. Plain data and
pure functions: the Faust tables in ``story_tables`` only store what ``cluster`` decides.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import faust

from newswatch.contracts import Alert, Article, Participant, UpdateKind
from newswatch.engine.taxonomy import Taxonomy
from newswatch.settings import Settings

STATUS = "status"
UNKNOWN_SOURCE = "unknown"


class Sighting(faust.Record, serializer="json"):
    """One alert on its way from the tagger to the story stage, keyed by ``story_key``."""

    story_key: str
    event_time: float  # seconds since the epoch; places the alert in a story window
    article_time: float | None  # published_at/ingested_at, for the end-to-end delay
    alert: dict[str, Any]


class StoryState(faust.Record, serializer="json"):
    story_id: str
    window_start: float
    status: str | None
    articles: int
    sources: list[str]  # distinct, first seen first, at most ``story_max_sources``
    expires_at: float  # wall clock


class Annotation(faust.Record, serializer="json"):
    """What an alert was told about its story, kept so a redelivery is told the same."""

    story_id: str
    update: str
    story_articles: int
    story_sources: int
    sources: list[str]
    expires_at: float  # wall clock


@dataclass(frozen=True)
class StoryPolicy:
    horizon_s: float
    key_attributes: Mapping[str, str | None]
    # Statuses in the order a story moves through them (taxonomy order).
    statuses: Mapping[str, tuple[str, ...]]
    max_sources: int
    sources_listed: int
    # Types whose sides are unordered (a call): one story whoever called.
    symmetric: frozenset[str] = frozenset()
    # Types whose targets are places visited (``foreign_targets``): the host country stands for
    # its officials.
    hosts_by_country: frozenset[str] = frozenset()

    @property
    def retention_s(self) -> float:
        """Kept twice the horizon: a story accepts alerts up to a horizon after it opens."""
        return 2 * self.horizon_s

    @classmethod
    def of(cls, taxonomy: Taxonomy, settings: Settings) -> StoryPolicy:
        return cls(
            horizon_s=settings.story_horizon_s,
            key_attributes={name: t.key_attribute for name, t in taxonomy.types.items()},
            statuses={name: t.attributes.get(STATUS, ()) for name, t in taxonomy.types.items()},
            max_sources=settings.story_max_sources,
            sources_listed=settings.story_sources_listed,
            symmetric=frozenset(n for n, t in taxonomy.types.items() if t.symmetric),
            hosts_by_country=frozenset(n for n, t in taxonomy.types.items() if t.foreign_targets),
        )

    def key(self, alert: Alert) -> str:
        attribute = self.key_attributes.get(alert.event_type)
        value = alert.attributes.get(attribute, "") if attribute else ""
        actors = _ids(alert.actors, by_country=False)
        targets = _ids(alert.targets, by_country=alert.event_type in self.hosts_by_country)
        if alert.event_type in self.symmetric:
            parties = ",".join(sorted(set(actors) | set(targets)))
        else:
            parties = f"{','.join(actors)}>{','.join(targets)}"
        return f"{alert.event_type}|{value}|{parties}"

    def progresses(self, event_type: str, current: str | None, new: str | None) -> bool:
        """True when ``new`` is a later status than ``current`` (a late 'announced' is not)."""
        order = self.statuses.get(event_type, ())
        if new is None or new == current or new not in order:
            return False
        return current not in order or order.index(new) > order.index(current)


def _ids(participants: list[Participant], *, by_country: bool) -> list[str]:
    watched = [p for p in participants if p.watched] or participants
    ids = {(p.country.upper() if by_country and p.country else p.key) for p in watched}
    return sorted(ids)


def instant(value: str | None) -> float | None:
    """ISO-8601 to epoch seconds (naive means UTC); None when absent or unreadable."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def sighting(alert: Alert, article: Article, policy: StoryPolicy) -> Sighting:
    article_time = instant(article.published_at) or instant(article.ingested_at)
    detected = instant(alert.detected_at) or datetime.now(UTC).timestamp()
    return Sighting(
        story_key=policy.key(alert),
        event_time=article_time if article_time is not None else detected,
        article_time=article_time,
        alert=alert.model_dump(mode="json"),
    )


def story_id(key: str, window_start: float) -> str:
    material = f"{key}\x1f{int(window_start)}"
    return hashlib.blake2b(material.encode("utf-8"), digest_size=16).hexdigest()


def source_of(alert: Alert) -> str:
    ref = alert.article
    if ref.source and ref.source.strip():
        return ref.source.strip()
    host = urlsplit(ref.url).hostname if ref.url else None
    return host.removeprefix("www.") if host else UNKNOWN_SOURCE


@dataclass(frozen=True)
class Outcome:
    annotation: Annotation
    state: StoryState | None  # the story's new state; None for a redelivery (nothing changes)

    @property
    def redelivered(self) -> bool:
        return self.state is None


def cluster(
    alert: Alert,
    event_time: float,
    state: StoryState | None,
    memo: Annotation | None,
    policy: StoryPolicy,
    now: float,
) -> Outcome:
    """The story update this alert makes, given its story's state and its own earlier annotation.

    ``state`` and ``memo`` are what the tables hold (or None); expired entries count as absent.
    """
    if memo is not None and memo.expires_at > now:
        return Outcome(memo, None)
    key = policy.key(alert)
    source = source_of(alert)
    status = alert.attributes.get(STATUS)
    live = state is not None and state.expires_at > now
    if state is None or not live or abs(event_time - state.window_start) > policy.horizon_s:
        state = StoryState(
            story_id=story_id(key, event_time),
            window_start=event_time,
            status=status,
            articles=1,
            sources=[source],
            expires_at=now + policy.retention_s,
        )
        update: UpdateKind = "new"
    else:
        update = (
            "status_changed"
            if policy.progresses(alert.event_type, state.status, status)
            else "corroborated"
        )
        known = {s.casefold() for s in state.sources}
        sources = list(state.sources)
        if source.casefold() not in known and len(sources) < policy.max_sources:
            sources.append(source)
        state = StoryState(
            story_id=state.story_id,
            window_start=state.window_start,
            status=status if update == "status_changed" else state.status,
            articles=state.articles + 1,
            sources=sources,
            expires_at=state.expires_at,
        )
    annotation = Annotation(
        story_id=state.story_id,
        update=update,
        story_articles=state.articles,
        story_sources=len(state.sources),
        sources=state.sources[: policy.sources_listed],
        expires_at=now + policy.retention_s,
    )
    return Outcome(annotation, state)


def annotated(alert: Alert, annotation: Annotation) -> Alert:
    return alert.model_copy(
        update={
            "story_id": annotation.story_id,
            "update": annotation.update,
            "story_articles": annotation.story_articles,
            "story_sources": annotation.story_sources,
            "sources": list(annotation.sources),
        }
    )
