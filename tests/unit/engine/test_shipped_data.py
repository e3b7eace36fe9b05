"""The seed against the shipped watchlist: what `newswatch tag seeds/*.txt` prints."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newswatch.contracts import Article
from newswatch.engine import Engine

from .conftest import SEED


def test_seed_with_the_shipped_watchlist(shipped: Engine) -> None:
    alerts = shipped.tag(Article(id="seed", text=SEED.read_text(encoding="utf-8")))
    found = sorted(
        (
            a.event_type,
            tuple(sorted(a.attributes.values())),
            tuple(sorted(p.name for p in a.actors + a.targets)),
        )
        for a in alerts
    )
    assert found == [
        ("phone_call", ("phone",), ("Dmytro Kuleba", "Qin Gang")),
        ("phone_call", ("video",), ("Vladimir Putin", "Xi Jinping")),
        ("sanctions", ("condemn",), ("China", "the West")),
        ("state_visit", ("announced",), ("Russia", "Vladimir Putin", "Xi Jinping")),
    ]


@pytest.mark.parametrize("set_name", ["dev.jsonl", "articles/dev.jsonl"])
def test_cascade_changes_nothing_on_the_gold_passages(shipped: Engine, set_name: str) -> None:
    """Every trigger the keyword filter could hide would show up here as a difference."""
    gold = Path(__file__).resolve().parents[2] / "gold" / set_name
    articles = [
        Article(
            id=doc["id"],
            text=doc["text"],
            language=doc["lang"],
            published_at=doc.get("published_at"),
        )
        for doc in map(json.loads, gold.read_text(encoding="utf-8").splitlines())
    ]
    full = copy.copy(shipped)
    full.cascade = False
    now = datetime(2024, 1, 1, tzinfo=UTC)
    with_cascade = [
        [a.model_dump() for a in alerts] for alerts in shipped.tag_many(articles, now=now)
    ]
    without = [[a.model_dump() for a in alerts] for alerts in full.tag_many(articles, now=now)]
    assert with_cascade == without
    assert sum(map(len, with_cascade)) > 100  # the comparison is not between two empty lists
