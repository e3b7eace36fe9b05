"""Shared by the poller's tests against the local feed site: settings, files, a collector."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from newswatch.contracts import Article
from newswatch.ingest.poll.seen import SeenStore
from newswatch.ingest.poll.service import Poller, RoundReport
from newswatch.ingest.poll.sources import LiveSources
from newswatch.ingest.records import Unparsable
from newswatch.observability.metrics import POLLER_REGISTRY
from newswatch.settings import Settings


def poll_settings(base: Settings | None = None, **update: Any) -> Settings:
    """Tight timeouts and no politeness gap: the site is ours and every test bounds its time."""
    values: dict[str, Any] = {
        "poll_connect_timeout_s": 1.0,
        "poll_read_timeout_s": 0.5,
        "poll_fetch_timeout_s": 2.0,
        "poll_max_attempts": 2,
        "poll_backoff_base_s": 0.01,
        "poll_backoff_max_s": 0.05,
        "poll_host_interval_s": 0.0,
        "poll_host_concurrency": 8,
        "poll_max_feed_bytes": 2_000_000,
        "poll_max_page_bytes": 1_000_000,
        "poll_start_spread_s": 0.0,
        "reload_interval_s": 0.1,
    }
    return (base or Settings()).model_copy(update=values | update)


def write_sources(path: Path, sources: Iterable[dict[str, Any]]) -> Path:
    path.write_text(yaml.safe_dump({"sources": list(sources)}), encoding="utf-8")
    return path


class Collected:
    """A publisher that keeps what it is given (the broker's part is tested with Kafka)."""

    def __init__(self) -> None:
        self.articles: list[Article] = []
        self._lock = threading.Lock()

    def send_article(self, article: Article) -> Unparsable | None:
        with self._lock:
            self.articles.append(article)
        return None

    def flush(self) -> None:
        pass


def poll_round(
    settings: Settings, sources: Path, publisher: Collected, timeout_s: float = 30.0
) -> RoundReport:
    async def main() -> RoundReport:
        store = SeenStore(settings.poll_state_dir)
        poller = Poller(settings, LiveSources(sources), publisher, store)
        try:
            return await asyncio.wait_for(poller.poll_once(), timeout_s)
        finally:
            await poller.aclose()
            store.close()

    return asyncio.run(main())


def sample(name: str, **labels: str) -> float:
    return POLLER_REGISTRY.get_sample_value(name, labels) or 0.0
