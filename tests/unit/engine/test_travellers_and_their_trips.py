"""Who travels, where, and where the trip stands, when the sentence hides it: a passive guest the
parser cut off, a possessive for the traveller, a place behind another trip word, a trip told as
what came before, a plan and its calling off that are history, a name that looks like a month, a
German stay with its span, a ceremony abroad, a trip noun with a future verb. Passages written
for these tests; published Wednesday 6 March 2024."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newswatch.contracts import Article
from newswatch.engine import Engine
from support.passages import calls, visits


def test_a_passive_guest_is_the_visitor_even_when_the_parse_breaks_the_name(
    shipped: Engine,
) -> None:
    # The small French model heads "Macky" alone and loses the passive subject; "été" still
    # hangs on "reçu".
    text = "Macky Sall a été reçu mercredi à Paris par Emmanuel Macron."
    assert visits(shipped, text, "fr") == {("Macky Sall", "France", "ongoing")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "de",
            "Der Bundespräsident Frank-Walter Steinmeier kennt Wien gut.\n\nEs ist aber sein"
            " erster Staatsbesuch in Österreich.",
        ),
        (
            "en",
            "Frank-Walter Steinmeier has been to Vienna many times.\n\nBut this is his first"
            " state visit to Austria.",
        ),
    ],
)
def test_a_possessive_names_the_traveller(shipped: Engine, lang: str, text: str) -> None:
    assert "Frank-Walter Steinmeier" in {v[0] for v in visits(shipped, text, lang)}


def test_a_possessive_names_the_other_side_of_a_call(shipped: Engine) -> None:
    text = (
        "Emmanuel Macron est arrivé lundi à Pékin.\n\nLors de son entretien téléphonique avec"
        " Vladimir Poutine mardi, il a évoqué la situation en Ukraine."
    )
    assert calls(shipped, text, "fr") == {("Emmanuel Macron", "Vladimir Putin", "phone")}


def test_a_place_behind_another_trip_word_is_that_trips(shipped: Engine) -> None:
    text = (
        "El presidente Joe Biden, que viajará el jueves a Polonia, efectuó este miércoles una"
        " visita sorpresa a Ucrania."
    )
    found = visits(shipped, text, "es")
    assert ("Joe Biden", "Poland", "announced") in found
    assert ("Joe Biden", "Ukraine", "announced") not in found


@pytest.mark.parametrize(
    ("lang", "text", "before"),
    [
        (
            "en",
            "Prime Minister Narendra Modi arrived in Washington early today after a day-long"
            " working visit to Portugal.",
            "Portugal",
        ),
        (
            "fr",
            "Emmanuel Macron est arrivé mercredi au Laos après une visite de deux jours au"
            " Vietnam.",
            "Vietnam",
        ),
    ],
)
def test_a_trip_told_as_what_came_before_is_over(
    shipped: Engine, lang: str, text: str, before: str
) -> None:
    found = {(v[1], v[2]) for v in visits(shipped, text, lang)}
    assert (before, "completed") in found
    assert (before, "ongoing") not in found


def test_the_calling_off_of_a_plan_that_is_history_is_history(shipped: Engine) -> None:
    text = (
        "El secretario de Estado de Estados Unidos, Antony Blinken, realizará el sábado una"
        " visita oficial a España.\n\nBlinken ya tenía previsto visitar España a finales de"
        " octubre, pero tuvo que cancelar el viaje por una crisis en Oriente Próximo."
    )
    assert visits(shipped, text, "es") == {("Antony Blinken", "Spain", "announced")}


def test_the_news_of_a_calling_off_told_before_the_plan_stands(shipped: Engine) -> None:
    text = (
        "La visite d'État du président chinois Xi Jinping au Japon, attendue en avril, n'aura pas"
        " lieu comme prévu : Tokyo et Pékin ont annoncé mardi son report."
    )
    assert visits(shipped, text, "fr") == {("Xi Jinping", "Japan", "cancelled")}


def test_a_name_that_looks_like_a_month_dates_nothing(shipped: Engine) -> None:
    # Read in June, "Theresa May" would be a date weeks back, and the postponement history.
    text = (
        "Donald Trump's planned state visit to Britain has been postponed after he told Prime"
        " Minister Theresa May that he did not want to come."
    )
    article = Article(id="t", text=text, language="en", published_at="2017-06-11T12:00:00+00:00")
    found = {
        (a.actors[0].name, a.targets[0].name, a.attributes["status"])
        for a in shipped.tag(article, now=datetime(2017, 6, 11, 13, tzinfo=UTC))
        if a.event_type == "state_visit"
    }
    assert found == {("Donald Trump", "United Kingdom", "cancelled")}


@pytest.mark.parametrize(
    "text",
    [
        "Frank-Walter Steinmeier ist noch bis Freitag in Wien.",
        "Frank-Walter Steinmeier ist seit Montag in Österreich.",
    ],
)
def test_a_german_stay_with_its_span_is_a_trip_under_way(shipped: Engine, text: str) -> None:
    assert visits(shipped, text, "de") == {("Frank-Walter Steinmeier", "Austria", "ongoing")}


def test_a_thing_that_stays_somewhere_is_no_trip(shipped: Engine) -> None:
    text = "Das Buch von Frank-Walter Steinmeier ist seit 2019 in Österreich verboten."
    assert visits(shipped, text, "de") == set()


def test_vienne_is_vienna(shipped: Engine) -> None:
    text = "Le président allemand Frank-Walter Steinmeier est à Vienne depuis lundi."
    assert visits(shipped, text, "fr") == {("Frank-Walter Steinmeier", "Austria", "ongoing")}


@pytest.mark.parametrize(
    ("lang", "text", "host"),
    [
        (
            "fr",
            "La cérémonie d'investiture du nouveau président s'est tenue lundi à Dakar.\n\nLes"
            " présidents guinéen Alpha Condé et libérien George Weah ont fait le déplacement.",
            "Senegal",
        ),
        (
            "en",
            "The inauguration of the new president took place in Accra on Tuesday.\n\nLiberian"
            " President George Weah and Guinean President Alpha Condé arrived on Monday evening.",
            "Ghana",
        ),
    ],
)
def test_leaders_who_travel_to_an_inauguration_visit_its_country(
    shipped: Engine, lang: str, text: str, host: str
) -> None:
    assert {(v[0], v[1]) for v in visits(shipped, text, lang)} == {
        ("Alpha Condé", host),
        ("George Weah", host),
    }


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "fr",
            "La visite d'Emmanuel Macron au Mali sera l'occasion d'évoquer la sécurité au Sahel.",
            ("Emmanuel Macron", "Mali", "announced"),
        ),
        (
            "es",
            "La visita de Pedro Sánchez a China será la tercera en dos años.",
            ("Pedro Sánchez", "China", "announced"),
        ),
    ],
)
def test_a_trip_noun_with_a_future_verb_is_a_plan(
    shipped: Engine, lang: str, text: str, expected: tuple[str, str, str]
) -> None:
    assert visits(shipped, text, lang) == {expected}


def test_a_future_verb_in_another_clause_makes_no_plan(shipped: Engine) -> None:
    text = (
        "Lors de sa visite au Mali, mardi, Emmanuel Macron a estimé que la transition sera longue."
    )
    assert ("Emmanuel Macron", "Mali", "announced") not in visits(shipped, text, "fr")
