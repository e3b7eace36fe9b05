"""Helpers of ``newswatch run``: which broker it may start, and stopping children for sure."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newswatch.stream.local import local_port, stop_process


def test_only_a_local_broker_is_started() -> None:
    assert local_port("127.0.0.1:9092") == 9092
    assert local_port("localhost:19092,localhost:19093") == 19092
    with pytest.raises(SystemExit, match="only a local broker"):
        local_port("kafka.internal:9092")


def test_a_child_that_ignores_sigterm_is_killed() -> None:
    stubborn = (
        "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN);"
        "print(1, flush=True); time.sleep(60)"
    )
    proc = subprocess.Popen([sys.executable, "-c", stubborn], stdout=subprocess.PIPE)
    assert proc.stdout is not None and proc.stdout.readline() == b"1\n"
    stop_process(proc, timeout_s=0.5)
    assert proc.returncode is not None and proc.returncode < 0
