"""Run a worker process against the test broker, and read topics back, with bounded waits."""

from __future__ import annotations

import contextlib
import json
import logging
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx
from kafka import TopicPartition

from newswatch.kafka import make_consumer, make_producer
from newswatch.settings import Settings
from newswatch_dev.broker import free_port
from newswatch_dev.local import stop_process, wait_ready

REPO = Path(__file__).resolve().parents[2]
WORKER_MAIN = Path(__file__).with_name("worker_main.py")
log = logging.getLogger(__name__)


def isolated_settings(bootstrap: str, state_dir: Path) -> Settings:
    """Unique topic names, app id (consumer group) and web port: runs never see each other."""
    tag = f"w{uuid.uuid4().hex[:10]}"
    base = Settings()
    topics = {
        name: f"{tag}.{value}"
        for name, value in base.model_dump().items()
        if name.startswith("topic_") and isinstance(value, str)
    }
    return base.model_copy(
        update={
            **topics,
            "kafka_bootstrap_servers": bootstrap,
            "app_id": f"newswatch-{tag}",
            "web_port": free_port(),
            "state_dir": state_dir,
            "stream_batch_seconds": 0.1,
        }
    )


def settings_env(settings: Settings) -> dict[str, str]:
    """The environment a child process needs to rebuild these Settings: every field that
    differs from the defaults, plus the broker address."""
    defaults = Settings().model_dump(mode="json")
    env = {"KAFKA_BOOTSTRAP_SERVERS": settings.kafka_bootstrap_servers}
    for name, value in settings.model_dump(mode="json").items():
        if name == "kafka_bootstrap_servers" or value == defaults.get(name) or value is None:
            continue
        if isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, str | int | float):
            text = str(value)
        else:
            text = json.dumps(value)
        env[f"NEWSWATCH_{name.upper()}"] = text
    return env


@dataclass
class WorkerProcess:
    proc: subprocess.Popen[bytes]
    log_path: Path
    settings: Settings

    @property
    def url(self) -> str:
        return f"http://{self.settings.web_host}:{self.settings.web_port}"

    def get(self, path: str) -> httpx.Response:
        return httpx.get(self.url + path, timeout=5.0)

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


@contextlib.contextmanager
def worker_process(
    settings: Settings,
    command: Sequence[str],
    log_path: Path,
    *,
    ready_timeout_s: float = 120.0,
    wait: bool = True,
) -> Iterator[WorkerProcess]:
    """Start ``command`` with ``settings`` in its environment; always stopped on exit."""
    import os

    env = {**os.environ, **settings_env(settings)}
    with log_path.open("wb") as log_file:
        proc = subprocess.Popen(
            list(command),
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            cwd=REPO,
            start_new_session=True,
        )
        worker = WorkerProcess(proc, log_path, settings)
        try:
            if wait:
                try:
                    wait_ready(worker.url + "/readyz", proc, ready_timeout_s)
                except SystemExit as exc:
                    raise AssertionError(f"{exc}\n{worker.log_text()[-4000:]}") from None
            yield worker
        finally:
            stop_process(proc, timeout_s=30.0)


def newswatch_worker() -> list[str]:
    return [sys.executable, "-m", "newswatch.cli", "worker"]


def fake_worker(kind: str) -> list[str]:
    return [sys.executable, str(WORKER_MAIN), kind]


def produce(settings: Settings, values: Sequence[bytes | None], topic: str | None = None) -> None:
    """All to partition 0, in order, so 'around' means what it says."""
    producer = make_producer(settings)
    try:
        for value in values:
            producer.send(topic or settings.topic_articles, value=value, key=b"k", partition=0)
        producer.flush(timeout=30)
    finally:
        producer.close()


@dataclass(frozen=True)
class Record:
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: dict[str, bytes]


def read_topic(
    settings: Settings, topic: str, expected: int, timeout_s: float = 60.0
) -> list[Record]:
    """Every record from the start until ``expected`` arrived, or the deadline; then a short
    extra wait proves no more are coming."""
    consumer = make_consumer(settings, group_id=None, enable_auto_commit=False)
    try:
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        consumer.assign(partitions)
        consumer.seek_to_beginning(*partitions)
        records: list[Record] = []
        deadline = time.monotonic() + timeout_s
        settle: float | None = None
        while time.monotonic() < deadline:
            for batch in consumer.poll(timeout_ms=250).values():
                records.extend(
                    Record(r.partition, r.offset, r.key, r.value, dict(r.headers)) for r in batch
                )
            if len(records) >= expected:
                settle = settle or time.monotonic() + 1.0
                if time.monotonic() >= settle:
                    break
        return records
    finally:
        consumer.close()


def committed(settings: Settings, topic: str) -> dict[int, int | None]:
    consumer = make_consumer(settings, group_id=settings.app_id, enable_auto_commit=False)
    try:
        partitions = consumer.partitions_for_topic(topic) or set()
        return {p: consumer.committed(TopicPartition(topic, p)) for p in sorted(partitions)}
    finally:
        consumer.close()


def end_offsets(settings: Settings) -> dict[int, int]:
    """The articles topic's end offset per partition: where committed offsets must arrive."""
    consumer = make_consumer(settings, group_id=None, enable_auto_commit=False)
    try:
        topic = settings.topic_articles
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        return {tp.partition: offset for tp, offset in consumer.end_offsets(partitions).items()}
    finally:
        consumer.close()
