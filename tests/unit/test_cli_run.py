"""``newswatch run`` is a checkout's demo: without the development tools it says so, in one line."""

from __future__ import annotations

import sys

import pytest

from newswatch.cli import main


def test_run_without_the_development_tools_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("newswatch_dev", "newswatch_dev.local"):  # as in the wheel: not importable
        monkeypatch.setitem(sys.modules, name, None)
    assert main(["run"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newswatch run: run is the local demo of a checkout (make run)")
