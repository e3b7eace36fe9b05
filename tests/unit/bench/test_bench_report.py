"""The JSON document and the table: keys, derived figures, and target verdicts."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from newswatch_dev.bench.baseline import BaselineResult
from newswatch_dev.bench.config import BenchConfig
from newswatch_dev.bench.phases import Latency, Throughput
from newswatch_dev.bench.report import Measurements, document, table

REQUIRED = {
    "throughput_aps",
    "baseline_aps",
    "speedup",
    "latency_ms",
    "peak_rss_mb",
    "cold_start_s",
    "workers",
    "relevant_share",
    "sweep",
    "n_articles",
    "machine",
    "started_at",
}


def throughput(workers: int, aps: float, share: float = 0.1, cold: float = 9.0) -> Throughput:
    return Throughput(
        workers=workers,
        relevant_share=share,
        produced=6000,
        measured=int(aps * 10),
        seconds=10.0,
        committed_seconds=12.5,
        cold_start_s=(cold,) * workers,
        spent={"cpu": aps * 10 * 0.004 * workers, "engine": aps * 10 * 0.003},  # 4 ms/art/worker
    )


def latency(workers: int, delays: tuple[float, ...]) -> Latency:
    return Latency(workers, 50.0, 30.0, 0.5, 1500, delays)


def measurements(**overrides: object) -> Measurements:
    fields: dict[str, object] = {
        "config": BenchConfig(),
        "started_at": datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC),
        "load_avg_start": (1.5, 1.0, 0.5),
        "load_avg_end": (2.0, 1.5, 1.0),
        "baseline": BaselineResult(articles=300, seconds=12.0, cpu_seconds=10.0),  # 25 art/s
        "scaling": {1: throughput(1, 240.0), 2: throughput(2, 410.0, cold=13.0)},
        "latency": {1: latency(1, (100.0, 200.0, 300.0)), 2: latency(2, tuple(range(1, 101)))},
        "sweep": {0.01: throughput(2, 520.0, 0.01), 0.1: throughput(2, 410.0)},
        "peak_rss_bytes": {101: 700 * 2**20, 102: 650 * 2**20},
        "batch_max": 32,
        "batch_seconds": 0.2,
    }
    return Measurements(**{**fields, **overrides})  # type: ignore[arg-type]


def test_document_has_the_published_keys_and_is_json() -> None:
    doc = document(measurements())
    assert doc.keys() >= REQUIRED
    assert set(doc["latency_ms"]) == {"p50", "p95", "p99"}
    assert json.loads(json.dumps(doc)) == doc


def test_headline_is_the_fastest_worker_count_with_its_own_latency() -> None:
    doc = document(measurements())
    assert doc["workers"] == 2
    assert doc["throughput_aps"] == 410.0
    assert doc["speedup"] == pytest.approx(410.0 / 25.0, abs=0.01)
    assert doc["latency_ms"] == pytest.approx({"p50": 50.5, "p95": 95.05, "p99": 99.01}, abs=0.06)
    assert doc["scaling"]["1"]["aps"] == 240.0
    assert doc["scaling"]["2"]["committed_aps"] == pytest.approx(4100 / 12.5, abs=0.1)


def test_memory_and_cold_start_report_the_worst_worker() -> None:
    doc = document(measurements())
    assert doc["peak_rss_mb"] == 700.0
    assert doc["cold_start_s"] == 13.0


def test_sweep_is_keyed_by_share() -> None:
    assert document(measurements())["sweep"] == {"0.01": 520.0, "0.1": 410.0}


def test_targets_are_judged_each_way() -> None:
    doc = document(measurements())
    verdicts = {key: t["met"] for key, t in doc["targets"].items()}
    assert verdicts == {
        "throughput_aps": True,
        "speedup": True,
        "latency_p99_ms": True,
        "peak_rss_mb": True,
        "cold_start_s": True,
    }
    slow = document(
        measurements(
            scaling={1: throughput(1, 150.0, cold=20.0)},
            latency={1: latency(1, (400.0, 900.0))},
            peak_rss_bytes={1: 2 * 2**30},
        )
    )
    assert not any(t["met"] for t in slow["targets"].values())


def test_latency_without_a_sample_is_an_error_not_a_zero() -> None:
    with pytest.raises(ValueError, match="no latency sample"):
        document(measurements(latency={1: latency(1, ()), 2: latency(2, ())}))


def test_table_shows_the_figures_and_the_misses() -> None:
    text = table(document(measurements(peak_rss_bytes={1: 2 * 2**30})))
    assert "410.0" in text and "16.4" in text  # throughput, speedup
    assert "2048.0" in text and "MISSED" in text
    assert "1%" in text and "520.0" in text  # the sweep


def test_cpu_normalised_figures_compare_cpu_per_article() -> None:
    cpu = document(measurements())["cpu_normalised"]
    assert cpu["worker_cpu_ms_per_article"] == pytest.approx(8.0)  # 2 workers x 4 ms
    assert cpu["baseline_cpu_ms_per_article"] == pytest.approx(1000 * 10.0 / 300, abs=0.01)
    assert cpu["speedup"] == pytest.approx(33.33 / 8.0, abs=0.01)
    assert cpu["capacity_aps"] == pytest.approx(250.0)


def test_without_cpu_figures_there_is_no_cpu_comparison() -> None:
    bare = Throughput(2, 0.1, 6000, 4100, 10.0, 12.5, (9.0, 9.0))
    assert document(measurements(scaling={2: bare}))["cpu_normalised"] is None


def test_a_failed_phase_is_listed_and_shown() -> None:
    doc = document(measurements(failures=("sweep at 0.5: stalled",)))
    assert doc["failures"] == ["sweep at 0.5: stalled"]
    assert "FAILED: sweep at 0.5: stalled" in table(doc)
    assert document(measurements())["failures"] == []
