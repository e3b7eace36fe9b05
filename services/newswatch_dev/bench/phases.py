"""The measured phases: sustained throughput from a backlog, then latency at a paced load.

Throughput: the backlog is produced before the workers start, so the producer never competes
with them for the two cores; the clock starts when every worker of the group answers /readyz and
counts only the articles taken after that. Latency reuses the same, now idle, group.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from newswatch.kafka import make_admin
from newswatch.settings import Settings
from newswatch_dev.bench import corpus
from newswatch_dev.bench.config import BenchConfig
from newswatch_dev.bench.kafka_io import (
    AlertWatch,
    committed_total,
    create_topics,
    end_offset_total,
    fresh_settings,
    paced_produce,
    produce_all,
)
from newswatch_dev.bench.workers import PROGRESS, RssSampler, WorkerFailed, WorkerGroup

# Latency articles get ids of their own, far past any backlog index.
LATENCY_FIRST_INDEX = 10_000_000


@dataclass(frozen=True)
class Throughput:
    workers: int
    relevant_share: float
    produced: int
    measured: int  # articles taken after the whole group was ready
    seconds: float  # from ready to the last article tagged (worker metrics)
    committed_seconds: float  # from ready to the group's committed offsets at the end
    cold_start_s: tuple[float, ...]
    # Seconds spent over the measured window, summed over workers: ``cpu`` (process trees),
    # ``engine`` (Engine.tag_many) and ``stage:<name>`` (the engine's stages).
    spent: dict[str, float] = field(default_factory=dict)

    @property
    def aps(self) -> float:
        return self.measured / self.seconds

    @property
    def committed_aps(self) -> float:
        return self.measured / self.committed_seconds


@dataclass(frozen=True)
class Latency:
    workers: int
    offered_rate: float
    seconds: float
    relevant_share: float
    sent: int
    delays_ms: tuple[float, ...]  # produce -> first alert published, per alerted article

    def percentile(self, p: float) -> float:
        """Linear interpolation between closest ranks (numpy's default)."""
        values = sorted(self.delays_ms)
        if not values:
            raise ValueError("no alert came back: no latency sample")
        rank = (len(values) - 1) * p / 100
        low = int(rank)
        high = min(low + 1, len(values) - 1)
        return values[low] + (values[high] - values[low]) * (rank - low)


class Phases:
    def __init__(self, config: BenchConfig, base: Settings, work_dir: Path, rss: RssSampler):
        self.config = config
        self.base = base
        self.work_dir = work_dir
        self.rss = rss

    def throughput(
        self, workers: int, share: float, n: int, *, with_latency: bool = False
    ) -> tuple[Throughput, Latency | None]:
        settings = fresh_settings(self.base, self.work_dir)
        create_topics(settings)
        backlog = corpus.stream(n, relevant_share=share, seed=self.config.seed)
        produced = produce_all(settings, backlog)
        end = end_offset_total(settings, settings.topic_articles)
        with WorkerGroup(settings, workers, self.work_dir, self.rss) as group:
            started = time.monotonic()
            before = group.counters()
            taken_before = group.progress()
            if taken_before >= produced:
                raise WorkerFailed(
                    f"the backlog of {produced} was gone before all {workers} workers were "
                    "ready: raise BENCH_N"
                )
            done = group.wait_progress(produced, timeout_s=max(120.0, n / 5))
            after = group.counters()
            committed = _wait_committed(settings, end, timeout_s=60.0)
            result = Throughput(
                workers=workers,
                relevant_share=share,
                produced=produced,
                measured=produced - taken_before,
                seconds=done - started,
                committed_seconds=committed - started,
                cold_start_s=tuple(w.cold_start_s for w in group.workers),
                spent={
                    key: after[key] - before.get(key, 0.0) for key in after if key not in PROGRESS
                },
            )
            latency = self._latency(settings, group) if with_latency else None
        return result, latency

    def _latency(self, settings: Settings, group: WorkerGroup) -> Latency:
        config = self.config
        count = max(1, round(config.rate * config.seconds))
        articles = corpus.generate(
            count,
            relevant_share=config.latency_share,
            seed=config.seed,
            start=LATENCY_FIRST_INDEX,
        )
        taken_before = group.progress()
        watch = AlertWatch(settings).start()
        try:
            sent = paced_produce(settings, articles, config.rate)
            group.wait_progress(taken_before + len(sent), timeout_s=120.0)
        finally:
            watch.finish()
        delays = tuple(
            float(watch.first_alert_ms[article_id] - sent_ms)
            for article_id, sent_ms in sent.items()
            if article_id in watch.first_alert_ms
        )
        return Latency(
            workers=group.count,
            offered_rate=config.rate,
            seconds=config.seconds,
            relevant_share=config.latency_share,
            sent=len(sent),
            delays_ms=delays,
        )


def _wait_committed(settings: Settings, end: int, timeout_s: float) -> float:
    """When the group's committed offsets reach ``end``: the work is durably done."""
    deadline = time.monotonic() + timeout_s
    admin = make_admin(settings)
    try:
        while time.monotonic() < deadline:
            if committed_total(admin, settings.app_id, settings.topic_articles) >= end:
                return time.monotonic()
            time.sleep(0.2)
    finally:
        admin.close()
    raise WorkerFailed(f"committed offsets did not reach {end} within {timeout_s:.0f}s")
