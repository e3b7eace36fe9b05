"""What the poller already published, and each feed's validators, durable across restarts.

SQLite in the state directory (stdlib; a transaction is atomic and, with ``synchronous=FULL``,
survives power loss): the keys of one source's round are written in one transaction, after the
broker acknowledged its articles. A crash in between re-sends that round (at least once, same
ids), never loses it. Keys are article ids (from canonical URLs, or a feed guid), so one article
listed by two sources of a poller is published once.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

FILE_NAME = "seen.sqlite3"


@dataclass(frozen=True)
class Validators:
    """A feed's ``ETag`` and ``Last-Modified``, replayed as a conditional GET."""

    etag: str | None = None
    last_modified: str | None = None


class SeenStore:
    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / FILE_NAME
        # One connection, used from the event loop and from worker threads: one at a time.
        self._lock = threading.RLock()
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute("PRAGMA busy_timeout=10000")
        self._db.executescript(
            "CREATE TABLE IF NOT EXISTS seen ("
            " key TEXT PRIMARY KEY, source TEXT NOT NULL, seen_at REAL NOT NULL) WITHOUT ROWID;"
            "CREATE TABLE IF NOT EXISTS feeds ("
            " source TEXT PRIMARY KEY, url TEXT NOT NULL, etag TEXT, last_modified TEXT,"
            " last_article_at REAL);"
        )

    def unseen(self, keys: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(keys))
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            with self._lock:
                rows = self._db.execute(f"SELECT key FROM seen WHERE key IN ({marks})", chunk)
                found.update(row[0] for row in rows)
        return set(wanted) - found

    def mark(self, source: str, keys: Iterable[str], *, at: float | None = None) -> None:
        moment = time.time() if at is None else at
        rows = [(key, source, moment) for key in dict.fromkeys(keys)]
        if not rows:
            return
        with self._transaction():
            self._db.executemany(
                "INSERT OR IGNORE INTO seen (key, source, seen_at) VALUES (?, ?, ?)", rows
            )
            self._db.execute(
                "UPDATE feeds SET last_article_at = ? WHERE source = ?", (moment, source)
            )

    def validators(self, source: str, url: str) -> Validators:
        """Stored validators, unless the source's URL changed since they were stored."""
        with self._lock:
            row = self._db.execute(
                "SELECT url, etag, last_modified FROM feeds WHERE source = ?", (source,)
            ).fetchone()
        if row is None or row[0] != url:
            return Validators()
        return Validators(row[1], row[2])

    def save_validators(self, source: str, url: str, validators: Validators) -> None:
        with self._lock:
            self._db.execute(
                "INSERT INTO feeds (source, url, etag, last_modified) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(source) DO UPDATE SET url = excluded.url, etag = excluded.etag,"
                " last_modified = excluded.last_modified",
                (source, url, validators.etag, validators.last_modified),
            )

    def last_article_at(self, source: str) -> float | None:
        with self._lock:
            row = self._db.execute(
                "SELECT last_article_at FROM feeds WHERE source = ?", (source,)
            ).fetchone()
        return float(row[0]) if row is not None and row[0] is not None else None

    def prune(self, *, older_than_s: float, now: float | None = None) -> int:
        """Forget keys older than the horizon (feeds list recent entries; the table stays small)."""
        cutoff = (time.time() if now is None else now) - older_than_s
        with self._lock:
            return self._db.execute("DELETE FROM seen WHERE seen_at < ?", (cutoff,)).rowcount

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db, self._lock)

    def close(self) -> None:
        with self._lock:
            self._db.close()


class _Transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT`` (or ``ROLLBACK``) in autocommit mode."""

    def __init__(self, db: sqlite3.Connection, lock: threading.RLock) -> None:
        self._db = db
        self._lock = lock

    def __enter__(self) -> None:
        self._lock.acquire()
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except BaseException:
            self._lock.release()
            raise

    def __exit__(self, exc_type: object, *_: object) -> None:
        try:
            self._db.execute("ROLLBACK" if exc_type is not None else "COMMIT")
        finally:
            self._lock.release()
