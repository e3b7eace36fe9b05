"""A batch of raw messages becomes alerts and dead letters; nothing is dropped."""

from __future__ import annotations

import json

import pytest
from stream_fakes import FakeEngine

from newswatch.contracts import Alert, Article, Origin
from newswatch.settings import Settings
from newswatch.stream.batch import Incoming, process_batch
from newswatch.stream.routing import Outgoing, alert_messages

SETTINGS = Settings(max_message_bytes=4096, max_text_chars=500)


def direct(article: Article, alert: Alert) -> list[Outgoing]:
    return alert_messages(alert, SETTINGS)


def incoming(raw: bytes | None, offset: int) -> Incoming:
    return Incoming(raw=raw, origin=Origin("news.articles", 1, offset), key=b"k")


def article(article_id: str, text: str) -> bytes:
    return json.dumps({"id": article_id, "text": text, "language": "fr"}).encode()


def test_good_articles_around_bad_ones_are_all_tagged() -> None:
    batch = [
        incoming(article("a1", "Xi Jinping ira en Russie."), 10),
        incoming(b"{broken json", 11),
        incoming(b"\xff\xfe\xfa", 12),
        incoming(json.dumps({"id": "a4"}).encode(), 13),
        incoming(None, 14),
        incoming(b"x" * 5000, 15),
        incoming(article("a7", "t" * 600), 16),
        incoming(article("a8", "Xi Jinping parle."), 17),
    ]
    result = process_batch(batch, FakeEngine(), SETTINGS, direct)

    assert [a.id for a, _ in result.tagged] == ["a1", "a8"]
    reasons = {r.incoming.origin.offset: r.reason for r in result.rejected}
    assert reasons == {
        11: "json",
        12: "encoding",
        13: "schema",
        14: "json",
        15: "oversize",
        16: "text_too_long",
    }
    dlq = [m for m in result.outgoing if m.topic == SETTINGS.topic_articles_dlq]
    assert [m.value for m in dlq] == [
        b"{broken json",
        b"\xff\xfe\xfa",
        json.dumps({"id": "a4"}).encode(),
        b"",
        b"x" * 5000,
        article("a7", "t" * 600),
    ]
    assert all(dict(m.headers)["x-original-partition"] == b"1" for m in dlq)
    assert all(m.key == b"k" for m in dlq)


def test_each_alert_is_routed_with_its_article() -> None:
    result = process_batch(
        [incoming(article("a1", "Xi Jinping ira."), 0)], FakeEngine(), SETTINGS, direct
    )
    topics = sorted(m.topic for m in result.outgoing)
    assert topics == ["news.alerts", "news.alerts.state-visit"]
    assert Alert.model_validate_json(result.outgoing[0].value).article.id == "a1"

    seen: list[tuple[str, str]] = []

    def spy(article: Article, alert: Alert) -> list[Outgoing]:
        seen.append((article.id, alert.article.id))
        return []

    process_batch([incoming(article("a2", "Xi Jinping ira."), 0)], FakeEngine(), SETTINGS, spy)
    assert seen == [("a2", "a2")]


def test_engine_failure_costs_only_the_failing_article() -> None:
    engine = FakeEngine()
    batch = [
        incoming(article("a1", "Xi Jinping ira."), 0),
        incoming(article("a2", "BOOM Xi"), 1),
        incoming(article("a3", "Xi encore."), 2),
    ]
    result = process_batch(batch, engine, SETTINGS, direct)

    assert [a.id for a, _ in result.tagged] == ["a1", "a3"]
    (rejection,) = result.rejected
    assert rejection.reason == "engine_error"
    assert "engine exploded" in rejection.message
    (letter,) = [m for m in result.outgoing if m.topic == SETTINGS.topic_articles_dlq]
    assert letter.value == article("a2", "BOOM Xi")
    assert dict(letter.headers)["x-error-reason"] == b"engine_error"
    assert engine.batches == [3]  # tried as one batch first


@pytest.mark.parametrize("texts", [["no match here"], []])
def test_batches_without_alerts_send_nothing(texts: list[str]) -> None:
    batch = [incoming(article(f"a{i}", t), i) for i, t in enumerate(texts)]
    result = process_batch(batch, FakeEngine(), SETTINGS, direct)
    assert result.outgoing == []
    assert len(result.tagged) == len(texts)
