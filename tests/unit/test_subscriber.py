"""The console subscriber: one readable line per alert, repeats dropped, junk survived."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from newswatch.contracts import Alert, ArticleRef, Evidence, Participant
from newswatch.settings import Settings
from newswatch.subscriber import (
    AlertsOptions,
    SeenIds,
    alerts_topic,
    format_alert,
    render,
    trim,
)


def alert(
    alert_id: str = "0" * 32, evidence: str = "Qin Gang a parlé avec Dmytro Kuleba."
) -> Alert:
    return Alert(
        alert_id=alert_id,
        event_type="phone_call",
        cameo="040",
        attributes={"medium": "phone", "status": "occurred"},
        actors=[Participant(name="Qin Gang", kind="person")],
        targets=[Participant(name="Dmytro Kuleba", kind="person")],
        evidence=[Evidence(text=evidence, start=0, end=len(evidence))],
        confidence=0.8,
        article=ArticleRef(id="a1"),
        detected_at=datetime(2023, 3, 17, 9, 30, 5, 123456, tzinfo=UTC).isoformat(),
    )


def test_line_shows_time_type_parties_attributes_and_evidence() -> None:
    assert format_alert(alert()) == (
        "2023-03-17 09:30:05  phone_call  Qin Gang → Dmytro Kuleba  "
        'medium=phone status=occurred  "Qin Gang a parlé avec Dmytro Kuleba."'
    )


def test_line_shows_where_the_alert_stands_in_its_story() -> None:
    update = {"update": "corroborated", "story_id": "s" * 32}
    corroborated = alert().model_copy(update={**update, "story_articles": 3, "story_sources": 2})
    assert "  [corroborated 3 articles/2 sources]  " in format_alert(corroborated)
    assert "  [new]  " in format_alert(alert().model_copy(update={"update": "new"}))


def test_long_evidence_is_trimmed_on_one_line() -> None:
    line = format_alert(alert(evidence="mot\n" * 200))
    assert "\n" not in line
    assert line.endswith('…"')
    assert len(trim("x " * 500)) == 140


def test_repeated_alert_ids_print_once_and_memory_is_bounded() -> None:
    seen = SeenIds(capacity=2)
    options = AlertsOptions()
    value = alert().to_json()
    assert render(value, options, seen) is not None
    assert render(value, options, seen) is None
    assert seen.add("b") and seen.add("c")
    assert seen.add("0" * 32)  # forgotten after two newer ids


def test_json_mode_passes_the_alert_through() -> None:
    value = alert().to_json()
    line = render(value, AlertsOptions(as_json=True), SeenIds())
    assert line is not None and json.loads(line) == json.loads(value)


def test_a_message_that_is_not_an_alert_is_skipped() -> None:
    assert render(b'{"hello": 1}', AlertsOptions(), SeenIds()) is None
    assert render(b"\xff", AlertsOptions(), SeenIds()) is None


def test_type_option_reads_the_type_topic() -> None:
    settings = Settings()
    assert alerts_topic(settings, None) == "news.alerts"
    assert alerts_topic(settings, "state_visit") == "news.alerts.state-visit"
