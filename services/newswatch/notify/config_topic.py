"""Following the compacted config topic, so a pushed subscriptions file reaches the notifier.

No consumer group: every notifier reads the whole topic from the beginning at start (compaction
keeps only the latest version per key), then keeps applying new records between messages.
"""

from __future__ import annotations

import logging

from kafka import KafkaConsumer, TopicPartition

from newswatch.kafka.clients import make_consumer
from newswatch.settings import Settings
from newswatch.subscriptions import LiveSubscriptions

log = logging.getLogger(__name__)


class ConfigFollower:
    def __init__(self, settings: Settings, subscriptions: LiveSubscriptions) -> None:
        self._subscriptions = subscriptions
        self._consumer: KafkaConsumer | None = make_consumer(
            settings, group_id=None, enable_auto_commit=False
        )
        partitions = self._consumer.partitions_for_topic(settings.topic_config)
        if not partitions:
            log.warning(
                "config topic missing; following the subscriptions file only",
                extra={"topic": settings.topic_config},
            )
            self.close()
            return
        assigned = [TopicPartition(settings.topic_config, p) for p in sorted(partitions)]
        self._consumer.assign(assigned)
        self._consumer.seek_to_beginning(*assigned)

    def poll(self, timeout_ms: int = 0) -> int:
        """Apply what arrived since the last call; return how many records were read."""
        if self._consumer is None:
            return 0
        count = 0
        for records in self._consumer.poll(timeout_ms=timeout_ms).values():
            for record in records:
                self._subscriptions.apply_config_message(record.key, record.value)
                count += 1
        return count

    def close(self) -> None:
        if self._consumer is not None:
            self._consumer.close()
            self._consumer = None
