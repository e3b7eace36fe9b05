"""The benchmark's side of the broker: fresh topics, producing, offsets, and watching alerts.

Every phase gets its own topic names and consumer group (``b<hex>.`` prefix), so phases never see
each other's messages or commits and a shared broker needs no clean-up between runs.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from kafka import KafkaAdminClient, TopicPartition

from newswatch.engine.taxonomy import Taxonomy
from newswatch.kafka import ensure_topics, make_consumer, make_producer
from newswatch.settings import Settings
from newswatch_dev.bench.corpus import BenchArticle


def fresh_settings(base: Settings, state_dir: Path) -> Settings:
    """``base`` with unique topics, app id (= Faust's consumer group) and state folder."""
    tag = f"b{uuid.uuid4().hex[:10]}"
    topics = {
        name: f"{tag}.{value}"
        for name, value in base.model_dump().items()
        if name.startswith("topic_") and isinstance(value, str)
    }
    return base.model_copy(
        update={**topics, "app_id": f"newswatch-{tag}", "state_dir": state_dir / tag}
    )


def worker_env(settings: Settings, web_port: int, index: int) -> dict[str, str]:
    """What worker ``index`` of a group needs on top of the inherited environment.

    Each worker gets its own state folder, as separate hosts or pods would have.
    """
    env = {
        "KAFKA_BOOTSTRAP_SERVERS": settings.kafka_bootstrap_servers,
        "NEWSWATCH_APP_ID": settings.app_id,
        "NEWSWATCH_STATE_DIR": str(settings.state_dir / f"worker-{index}"),
        "NEWSWATCH_WEB_PORT": str(web_port),
        "NEWSWATCH_STREAM_BATCH_MAX": str(settings.stream_batch_max),
        "NEWSWATCH_STREAM_BATCH_SECONDS": str(settings.stream_batch_seconds),
    }
    for name, value in settings.model_dump().items():
        if name.startswith("topic_") and isinstance(value, str):
            env[f"NEWSWATCH_{name.upper()}"] = value
    return env


def create_topics(settings: Settings) -> None:
    """All topics the worker writes, before it starts: the broker does not auto-create."""
    ensure_topics(settings, sorted(Taxonomy.load(settings.taxonomy_path).types))


def produce_all(settings: Settings, articles: Iterable[BenchArticle]) -> int:
    """As fast as the client goes, keyed by article id (so spread over all partitions)."""
    producer = make_producer(settings, linger_ms=50, batch_size=256 * 1024)
    count = 0
    try:
        for item in articles:
            key = item.article.id.encode("utf-8")
            producer.send(settings.topic_articles, key=key, value=item.payload())
            count += 1
        producer.flush(timeout=120)
    finally:
        producer.close()
    return count


def paced_produce(
    settings: Settings, articles: Sequence[BenchArticle], rate: float
) -> dict[str, int]:
    """Send at ``rate`` per second on a fixed schedule (late sends do not shift later ones).

    Each article carries ``ingested_at`` and a record timestamp of the same instant; returns
    that instant in epoch milliseconds per article id.
    """
    producer = make_producer(settings)
    sent: dict[str, int] = {}
    started = time.monotonic()
    try:
        for i, item in enumerate(articles):
            delay = started + i / rate - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            now_ms = time.time_ns() // 1_000_000
            stamp = datetime.fromtimestamp(now_ms / 1000, UTC).isoformat()
            article = item.article.model_copy(update={"ingested_at": stamp})
            producer.send(
                settings.topic_articles,
                key=article.id.encode("utf-8"),
                value=article.model_dump_json(exclude_none=True).encode("utf-8"),
                timestamp_ms=now_ms,
            )
            sent[article.id] = now_ms
        producer.flush(timeout=60)
    finally:
        producer.close()
    return sent


def end_offset_total(settings: Settings, topic: str) -> int:
    consumer = make_consumer(settings, group_id=None, enable_auto_commit=False)
    try:
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        return sum(consumer.end_offsets(partitions).values())
    finally:
        consumer.close()


def committed_total(admin: KafkaAdminClient, group: str, topic: str) -> int:
    """Sum of ``group``'s committed offsets on ``topic`` (0 where none yet)."""
    offsets = admin.list_group_offsets({group: None}).get(group, {})
    return sum(meta.offset for tp, meta in offsets.items() if tp.topic == topic and meta.offset > 0)


class AlertWatch:
    """Reads the alerts topic from its current end; keeps the first alert's record timestamp
    (set by the worker's producer, epoch ms) per article id."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.first_alert_ms: dict[str, int] = {}
        self.alerts = 0
        self._finish = threading.Event()
        self._positioned = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="alert-watch", daemon=True)

    def start(self, timeout_s: float = 30.0) -> AlertWatch:
        self._thread.start()
        if not self._positioned.wait(timeout_s):
            raise TimeoutError("the alert consumer could not position itself")
        return self

    def finish(self, timeout_s: float = 30.0) -> None:
        """Read up to the topic's current end, then stop."""
        self._finish.set()
        self._thread.join(timeout_s)
        if self._error is not None:
            raise self._error

    def _run(self) -> None:
        topic = self.settings.topic_alerts
        consumer = make_consumer(self.settings, group_id=None, enable_auto_commit=False)
        try:
            partitions = [
                TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()
            ]
            consumer.assign(partitions)
            consumer.seek_to_end(*partitions)
            for tp in partitions:
                consumer.position(tp)  # resolve the lazy seek now, before anything is sent
            self._positioned.set()
            end: dict[TopicPartition, int] | None = None
            while True:
                for records in consumer.poll(timeout_ms=100).values():
                    for record in records:
                        self._record(record.value, record.timestamp)
                if self._finish.is_set():
                    end = end or consumer.end_offsets(partitions)
                    if all(consumer.position(tp) >= offset for tp, offset in end.items()):
                        return
        except BaseException as exc:
            self._error = exc
        finally:
            consumer.close()

    def _record(self, value: bytes | None, timestamp_ms: int) -> None:
        if value is None:
            return
        article_id = json.loads(value)["article"]["id"]
        self.alerts += 1
        known = self.first_alert_ms.get(article_id)
        if known is None or timestamp_ms < known:
            self.first_alert_ms[article_id] = timestamp_ms
