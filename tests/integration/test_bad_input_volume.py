"""Ten thousand hostile messages through the real worker on the real broker (issue 7, item 2).

Bad messages (``support.hostile``: broken and truncated JSON, wrong encodings, gzip bombs, lone
surrogates, deep nesting, huge numbers, wrong types, oversize...) are interleaved with odd-but-valid
articles and with good ones that must give alerts. At the end: every bad message is in the DLQ,
once, with its reason and its original bytes, topic, partition and offset; every good one gave
its alert; nothing valid was dead-lettered; the worker never crashed and its memory stayed bounded.

The limits are lowered (32 KiB messages, 8000-character texts) so oversize and too-long samples
stay cheap to produce; the code path is the same at any limit.
"""

from __future__ import annotations

import hashlib
import json
import random
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import get_args

import psutil
import pytest
from prometheus_client.parser import text_string_to_metric_families
from worker_support import (
    Record,
    WorkerProcess,
    committed,
    end_offsets,
    fake_worker,
    isolated_settings,
    newswatch_worker,
    read_topic,
    worker_process,
)

from newswatch.contracts import (
    HEADER_ERROR,
    HEADER_OFFSET,
    HEADER_PARTITION,
    HEADER_REASON,
    HEADER_TOPIC,
    RejectReason,
)
from newswatch.kafka import ensure_topics, make_producer
from newswatch.settings import Settings
from newswatch.stream.topics import event_types
from support import hostile

pytestmark = pytest.mark.integration

N_BAD = 10_000
N_WEIRD = 400
N_GOOD = 300
SEED = 20_240_301
LIMITS = hostile.Limits(max_bytes=32_768, max_text_chars=8_000)
PEAK_RSS_LIMIT_MB = 1_536
DEADLINE_S = 240.0


@dataclass(frozen=True)
class Sent:
    """One produced message and what must become of it."""

    key: bytes
    sample: hostile.Sample
    good_id: str | None = None
    event_type: str | None = None
    partition: int = -1
    offset: int = -1


def corpus() -> list[Sent]:
    bad = [Sent(b"", s) for s in hostile.rejected(N_BAD, seed=SEED, limits=LIMITS)]
    weird = [Sent(b"", s) for s in hostile.valid_but_weird(N_WEIRD, seed=SEED + 1, limits=LIMITS)]
    good = [
        Sent(b"", s, good_id, passage.event_type)
        for s, good_id, passage in hostile.good(N_GOOD, seed=SEED + 2)
    ]
    messages = bad + weird + good
    random.Random(SEED).shuffle(messages)
    return [
        Sent(f"m{i}".encode(), m.sample, m.good_id, m.event_type) for i, m in enumerate(messages)
    ]


def produce_all(settings: Settings, messages: list[Sent]) -> list[Sent]:
    """Produce in order; return each message with the partition and offset it got."""
    producer = make_producer(settings, max_request_size=4 * LIMITS.max_bytes, linger_ms=20)
    try:
        futures = [
            producer.send(settings.topic_articles, key=m.key, value=m.sample.raw) for m in messages
        ]
        producer.flush(timeout=120)
        placed = [f.get(timeout=30) for f in futures]
    finally:
        producer.close()
    return [
        Sent(m.key, m.sample, m.good_id, m.event_type, meta.partition, meta.offset)
        for m, meta in zip(messages, placed, strict=True)
    ]


class RssSampler(threading.Thread):
    """Peak resident memory of the worker, sampled until stopped.

    Also a watchdog: a worker past ``kill_above_bytes`` is killed at once, so a memory blow-up
    fails this test instead of having the kernel's OOM killer pick a process on a shared machine.
    """

    def __init__(self, pid: int, kill_above_bytes: int, every_s: float = 0.2) -> None:
        super().__init__(daemon=True)
        self._process = psutil.Process(pid)
        self._kill_above = kill_above_bytes
        self._every_s = every_s
        self._halt = threading.Event()
        self.peak_bytes = 0
        self.killed = False

    def run(self) -> None:
        while not self._halt.wait(self._every_s):
            try:
                self.peak_bytes = max(self.peak_bytes, self._process.memory_info().rss)
                if self.peak_bytes > self._kill_above:
                    self._process.kill()
                    self.killed = True
                    return
            except psutil.NoSuchProcess:
                return

    def stop(self) -> int:
        self._halt.set()
        self.join(timeout=5)
        return self.peak_bytes


