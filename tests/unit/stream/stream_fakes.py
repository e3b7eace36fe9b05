"""A stand-in engine for stream unit tests: deterministic, instant, and able to fail on cue."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, datetime

from newswatch.contracts import Alert, Article, ArticleRef, Evidence, Mention, Participant

XI = Participant(name="Xi Jinping", wikidata="Q15031", kind="person", country="CN", watched=True)
RUSSIA = Participant(name="Russia", wikidata="Q159", kind="country", watched=True)


def make_alert(article: Article, event_type: str = "state_visit") -> Alert:
    digest = hashlib.sha256(f"{article.id}|{event_type}".encode()).hexdigest()[:32]
    return Alert(
        alert_id=digest,
        event_type=event_type,
        cameo="042",
        attributes={"status": "announced"},
        actors=[XI],
        targets=[RUSSIA],
        entities=[
            Mention(name="Xi Jinping", wikidata="Q15031", kind="person", mentions=["Xi", "Xi"])
        ],
        evidence=[Evidence(text=article.text[:40], start=0, end=min(40, len(article.text)))],
        confidence=0.9,
        article=ArticleRef.of(article, article.language or "fr"),
        detected_at=datetime(2024, 1, 1, tzinfo=UTC).isoformat(),
    )


class FakeEngine:
    """One state_visit alert per article mentioning 'Xi'; raises on articles containing 'BOOM'."""

    def __init__(self) -> None:
        self.languages = ["en", "fr"]
        self.batches: list[int] = []
        self.reloads = 0

    def tag(self, article: Article, *, now: datetime | None = None) -> list[Alert]:
        if "BOOM" in article.text:
            raise RuntimeError("engine exploded")
        return [make_alert(article)] if "Xi" in article.text else []

    def tag_many(
        self, articles: Sequence[Article], *, now: datetime | None = None
    ) -> list[list[Alert]]:
        self.batches.append(len(articles))
        return [self.tag(a, now=now) for a in articles]

    def reload(self) -> None:
        self.reloads += 1
