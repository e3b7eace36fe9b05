"""``make run KAFKA_PORT=...`` reaches ``newswatch run`` as its broker address."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def _run_line(*make_args: str, env: dict[str, str] | None = None) -> str:
    base = {k: v for k, v in os.environ.items() if k != "KAFKA_BOOTSTRAP_SERVERS"}
    done = subprocess.run(
        ["make", "-n", "--no-print-directory", "run", *make_args],
        cwd=REPO,
        env={**base, **(env or {})},
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    (line,) = [ln for ln in done.stdout.splitlines() if "newswatch run" in ln]
    return line


def test_make_run_passes_the_kafka_port_and_otherwise_the_environment() -> None:
    assert _run_line("KAFKA_PORT=9192").startswith("KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9192 ")
    assert _run_line().startswith("KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 ")
    from_env = _run_line(env={"KAFKA_BOOTSTRAP_SERVERS": "kafka:9092"})
    assert from_env.startswith("KAFKA_BOOTSTRAP_SERVERS=kafka:9092 ")
