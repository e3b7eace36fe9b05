"""A worker process with a stand-in engine, for tests of the stream's own behaviour.

``python worker_main.py fake|slow|slow-load|bad-topic``: the real ``create_app`` and Faust
worker, with an engine that is instant, slow to tag (to stop mid-batch), slow to load, or emits
an alert whose topic cannot exist (to make the agent fail). The real engine is tested through
``newswatch worker`` itself.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "stream"))

from stream_fakes import FakeEngine

from newswatch.contracts import Alert, Article
from newswatch.settings import get_settings
from newswatch.stream.batch import Tagger
from newswatch.stream.worker import run_worker


class SlowEngine(FakeEngine):
    """Takes ``seconds`` per batch: long enough to send SIGTERM while it works."""

    seconds = 4.0

    def tag_many(
        self, articles: Sequence[Article], *, now: datetime | None = None
    ) -> list[list[Alert]]:
        print(f"batch of {len(articles)} started", file=sys.stderr, flush=True)
        time.sleep(self.seconds)
        return super().tag_many(articles, now=now)


class SlowLoadingEngine(FakeEngine):
    """Loads for a few seconds, like spaCy models do: readiness must wait for it."""

    def __init__(self) -> None:
        super().__init__()
        time.sleep(6.0)


class BadTopicEngine(FakeEngine):
    """Alerts of a type whose topic name Kafka refuses: publishing fails, the agent dies."""

    def tag(self, article: Article, *, now: datetime | None = None) -> list[Alert]:
        return [a.model_copy(update={"event_type": "no such!"}) for a in super().tag(article)]


ENGINES: dict[str, type[Tagger]] = {
    "fake": FakeEngine,
    "slow": SlowEngine,
    "slow-load": SlowLoadingEngine,
    "bad-topic": BadTopicEngine,
}

if __name__ == "__main__":
    engine = ENGINES[sys.argv[1]]
    sys.exit(run_worker(get_settings(), engine_factory=lambda settings: engine()))
