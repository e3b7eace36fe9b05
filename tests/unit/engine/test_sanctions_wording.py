"""Sanctions as German copy condemns them: compounds ("Sanktionsrunde") and verdicts
("bezeichnet ... als rechtswidrig"). Passages written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newswatch.contracts import Article
from newswatch.engine import Engine

NOW = datetime(2024, 3, 6, 12, tzinfo=UTC)


def _sanctions(engine: Engine, text: str, lang: str) -> set[tuple[str, str, str]]:
    article = Article(id="t", text=text, language=lang, published_at="2024-03-06T10:00:00+00:00")
    return {
        (a.actors[0].name, str(a.attributes["action"]), ",".join(t.name for t in a.targets))
        for a in engine.tag(article, now=NOW)
        if a.event_type == "sanctions"
    }


@pytest.mark.parametrize(
    "text",
    [
        "Russland hat die jüngste Sanktionsrunde der Europäischen Union verurteilt.",
        "Moskau bezeichnet die EU-Sanktionen als rechtswidrig und zwecklos.",
    ],
)
def test_a_german_verdict_on_sanctions_condemns_them(shipped: Engine, text: str) -> None:
    assert _sanctions(shipped, text, "de") == {("Russia", "condemn", "European Union")}
