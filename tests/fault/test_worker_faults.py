"""Workers killed with SIGKILL mid-stream: nothing lost, nothing delivered twice.

The real ``newswatch worker`` (real engine) and ``newswatch notify`` run on the session's broker.
A SIGKILL gives the worker no chance to commit: what it had tagged since its last commit is
tagged again by whoever takes its partitions, so the same alerts reach ``news.alerts`` twice
(at-least-once) and the notifier's delivery record must keep them out of the sink.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from worker_support import isolated_settings, newswatch_worker, worker_process

from newswatch.settings import Settings
from newswatch_dev.broker import free_port
from support.fault_corpus import Passage
from support.fault_support import (
    Feeder,
    account,
    alerts_published,
    kill_hard,
    notifier_process,
    prepare_topics,
    wait_for,
    wait_for_sink,
)

pytestmark = [pytest.mark.fault, pytest.mark.timeout(240)]

PER_SECOND = 20.0
KILL_AT = 0.3  # fraction of the corpus published as alerts when the worker dies
FINISH_S = 90.0


@pytest.fixture
def settings(kafka_bootstrap: str, tmp_path: Path) -> Settings:
    settings = isolated_settings(kafka_bootstrap, tmp_path / "state")
    prepare_topics(settings)
    return settings


def test_a_worker_killed_mid_stream_and_restarted_loses_nothing(
    settings: Settings,
    corpus: list[Passage],
    expected: dict[str, str],
    tmp_path: Path,
    fault_report: Callable[[str], None],
) -> None:
    started = time.monotonic()
    with notifier_process(settings, tmp_path / "notify") as notifier:
        with worker_process(settings, newswatch_worker(), tmp_path / "w1.log") as first:
            feeder = Feeder(settings, corpus, PER_SECOND, deadline_s=FINISH_S)
            feeder.start()
            wait_for(
                lambda: alerts_published(settings) >= KILL_AT * len(corpus), 60, "alerts to flow"
            )
            assert feeder.is_alive(), "the corpus was all sent before the kill: not mid-stream"
            assert kill_hard(first.proc) == -9
        with worker_process(settings, newswatch_worker(), tmp_path / "w2.log") as second:
            feeder.finish(FINISH_S)
            wait_for_sink(settings, set(expected.values()), notifier, [second], FINISH_S)
            second.proc.terminate()
            assert second.proc.wait(timeout=60) == 0, second.log_text()[-3000:]
        notifier.drain_and_stop(30)
    outcome = account("worker-sigkill-restart", settings, corpus, expected, notifier, started)
    fault_report(outcome.line())


def test_two_workers_one_killed_the_survivor_takes_over(
    settings: Settings,
    corpus: list[Passage],
    expected: dict[str, str],
    tmp_path: Path,
    fault_report: Callable[[str], None],
) -> None:
    other = settings.model_copy(update={"web_port": free_port(), "state_dir": tmp_path / "s2"})
    started = time.monotonic()
    with (
        notifier_process(settings, tmp_path / "notify") as notifier,
        worker_process(settings, newswatch_worker(), tmp_path / "a.log") as victim,
        worker_process(other, newswatch_worker(), tmp_path / "b.log") as survivor,
    ):

        def both_assigned() -> bool:
            mine = victim.get("/readyz").json()["assigned_partitions"]
            theirs = survivor.get("/readyz").json()["assigned_partitions"]
            return bool(mine) and bool(theirs) and sorted(mine + theirs) == [0, 1, 2, 3]

        wait_for(both_assigned, 60, "the two workers to share the partitions")
        feeder = Feeder(settings, corpus, PER_SECOND, deadline_s=FINISH_S)
        feeder.start()
        wait_for(lambda: alerts_published(settings) >= KILL_AT * len(corpus), 60, "alerts to flow")
        assert feeder.is_alive(), "the corpus was all sent before the kill: not mid-stream"
        assert kill_hard(victim.proc) == -9
        wait_for(
            lambda: survivor.get("/readyz").json()["assigned_partitions"] == [0, 1, 2, 3],
            45,
            "the survivor to take every partition",
        )
        feeder.finish(FINISH_S)
        wait_for_sink(settings, set(expected.values()), notifier, [survivor], FINISH_S)
        survivor.proc.terminate()
        assert survivor.proc.wait(timeout=60) == 0, survivor.log_text()[-3000:]
        notifier.drain_and_stop(30)
    outcome = account("two-workers-one-sigkill", settings, corpus, expected, notifier, started)
    fault_report(outcome.line())
