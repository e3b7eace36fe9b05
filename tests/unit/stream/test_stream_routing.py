"""Routing rules: DLQ headers, alert keys and alert destinations."""

from __future__ import annotations

from stream_fakes import RUSSIA, XI, make_alert

from newswatch.contracts import MAX_ERROR_HEADER_CHARS, Article, Origin
from newswatch.settings import Settings
from newswatch.stream.routing import (
    alert_key,
    alert_messages,
    dead_letter,
    sighting_message,
)
from newswatch.stream.stories import Sighting

SETTINGS = Settings()
ARTICLE = Article(id="a1", text="Xi Jinping se rendra en Russie.", language="fr")


def test_dead_letter_keeps_original_bytes_and_says_where_they_came_from() -> None:
    raw = b"\xff\xfe not utf-8"
    letter = dead_letter(raw, "encoding", "not UTF-8", Origin("news.articles", 3, 42), SETTINGS)
    assert letter.topic == "news.articles.dlq"
    assert letter.value == raw
    assert dict(letter.headers) == {
        "x-error": b"not UTF-8",
        "x-error-reason": b"encoding",
        "x-original-topic": b"news.articles",
        "x-original-partition": b"3",
        "x-original-offset": b"42",
    }


def test_dead_letter_of_a_null_value_is_an_empty_message_and_error_is_capped() -> None:
    letter = dead_letter(None, "json", "e" * 5000, Origin("news.articles", 0, 0), SETTINGS)
    assert letter.value == b""
    assert len(dict(letter.headers)["x-error"]) == MAX_ERROR_HEADER_CHARS


def test_dead_letter_from_ingest_has_a_source_and_no_offset() -> None:
    letter = dead_letter(b"{", "json", "bad", Origin("news.articles"), SETTINGS, source="f.jsonl:3")
    headers = dict(letter.headers)
    assert headers["x-source"] == b"f.jsonl:3"
    assert "x-original-offset" not in headers


def test_alert_key_ignores_participant_order_and_separates_event_types() -> None:
    alert = make_alert(ARTICLE)
    swapped = alert.model_copy(update={"actors": [RUSSIA], "targets": [XI]})
    assert alert_key(alert) == alert_key(swapped)
    other_type = alert.model_copy(update={"event_type": "meeting"})
    assert alert_key(other_type) != alert_key(alert)


def test_alert_key_is_shared_by_alerts_about_the_same_parties_in_other_articles() -> None:
    other = Article(id="a2", text="Xi Jinping arrive à Moscou.", language="fr")
    assert alert_key(make_alert(ARTICLE)) == alert_key(make_alert(other))


def test_each_alert_goes_to_the_firehose_and_its_type_topic_with_the_same_bytes() -> None:
    alert = make_alert(ARTICLE, "phone_call")
    firehose, typed = alert_messages(alert, SETTINGS)
    assert (firehose.topic, typed.topic) == ("news.alerts", "news.alerts.phone-call")
    assert firehose.value == typed.value == alert.to_json()
    assert firehose.key == typed.key == alert_key(alert)


def test_a_story_alert_is_keyed_by_story_and_also_goes_to_its_rules_topics() -> None:
    alert = make_alert(ARTICLE).model_copy(update={"story_id": "f" * 32, "update": "corroborated"})
    messages = alert_messages(alert, SETTINGS, ["sanctions-on-russia", "xi"])
    assert [m.topic for m in messages] == [
        "news.alerts",
        "news.alerts.state-visit",
        "news.alerts.sub.sanctions-on-russia",
        "news.alerts.sub.xi",
    ]
    assert {m.key for m in messages} == {b"f" * 32}
    assert dict(messages[0].headers) == {
        "x-alert-id": alert.alert_id.encode(),
        "x-story-id": b"f" * 32,
        "x-update": b"corroborated",
    }


def test_a_sighting_goes_to_the_story_stage_keyed_by_story_key() -> None:
    seen = Sighting(story_key="state_visit||Q15031>RU", event_time=1.0, article_time=None, alert={})
    message = sighting_message(seen, SETTINGS)
    assert (message.topic, message.key) == ("news.stories.sightings", b"state_visit||Q15031>RU")
    assert Sighting.loads(message.value) == seen
