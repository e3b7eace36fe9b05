"""``newswatch alerts``: read alert topics and print one line per alert (or the raw JSON).

Without ``--group`` the reader is anonymous: it assigns itself every partition, commits nothing,
and starts at the end (or the beginning with ``--from-beginning``). Redelivered alerts carry the
same ``alert_id``, so repeats within a session are dropped.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TextIO

from kafka import KafkaConsumer, TopicPartition
from pydantic import ValidationError

from newswatch.contracts import Alert
from newswatch.exits import CommandError
from newswatch.kafka import make_consumer
from newswatch.settings import Settings

log = logging.getLogger(__name__)

EVIDENCE_CHARS = 140
_SEEN_IDS = 100_000


@dataclass(frozen=True)
class AlertsOptions:
    event_type: str | None = None
    follow: bool = False
    from_beginning: bool = False
    group: str | None = None
    as_json: bool = False
    idle_seconds: float = 5.0


def trim(text: str, limit: int = EVIDENCE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def format_alert(alert: Alert) -> str:
    """``time  type  who → whom  attributes  "evidence"``: one line a person can scan."""
    when = alert.detected_at[:19].replace("T", " ")
    who = ", ".join(p.name for p in alert.actors) or "?"
    whom = ", ".join(p.name for p in alert.targets)
    parties = f"{who} → {whom}" if whom else who
    attributes = " ".join(f"{k}={v}" for k, v in sorted(alert.attributes.items()))
    evidence = f'"{trim(alert.evidence[0].text)}"' if alert.evidence else ""
    fields = [when, alert.event_type, parties, attributes, _story(alert), evidence]
    return "  ".join(f for f in fields if f)


def _story(alert: Alert) -> str:
    """``[corroborated 3 articles/2 sources]``: where the alert stands in its story, if known."""
    if alert.update is None or alert.update == "new":
        return "[new]" if alert.update else ""
    counts = f" {alert.story_articles} articles/{alert.story_sources} sources"
    return f"[{alert.update}{counts if alert.story_articles else ''}]"


def alerts_topic(settings: Settings, event_type: str | None) -> str:
    return settings.type_topic(event_type) if event_type else settings.topic_alerts


class SeenIds:
    """A bounded memory of alert ids, oldest forgotten first."""

    def __init__(self, capacity: int = _SEEN_IDS) -> None:
        self._ids: OrderedDict[str, None] = OrderedDict()
        self._capacity = capacity

    def add(self, alert_id: str) -> bool:
        """True when the id is new."""
        if alert_id in self._ids:
            return False
        self._ids[alert_id] = None
        if len(self._ids) > self._capacity:
            self._ids.popitem(last=False)
        return True


def _open(settings: Settings, topic: str, options: AlertsOptions) -> KafkaConsumer:
    reset = "earliest" if options.from_beginning else "latest"
    if options.group:
        consumer = make_consumer(settings, topic, group_id=options.group, auto_offset_reset=reset)
        return consumer
    consumer = make_consumer(settings, group_id=None, enable_auto_commit=False)
    partitions = consumer.partitions_for_topic(topic) or set()
    if not partitions:
        consumer.close()
        raise CommandError(f"topic {topic} does not exist (start the worker or run ingest first)")
    assigned = [TopicPartition(topic, p) for p in sorted(partitions)]
    consumer.assign(assigned)
    if options.from_beginning:
        consumer.seek_to_beginning(*assigned)
    else:
        consumer.seek_to_end(*assigned)
    for tp in assigned:
        consumer.position(tp)  # resolve now, so alerts sent after "following" are all seen
    return consumer


def stream_alerts(
    consumer: KafkaConsumer, options: AlertsOptions, clock: Callable[[], float] = time.monotonic
) -> Iterator[bytes]:
    """Message values until idle for ``idle_seconds`` (forever with ``follow``)."""
    last = clock()
    while options.follow or clock() - last < options.idle_seconds:
        batches = consumer.poll(timeout_ms=500)
        for records in batches.values():
            for record in records:
                last = clock()
                if record.value is not None:
                    yield record.value


def render(value: bytes, options: AlertsOptions, seen: SeenIds) -> str | None:
    """The line to print, or None for a repeat; malformed messages are reported, not fatal."""
    try:
        alert = Alert.model_validate_json(value)
    except ValidationError as exc:
        log.warning("skipping a message that is not an alert: %s", exc.errors()[0]["msg"])
        return None
    if not seen.add(alert.alert_id):
        return None
    if options.as_json:
        return json.dumps(json.loads(value), ensure_ascii=False)
    return format_alert(alert)


def run_alerts(settings: Settings, options: AlertsOptions, out: TextIO = sys.stdout) -> int:
    topic = alerts_topic(settings, options.event_type)
    consumer = _open(settings, topic, options)
    print(f"following {topic}", file=sys.stderr, flush=True)
    seen = SeenIds()
    count = 0
    try:
        for value in stream_alerts(consumer, options):
            line = render(value, options, seen)
            if line is not None:
                print(line, file=out, flush=True)
                count += 1
    except KeyboardInterrupt:
        pass
    finally:
        consumer.close()
    print(f"{count} alerts from {topic}", file=sys.stderr)
    return 0
