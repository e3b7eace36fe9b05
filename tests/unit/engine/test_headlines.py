"""The headline is read too, as a witness of last resort: an event of a type the body gives no
alert of is taken from the title and quoted from it (``field: title``); where the body tells an
event of that type, the body's reading stands alone. Passages written for these tests, read as
published on Wednesday 6 March 2024."""

from __future__ import annotations

import json

from newswatch.contracts import Alert, Article, schema_errors
from newswatch.engine import Engine
from support.passages import NOW, PUBLISHED


def _tag(engine: Engine, title: str | None, text: str, lang: str = "en") -> list[Alert]:
    article = Article(id="h", title=title, text=text, language=lang, published_at=PUBLISHED)
    return engine.tag(article, now=NOW)


# The body tells the arrival without naming the traveller or the place.
LANDED = (
    "A guard of honour lined up on the tarmac and a military band played both anthems as the "
    "guest came down the steps.\n\n"
    "Officials said the talks would focus on trade and energy."
)


def test_an_event_only_the_headline_tells_is_quoted_from_the_title(shipped: Engine) -> None:
    title = "Xi Jinping arrives in Moscow for a state visit"
    alerts = _tag(shipped, title, LANDED)
    assert [(a.event_type, a.actors[0].name, a.targets[0].name) for a in alerts] == [
        ("state_visit", "Xi Jinping", "Russia")
    ]
    alert = alerts[0]
    assert alert.attributes["status"] == "ongoing"
    [evidence] = alert.evidence
    assert evidence.field == "title"
    assert title[evidence.start : evidence.end] == evidence.text
    assert not schema_errors("alert.v1", json.loads(alert.to_json()))


def test_without_the_headline_the_same_body_gives_nothing(shipped: Engine) -> None:
    assert _tag(shipped, None, LANDED) == []


def test_the_body_s_reading_stands_alone_for_a_type_it_tells(shipped: Engine) -> None:
    # The headline says "talk" with no roles; the body names both sides and the medium.
    text = (
        "Emmanuel Macron spoke by telephone with Joe Biden on Tuesday evening, the Elysee said. "
        "The two presidents discussed the war in Ukraine."
    )
    alerts = _tag(shipped, "Macron and Biden hold phone talks", text)
    calls = [a for a in alerts if a.event_type == "phone_call"]
    assert len(calls) == 1
    assert {e.field for e in calls[0].evidence} == {"text"}
    assert all(text[e.start : e.end] == e.text for e in calls[0].evidence)


def test_a_body_that_opens_with_its_headline_is_not_read_twice(shipped: Engine) -> None:
    title = "Xi Jinping arrives in Moscow for a state visit"
    alerts = _tag(shipped, title, f"{title}\n\n{LANDED}")
    assert len(alerts) == 1
    assert {e.field for e in alerts[0].evidence} == {"text"}


def test_a_french_headline_gives_the_trip_its_body_leaves_unnamed(shipped: Engine) -> None:
    text = (
        "Une garde d'honneur attendait le chef de l'État au pied de la passerelle. Les deux "
        "dirigeants doivent signer plusieurs accords sur l'Amazonie."
    )
    alerts = _tag(shipped, "Emmanuel Macron en visite d'État au Brésil", text, "fr")
    assert [
        (a.actors[0].name, a.targets[0].name, a.attributes["status"], a.evidence[0].field)
        for a in alerts
    ] == [("Emmanuel Macron", "Brazil", "ongoing", "title")]


def test_a_headline_of_no_event_adds_nothing(shipped: Engine) -> None:
    text = "Emmanuel Macron spoke by telephone with Joe Biden on Tuesday evening."
    plain = _tag(shipped, None, text)
    titled = _tag(shipped, "Macron and Biden: the transatlantic mood", text)
    assert [a.alert_id for a in titled] == [a.alert_id for a in plain]
