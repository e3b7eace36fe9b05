"""The broker stopped (SIGTERM) and restarted on the same port and data under load.

This test owns its broker (the session's is shared): articles are being produced and tagged when
it goes down; the feeder, the worker and the notifier must all ride through the outage, and the
accounting afterwards is the same as for a killed worker.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from worker_support import isolated_settings, newswatch_worker, worker_process

from newswatch.settings import Settings
from newswatch_dev.broker import EmbeddedKafka, broker_pids
from support.fault_corpus import Passage
from support.fault_support import (
    Feeder,
    account,
    alerts_published,
    notifier_process,
    prepare_topics,
    wait_for,
    wait_for_sink,
)

pytestmark = [pytest.mark.fault, pytest.mark.timeout(300)]

PER_SECOND = 20.0
STOP_AT = 0.3  # fraction of the corpus published as alerts when the broker goes down
DOWN_S = 5.0
FINISH_S = 120.0


@pytest.fixture
def broker(tmp_path: Path) -> Iterator[EmbeddedKafka]:
    kafka = EmbeddedKafka(data_dir=tmp_path / "kafka")
    try:
        kafka.start(timeout=120)
        yield kafka
    finally:
        kafka.stop()
        assert not broker_pids(kafka.data_dir), "the test's Kafka JVM outlived stop()"


def test_broker_restart_under_load_loses_nothing(
    broker: EmbeddedKafka,
    corpus: list[Passage],
    expected: dict[str, str],
    tmp_path: Path,
    fault_report: Callable[[str], None],
) -> None:
    settings: Settings = isolated_settings(broker.bootstrap, tmp_path / "state")
    prepare_topics(settings)
    started = time.monotonic()
    with (
        notifier_process(settings, tmp_path / "notify") as notifier,
        worker_process(settings, newswatch_worker(), tmp_path / "w.log") as worker,
    ):
        feeder = Feeder(settings, corpus, PER_SECOND, deadline_s=FINISH_S)
        feeder.start()
        wait_for(lambda: alerts_published(settings) >= STOP_AT * len(corpus), 60, "alerts to flow")
        assert feeder.is_alive(), "the corpus was all sent before the outage: not under load"
        broker.stop()
        time.sleep(DOWN_S)
        broker.start(timeout=120)
        feeder.finish(FINISH_S)
        wait_for_sink(settings, set(expected.values()), notifier, [worker], FINISH_S)
        assert worker.proc.poll() is None, "the worker died in the outage"
        assert notifier.proc.poll() is None, "the notifier died in the outage"
        worker.proc.terminate()
        assert worker.proc.wait(timeout=60) == 0, worker.log_text()[-3000:]
        notifier.drain_and_stop(30)
    outcome = account("broker-restart-under-load", settings, corpus, expected, notifier, started)
    outcome.notes["resent"] = feeder.resent
    fault_report(outcome.line())
