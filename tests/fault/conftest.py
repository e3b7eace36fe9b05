"""Fault tests: real broker, real worker processes, killed and restarted on purpose.

Each scenario adds one line to the fault report, printed at the end of the run (whatever ``-s``
says) so CI output shows articles in, alerts out, duplicates and losses per scenario. After every
test no process it started may still live: the check below fails the test otherwise.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import psutil
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))  # worker_support

from support.fault_corpus import Passage, expected_alerts, passages
from support.fault_support import FAILOVER_ENV

ARTICLES = 200
_REPORT: list[str] = []
# Children of this test process that are ours: workers, notifiers, brokers started by a test.
_OURS = ("newswatch.cli", "worker_main.py", "main_notify", "kafka.Kafka")


@pytest.fixture
def fault_report() -> Callable[[str], None]:
    return _REPORT.append


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _REPORT:
        terminalreporter.section("newswatch fault report")
        for line in _REPORT:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def corpus() -> list[Passage]:
    return passages(ARTICLES)


@pytest.fixture(scope="session")
def expected(corpus: list[Passage], tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """article id -> alert id, from the engine offline, before any fault."""
    return expected_alerts(corpus, tmp_path_factory.mktemp("expected"))


@pytest.fixture(autouse=True)
def failover_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in FAILOVER_ENV.items():
        monkeypatch.setenv(name, value)


def _our_children() -> list[psutil.Process]:
    found = []
    for child in psutil.Process().children(recursive=True):
        try:
            if child.status() != psutil.STATUS_ZOMBIE and any(
                mark in part for part in child.cmdline() for mark in _OURS
            ):
                found.append(child)
        except psutil.NoSuchProcess:
            continue
    return found


@pytest.fixture(autouse=True)
def no_orphans() -> Iterator[None]:
    """Whatever a test starts, it stops: only processes alive before it may outlive it."""
    before = {p.pid for p in _our_children()}
    yield
    left = [p for p in _our_children() if p.pid not in before]
    for process in left:
        process.kill()
    assert not left, f"processes left running: {[' '.join(p.cmdline())[:120] for p in left]}"
