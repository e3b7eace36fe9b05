"""The seed article (issue 2 item 8): exactly four events, right roles, valid and stable alerts."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from newswatch.contracts import Alert, Article, schema_errors
from newswatch.engine import Engine
from support.seed_events import CHINA, KULEBA, PUTIN, QIN, RUSSIA, XI, seed_events

from .conftest import SEED, summary

NOW = datetime(2023, 3, 20, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def article() -> Article:
    return Article(id="seed-000", text=SEED.read_text(encoding="utf-8"), source="example.org")


@pytest.fixture(scope="module")
def alerts(engine: Engine, article: Article) -> list[Alert]:
    return engine.tag(article, now=NOW)


def by_type(alerts: list[Alert], event_type: str, **attributes: str) -> Alert:
    found = [
        a
        for a in alerts
        if a.event_type == event_type
        and all(a.attributes.get(k) == v for k, v in attributes.items())
    ]
    assert len(found) == 1, [summary(a) for a in alerts]
    return found[0]


def test_the_worker_s_ingestion_time_is_no_publication_date(
    engine: Engine, article: Article, alerts: list[Alert]
) -> None:
    # The worker gets the seed stamped with ``ingested_at``, months after it was written: the
    # videoconference "fin décembre" is not history for that, the four events stay.
    stamped = article.model_copy(update={"ingested_at": "2026-12-04T19:40:00+00:00"})
    later = datetime(2026, 12, 4, 19, 41, tzinfo=UTC)
    assert sorted(summary(a) for a in engine.tag(stamped, now=later)) == sorted(
        summary(a) for a in alerts
    )


def test_exactly_the_four_events(alerts: list[Alert]) -> None:
    assert sorted(summary(a) for a in alerts) == seed_events(_sides(alerts, "video"))


def _sides(alerts: list[Alert], medium: str) -> tuple[frozenset[str], frozenset[str]]:
    """A call has two sides; which one the text names first is not the test's business."""
    call = by_type(alerts, "phone_call", medium=medium)
    actors = frozenset(p.key for p in call.actors)
    targets = frozenset(p.key for p in call.targets)
    assert actors | targets == {XI, PUTIN}
    assert len(actors) == len(targets) == 1
    return actors, targets


def test_codes_follow_the_taxonomy(alerts: list[Alert]) -> None:
    assert by_type(alerts, "state_visit").cameo == "036"
    assert by_type(alerts, "sanctions").cameo == "111"
    assert {a.cameo for a in alerts if a.event_type == "phone_call"} == {"041"}


def test_china_is_named_by_its_capital(alerts: list[Alert]) -> None:
    sanctions = by_type(alerts, "sanctions")
    assert sanctions.actors[0].name == "China"
    assert sanctions.targets[0].watched is False
    assert "Pékin" in sanctions.evidence[0].text


def test_titles_resolve_to_the_people_named_later(alerts: list[Alert]) -> None:
    call = by_type(alerts, "phone_call", medium="phone")
    assert [p.name for p in call.actors] == ["Qin Gang"]
    assert [p.name for p in call.targets] == ["Dmytro Kuleba"]
    assert call.evidence[0].trigger == "conversation téléphonique"


def test_visit_merges_every_sentence_that_reports_it(alerts: list[Alert]) -> None:
    visit = by_type(alerts, "state_visit")
    texts = " ".join(e.text for e in visit.evidence)
    assert "se rendrait en Russie" in texts
    assert "à l’invitation de Vladimir Poutine" in texts
    # "La visite, a déclaré Poutine, pourrait ...": the visit again; the one who spoke of it is
    # not its visitor.
    assert "La visite, a déclaré Poutine" in texts
    assert len(visit.evidence) == 4


def test_every_alert_is_schema_valid(alerts: list[Alert]) -> None:
    for alert in alerts:
        assert schema_errors("alert.v1", json.loads(alert.to_json())) == []


def test_evidence_offsets_index_the_original_text(alerts: list[Alert], article: Article) -> None:
    for alert in alerts:
        for evidence in alert.evidence:
            assert article.text[evidence.start : evidence.end] == evidence.text
            assert evidence.trigger and evidence.trigger in evidence.text


def test_confidence_is_a_score_between_0_and_1(alerts: list[Alert]) -> None:
    assert all(0.0 < a.confidence < 1.0 for a in alerts)


def test_redelivery_gives_the_same_ids(
    engine: Engine, article: Article, alerts: list[Alert]
) -> None:
    again = engine.tag(article, now=datetime(2030, 1, 1, tzinfo=UTC))
    assert sorted(a.alert_id for a in again) == sorted(a.alert_id for a in alerts)
    assert len({a.alert_id for a in alerts}) == len(alerts)


def test_another_article_gives_other_ids(
    engine: Engine, article: Article, alerts: list[Alert]
) -> None:
    other = engine.tag(article.model_copy(update={"id": "seed-001"}), now=NOW)
    assert not {a.alert_id for a in other} & {a.alert_id for a in alerts}


def test_detected_at_comes_from_now(alerts: list[Alert]) -> None:
    assert {a.detected_at for a in alerts} == {"2023-03-20T09:30:00Z"}


def test_cascade_changes_nothing(
    engine_no_cascade: Engine, article: Article, alerts: list[Alert]
) -> None:
    full = engine_no_cascade.tag(article, now=NOW)
    assert [a.model_dump() for a in full] == [a.model_dump() for a in alerts]


def test_link_names_the_watched_entities_of_the_seed(engine: Engine, article: Article) -> None:
    linked = {m.wikidata: m.mentions for m in engine.link(article)}
    assert {XI, PUTIN, QIN, KULEBA, CHINA, RUSSIA} <= set(linked)
    assert "Pékin" in linked[CHINA] and ["Le", "Kremlin"][1] in linked[RUSSIA]