def wait_until_consumed(worker: WorkerProcess, settings: Settings, deadline: float) -> bool:
    """True once the worker's group has committed every partition to its end; False if it died."""
    ends = end_offsets(settings)
    while time.monotonic() < deadline:
        if worker.proc.poll() is not None:
            return False
        done = committed(settings, settings.topic_articles)
        if all((done.get(p) or 0) >= end for p, end in ends.items()):
            return True
        time.sleep(2.0)
    return False


def counters(worker: WorkerProcess, name: str) -> dict[str, float]:
    """A labelled counter from the worker's /metrics, by its one label's value."""
    text = worker.get("/metrics").text
    values: dict[str, float] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name:
                label = next(iter(sample.labels.values()), "")
                values[label] = values.get(label, 0.0) + sample.value
    return values


def digest(raw: bytes | None) -> str:
    return hashlib.sha256(raw or b"").hexdigest()  # a tombstone is dead-lettered as b""


def test_hostile_messages_at_volume_are_dead_lettered_and_good_ones_tagged(
    kafka_bootstrap: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    started = time.monotonic()
    deadline = started + DEADLINE_S
    settings = isolated_settings(kafka_bootstrap, tmp_path / "state").model_copy(
        update={"max_message_bytes": LIMITS.max_bytes, "max_text_chars": LIMITS.max_text_chars}
    )
    monkeypatch.setenv("NEWSWATCH_MAX_MESSAGE_BYTES", str(LIMITS.max_bytes))
    monkeypatch.setenv("NEWSWATCH_MAX_TEXT_CHARS", str(LIMITS.max_text_chars))
    monkeypatch.setenv("NEWSWATCH_LOG_LEVEL", "WARNING")  # one line per rejection is plenty

    ensure_topics(settings, event_types(settings))
    sent = produce_all(settings, corpus())
    bad = {m.key: m for m in sent if m.sample.reason is not None}
    good = {m.good_id: m for m in sent if m.good_id is not None}
    assert (len(bad), len(good)) == (N_BAD, N_GOOD)
    produced_s = time.monotonic() - started

    with worker_process(settings, newswatch_worker(), tmp_path / "worker.log") as worker:
        sampler = RssSampler(worker.proc.pid, kill_above_bytes=2 * PEAK_RSS_LIMIT_MB * 2**20)
        sampler.start()
        try:
            consumed = wait_until_consumed(worker, settings, deadline)
        finally:
            peak_mb = sampler.stop() / 2**20
        processed_s = time.monotonic() - started - produced_s
        alive = worker.proc.poll() is None
        rejected_metric = counters(worker, "newswatch_articles_rejected_total") if alive else {}
        consumed_metric = counters(worker, "newswatch_articles_consumed_total") if alive else {}
        tagged = int(sum(consumed_metric.values()))
        log_lines = worker.log_text().splitlines()
    crashes = 0 if alive and worker.proc.returncode == 0 else 1

    dead: list[Record] = read_topic(settings, settings.topic_articles_dlq, N_BAD, timeout_s=30)
    alerts: list[Record] = read_topic(settings, settings.topic_alerts, N_GOOD, timeout_s=30)
    alerted = {
        (doc["article"]["id"], doc["event_type"])
        for doc in (json.loads(r.value or b"") for r in alerts)
    }
    tagged_good = sum((gid, m.event_type) in alerted for gid, m in good.items())
    dead_bad = len({r.key for r in dead if r.key in bad})
    with capsys.disabled():
        print(
            f"\nbad={N_BAD} dlq={dead_bad} good={N_GOOD} tagged={tagged_good} "
            f"crashes={crashes} peak_rss_mb={peak_mb:.0f} (dlq_records={len(dead)} "
            f"valid_tagged={tagged}/{N_WEIRD + N_GOOD} produce_s={produced_s:.0f} "
            f"process_s={processed_s:.0f})"
        )

    assert not sampler.killed, f"worker killed by the test: RSS above {2 * PEAK_RSS_LIMIT_MB} MiB"
    assert crashes == 0, f"alive={alive} exit={worker.proc.returncode}\n{worker.log_text()[-4000:]}"
    assert consumed, f"the worker did not get through {len(sent)} messages in {DEADLINE_S:.0f} s"
    assert peak_mb < PEAK_RSS_LIMIT_MB

    # Every bad message dead-lettered exactly once, with its reason and where it came from.
    by_key = Counter(r.key for r in dead)
    assert [k for k, n in by_key.items() if n > 1] == []
    assert [k for k in bad if k not in by_key] == [], "bad messages missing from the DLQ"
    valid_dead = [
        (
            r.headers.get(HEADER_REASON),
            r.headers.get(HEADER_ERROR, b"")[:120],
            (r.value or b"")[:80],
        )
        for r in dead
        if r.key not in bad
    ]
    assert valid_dead == [], (
        f"{len(valid_dead)} valid messages dead-lettered, e.g. {valid_dead[:3]}"
    )
    wrong: list[str] = []
    for record in dead:
        expected = bad[record.key or b""]
        headers = record.headers
        if (
            headers.get(HEADER_REASON, b"").decode() != expected.sample.reason
            or headers.get(HEADER_TOPIC, b"").decode() != settings.topic_articles
            or headers.get(HEADER_PARTITION, b"").decode() != str(expected.partition)
            or headers.get(HEADER_OFFSET, b"").decode() != str(expected.offset)
            or digest(record.value) != digest(expected.sample.raw)
        ):
            wrong.append(f"{expected.sample.category}: {headers}")
    assert wrong == [], f"{len(wrong)} dead letters wrong, e.g. {wrong[:3]}"

    reasons: Counter[RejectReason] = Counter(
        m.sample.reason for m in bad.values() if m.sample.reason
    )
    # Every reason has its series from the start (0 until it happens), so rate() panels read 0.
    assert rejected_metric == {r: float(reasons.get(r, 0)) for r in get_args(RejectReason)}

    # Hostile text quoted in errors (8000-character texts, 32 KiB messages) is cut before it
    # reaches a log line.
    assert max(map(len, log_lines)) < 6_000

    # Every valid message tagged; every good one gave its alert.
    assert tagged == N_WEIRD + N_GOOD
    missing = [gid for gid, m in good.items() if (gid, m.event_type) not in alerted]
    assert missing == [], f"{len(missing)} good articles without their alert, e.g. {missing[:5]}"


def test_a_bad_message_near_the_broker_limit_is_dead_lettered(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    """The dead letter is the original bytes plus headers: it must fit wherever the original did.

    Kafka's defaults accept a record batch of up to 1 MiB (``message.max.bytes``) while a
    producer refuses requests above 1,000,000 bytes (``max.request.size``); a bad message between
    the two, under the worker's own ``max_message_bytes``, must not become a poison pill.
    """
    settings = isolated_settings(kafka_bootstrap, tmp_path / "state")
    ensure_topics(settings, ["state_visit"])
    raw = b'{"id": "big", "text": 1, "pad": "' + b"x" * 1_040_000 + b'"}'  # schema error
    assert len(raw) < settings.max_message_bytes
    producer = make_producer(settings, max_request_size=2 * len(raw))
    try:
        meta = producer.send(settings.topic_articles, key=b"big", value=raw).get(timeout=30)
        producer.send(settings.topic_articles, key=b"big", value=b"{after").get(timeout=30)
    finally:
        producer.close()

    with worker_process(settings, fake_worker("fake"), tmp_path / "worker.log") as worker:
        dead = read_topic(settings, settings.topic_articles_dlq, 2, timeout_s=30)
        alive = worker.proc.poll() is None
        log_tail = worker.log_text()[-3000:]
    assert alive, log_tail
    by_offset = {r.headers.get(HEADER_OFFSET): r for r in dead if r.partition == meta.partition}
    assert by_offset[str(meta.offset).encode()].value == raw, log_tail
    assert by_offset[str(meta.offset + 1).encode()].headers[HEADER_REASON] == b"json"
