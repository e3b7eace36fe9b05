"""Every topic newswatch uses, created with explicit partition counts before anyone writes.

The embedded broker has auto-creation off on purpose: a topic auto-created with the broker's
default partition count breaks Faust tables (PartitionsMismatch with the changelog).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from kafka.errors import KafkaError, TopicAlreadyExistsError, for_code

from newswatch.kafka.clients import make_admin
from newswatch.settings import Settings

log = logging.getLogger(__name__)

_LEGAL = re.compile(r"[A-Za-z0-9._-]{1,249}")

# Room for dead-letter headers and record-batch framing above the largest article we accept.
RECORD_OVERHEAD_BYTES = 64 * 1024


# The config topic is a handful of keys, read whole by every process: one partition keeps every
# version in one order, whatever NEWSWATCH_TOPIC_PARTITIONS says.
CONFIG_PARTITIONS = 1


@dataclass(frozen=True)
class TopicSpec:
    """One topic as newswatch creates it."""

    name: str
    partitions: int
    replication: int
    configs: Mapping[str, str] = field(default_factory=dict)

    def admin_spec(self) -> dict[str, object]:
        """The ``create_topics`` entry for kafka-python's admin client."""
        spec: dict[str, object] = {
            "num_partitions": self.partitions,
            "replication_factor": self.replication,
        }
        return {**spec, "configs": dict(self.configs)} if self.configs else spec

    def line(self) -> str:
        """``name partitions replication key=value,...``: one topic per line, for people and
        for ``kafka-topics.sh`` loops."""
        configs = ",".join(f"{key}={value}" for key, value in sorted(self.configs.items()))
        return " ".join(
            filter(None, (self.name, str(self.partitions), str(self.replication), configs))
        )


def max_record_bytes(settings: Settings) -> int:
    """The largest record newswatch writes: an article at the limit, or its dead letter.

    Producers and the topics that carry raw articles (input and DLQ) are sized by it, so a bad
    message that the broker accepted can always be dead-lettered instead of jamming a partition.
    """
    return settings.max_message_bytes + RECORD_OVERHEAD_BYTES


def validate_topic_name(name: str) -> str:
    """Return ``name`` if Kafka accepts it and it does not mix '.' and '_'.

    Kafka turns '.' into '_' in metric names, so ``a.b`` and ``a_b`` would report as one topic.
    """
    if not _LEGAL.fullmatch(name) or name in {".", ".."}:
        raise ValueError(f"{name!r} is not a legal Kafka topic name")
    if "." in name and "_" in name:
        raise ValueError(f"topic {name!r} mixes '.' and '_' (their metric names collide)")
    return name


def topic_names(
    settings: Settings, event_types: Iterable[str], extra: Iterable[str] = ()
) -> list[str]:
    """The topics for these event types, in a stable order, each validated."""
    names = [
        settings.topic_articles,
        settings.topic_alerts,
        *(settings.type_topic(t) for t in event_types),
        settings.topic_articles_dlq,
        settings.topic_alerts_dlq,
        settings.topic_sightings,
        settings.topic_config,
        *extra,
    ]
    return [validate_topic_name(n) for n in dict.fromkeys(names)]


def topic_specs(
    settings: Settings,
    event_types: Iterable[str],
    *,
    extra: Iterable[str] = (),
    configs: Mapping[str, Mapping[str, str]] | None = None,
) -> dict[str, TopicSpec]:
    """Each topic by name, with the partitions, replication and configs it is created with."""
    configs = configs or {}
    names = topic_names(settings, event_types, [*extra, *configs])
    return {name: _spec(settings, name, configs.get(name, {})) for name in names}


def ensure_topics(
    settings: Settings,
    event_types: Iterable[str],
    *,
    extra: Iterable[str] = (),
    configs: Mapping[str, Mapping[str, str]] | None = None,
    timeout_s: float = 30.0,
) -> list[str]:
    """Create the missing topics and wait until every one has a leader; return all names.

    Idempotent: topics that exist are left as they are (a partition count that differs from
    their spec is logged, not changed), and a concurrent creator is fine. ``configs`` adds topic
    configs by name (e.g. a Faust table's changelog retention).
    """
    specs = topic_specs(settings, event_types, extra=extra, configs=configs)
    names = list(specs)
    timeout_ms = int(timeout_s * 1000)
    admin = make_admin(settings)
    try:
        existing = set(admin.list_topics())
        missing = [n for n in names if n not in existing]
        if missing:
            result = admin.create_topics(
                {name: specs[name].admin_spec() for name in missing},
                timeout_ms=timeout_ms,
                raise_errors=False,
            )
            _raise_unexpected(result)
            log.info("created Kafka topics %s", ", ".join(missing))
        admin.wait_for_topics(names, timeout_ms=timeout_ms)
        for topic in admin.describe_topics(names):  # also catches a racing creator's topics
            wanted = specs[topic["name"]].partitions
            if len(topic["partitions"]) != wanted:
                log.warning(
                    "topic %s has %d partitions, settings say %d; left unchanged",
                    topic["name"],
                    len(topic["partitions"]),
                    wanted,
                )
    finally:
        admin.close()
    return names


def _spec(settings: Settings, name: str, extra: Mapping[str, str]) -> TopicSpec:
    """Partitions and replication from settings, plus what this topic needs beyond defaults."""
    configs: dict[str, str] = dict(extra)
    partitions = settings.topic_partitions
    if name == settings.topic_config:
        configs["cleanup.policy"] = "compact"  # the latest version per key, forever
        partitions = CONFIG_PARTITIONS
    if name in {settings.topic_articles, settings.topic_articles_dlq, settings.topic_alerts_dlq}:
        configs["max.message.bytes"] = str(max_record_bytes(settings))
    return TopicSpec(name, partitions, settings.topic_replication_factor, configs)


def _raise_unexpected(result: dict[str, object]) -> None:
    topics = result.get("topics")
    for topic in topics if isinstance(topics, list) else []:
        error = for_code(topic["error_code"])
        if error is not TopicAlreadyExistsError and topic["error_code"] != 0:
            detail = topic.get("error_message") or error.__name__
            raise KafkaError(f"could not create topic {topic['name']}: {detail}")
