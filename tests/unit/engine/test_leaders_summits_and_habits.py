"""A leader named by title before his name, a summit attended on a given day, a French compound
past with a weekday, and calls told as a habit. Passages written for these tests; published
Wednesday 6 March 2024."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import calls, visits


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Le ministre Jean-Noël Barrot s'est rendu lundi en Belgique.", "completed"),
        ("Le ministre Jean-Noël Barrot s'est rendu jeudi en Belgique.", "completed"),
        ("Le ministre Jean-Noël Barrot se rendra jeudi en Belgique.", "announced"),
    ],
)
def test_a_french_compound_past_with_a_weekday_is_over(
    shipped: Engine, text: str, status: str
) -> None:
    assert visits(shipped, text, "fr") == {("Jean-Noël Barrot", "Belgium", status)}


@pytest.mark.parametrize(
    "text",
    [
        "Emmanuel Macron participera au sommet du G20 au Brésil, a indiqué l'Élysée.",
        "Le chancelier Olaf Scholz participera jeudi au sommet du G20 au Brésil.",
    ],
)
def test_a_summit_abroad_is_a_visit_to_its_host(shipped: Engine, text: str) -> None:
    found = visits(shipped, text, "fr")
    assert {(v[1], v[2]) for v in found} == {("Brazil", "announced")}
    assert {v[0] for v in found} <= {"Emmanuel Macron", "Olaf Scholz"}
    assert len(found) == 1


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Le dirigeant nord-coréen est arrivé mercredi à Vladivostok à bord de son train. "
            "Le convoi de Kim Jong Un a été accueilli par des officiels russes sur le quai.",
        ),
        (
            "en",
            "The North Korean leader arrived in Vladivostok on Wednesday aboard his train. "
            "Russian officials greeted Kim Jong Un's convoy on the platform.",
        ),
    ],
)
def test_a_leader_named_by_title_before_his_name_travels(
    shipped: Engine, lang: str, text: str
) -> None:
    assert ("Kim Jong Un", "Russia", "ongoing") in visits(shipped, text, lang)


def test_an_opposition_leader_is_nobody_the_watchlist_holds(shipped: Engine) -> None:
    text = (
        "Vladimir Putin met Kim Jong Un on Tuesday. The opposition leader arrived in Vladivostok "
        "on Wednesday."
    )
    assert not any(v[0] in ("Vladimir Putin", "Kim Jong Un") for v in visits(shipped, text, "en"))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The Russian president regularly holds phone conversations with his Turkish "
            "counterpart Recep Tayyip Erdoğan. Vladimir Putin said so on Wednesday.",
        ),
        (
            "fr",
            "Vladimir Poutine s'entretient régulièrement par téléphone avec son homologue turc "
            "Recep Tayyip Erdoğan.",
        ),
    ],
)
def test_calls_told_as_a_habit_are_history(shipped: Engine, lang: str, text: str) -> None:
    assert calls(shipped, text, lang) == set()


def test_a_call_of_the_day_is_news(shipped: Engine) -> None:
    text = (
        "Vladimir Putin held a phone conversation on Wednesday with his Turkish counterpart "
        "Recep Tayyip Erdoğan."
    )
    assert calls(shipped, text, "en") == {("Vladimir Putin", "Recep Tayyip Erdoğan", "phone")}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Joe Biden will attend the D-Day commemorations in Normandy, France, on June 6.",
            ("Joe Biden", "France", "announced"),
        ),
        (
            "en",
            "Narendra Modi attended the coronation in London on Saturday.",
            ("Narendra Modi", "United Kingdom", "completed"),
        ),
        (
            "fr",
            "Macky Sall assistera samedi aux célébrations de l'indépendance à Abidjan.",
            ("Macky Sall", "Ivory Coast", "announced"),
        ),
        (
            "es",
            "Gustavo Petro asistió el domingo al desfile militar en Caracas.",
            ("Gustavo Petro", "Venezuela", "completed"),
        ),
        (
            "it",
            "Giorgia Meloni ha partecipato alla cerimonia di commemorazione a Varsavia.",
            ("Giorgia Meloni", "Poland", "completed"),
        ),
        (
            "de",
            "Olaf Scholz wird an den Feierlichkeiten in Paris teilnehmen.",
            ("Olaf Scholz", "France", "announced"),
        ),
    ],
)
def test_a_ceremony_abroad_is_a_visit_like_a_summit(
    shipped: Engine, lang: str, text: str, expected: tuple[str, str, str]
) -> None:
    """Commemorations, parades and coronations are gatherings leaders travel to."""
    assert expected in visits(shipped, text, lang)
