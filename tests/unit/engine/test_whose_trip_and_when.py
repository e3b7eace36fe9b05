"""Whose trip a sentence tells, and when: the person who owns the trip noun travels, not the
states deciding on it; an envoy travels, not the leader who sends him; a trip noun whose verb is
future is a plan; a deadline or a deal "reached" is no arrival. Passages written for these
tests."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import calls, visits


@pytest.mark.parametrize(
    "text",
    [
        "Beijing and Islamabad have postponed President Xi Jinping's state visit to Pakistan.",
        "China and Pakistan agreed to postpone President Xi Jinping's state visit to Pakistan.",
    ],
)
def test_the_states_that_put_off_a_trip_do_not_travel(shipped: Engine, text: str) -> None:
    assert visits(shipped, text, "en") == {("Xi Jinping", "Pakistan", "cancelled")}


def test_a_trip_put_off_until_a_condition_is_cancelled(shipped: Engine) -> None:
    text = (
        "La visita de Alberto Fernández a Chile se postergó hasta que su homólogo Sebastián "
        "Piñera termine la cuarentena."
    )
    assert visits(shipped, text, "es") == {("Alberto Fernández", "Chile", "cancelled")}


def test_a_trip_put_off_until_a_date_is_still_ahead(shipped: Engine) -> None:
    text = "La visita de Alberto Fernández a Chile se postergó hasta el 20 de abril."
    assert visits(shipped, text, "es") == {("Alberto Fernández", "Chile", "announced")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "ru",
            "Дмитрий Песков подтвердил, что спецпосланник президента США Дональда Трампа Стив "
            "Уиткофф посетит Россию в начале следующей недели.",
        ),
        ("en", "Donald Trump's special envoy Steve Witkoff will travel to Moscow next week."),
    ],
)
def test_the_leader_who_sends_an_envoy_does_not_travel(
    shipped: Engine, lang: str, text: str
) -> None:
    assert "Donald Trump" not in {v[0] for v in visits(shipped, text, lang)}


def test_the_leader_himself_still_travels(shipped: Engine) -> None:
    text = "Donald Trump will travel to Moscow next week."
    assert visits(shipped, text, "en") == {("Donald Trump", "Russia", "announced")}


def test_a_trip_whose_verb_is_future_is_a_plan(shipped: Engine) -> None:
    text = "Donald Trump's state visit to Britain will be later in the year, the spokesman said."
    assert visits(shipped, text, "en") == {("Donald Trump", "United Kingdom", "announced")}


def test_a_call_whose_verb_is_future_has_not_happened(shipped: Engine) -> None:
    text = "A phone call between Emmanuel Macron and Olaf Scholz will take place on Friday."
    assert calls(shipped, text, "en") == set()


def test_a_german_state_visit_since_a_weekday_is_under_way(shipped: Engine) -> None:
    text = "Der belgische König Philippe ist seit Dienstag auf Staatsbesuch in Deutschland."
    assert visits(shipped, text, "de") == {("King Philippe of Belgium", "Germany", "ongoing")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Donald Trump a prévenu mardi que son ultimatum à Vladimir Poutine pour mettre fin à "
            "la guerre en Ukraine arriverait à échéance dans dix jours.",
        ),
        ("en", "The two delegations arrived at an agreement on Tuesday in Beijing."),
    ],
)
def test_a_deadline_or_a_deal_reached_is_no_arrival(shipped: Engine, lang: str, text: str) -> None:
    assert visits(shipped, text, lang) == set()


def test_an_arrival_in_a_capital_is_still_one(shipped: Engine) -> None:
    text = "Vladimir Poutine est arrivé à Pékin mardi."
    assert visits(shipped, text, "fr") == {("Vladimir Putin", "China", "ongoing")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Downing Street a assuré que la visite d'Etat du président américain Donald Trump au "
            "Royaume-Uni ne sera pas reportée.",
        ),
        ("en", "Downing Street said Donald Trump's state visit to Britain will not be postponed."),
        (
            "de",
            "Der Staatsbesuch von Donald Trump in Großbritannien wird nicht verschoben, sagte ein "
            "Sprecher.",
        ),
    ],
)
def test_a_trip_that_will_not_be_put_off_is_still_planned(
    shipped: Engine, lang: str, text: str
) -> None:
    assert visits(shipped, text, lang) == {("Donald Trump", "United Kingdom", "announced")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Donald Trump's state visit to Britain has been postponed."),
        ("fr", "La visite d'Etat de Donald Trump au Royaume-Uni a été reportée."),
    ],
)
def test_a_trip_put_off_is_cancelled(shipped: Engine, lang: str, text: str) -> None:
    assert visits(shipped, text, lang) == {("Donald Trump", "United Kingdom", "cancelled")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Xi Jinping arrived in Washington on Monday. On Tuesday, he met with President Joe "
            "Biden at the White House. He then flew to Ottawa.",
        ),
        (
            "fr",
            "Xi Jinping est arrivé lundi à Washington. Mardi, il a rencontré le président Joe "
            "Biden à la Maison Blanche. Il s'est ensuite rendu à Ottawa.",
        ),
    ],
)
def test_a_pronoun_goes_on_standing_for_the_one_it_stood_for(
    shipped: Engine, lang: str, text: str
) -> None:
    """ "he met with Biden. He then flew": the second "he" is the first one's, not Biden."""
    assert {v[0] for v in visits(shipped, text, lang) if v[1] == "Canada"} == {"Xi Jinping"}
