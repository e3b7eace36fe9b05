from __future__ import annotations

from pathlib import Path

from newswatch.notify.dedup import DedupStore


def test_a_recorded_delivery_survives_reopening(tmp_path: Path) -> None:
    store = DedupStore(tmp_path / "state")
    store.record("webhook-a", "alert-1")
    store.close()

    reopened = DedupStore(tmp_path / "state")
    assert reopened.delivered("webhook-a", "alert-1")
    assert not reopened.delivered("webhook-b", "alert-1")
    assert not reopened.delivered("webhook-a", "alert-2")
    reopened.close()


def test_recording_twice_is_harmless(tmp_path: Path) -> None:
    store = DedupStore(tmp_path)
    store.record("s", "a")
    store.record("s", "a")
    assert store.delivered("s", "a")
    store.close()


def test_prune_forgets_only_deliveries_past_the_horizon(tmp_path: Path) -> None:
    store = DedupStore(tmp_path)
    store.record("s", "old", at=1_000.0)
    store.record("s", "new", at=9_000.0)
    assert store.prune(older_than_s=5_000.0, now=10_000.0) == 1
    assert not store.delivered("s", "old")
    assert store.delivered("s", "new")
    store.close()
