"""``python -m newswatch_dev.bench`` (``make bench``): broker, baseline, phases, table and JSON.

Order matters on a two-core machine: the in-process baseline runs first, while no worker is
alive; then each worker count gets a fresh group on a fresh backlog (and its latency run); the
relevance sweep uses the fastest worker count. A broker is started on a free port unless
``KAFKA_BOOTSTRAP_SERVERS`` names one, and stopped at the end.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newswatch.settings import Settings
from newswatch_dev.bench import corpus
from newswatch_dev.bench.baseline import BaselineResult, run_baseline
from newswatch_dev.bench.config import BenchConfig, parse
from newswatch_dev.bench.phases import Latency, Phases, Throughput
from newswatch_dev.bench.report import Measurements, document, table
from newswatch_dev.bench.workers import RssSampler, WorkerFailed
from newswatch_dev.broker import BrokerError, EmbeddedKafka, broker_answers

BATCH_SECONDS = 0.05


def main(argv: Sequence[str] | None = None) -> int:
    config = parse(argv)
    try:
        doc = run(config)
    except (WorkerFailed, BrokerError) as exc:
        print(f"benchmark failed: {exc}", file=sys.stderr)
        return 1
    config.out.write_text(json.dumps(doc, indent=2) + "\n", "utf-8")
    print(table(doc))
    print(f"\nJSON: {config.out}")
    return 1 if doc["failures"] else 0


def run(config: BenchConfig) -> dict[str, Any]:
    started_at = datetime.now(UTC)
    load_start = os.getloadavg()
    work_dir = Path(tempfile.mkdtemp(prefix="nw-bench-"))
    failures: list[str] = []
    try:
        with _broker(work_dir) as bootstrap, RssSampler() as rss:
            base = _worker_settings(bootstrap)
            baseline, scaling, latency, sweep = _measure(config, base, work_dir, rss, failures)
    except BaseException:
        _say(f"worker and broker logs kept in {work_dir}")
        raise
    if failures:
        _say(f"worker and broker logs kept in {work_dir}")
    else:
        shutil.rmtree(work_dir, ignore_errors=True)
    return document(
        Measurements(
            config=config,
            started_at=started_at,
            load_avg_start=load_start,
            load_avg_end=os.getloadavg(),
            baseline=baseline,
            scaling=scaling,
            latency=latency,
            sweep=sweep,
            peak_rss_bytes=rss.peak_bytes,
            batch_max=base.stream_batch_max,
            batch_seconds=base.stream_batch_seconds,
            failures=tuple(failures),
        )
    )


def _measure(
    config: BenchConfig, base: Settings, work_dir: Path, rss: RssSampler, failures: list[str]
) -> tuple[BaselineResult, dict[int, Throughput], dict[int, Latency], dict[float, Throughput]]:
    _say(f"baseline: full spaCy pipeline on {config.baseline_n} articles, one at a time")
    sample = corpus.generate(
        config.baseline_n, relevant_share=config.relevant_share, seed=config.seed
    )
    baseline = run_baseline(base, sample)
    _say(f"  {baseline.aps:.1f} articles/s")

    phases = Phases(config, base, work_dir, rss)
    scaling: dict[int, Throughput] = {}
    latency: dict[int, Latency] = {}
    for workers in config.workers:
        _say(f"{workers} worker(s): backlog of {config.n}, then {config.rate:g}/s for latency")
        scaling[workers], measured = phases.throughput(
            workers, config.relevant_share, config.n, with_latency=True
        )
        assert measured is not None
        latency[workers] = measured
        _say(f"  {scaling[workers].aps:.1f} articles/s, p99 {measured.percentile(99):.0f} ms")

    best = max(scaling, key=lambda k: scaling[k].aps)
    sweep: dict[float, Throughput] = {}
    for share in config.sweep_shares:
        if share == config.relevant_share and config.n >= config.sweep_n:
            sweep[share] = scaling[best]  # the headline run is that point, only longer
            continue
        _say(f"sweep: {share:.0%} relevant, {config.sweep_n} articles, {best} worker(s)")
        try:
            sweep[share], _ = phases.throughput(best, share, config.sweep_n)
        except WorkerFailed as exc:  # keep the figures measured so far; fail at the end
            _say(f"  FAILED: {exc}")
            failures.append(f"sweep at {share:g}: {exc}")
            continue
        _say(f"  {sweep[share].aps:.1f} articles/s")
    return baseline, scaling, latency, sweep


def _worker_settings(bootstrap: str) -> Settings:
    """The workers' settings: the environment's, with a 50 ms batch window unless it sets one.

    Measured at 50 art/s on one worker: p50/p99 146/480 ms with 0.05 s, 438/689 ms with the
    0.2 s default; a backlog fills batches at once either way, so throughput does not change.
    """
    update: dict[str, object] = {"kafka_bootstrap_servers": bootstrap}
    if "NEWSWATCH_STREAM_BATCH_SECONDS" not in os.environ:
        update["stream_batch_seconds"] = BATCH_SECONDS
    return Settings().model_copy(update=update)


@contextlib.contextmanager
def _broker(work_dir: Path) -> Iterator[str]:
    external = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    if external:
        if not broker_answers(external, timeout_s=10):
            raise BrokerError(f"KAFKA_BOOTSTRAP_SERVERS={external}, but no broker answers there")
        yield external
        return
    _say("starting an embedded Kafka broker")
    with EmbeddedKafka(data_dir=work_dir / "kafka") as broker:
        yield broker.bootstrap


_T0 = time.monotonic()


def _say(message: str) -> None:
    print(f"[bench {time.monotonic() - _T0:6.1f}s] {message}", file=sys.stderr, flush=True)
