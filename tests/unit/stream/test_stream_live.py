"""Live reload bookkeeping: which files changed, and which watchlist the engine reads."""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from pathlib import Path

import pytest

from newswatch.settings import Settings
from newswatch.stream.live import EngineData, FileWatch, Reloader
from newswatch.subscriptions import LiveSubscriptions


def touch(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # coarse clocks


def test_file_watch_reports_edits_new_and_removed_files_once(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("a")
    watch = FileWatch(lambda: sorted(tmp_path.glob("*.yaml")))
    assert watch.changed() == []
    touch(tmp_path / "a.yaml", "a2")
    (tmp_path / "b.yaml").write_text("b")
    assert watch.changed() == [tmp_path / "a.yaml", tmp_path / "b.yaml"]
    assert watch.changed() == []
    (tmp_path / "b.yaml").unlink()
    assert watch.changed() == [tmp_path / "b.yaml"]


def data_for(tmp_path: Path) -> tuple[EngineData, Path]:
    source = tmp_path / "watchlist.yaml"
    source.write_text("version: 1\n", encoding="utf-8")
    settings = Settings(watchlist_path=source, state_dir=tmp_path / "state")
    return EngineData(settings), source


def test_the_engine_reads_a_copy_of_the_analyst_file_kept_current(tmp_path: Path) -> None:
    data, source = data_for(tmp_path)
    assert data.engine_settings.watchlist_path == data.copy
    assert data.copy.read_text() == "version: 1\n"
    touch(source, "version: 1\n# Zorblax\n")
    assert data.files_changed() == [source]
    assert data.copy.read_text() == "version: 1\n# Zorblax\n"


def test_a_pushed_watchlist_wins_until_withdrawn(tmp_path: Path) -> None:
    data, source = data_for(tmp_path)
    assert data.push(b"version: 1\n# pushed\n") == "config:watchlist"
    touch(source, "version: 1\n# edited meanwhile\n")
    assert data.files_changed() == [source]
    assert data.copy.read_text() == "version: 1\n# pushed\n"  # the push still wins
    assert data.push(None) == str(source)
    assert data.copy.read_text() == "version: 1\n# edited meanwhile\n"
    assert not data.pushed


def test_workers_sharing_a_state_dir_copy_the_watchlist_without_colliding(tmp_path: Path) -> None:
    source = tmp_path / "watchlist.yaml"
    source.write_text("version: 1\nentities: []\n")
    settings = Settings(watchlist_path=source, state_dir=tmp_path / "state")
    errors: list[BaseException] = []

    def start_worker() -> None:
        try:
            for _ in range(50):
                EngineData(settings)
        except BaseException as exc:  # collected: a thread's exception would be lost
            errors.append(exc)

    threads = [threading.Thread(target=start_worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert (tmp_path / "state" / "config" / "watchlist.yaml").read_text() == source.read_text()
    assert [p.name for p in (tmp_path / "state" / "config").iterdir()] == ["watchlist.yaml"]


class _FailingEngine:
    def reload(self) -> None:
        raise RuntimeError("de.yaml:285: matcher failed")


def test_any_failed_engine_reload_is_logged_and_reports_no_reload(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Not only a data-file ValueError: whatever fails, the engine kept its data, so the worker
    says so, with the problem's file and line, and does not announce a reload."""
    data, _ = data_for(tmp_path)
    reloaded: list[bool] = []
    reloader = Reloader(
        data.engine_settings,
        data,
        LiveSubscriptions(data.engine_settings.subscriptions_path),
        asyncio.Lock(),
        lambda: reloaded.append(True),
    )
    with caplog.at_level(logging.ERROR, logger="newswatch.stream.live"):
        asyncio.run(reloader._reload(_FailingEngine(), ["de.yaml"]))  # type: ignore[arg-type]
    assert reloaded == []
    [record] = [r for r in caplog.records if r.getMessage().startswith("engine data rejected")]
    assert record.problem == "de.yaml:285: matcher failed"  # type: ignore[attr-defined]
