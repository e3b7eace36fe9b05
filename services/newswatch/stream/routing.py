"""Where each outgoing message goes, and with which key and headers.

Plain functions over plain data, so the routing rules are tested without a broker; the Faust agent
only hands the resulting ``Outgoing`` messages to its topics.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from newswatch.contracts import Alert, Headers, Origin, RejectReason, dead_letter_headers
from newswatch.settings import Settings
from newswatch.stream.stories import Sighting


@dataclass(frozen=True)
class Outgoing:
    topic: str
    key: bytes | None
    value: bytes
    headers: Headers = field(default_factory=list)


def dead_letter(
    raw: bytes | None,
    reason: RejectReason,
    message: str,
    origin: Origin,
    settings: Settings,
    *,
    key: bytes | None = None,
    source: str | None = None,
) -> Outgoing:
    """The original bytes, untouched, to the dead-letter topic with the reason in headers."""
    return Outgoing(
        topic=settings.topic_articles_dlq,
        key=key,
        value=raw if raw is not None else b"",
        headers=dead_letter_headers(reason, message, origin, source),
    )


def alert_key(alert: Alert) -> bytes:
    """The story id, else event type plus sorted participants: one story, one partition.

    Kafka orders messages per partition only, so alerts that update one story must hash to the
    same one.
    """
    if alert.story_id:
        return alert.story_id.encode()
    participants = sorted({p.key for p in (*alert.actors, *alert.targets)})
    return f"{alert.event_type}:{'|'.join(participants)}".encode()


def alert_messages(alert: Alert, settings: Settings, rules: Iterable[str] = ()) -> list[Outgoing]:
    """Every alert goes to the firehose, the topic of its event type and those of its rules."""
    key = alert_key(alert)
    value = alert.to_json()
    headers: Headers = [("x-alert-id", alert.alert_id.encode("utf-8"))]
    if alert.story_id and alert.update:
        headers += [("x-story-id", alert.story_id.encode()), ("x-update", alert.update.encode())]
    topics = [
        settings.topic_alerts,
        settings.type_topic(alert.event_type),
        *(settings.subscription_topic(rule) for rule in rules),
    ]
    return [Outgoing(topic, key, value, headers) for topic in topics]


def sighting_message(sighting: Sighting, settings: Settings) -> Outgoing:
    """To the story stage, keyed by story so that one story's state lives on one partition."""
    return Outgoing(settings.topic_sightings, sighting.story_key.encode("utf-8"), sighting.dumps())
