"""The sources file: the outlets to follow, validated against ``schemas/sources.v1.json``.

Mistakes are reported as ``file:line: message`` (``newswatch.datafiles``, the loader shared by
every analyst-edited YAML file). ``LiveSources`` re-reads the file when it changes; a bad new
version is logged and counted and the previous list keeps being polled.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from newswatch.datafiles import DataFileError, fail, file_stamp, load
from newswatch.observability.metrics import CONFIG_RELOADS

log = logging.getLogger(__name__)

SCHEMA = "sources.v1"
CONFIG_KIND = "sources"
DEFAULT_INTERVAL_S = 300.0
_UNITS = {"s": 1.0, "m": 60.0, "h": 3600.0}
_DURATION = re.compile(r"^(\d+)([smh])$")


class SourcesError(DataFileError):
    """A sources file that cannot be used; the message reads ``file:line: problem``."""


@dataclass(frozen=True)
class Source:
    name: str
    url: str
    interval_s: float = DEFAULT_INTERVAL_S
    language: str | None = None
    outlet: str | None = None  # ``source`` in the file: the articles' outlet name
    headers: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    fetch_pages: bool = True
    allow_private_network: bool = False

    def shard(self, count: int) -> int:
        """Stable across processes and versions (never Python's salted ``hash``)."""
        digest = hashlib.sha256(self.name.encode("utf-8")).digest()
        return int.from_bytes(digest[:8], "big") % count


def interval_seconds(value: float | int | str | None) -> float:
    if value is None:
        return DEFAULT_INTERVAL_S
    if isinstance(value, int | float):
        return float(value)
    match = _DURATION.match(value)
    if match is None:  # the schema already refused it; keep the type checker honest
        raise ValueError(f"bad interval {value!r}")
    return int(match.group(1)) * _UNITS[match.group(2)]


def _source(raw: Mapping[str, Any]) -> Source:
    return Source(
        name=raw["name"],
        url=raw["url"],
        interval_s=interval_seconds(raw.get("interval")),
        language=raw.get("language"),
        outlet=raw.get("source"),
        headers=MappingProxyType(dict(raw.get("headers") or {})),
        fetch_pages=bool(raw.get("fetch_pages", True)),
        allow_private_network=bool(raw.get("allow_private_network", False)),
    )


def load_sources(path: Path) -> tuple[Source, ...]:
    try:
        document = load(path, SCHEMA)
    except DataFileError as exc:
        raise SourcesError(str(exc)) from None
    sources = tuple(_source(raw) for raw in document["sources"])
    names: set[str] = set()
    for index, source in enumerate(sources):
        if source.name in names:
            error = fail(path, ["sources", index, "name"], f"duplicate source name {source.name!r}")
            raise SourcesError(str(error))
        names.add(source.name)
    return sources


class LiveSources:
    """The current list; ``refresh`` swaps in a changed file when it is valid."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stamp = file_stamp(path)
        self.current = load_sources(path)

    def refresh(self) -> bool:
        stamp = file_stamp(self.path)
        if stamp == self._stamp:
            return False
        self._stamp = stamp
        try:
            candidate = load_sources(self.path)
        except SourcesError as exc:
            CONFIG_RELOADS.labels(kind=CONFIG_KIND, outcome="error").inc()
            log.error("sources file rejected; previous sources kept", extra={"error": str(exc)})
            return False
        self.current = candidate
        CONFIG_RELOADS.labels(kind=CONFIG_KIND, outcome="ok").inc()
        log.info("sources reloaded", extra={"path": str(self.path), "sources": len(candidate)})
        return True
