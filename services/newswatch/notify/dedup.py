"""The delivery record: which alert already reached which sink, durable across restarts.

Kafka gives the notifier at-least-once input (a crash before the offset commit replays messages),
so exactly-once per sink needs a record written after each successful delivery and before the
commit. SQLite (stdlib, fsync on commit, safe for several processes on one host) keeps it; the
key is ``(sink_id, alert_id)`` and alert ids are deterministic, so a replayed or re-tagged article
is recognised too.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

FILE_NAME = "deliveries.sqlite3"


class DedupStore:
    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / FILE_NAME
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        # FULL: a recorded delivery survives power loss, not only a process crash.
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute("PRAGMA busy_timeout=10000")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS deliveries ("
            " sink_id TEXT NOT NULL, alert_id TEXT NOT NULL, delivered_at REAL NOT NULL,"
            " PRIMARY KEY (sink_id, alert_id)) WITHOUT ROWID"
        )

    def delivered(self, sink_id: str, alert_id: str) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM deliveries WHERE sink_id = ? AND alert_id = ?", (sink_id, alert_id)
        ).fetchone()
        return row is not None

    def record(self, sink_id: str, alert_id: str, *, at: float | None = None) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO deliveries (sink_id, alert_id, delivered_at) VALUES (?, ?, ?)",
            (sink_id, alert_id, time.time() if at is None else at),
        )

    def prune(self, *, older_than_s: float, now: float | None = None) -> int:
        """Forget deliveries older than the horizon; replays beyond it may deliver again."""
        cutoff = (time.time() if now is None else now) - older_than_s
        cursor = self._db.execute("DELETE FROM deliveries WHERE delivered_at < ?", (cutoff,))
        return cursor.rowcount

    def close(self) -> None:
        self._db.close()
