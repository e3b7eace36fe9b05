"""Reading alerts out of passages written for the engine tests, as published on one day."""

from __future__ import annotations

from datetime import UTC, datetime

from newswatch.contracts import Alert, Article
from newswatch.engine import Engine

# Wednesday 6 March 2024: "on Monday", "next week" and "last year" have one meaning in the tests.
PUBLISHED = "2024-03-06T10:00:00+00:00"
NOW = datetime(2024, 3, 6, 12, tzinfo=UTC)


def _alerts(engine: Engine, text: str, lang: str, event_type: str) -> list[Alert]:
    article = Article(id="t", text=text, language=lang, published_at=PUBLISHED)
    return [a for a in engine.tag(article, now=NOW) if a.event_type == event_type]


def visits(engine: Engine, text: str, lang: str) -> set[tuple[str, str, str]]:
    """(visitor, first host, status) of each state visit alert, as published on ``PUBLISHED``."""
    return {
        (a.actors[0].name, a.targets[0].name, str(a.attributes["status"]))
        for a in _alerts(engine, text, lang, "state_visit")
    }


def sanctions(engine: Engine, text: str, lang: str) -> set[tuple[str, str, str]]:
    """(actor, action, targets joined by commas) of each sanctions alert."""
    return {
        (a.actors[0].name, str(a.attributes["action"]), ",".join(t.name for t in a.targets))
        for a in _alerts(engine, text, lang, "sanctions")
    }


def calls(engine: Engine, text: str, lang: str) -> set[tuple[str, str, str]]:
    """(caller, first other side, medium) of each phone or video call alert."""
    return {
        (a.actors[0].name, a.targets[0].name, str(a.attributes["medium"]))
        for a in _alerts(engine, text, lang, "phone_call")
    }
