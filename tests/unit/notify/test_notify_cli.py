from __future__ import annotations

from pathlib import Path

import pytest

from newswatch.notify import main_notify


def test_a_broken_subscriptions_file_stops_start_up_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "subs.yaml"
    bad.write_text("version: 1\nrules:\n  - name: Not_Valid\n", encoding="utf-8")
    code = main_notify(["--subscriptions", str(bad), "--state-dir", str(tmp_path / "state")])
    assert code == 2
    assert f"{bad}:3:" in capsys.readouterr().err


def test_reading_the_alerts_dlq_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main_notify(["--topics", "news.alerts", "news.alerts.dlq"]) == 2
    assert "news.alerts.dlq" in capsys.readouterr().err
