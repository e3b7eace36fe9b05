"""The compacted config topic, read whole by every worker.

Not a Faust agent: an agent's consumer group would split the topic's partitions among workers and
resume after its commits, while every worker needs every record and, after a restart, the latest
version of each key again. So a plain consumer without a group is assigned every partition and
reads from the beginning (compaction keeps that short), then keeps up.
"""

from __future__ import annotations

import logging

from kafka import KafkaConsumer, TopicPartition

from newswatch.kafka import make_consumer
from newswatch.settings import Settings

log = logging.getLogger(__name__)

Record = tuple[str, bytes | None]


class ConfigTopic:
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
