"""The worker's Kafka sensor: Faust's hooks to our metrics, in seconds, named by convention."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

from faust.types import TP

from newswatch.observability.metrics import REGISTRIES, WORKER_REGISTRY
from newswatch.stream.sensor import KafkaSensor


def value(name: str, **labels: str) -> float | None:
    return WORKER_REGISTRY.get_sample_value(name, labels)


def sensor_at(now: float) -> KafkaSensor:
    sensor = KafkaSensor()
    sensor.time = lambda: now
    return sensor


def test_messages_in_and_out_are_counted_by_topic() -> None:
    sensor = sensor_at(100.0)
    before = value("newswatch_kafka_messages_received_total", topic="s.in") or 0.0
    for offset in range(3):
        sensor.on_message_in(TP("s.in", 0), offset, cast(Any, SimpleNamespace()))
    assert value("newswatch_kafka_messages_received_total", topic="s.in") == before + 3

    sent_before = value("newswatch_kafka_messages_sent_total", topic="s.out") or 0.0
    seconds_before = value("newswatch_kafka_send_seconds_sum") or 0.0
    metadata = cast(Any, SimpleNamespace(topic="s.out"))
    sensor.on_send_completed(cast(Any, None), 99.75, metadata)  # sent at 99.75, acked at 100
    assert value("newswatch_kafka_messages_sent_total", topic="s.out") == sent_before + 1
    assert value("newswatch_kafka_send_seconds_sum") == seconds_before + 0.25  # seconds, not ms


def test_lag_gauges_follow_the_partitions_this_worker_keeps() -> None:
    sensor = sensor_at(100.0)
    sensor.track_tp_end_offset(TP("s.lag", 0), 50)
    sensor.track_tp_end_offset(TP("s.lag", 1), 70)
    sensor.on_tp_commit({TP("s.lag", 0): 20, TP("s.lag", 1): 65})
    assert value("newswatch_kafka_partition_end_offset", topic="s.lag", partition="0") == 50
    assert value("newswatch_kafka_partition_committed_offset", topic="s.lag", partition="1") == 65

    sensor.forget_partitions_except({("s.lag", "0")})  # partition 1 went to another worker
    assert value("newswatch_kafka_partition_committed_offset", topic="s.lag", partition="0") == 20
    assert value("newswatch_kafka_partition_end_offset", topic="s.lag", partition="1") is None
    assert value("newswatch_kafka_partition_committed_offset", topic="s.lag", partition="1") is None


def test_every_family_follows_prometheus_naming() -> None:
    """Base units in the name, counters as counters, and no 'commited'."""
    for registry in REGISTRIES.values():
        for family in registry.collect():
            if not family.name.startswith("newswatch_"):
                continue
            assert "_ms" not in family.name and "commited" not in family.name, family.name
            if family.type == "histogram":
                assert family.name.endswith("_seconds"), family.name
            if family.type == "gauge":
                assert "total" not in family.name, family.name
