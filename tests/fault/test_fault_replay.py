"""``newswatch replay`` on the real broker: refused while workers run; once they are stopped, the
group moves back to a moment and what came after is tagged again through the worker, with no
delivery repeated at the notifier's sink.

The stand-in engine (instant, deterministic alert ids) keeps this about the stream, not spaCy.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest
from worker_support import committed, fake_worker, isolated_settings, read_topic, worker_process

from newswatch.kafka import make_producer
from newswatch.replay import EXIT_GROUP_ACTIVE, main_replay
from newswatch.settings import Settings
from support.fault_support import group_lag, notifier_process, prepare_topics, wait_for

pytestmark = [pytest.mark.fault, pytest.mark.timeout(180)]

BATCH = 20


@pytest.fixture
def settings(kafka_bootstrap: str, tmp_path: Path) -> Settings:
    settings = isolated_settings(kafka_bootstrap, tmp_path / "state")
    prepare_topics(settings)
    return settings


def produce_batch(settings: Settings, prefix: str) -> dict[str, tuple[int, int]]:
    """``BATCH`` articles keyed over every partition; article id -> (partition, offset)."""
    producer = make_producer(settings)
    try:
        futures = {}
        for i in range(BATCH):
            article_id = f"{prefix}{i}"
            value = json.dumps({"id": article_id, "text": f"Xi Jinping {i}", "language": "fr"})
            futures[article_id] = producer.send(
                settings.topic_articles, key=article_id.encode(), value=value.encode()
            )
        sent = {k: f.get(timeout=30) for k, f in futures.items()}
        return {k: (m.partition, m.offset) for k, m in sent.items()}
    finally:
        producer.close()


def alert_counts(settings: Settings, expected: int) -> Counter[str]:
    records = read_topic(settings, settings.topic_alerts, expected, timeout_s=30)
    return Counter(json.loads(r.value or b"")["article"]["id"] for r in records)


def first_offsets(placed: dict[str, tuple[int, int]]) -> dict[int, int]:
    firsts: dict[int, int] = {}
    for partition, offset in placed.values():
        firsts[partition] = min(offset, firsts.get(partition, offset))
    return firsts


def test_replay_from_a_time_retags_what_came_after_without_duplicate_deliveries(
    settings: Settings,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    fault_report: Callable[[str], None],
) -> None:
    started = time.monotonic()

    def replay(argv: Sequence[str]) -> int:
        return main_replay(argv, settings)

    with notifier_process(settings, tmp_path / "notify") as notifier:
        with worker_process(settings, fake_worker("fake"), tmp_path / "w1.log") as worker:
            before = produce_batch(settings, "a")
            time.sleep(1.0)  # message timestamps are milliseconds: keep the moment between
            moment = datetime.now(UTC).isoformat()
            time.sleep(1.0)
            after = produce_batch(settings, "b")
            wait_for(lambda: len(set(notifier.delivered())) == 2 * BATCH, 60, "all delivered")
            wait_for(
                lambda: (
                    sum(p or 0 for p in committed(settings, settings.topic_articles).values())
                    == 2 * BATCH
                ),
                30,
                "the worker to commit everything",
            )
            positions = committed(settings, settings.topic_articles)

            assert replay(["--from", moment]) == EXIT_GROUP_ACTIVE
            assert "live member" in capsys.readouterr().err
            assert committed(settings, settings.topic_articles) == positions

            worker.proc.terminate()
            assert worker.proc.wait(timeout=60) == 0, worker.log_text()[-3000:]

        assert replay(["--from", moment, "--dry-run"]) == 0
        assert f"dry run: {BATCH} messages would be tagged again" in capsys.readouterr().out
        assert committed(settings, settings.topic_articles) == positions

        assert replay(["--from", moment]) == 0
        moved = committed(settings, settings.topic_articles)
        firsts = first_offsets(after)
        assert moved == {p: firsts.get(p, end) for p, end in positions.items()}

        with worker_process(settings, fake_worker("fake"), tmp_path / "w2.log") as again:
            counts = alert_counts(settings, 3 * BATCH)
            again.proc.terminate()
            assert again.proc.wait(timeout=60) == 0, again.log_text()[-3000:]
        wait_for(lambda: group_lag(settings, notifier.group, settings.topic_alerts) == 0, 30, "lag")
        notifier.drain_and_stop(30)

    assert sum(firsts.values()) < sum(
        p or 0 for p in positions.values()
    )  # the moment really split the batches
    expected = Counter({**dict.fromkeys(before, 1), **dict.fromkeys(after, 2)})
    assert counts == expected, f"missing {expected - counts}, extra {counts - expected}"
    delivered = Counter(notifier.delivered())
    assert len(delivered) == 2 * BATCH
    assert max(delivered.values()) == 1, "a replayed alert reached the sink twice"
    duplicates = sum(delivered.values()) - len(delivered)
    fault_report(
        f"scenario=replay-from-time articles_in={2 * BATCH} alerts_out={len(delivered)} "
        f"duplicates={duplicates} losses={2 * BATCH - len(delivered)} "
        f"seconds={time.monotonic() - started:.0f} topic_repeats={sum(counts.values()) - 2 * BATCH}"
    )
