"""The compacted config topic, read whole by every worker and every notifier.

Records are keyed by kind (``subscriptions``, ``watchlist``); a null value withdraws the pushed
version. Not a consumer group (nor, in the worker, a Faust agent): a group would split the
topic's partitions among the processes and resume after its commits, while each process needs
every record and, after a restart, the latest version of each key again. So a plain consumer
without a group is assigned every partition and reads from the beginning (compaction keeps that
short), then keeps up.
"""

from __future__ import annotations

import logging

from kafka import KafkaConsumer, TopicPartition

from newswatch.kafka.clients import make_consumer
from newswatch.settings import Settings

log = logging.getLogger(__name__)

Record = tuple[str, bytes | None]


class ConfigTopic:
    """(kind, value) records of the config topic, polled without blocking."""

    def __init__(self, settings: Settings) -> None:
        self._topic = settings.topic_config
        self._consumer: KafkaConsumer | None = make_consumer(
            settings, group_id=None, enable_auto_commit=False
        )
        partitions = self._consumer.partitions_for_topic(self._topic)
        if not partitions:
            log.warning("config topic missing; following files only", extra={"topic": self._topic})
            self.close()
            return
        assigned = [TopicPartition(self._topic, p) for p in sorted(partitions)]
        self._consumer.assign(assigned)
        self._consumer.seek_to_beginning(*assigned)

    def poll(self) -> list[Record]:
        """(kind, value) of the records that arrived since the last call, oldest first."""
        if self._consumer is None:
            return []
        records: list[Record] = []
        for batch in self._consumer.poll(timeout_ms=0).values():
            for record in batch:
                key = record.key.decode("utf-8", "replace") if record.key is not None else ""
                records.append((key, record.value))
        return records

    def close(self) -> None:
        if self._consumer is not None:
            self._consumer.close()
            self._consumer = None
