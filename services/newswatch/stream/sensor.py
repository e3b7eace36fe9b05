"""The worker's Kafka sensor: Faust's monitor hooks into our own, conventionally named metrics.

Faust ships a Prometheus sensor, but its names break Prometheus conventions (``…_runtime_ms``,
millisecond histograms with no unit, a rebalance count exported as a gauge,
``…_offset_commited``) and it registers two dozen series nobody reads. This keeps what operators
use, in seconds and with ``_total`` counters: messages in and out per topic, send and commit
time, rebalances, and end and committed offsets per partition, whose difference is the lag.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from faust.sensors import Monitor
from faust.sensors.monitor import TPOffsetMapping
from faust.types import TP, AppT, Message, RecordMetadata
from faust.types.transports import ConsumerT, ProducerT

from newswatch.observability.metrics import (
    KAFKA_COMMIT_SECONDS,
    KAFKA_COMMITTED_OFFSET,
    KAFKA_END_OFFSET,
    KAFKA_REBALANCE_SECONDS,
    KAFKA_REBALANCES,
    KAFKA_RECEIVED,
    KAFKA_SEND_ERRORS,
    KAFKA_SEND_SECONDS,
    KAFKA_SENT,
)

_Partition = tuple[str, str]  # the gauges' labels: topic, partition number as text


class KafkaSensor(Monitor):
    """Faust's ``Monitor`` (its in-memory statistics stay as they are) plus our metrics."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._partitions: set[_Partition] = set()

    def on_message_in(self, tp: TP, offset: int, message: Message) -> None:
        super().on_message_in(tp, offset, message)
        KAFKA_RECEIVED.labels(topic=tp.topic).inc()

    def on_send_completed(self, producer: ProducerT, state: Any, metadata: RecordMetadata) -> None:
        super().on_send_completed(producer, state, metadata)
        KAFKA_SENT.labels(topic=metadata.topic).inc()
        KAFKA_SEND_SECONDS.observe(self.secs_since(state))

    def on_send_error(self, producer: ProducerT, exc: BaseException, state: Any) -> None:
        super().on_send_error(producer, exc, state)
        KAFKA_SEND_ERRORS.inc()

    def on_commit_completed(self, consumer: ConsumerT, state: Any) -> None:
        super().on_commit_completed(consumer, state)
        KAFKA_COMMIT_SECONDS.observe(self.secs_since(state))

    def on_tp_commit(self, tp_offsets: TPOffsetMapping) -> None:
        super().on_tp_commit(tp_offsets)
        for tp, offset in tp_offsets.items():
            KAFKA_COMMITTED_OFFSET.labels(*self._partition(tp)).set(offset)

    def track_tp_end_offset(self, tp: TP, offset: int) -> None:
        super().track_tp_end_offset(tp, offset)
        KAFKA_END_OFFSET.labels(*self._partition(tp)).set(offset)

    def on_rebalance_start(self, app: AppT) -> dict[Any, Any]:
        state = super().on_rebalance_start(app)
        KAFKA_REBALANCES.inc()
        return state

    def on_rebalance_end(self, app: AppT, state: dict[Any, Any]) -> None:
        """Partitions this worker lost stop being reported, so no two workers report one
        partition; those it kept keep their last offsets (an idle partition commits nothing
        new, and its lag must stay visible)."""
        super().on_rebalance_end(app, state)
        KAFKA_REBALANCE_SECONDS.observe(state["latency_end"])
        kept = app.assignor.assigned_actives() | app.assignor.assigned_standbys()
        self.forget_partitions_except({(tp.topic, str(tp.partition)) for tp in kept})

    def forget_partitions_except(self, kept: set[_Partition]) -> None:
        for labels in self._partitions - kept:
            for gauge in (KAFKA_END_OFFSET, KAFKA_COMMITTED_OFFSET):
                with suppress(KeyError):  # only one of the two was ever set
                    gauge.remove(*labels)
        self._partitions &= kept

    def _partition(self, tp: TP) -> _Partition:
        labels = (tp.topic, str(tp.partition))
        self._partitions.add(labels)
        return labels
