"""The real ``newswatch worker`` on a real broker: the seed's alerts, the DLQ and the endpoints.

One worker (real engine, spaCy models) serves the module; each test reads its own topics back.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator

import psutil
import pytest
from worker_support import (
    REPO,
    Record,
    WorkerProcess,
    isolated_settings,
    newswatch_worker,
    produce,
    read_topic,
    worker_process,
)

from newswatch.contracts import schema_errors
from newswatch.ingest.producer import article_message
from newswatch.ingest.readers import read_path
from newswatch.ingest.records import Parsed
from newswatch.settings import Settings

pytestmark = pytest.mark.integration

SEED = REPO / "seeds" / "000_23de67fa4f7c9070.txt"
SEED_ALERTS = 4  # state visit, phone call, video call (a phone_call), sanctions (condemn)
MALFORMED = [
    (b"{not json", "json"),
    ("Pékin".encode("latin-1") + b'{"id": "x"}', "encoding"),
    (json.dumps({"id": "no-text"}).encode(), "schema"),
]


def seed_message(settings: Settings) -> bytes:
    (result,) = read_path(SEED, settings)
    assert isinstance(result, Parsed)
    message = article_message(result.article, settings)
    assert isinstance(message, bytes)
    return message


@pytest.fixture(scope="module")
def settings(kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return isolated_settings(kafka_bootstrap, tmp_path_factory.mktemp("state"))


@pytest.fixture(scope="module")
def worker(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorkerProcess]:
    log_path = tmp_path_factory.mktemp("worker") / "worker.log"
    with worker_process(settings, newswatch_worker(), log_path) as running:
        # Malformed messages around the seed: they must not stop it being tagged.
        produce(
            settings,
            [MALFORMED[0][0], MALFORMED[1][0], seed_message(settings), MALFORMED[2][0], None],
        )
        yield running
        assert running.proc.poll() is None, running.log_text()[-4000:]


@pytest.fixture(scope="module")
def alerts(worker: WorkerProcess, settings: Settings) -> list[Record]:
    return read_topic(settings, settings.topic_alerts, SEED_ALERTS)


STORY_FIELDS = ("story_id", "update", "story_articles", "story_sources", "sources")


def without_detected_at(value: bytes | str) -> dict[str, object]:
    """The alert as the engine made it: no detection time, no story fields (the stream's)."""
    document = json.loads(value)
    for name in ("detected_at", *STORY_FIELDS):
        document.pop(name)
    return document  # type: ignore[no-any-return]


def test_seed_gives_its_alerts_valid_against_the_schema(alerts: list[Record]) -> None:
    documents = [json.loads(r.value or b"") for r in alerts]
    assert all(schema_errors("alert.v1", d) == [] for d in documents)
    summary = sorted(
        (d["event_type"], d["attributes"].get("medium") or d["attributes"].get("action", ""))
        for d in documents
    )
    assert [t for t, _ in summary] == ["phone_call", "phone_call", "sanctions", "state_visit"]
    assert ("sanctions", "condemn") in summary
    assert {d["article"]["id"] for d in documents} == {"000_23de67fa4f7c9070"}
    assert len({d["alert_id"] for d in documents}) == SEED_ALERTS


def test_each_alert_is_also_on_its_type_topic(alerts: list[Record], settings: Settings) -> None:
    by_type: dict[str, list[bytes]] = {}
    for record in alerts:
        by_type.setdefault(json.loads(record.value or b"")["event_type"], []).append(
            record.value or b""
        )
    for event_type, values in by_type.items():
        typed = read_topic(settings, settings.type_topic(event_type), len(values), timeout_s=20)
        assert sorted(r.value or b"" for r in typed) == sorted(values)
        assert all(r.headers["x-alert-id"] for r in typed)


def test_malformed_messages_land_in_the_dlq_with_reason_and_origin(
    alerts: list[Record], settings: Settings
) -> None:
    letters = read_topic(settings, settings.topic_articles_dlq, len(MALFORMED) + 1, timeout_s=30)
    got = sorted(
        (r.headers["x-original-offset"], r.headers["x-error-reason"], r.value) for r in letters
    )
    expected_offsets = [b"0", b"1", b"3", b"4"]
    assert got == sorted(
        zip(
            expected_offsets,
            [b"json", b"encoding", b"schema", b"json"],
            [MALFORMED[0][0], MALFORMED[1][0], MALFORMED[2][0], b""],
            strict=True,
        )
    )
    for letter in letters:
        assert letter.headers["x-original-topic"] == settings.topic_articles.encode()
        assert letter.headers["x-original-partition"] == b"0"
        assert letter.headers["x-error"]


def test_offline_tag_gives_the_same_alerts_as_the_worker(alerts: list[Record]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "newswatch.cli", "tag", str(SEED)],
        capture_output=True,
        cwd=REPO,
        timeout=120,
        check=True,
    )
    offline = sorted(
        json.dumps(without_detected_at(line), sort_keys=True) for line in done.stdout.splitlines()
    )
    streamed = sorted(
        json.dumps(without_detected_at(r.value or b""), sort_keys=True) for r in alerts
    )
    assert offline == streamed


def test_endpoints_answer_with_the_seed_counted(
    alerts: list[Record], worker: WorkerProcess
) -> None:
    assert worker.get("/healthz").status_code == 200
    ready = worker.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["ready"] is True and ready.json()["missing"] == []
    metrics = worker.get("/metrics")
    assert metrics.headers["content-type"].startswith("text/plain; version=0.0.4")
    samples = dict(
        line.rsplit(" ", 1) for line in metrics.text.splitlines() if line and line[0] != "#"
    )
    assert float(samples['newswatch_articles_consumed_total{language="fr"}']) >= 1
    assert float(samples['newswatch_articles_rejected_total{reason="json"}']) >= 2
    assert (
        float(samples['newswatch_alerts_emitted_total{event_type="phone_call",update="new"}']) >= 2
    )
    assert float(samples["newswatch_ready"]) == 1
    # Closed label sets are there at 0 before their first event: rate() reads 0, not "no data".
    assert float(samples['newswatch_articles_rejected_total{reason="oversize"}']) == 0
    assert float(samples['newswatch_articles_consumed_total{language="other"}']) == 0
    assert float(samples["newswatch_tagging_seconds_count"]) >= 1
    # The Kafka sensor, in our names (Faust's own sensor broke Prometheus conventions).
    assert not any(name.startswith("newswatch_faust_") for name in samples)
    received = (
        f'newswatch_kafka_messages_received_total{{topic="{worker.settings.topic_articles}"}}'
    )
    assert float(samples[received]) >= len(MALFORMED) + 2  # around the seed, and a null
    assert float(samples["newswatch_kafka_commit_seconds_count"]) >= 1
    assert any(name.startswith("newswatch_kafka_partition_end_offset{") for name in samples)


def test_web_server_listens_where_configured_and_serves_nothing_else(
    alerts: list[Record], worker: WorkerProcess
) -> None:
    """Loopback by default (Faust would bind 0.0.0.0); story state is not readable over HTTP."""
    listening = {
        conn.laddr
        for conn in psutil.Process(worker.proc.pid).net_connections(kind="tcp")
        if conn.status == psutil.CONN_LISTEN and conn.laddr.port == worker.settings.web_port
    }
    assert [addr.ip for addr in listening] == ["127.0.0.1"]
    story = json.loads(alerts[0].value or b"")["story_id"]
    for path in (f"/table/stories/{story}/", "/table/", "/router/", "/graph/", "/"):
        assert worker.get(path).status_code == 404, path
