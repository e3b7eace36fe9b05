"""The notifier's Kafka loop: alert topics in, sink deliveries and dead letters out.

Offsets are committed by hand, one message at a time, only after every delivery of that message
succeeded (and was recorded) or was dead-lettered; so a crash replays at most the message in hand,
and the dedup store keeps the replay from reaching a sink twice.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from typing import Literal, get_args

from kafka import KafkaConsumer, KafkaProducer
from kafka.consumer.fetcher import ConsumerRecord
from kafka.errors import KafkaError
from kafka.structs import OffsetAndMetadata, TopicPartition

from newswatch.contracts import Origin, dead_letter_headers
from newswatch.kafka.clients import make_consumer, make_producer
from newswatch.kafka.config_topic import ConfigTopic
from newswatch.notify.decode import AlertRejectReason, InvalidAlert, decode_alert
from newswatch.notify.dedup import DedupStore
from newswatch.notify.delivery import Deliverer, RetryPolicy, SinkSet
from newswatch.notify.sinks import SinkKind
from newswatch.observability.metrics import (
    CONFIG_RELOADS,
    NOTIFY_DEAD_LETTERS,
    NOTIFY_DELIVERIES,
    NOTIFY_FAILURES,
    zero_series,
)
from newswatch.settings import Settings
from newswatch.subscriptions import CONFIG_KIND, LiveSubscriptions

log = logging.getLogger(__name__)

OffsetReset = Literal["earliest", "latest"]
# Deliveries retry inside one poll; leave room for max_attempts x (timeout + backoff) per sink.
_MAX_POLL_INTERVAL_MS = 900_000
_DLQ_SEND_TIMEOUT_S = 30.0


DELIVERY_FAILED = "delivery_failed"


def zero_notifier_series() -> None:
    """The notifier's closed label sets at 0 (sink kinds, dead-letter reasons, reload outcomes):
    a rate() panel reads 0 for a sink kind that has not failed yet, not "no data"."""
    zero_series(NOTIFY_DELIVERIES, sink=get_args(SinkKind))
    zero_series(NOTIFY_FAILURES, sink=get_args(SinkKind))
    zero_series(NOTIFY_DEAD_LETTERS, reason=[DELIVERY_FAILED, *get_args(AlertRejectReason)])
    zero_series(CONFIG_RELOADS, kind=[CONFIG_KIND], outcome=["ok", "error"])


class Notifier:
    def __init__(
        self,
        settings: Settings,
        *,
        topics: Sequence[str],
        group: str,
        offset_reset: OffsetReset = "earliest",
        follow_config: bool = True,
    ) -> None:
        self._settings = settings
        self._topics = list(topics)
        self._group = group
        self._offset_reset = offset_reset
        self._follow_config = follow_config
        self._stop = threading.Event()
        self._sinks = SinkSet(settings)
        self.subscriptions = LiveSubscriptions(
            settings.subscriptions_path, validate=self._sinks.install
        )
        self._store = DedupStore(settings.notify_state_dir)
        self._store.prune(older_than_s=settings.notify_dedup_retention_days * 86_400)
        self._deliverer = Deliverer(self._store, RetryPolicy.from_settings(settings))
        zero_notifier_series()

    def stop(self) -> None:
        """Ask the loop to finish the message in hand, commit it and return (signal-safe)."""
        self._stop.set()

    def run(self) -> None:
        consumer = make_consumer(
            self._settings,
            *self._topics,
            group_id=self._group,
            enable_auto_commit=False,
            auto_offset_reset=self._offset_reset,
            max_poll_interval_ms=_MAX_POLL_INTERVAL_MS,
        )
        log.info("notifier started", extra={"topics": self._topics, "group": self._group})
        producer: KafkaProducer | None = None
        config: ConfigTopic | None = None
        try:
            producer = make_producer(self._settings, linger_ms=0)
            if self._follow_config:
                config = ConfigTopic(self._settings)
            while not self._stop.is_set():
                self.subscriptions.refresh()
                for kind, value in config.poll() if config is not None else ():
                    self.subscriptions.apply_config_message(kind, value)
                # One record per poll: the stop flag is checked between messages, never inside.
                for partition, records in consumer.poll(timeout_ms=500, max_records=1).items():
                    for record in records:
                        self.handle(record, producer)
                        self._commit(consumer, partition, record.offset)
        finally:
            if config is not None:
                config.close()
            if producer is not None:
                producer.close()
            consumer.close(autocommit=False)
            self._sinks.close()
            self._store.close()
            log.info("notifier stopped")

    def handle(self, record: ConsumerRecord, producer: KafkaProducer) -> None:
        """Deliver one message to every sink that wants it, or dead-letter it; never drop it."""
        try:
            alert = decode_alert(record.value, max_bytes=self._settings.max_message_bytes)
        except InvalidAlert as exc:
            self._dead_letter(producer, record, reason=exc.reason, error=exc.message)
            return
        targets = self._sinks.targets(self.subscriptions.current, alert)
        failures = self._deliverer.deliver(alert, alert.to_json(), targets)
        for failure in failures:
            extra = [("x-sink", failure.sink_id), ("x-rule", ",".join(failure.rules))]
            self._dead_letter(
                producer, record, reason=DELIVERY_FAILED, error=failure.reason, extra=extra
            )

    def _dead_letter(
        self,
        producer: KafkaProducer,
        record: ConsumerRecord,
        *,
        reason: str,
        error: str,
        extra: Sequence[tuple[str, str]] = (),
    ) -> None:
        origin = Origin(record.topic, record.partition, record.offset)
        # Synchronous: the offset is committed next, so the dead letter must be on the broker.
        producer.send(
            self._settings.topic_alerts_dlq,
            key=record.key,
            value=record.value,
            headers=dead_letter_headers(reason, error, origin, extra=extra),
        ).get(timeout=_DLQ_SEND_TIMEOUT_S)
        NOTIFY_DEAD_LETTERS.labels(reason=reason).inc()
        log.warning(
            "alert dead-lettered",
            extra={"reason": reason, "error": error, **{k: v for k, v in extra}},
        )

    @staticmethod
    def _commit(consumer: KafkaConsumer, partition: TopicPartition, offset: int) -> None:
        """A failed commit (broker away, group rebalanced) is not worth dying for: the next one
        covers it, and what is redelivered meanwhile is already in the delivery record."""
        try:
            consumer.commit({partition: OffsetAndMetadata(offset + 1, None, -1)})
        except KafkaError as exc:
            log.warning("offset commit failed; a later one covers it", extra={"error": str(exc)})
