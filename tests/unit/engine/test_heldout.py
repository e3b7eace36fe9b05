"""Regression floors on the held-out gold set ``tests/gold/heldout.jsonl``.

The dev set was visible while the engine was tuned, so its perfect score says little about new
copy. The held-out set was written afterwards, by someone who had not read the engine's patterns,
and nobody tunes on it (``tests/gold/README.md``). The floors below sit about 0.05 under what the
engine measured when the set was first scored: they catch regressions, they do not describe a
target. When the engine improves, raise them; never edit the gold to lift a figure.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from newswatch.evaluation import GoldPassage, Report, load_gold, run_evaluation

GOLD_DIR = Path(__file__).resolve().parents[2] / "gold"
HELDOUT = GOLD_DIR / "heldout.jsonl"
DEV = GOLD_DIR / "dev.jsonl"
WATCHLIST = (
    Path(__file__).resolve().parents[3]
    / "services"
    / "newswatch"
    / "engine"
    / "data"
    / "watchlist.yaml"
)

# Measured on first scoring (engine as committed then): state_visit 0.836, phone_call 0.872,
# sanctions 0.612, meeting 0.348, micro 0.719, attributes 0.900, roles 0.750, entity F1 0.980,
# fr micro 0.733, en micro 0.720, 4 alerts on 47 hard negatives.
F1_FLOORS = {
    "state_visit": 0.78,
    "phone_call": 0.82,
    "sanctions": 0.56,
    "meeting": 0.29,
}
MICRO_F1_FLOOR = 0.66
LANGUAGE_F1_FLOORS = {"fr": 0.68, "en": 0.67}
ATTRIBUTE_FLOOR = 0.85
ROLE_FLOOR = 0.70
ENTITY_F1_FLOOR = 0.93
MAX_HARD_NEGATIVE_ALERTS = 4

ATTRIBUTE_VALUES = {
    ("state_visit", "status"): {"announced", "ongoing", "completed", "cancelled"},
    ("phone_call", "medium"): {"phone", "video"},
    ("sanctions", "action"): {"impose", "extend", "lift", "threaten", "condemn"},
}


@pytest.fixture(scope="module")
def gold() -> list[GoldPassage]:
    return load_gold(HELDOUT)


@pytest.fixture(scope="module")
def report() -> Report:
    from newswatch.engine import Engine

    return run_evaluation(Engine.from_settings(), HELDOUT)


def _failures(report: Report, needle: str = "", language: str = "") -> str:
    """The disagreements worth reading when a floor fails (first 20)."""
    lines = [
        f"{f.passage} {f.kind}: expected {f.expected}, got {f.got}"
        for f in report.failures
        if (needle in f.expected or needle in f.got) and f.passage.startswith(language)
    ]
    return "\n".join(lines[:20])


class TestHeldoutSet:
    """The set itself: large, varied, disjoint from dev and in terms of the shipped watchlist."""

    def test_size_and_languages(self, gold: list[GoldPassage]) -> None:
        langs = Counter(p.lang for p in gold)
        assert len(gold) >= 120
        assert langs["fr"] >= 45 and langs["en"] >= 45, langs
        assert all(langs[lang] >= 4 for lang in ("de", "es", "ru", "uk", "zh")), langs

    def test_hard_negatives(self, gold: list[GoldPassage]) -> None:
        negatives = [p for p in gold if p.hard_negative]
        assert len(negatives) >= 35
        assert [p.id for p in negatives if p.events] == []
        assert [p.id for p in gold if not p.hard_negative and not p.events] == []

    def test_every_attribute_value_is_covered(self, gold: list[GoldPassage]) -> None:
        seen = Counter(
            (e.type, key, value)
            for p in gold
            for e in p.events
            for key, value in e.attributes.items()
        )
        missing = [
            (event_type, key, value)
            for (event_type, key), values in ATTRIBUTE_VALUES.items()
            for value in values
            if seen[(event_type, key, value)] < 3
        ]
        assert missing == []
        assert sum(1 for p in gold for e in p.events if e.type == "meeting") >= 5

    def test_ids_exist_in_the_shipped_watchlist(self, gold: list[GoldPassage]) -> None:
        known = {e["id"] for e in yaml.safe_load(WATCHLIST.read_text("utf-8"))["entities"]}
        used = {
            (p.id, q)
            for p in gold
            for q in (p.entities or frozenset())
            | {x.wikidata for e in p.events for x in e.participants if x.wikidata}
        }
        assert sorted(pair for pair in used if pair[1] not in known) == []

    def test_participants_are_among_the_entities(self, gold: list[GoldPassage]) -> None:
        assert [
            p.id
            for p in gold
            for e in p.events
            if not {x.wikidata for x in e.participants} <= (p.entities or frozenset())
        ] == []
        assert [p.id for p in gold for e in p.events if not e.participants] == []

    def test_disjoint_from_the_dev_set(self, gold: list[GoldPassage]) -> None:
        dev = load_gold(DEV)
        assert {p.id for p in gold} & {p.id for p in dev} == set()
        assert {p.text for p in gold} & {p.text for p in dev} == set()


class TestHeldoutFloors:
    @pytest.mark.parametrize("event_type", sorted(F1_FLOORS))
    def test_f1_per_event_type(self, report: Report, event_type: str) -> None:
        counts = report.overall.by_type[event_type]
        assert counts.tp > 0
        assert counts.f1 >= F1_FLOORS[event_type], _failures(report, event_type)

    def test_micro_f1(self, report: Report) -> None:
        assert report.overall.events.f1 >= MICRO_F1_FLOOR, _failures(report)

    @pytest.mark.parametrize("language", sorted(LANGUAGE_F1_FLOORS))
    def test_micro_f1_per_language(self, report: Report, language: str) -> None:
        f1 = report.by_language[language].events.f1
        assert f1 >= LANGUAGE_F1_FLOORS[language], _failures(report, language=f"{language}-")

    def test_attribute_accuracy(self, report: Report) -> None:
        rate = report.overall.attributes.rate
        assert rate is not None and rate >= ATTRIBUTE_FLOOR, _failures(report)

    def test_role_accuracy(self, report: Report) -> None:
        rate = report.overall.roles.rate
        assert rate is not None and rate >= ROLE_FLOOR, _failures(report)

    def test_entity_linking(self, report: Report) -> None:
        assert report.overall.entity_passages > 0
        assert report.overall.entities.f1 >= ENTITY_F1_FLOOR

    def test_hard_negative_alerts_do_not_grow(self, report: Report) -> None:
        assert report.overall.hard_negatives >= 35
        assert report.overall.hard_negative_alerts <= MAX_HARD_NEGATIVE_ALERTS, (
            report.hard_negative_hits
        )
