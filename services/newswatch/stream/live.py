"""Live reload of the engine's data files, without a restart.

The engine reads its watchlist from one path (``Settings.watchlist_path``) and re-reads it on
``Engine.reload()``. So the worker hands the engine a copy under its state directory and rewrites
that copy from the current source: the analyst's file, or a version pushed to the config topic
under the key ``watchlist`` (which wins until a null value withdraws it). The copy is byte for
byte, so a loader error's line number holds for the analyst's file too.

Changes are noticed by stat (mtime, size, inode) every ``reload_interval_s``: cheap when nothing
changed, and an editor's save-by-rename is seen.
"""

from __future__ import annotations

import asyncio
import logging
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from newswatch.datafiles import Stamp, file_stamp
from newswatch.kafka.config_topic import ConfigTopic
from newswatch.settings import Settings
from newswatch.stream.batch import Tagger
from newswatch.subscriptions import CONFIG_KIND, LiveSubscriptions

log = logging.getLogger(__name__)

WATCHLIST_KIND = "watchlist"


class FileWatch:
    """Tells whether any of a (possibly growing) set of files changed since the last look."""

    def __init__(self, paths: Callable[[], Iterable[Path]]) -> None:
        self._paths = paths
        self._stamps = self._look()

    def _look(self) -> dict[Path, Stamp]:
        return {path: file_stamp(path) for path in self._paths()}

    def changed(self) -> list[Path]:
        stamps = self._look()
        changed = sorted(
            path
            for path in stamps.keys() | self._stamps.keys()
            if stamps.get(path) != self._stamps.get(path)
        )
        self._stamps = stamps
        return changed


def _write_atomically(path: Path, data: bytes) -> None:
    """Readers see the old file or the new one; workers sharing a state dir never collide."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


class EngineData:
    """The engine's view of the analyst data: which watchlist, and whether it must reload."""

    def __init__(self, settings: Settings) -> None:
        self.source = settings.watchlist_path
        self.copy = settings.state_dir / "config" / "watchlist.yaml"
        # What the engine is built with: everything as configured except the watchlist copy.
        self.engine_settings = settings.model_copy(update={"watchlist_path": self.copy})
        self.pushed = False
        self._watch = FileWatch(
            lambda: [
                settings.watchlist_path,
                settings.taxonomy_path,
                *sorted(settings.patterns_dir.glob("*.yaml")),
            ]
        )
        self._copy_source()

    def _copy_source(self) -> None:
        _write_atomically(self.copy, self.source.read_bytes())

    def files_changed(self) -> list[Path]:
        """The data files edited since the last call; the watchlist copy is refreshed."""
        changed = self._watch.changed()
        if self.source in changed and not self.pushed and self.source.exists():
            self._copy_source()
        return changed

    def push(self, value: bytes | None) -> str:
        """Apply a config-topic record; returns where the watchlist now comes from."""
        if value is None:
            self.pushed = False
            self._copy_source()
            return str(self.source)
        _write_atomically(self.copy, value)
        self.pushed = True
        return f"config:{WATCHLIST_KIND}"


class Reloader:
    """One tick of live reload: config-topic records first, then the files, then the engine.

    The engine reloads under the lock the tagger holds while tagging, so a batch never sees half
    of the old data and half of the new. Subscriptions swap atomically on their own.
    """

    def __init__(
        self,
        settings: Settings,
        data: EngineData,
        subscriptions: LiveSubscriptions,
        lock: asyncio.Lock,
        on_engine_reloaded: Callable[[], None],
    ) -> None:
        self._settings = settings
        self._data = data
        self._subscriptions = subscriptions
        self._lock = lock
        self._on_engine_reloaded = on_engine_reloaded
        self._config: ConfigTopic | None = None

    def _poll_config(self) -> list[tuple[str, bytes | None]]:
        if self._config is None:
            self._config = ConfigTopic(self._settings)
        return self._config.poll()

    async def tick(self, engine: Tagger) -> None:
        loop = asyncio.get_running_loop()
        reasons: list[str] = []
        for kind, value in await loop.run_in_executor(None, self._poll_config):
            if kind == CONFIG_KIND:
                await loop.run_in_executor(
                    None, self._subscriptions.apply_config_message, kind, value
                )
            elif kind == WATCHLIST_KIND:
                reasons.append(await loop.run_in_executor(None, self._data.push, value))
            else:
                log.warning("config record of unknown kind ignored", extra={"kind": kind})
        reasons += map(str, await loop.run_in_executor(None, self._data.files_changed))
        await loop.run_in_executor(None, self._subscriptions.refresh)
        if reasons:
            await self._reload(engine, reasons)

    async def _reload(self, engine: Tagger, reasons: list[str]) -> None:
        async with self._lock:
            try:
                await asyncio.get_running_loop().run_in_executor(None, engine.reload)
            except Exception as exc:  # a data file error names its file and line
                # Engine.reload swaps nothing unless all of it built, and counted the failure.
                log.error(
                    "engine data rejected; previous data kept",
                    extra={"changed": reasons, "problem": str(exc)},
                )
                return
            self._on_engine_reloaded()
        log.info(
            "engine data reloaded",
            extra={"changed": reasons, "watchlist": "pushed" if self._data.pushed else "file"},
        )

    def close(self) -> None:
        if self._config is not None:
            self._config.close()
            self._config = None
