"""Worker lifecycle on a real broker, with a stand-in engine: readiness, drain, crash.

The engine is replaced (``worker_main.py``) because these tests are about the stream: when it is
ready, that SIGTERM finishes the batch in flight, and that a failing agent kills the process
without committing. Kafka is real throughout.
"""

from __future__ import annotations

import json
import signal
import time
from pathlib import Path

import httpx
import pytest
from worker_support import (
    committed,
    fake_worker,
    isolated_settings,
    produce,
    read_topic,
    worker_process,
)

from newswatch.kafka import ensure_topics
from newswatch.settings import Settings
from newswatch.stream.guard import EXIT_AGENT_FAILED

pytestmark = pytest.mark.integration


@pytest.fixture
def settings(kafka_bootstrap: str, tmp_path: Path) -> Settings:
    settings = isolated_settings(kafka_bootstrap, tmp_path / "state")
    ensure_topics(settings, ["state_visit"])
    return settings


def articles(count: int, prefix: str = "a") -> list[bytes]:
    return [
        json.dumps({"id": f"{prefix}{i}", "text": f"Xi Jinping {i}", "language": "fr"}).encode()
        for i in range(count)
    ]


def wait_for(predicate: object, timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def test_readyz_is_503_until_the_engine_has_loaded(settings: Settings, tmp_path: Path) -> None:
    with worker_process(settings, fake_worker("slow-load"), tmp_path / "w.log", wait=False) as w:

        def answers() -> bool:
            try:
                return w.get("/healthz").status_code == 200
            except httpx.HTTPError:
                return False

        wait_for(answers, 60, "/healthz")
        early = w.get("/readyz")
        assert early.status_code == 503
        assert "models not loaded" in early.json()["missing"]
        assert w.get("/metrics").text.count("\nnewswatch_ready 0.0") == 1

        wait_for(lambda: w.get("/readyz").status_code == 200, 60, "/readyz to turn ready")
        assert w.get("/readyz").json()["models_loaded"] is True


def test_sigterm_finishes_the_batch_in_flight_and_commits_it(
    settings: Settings, tmp_path: Path
) -> None:
    with worker_process(settings, fake_worker("slow"), tmp_path / "w.log") as w:
        produce(settings, articles(5))
        wait_for(lambda: "batch of" in w.log_text(), 30, "a batch to start")
        w.proc.send_signal(signal.SIGTERM)
        assert w.proc.wait(timeout=60) == 0, w.log_text()[-3000:]

    # The batch's output (its alerts, on their way to the story stage) is on the broker.
    sightings = read_topic(settings, settings.topic_sightings, 5, timeout_s=20)
    assert sorted(json.loads(s.value or b"")["alert"]["article"]["id"] for s in sightings) == [
        f"a{i}" for i in range(5)
    ]
    assert committed(settings, settings.topic_articles)[0] == 5


def test_a_failing_agent_exits_non_zero_and_commits_nothing(
    settings: Settings, tmp_path: Path
) -> None:
    with worker_process(settings, fake_worker("bad-topic"), tmp_path / "w.log") as w:
        produce(settings, articles(1))
        status = w.proc.wait(timeout=60)
        assert status == EXIT_AGENT_FAILED, w.log_text()[-3000:]
        assert "tagger agent failed" in w.log_text()

    assert committed(settings, settings.topic_articles)[0] is None
    # The message is still there for the next worker: nothing was lost.
    assert len(read_topic(settings, settings.topic_articles, 1, timeout_s=10)) == 1
