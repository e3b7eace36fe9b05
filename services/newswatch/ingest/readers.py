"""Pick a reader by file extension; directories are walked in name order."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from newswatch.ingest.feeds import read_feed
from newswatch.ingest.html import read_html
from newswatch.ingest.jsonl import read_jsonl
from newswatch.ingest.records import (
    NO_DEFAULTS,
    ArticleDefaults,
    Parsed,
    ReadResult,
    Unparsable,
    Unreadable,
)
from newswatch.ingest.text import looks_binary, read_text
from newswatch.settings import Settings

Reader = Callable[[Path, Settings], Iterator[ReadResult]]


def _text(path: Path, settings: Settings) -> Iterator[ReadResult]:
    return read_text(path.read_bytes(), str(path), stem=path.stem)


def _jsonl(path: Path, settings: Settings) -> Iterator[ReadResult]:
    with path.open("rb") as lines:
        yield from read_jsonl(
            lines,
            str(path),
            max_bytes=settings.max_message_bytes,
            max_text_chars=settings.max_text_chars,
        )


def _html(path: Path, settings: Settings) -> Iterator[ReadResult]:
    return read_html(path.read_bytes(), str(path), stem=path.stem)


def _feed(path: Path, settings: Settings) -> Iterator[ReadResult]:
    return read_feed(path.read_bytes(), str(path))


READERS: dict[str, Reader] = {
    ".txt": _text,
    ".text": _text,
    ".jsonl": _jsonl,
    ".ndjson": _jsonl,
    ".html": _html,
    ".htm": _html,
    ".xml": _feed,
    ".rss": _feed,
    ".atom": _feed,
}


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files to read: given files as they are, directories as their supported files, sorted."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READERS)
            )
        else:
            files.append(path)
    return files


def _with_defaults(
    results: Iterator[ReadResult], defaults: ArticleDefaults
) -> Iterator[ReadResult]:
    for result in results:
        if isinstance(result, Parsed):
            yield Parsed(defaults.apply(result.article), result.origin)
        else:
            yield result


def read_path(
    path: Path,
    settings: Settings,
    defaults: ArticleDefaults = NO_DEFAULTS,
    *,
    as_suffix: str | None = None,
) -> Iterator[ReadResult]:
    """Read one file with the reader for its extension, or for ``as_suffix`` when given.

    A path that cannot be read (missing, no permission, a binary or unsupported file) yields one
    ``Unreadable`` saying why, never an exception: the other paths still get read.
    """
    reader = READERS.get(as_suffix or path.suffix.lower())
    try:
        if reader is None:
            yield Unreadable(str(path), _unsupported(path))
            return
        yield from _with_defaults(reader(path, settings), defaults)
    except OSError as exc:
        yield Unreadable(str(path), exc.strerror or str(exc))


def _unsupported(path: Path) -> str:
    with path.open("rb") as file:  # missing or unreadable: the caller reports the OSError
        head = file.read(8192)
    if looks_binary(head):
        return "a binary file, not an article"
    supported = ", ".join(sorted(READERS))
    return f"unsupported file type {path.suffix or '(none)'!r} (supported: {supported})"


def read_paths(
    paths: Iterable[Path],
    settings: Settings,
    defaults: ArticleDefaults = NO_DEFAULTS,
    *,
    as_suffix: str | None = None,
) -> Iterator[ReadResult]:
    for path in expand(paths):
        yield from read_path(path, settings, defaults, as_suffix=as_suffix)


def read_stdin(
    settings: Settings, *, jsonl: bool, defaults: ArticleDefaults = NO_DEFAULTS
) -> Iterator[ReadResult]:
    """``-`` on the command line: JSON Lines with ``--jsonl``, else one text article."""
    if jsonl:
        results = read_jsonl(
            sys.stdin.buffer,
            "<stdin>",
            max_bytes=settings.max_message_bytes,
            max_text_chars=settings.max_text_chars,
        )
    else:
        results = read_text(sys.stdin.buffer.read(), "<stdin>")
    return _with_defaults(results, defaults)


__all__ = ["READERS", "Unparsable", "Unreadable", "expand", "read_path", "read_paths", "read_stdin"]
