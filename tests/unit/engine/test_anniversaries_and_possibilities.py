"""The event an anniversary marks is history; a possible trip or call is no event; a German
denial before "dass" denies what the clause tells. Passages written for these tests, read as
published on Wednesday 6 March 2024."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import calls, visits


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Beijing and Washington will mark the 50th anniversary of former US President "
            "Richard Nixon's visit to China with a concert.",
        ),
        ("es", "Se cumple el quinto aniversario de la visita de Barack Obama a Cuba."),
        ("fr", "Paris célèbre le 60e anniversaire de la visite de Charles de Gaulle au Mexique."),
        ("de", "Zum 30. Jahrestag des Besuchs von Helmut Kohl in Moskau erinnerte Scholz daran."),
    ],
)
def test_the_event_an_anniversary_marks_is_no_news(shipped: Engine, lang: str, text: str) -> None:
    assert visits(shipped, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Joe Biden will visit Seoul next week for the 70th anniversary of the alliance.",
            ("Joe Biden", "South Korea", "announced"),
        ),
        (
            "fr",
            "Emmanuel Macron se rendra en Chine la semaine prochaine pour le 60e anniversaire des "
            "relations diplomatiques.",
            ("Emmanuel Macron", "China", "announced"),
        ),
    ],
)
def test_a_trip_made_for_an_anniversary_is_news(
    shipped: Engine, lang: str, text: str, expected: tuple[str, str, str]
) -> None:
    assert visits(shipped, text, lang) == {expected}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Officials in Paris discussed a possible visit by Xi Jinping to France."),
        ("fr", "Interrogée sur une éventuelle visite d'Anthony Albanese en Chine, elle s'est tue."),
        ("de", "Peskow äußerte sich zu einem möglichen Telefonat zwischen Putin und Olaf Scholz."),
    ],
)
def test_a_possible_trip_or_call_is_no_event(shipped: Engine, lang: str, text: str) -> None:
    assert visits(shipped, text, lang) == set()
    assert calls(shipped, text, lang) == set()


def test_a_possibility_named_earlier_in_the_sentence_leaves_the_call(shipped: Engine) -> None:
    text = (
        "Vladimir Putin and Donald Trump discussed a possible meeting during their telephone "
        "conversation on Monday."
    )
    assert {(c, o) for c, o, _ in calls(shipped, text, "en")} == {
        ("Vladimir Putin", "Donald Trump")
    }


@pytest.mark.parametrize(
    ("lang", "text", "found"),
    [
        # an anniversary that dates the news, not what it marks
        (
            "de",
            "Zum Jahrestag des Kriegsbeginns telefonierte Olaf Scholz mit Selenskyj.",
            {("Olaf Scholz", "Volodymyr Zelenskyy", "phone")},
        ),
    ],
)
def test_an_anniversary_that_dates_the_news_leaves_it_news(
    shipped: Engine, lang: str, text: str, found: set[tuple[str, str, str]]
) -> None:
    assert calls(shipped, text, lang) == found


def test_a_german_denial_before_dass_denies_the_call(shipped: Engine) -> None:
    denied = (
        "Kremlsprecher Dmitri Peskow bestritt, dass es ein Telefonat zwischen Wladimir Putin und "
        "Donald Trump gegeben habe."
    )
    assert calls(shipped, denied, "de") == set()
    told = (
        "Regierungssprecher Hebestreit sagte, dass Olaf Scholz am Montag mit Selenskyj "
        "telefoniert habe."
    )
    assert calls(shipped, told, "de") == {("Olaf Scholz", "Volodymyr Zelenskyy", "phone")}
