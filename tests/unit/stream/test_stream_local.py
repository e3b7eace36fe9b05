"""Helpers of ``newswatch run``: which broker it may start, and stopping children for sure."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newswatch.exits import UNAVAILABLE, CommandError
from newswatch.settings import Settings
from newswatch_dev.local import NOTIFY_METRICS_PORT, local_port, notifier_args, stop_process


def test_only_a_local_broker_is_started() -> None:
    assert local_port("127.0.0.1:9092") == 9092
    assert local_port("localhost:19092,localhost:19093") == 19092
    with pytest.raises(CommandError, match="only a local broker") as refused:
        local_port("kafka.internal:9092")
    assert refused.value.code == UNAVAILABLE


def test_a_child_that_ignores_sigterm_is_killed() -> None:
    stubborn = (
        "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN);"
        "print(1, flush=True); time.sleep(60)"
    )
    with subprocess.Popen([sys.executable, "-c", stubborn], stdout=subprocess.PIPE) as proc:
        assert proc.stdout is not None and proc.stdout.readline() == b"1\n"
        stop_process(proc, timeout_s=0.5)
        assert proc.returncode is not None and proc.returncode < 0


def test_the_notifier_port_setting_is_honoured_and_the_demo_has_a_default() -> None:
    args, where = notifier_args(Settings())
    assert args == ["notify", "--metrics-port", str(NOTIFY_METRICS_PORT)]
    assert where == f"metrics on http://127.0.0.1:{NOTIFY_METRICS_PORT}/metrics"
    args, where = notifier_args(Settings(notify_metrics_port=7123))
    assert args == ["notify"]  # the notifier reads NEWSWATCH_NOTIFY_METRICS_PORT from run's env
    assert where == "metrics on http://127.0.0.1:7123/metrics"
    assert notifier_args(Settings(notify_metrics_port=0))[1] == "no metrics"
