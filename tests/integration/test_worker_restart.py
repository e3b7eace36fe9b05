"""A worker that starts with a backlog waiting for it tags all of it, then commits exactly it.

The backlog is what piled up while no worker ran: the worker's first fetch races Faust's startup
(table recovery, the seek to the committed offsets, the agent waiting for its engine), which is
where the backlog was once fetched before the seek to the committed offsets (see
``newswatch.stream.recovery``): then tagged twice, or its head skipped and committed past. One
start rarely shows it, so the test restarts the worker several times on the same topics: the
first start with no committed offsets, the later ones with offsets committed and tables to recover.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

import pytest
from worker_support import (
    committed,
    end_offsets,
    fake_worker,
    isolated_settings,
    read_topic,
    worker_process,
)

from newswatch.kafka import ensure_topics, make_producer
from newswatch.settings import Settings

pytestmark = [pytest.mark.integration, pytest.mark.timeout(600)]

STARTS = 5
BACKLOG = 24  # per start, keyed by article id, so over every partition


@pytest.fixture
def settings(kafka_bootstrap: str, tmp_path: Path) -> Settings:
    settings = isolated_settings(kafka_bootstrap, tmp_path / "state")
    ensure_topics(settings, ["state_visit"])
    return settings


def produce_backlog(settings: Settings, prefix: str) -> set[str]:
    producer = make_producer(settings)
    try:
        ids = [f"{prefix}-{i}" for i in range(BACKLOG)]
        for article_id in ids:
            value = {"id": article_id, "text": f"Xi Jinping {article_id}", "language": "fr"}
            producer.send(
                settings.topic_articles, key=article_id.encode(), value=json.dumps(value).encode()
            )
        producer.flush(timeout=30)
        return set(ids)
    finally:
        producer.close()


def alerted(settings: Settings, expected: int) -> Counter[str]:
    records = read_topic(settings, settings.topic_alerts, expected, timeout_s=30)
    return Counter(json.loads(r.value or b"")["article"]["id"] for r in records)


def wait_for_commit(settings: Settings, target: dict[int, int], timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while committed(settings, settings.topic_articles) != target:
        if time.monotonic() > deadline:
            return  # the assertion after the stop says what is missing
        time.sleep(0.5)


def test_every_start_tags_its_whole_backlog_and_commits_exactly_the_end(
    settings: Settings, tmp_path: Path
) -> None:
    produced: set[str] = set()
    for start in range(STARTS):
        backlog = produce_backlog(settings, f"s{start}")
        produced |= backlog
        with worker_process(settings, fake_worker("fake"), tmp_path / f"w{start}.log") as worker:
            tagged = alerted(settings, len(produced))
            ends = end_offsets(settings)
            wait_for_commit(settings, ends, timeout_s=20)
            worker.proc.terminate()
            assert worker.proc.wait(timeout=60) == 0, worker.log_text()[-3000:]

        missing = sorted(backlog - set(tagged))
        assert not missing, f"start {start}: backlog never tagged: {missing}"
        assert set(tagged) == produced
        # Every stop was clean (status 0, all committed): nothing may have been fetched twice.
        twice = sorted(k for k, n in tagged.items() if n > 1)
        assert not twice, f"start {start}: tagged twice: {twice}"
        assert committed(settings, settings.topic_articles) == ends, f"start {start}"
