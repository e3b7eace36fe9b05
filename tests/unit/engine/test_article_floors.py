"""Floors on the article-length sets (issue 10): the engine may not slip below what it measured.

These are regression guards set a little under the figures measured when they were last raised
(README, "Accuracy"), not the goal: issue 10 asks for F1 >= 0.90 per type on ``test`` with no
alert on a hard negative, which the engine does not reach yet. ``test`` is scored only as a
whole: nobody tuning the engine reads its passages or its failures. When the engine improves,
raise the floors; never lower them to let a change through.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newswatch.evaluation import Report, run_evaluation

ARTICLES = Path(__file__).resolve().parents[2] / "gold" / "articles"

# Strict F1 (type, a right participant and the right key attribute), per type and overall.
FLOORS = {
    "dev": {"state_visit": 0.69, "phone_call": 0.87, "sanctions": 0.75, "micro": 0.74},
    "test": {"state_visit": 0.62, "phone_call": 0.84, "sanctions": 0.62, "micro": 0.67},
}
# At most this many alerts on the hard negatives, and contradictory alert pairs.
CEILINGS = {
    "dev": {"hard_negative_alerts": 13, "contradictions": 6},
    "test": {"hard_negative_alerts": 33, "contradictions": 3},
}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def scored(request: pytest.FixtureRequest) -> tuple[str, Report]:
    from newswatch.engine import Engine

    split: str = request.param
    return split, run_evaluation(Engine.from_settings(), ARTICLES / f"{split}.jsonl")


def test_strict_f1_holds_its_floor(scored: tuple[str, Report]) -> None:
    split, report = scored
    overall = report.overall
    measured = {t: overall.strict_by_type[t].f1 for t in ("state_visit", "phone_call", "sanctions")}
    measured["micro"] = overall.strict.f1
    below = {k: round(v, 3) for k, v in measured.items() if v < FLOORS[split][k]}
    assert below == {}, f"{split}: below the floor {FLOORS[split]}: {below}"


def test_alerts_on_hard_negatives_and_contradictions_stay_under_the_ceiling(
    scored: tuple[str, Report],
) -> None:
    split, report = scored
    measured = {
        "hard_negative_alerts": report.overall.hard_negative_alerts,
        "contradictions": report.overall.contradictions,
    }
    over = {k: v for k, v in measured.items() if v > CEILINGS[split][k]}
    assert over == {}, f"{split}: over the ceiling {CEILINGS[split]}: {over}"
