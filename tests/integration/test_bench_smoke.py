"""``make bench`` at toy sizes against the suite's broker: it runs end to end, writes the JSON
the README promises with sane figures, and leaves no worker behind. No speed is asserted here:
speed is what the full benchmark reports, on a quiet machine."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

pytestmark = pytest.mark.integration

KEYS = {
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


def leftovers(marker: str) -> list[int]:
    """Processes that still carry this run's environment: the bench's own workers."""
    found = []
    for proc in psutil.process_iter():
        try:
            if proc.environ().get("BENCH_OUT") == marker:
                found.append(proc.pid)
        except psutil.Error:
            continue
    return found


def test_smoke_benchmark_writes_sane_figures(kafka_bootstrap: str, tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    env = {
        **os.environ,
        "BENCH_SMOKE": "1",
        "BENCH_OUT": str(out),
        "KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap,
    }
    done = subprocess.run(
        [sys.executable, "-m", "newswatch_dev.bench"],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    doc = json.loads(out.read_text("utf-8"))

    assert doc.keys() >= KEYS
    assert doc["workers"] == 1 and doc["n_articles"] == 150 and doc["relevant_share"] == 0.1
    assert doc["throughput_aps"] > 0 and doc["baseline_aps"] > 0
    assert doc["speedup"] == pytest.approx(doc["throughput_aps"] / doc["baseline_aps"], rel=0.01)
    latency = doc["latency_ms"]
    assert 0 < latency["p50"] <= latency["p95"] <= latency["p99"] < 60_000
    assert doc["latency"]["1"]["samples"] > 0
    assert 100 < doc["peak_rss_mb"] < 4096  # spaCy models are loaded: never a few MiB
    assert 0 < doc["cold_start_s"] < 180
    assert doc["machine"]["cpu_count"] == os.cpu_count()
    assert doc["scaling"]["1"]["measured"] > 0
    assert set(doc["targets"]) == {
        "throughput_aps",
        "speedup",
        "latency_p99_ms",
        "peak_rss_mb",
        "cold_start_s",
    }
    assert "throughput" in done.stdout and str(doc["throughput_aps"]) in done.stdout
    assert leftovers(str(out)) == []
