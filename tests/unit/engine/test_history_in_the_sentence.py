"""History told around a trip (past titles, dated neighbours, a date that opens the
sentence), hosts inside compound words, and trip steps that name no place.

Passages written for these tests, read as published on Wednesday 6 March 2024.
"""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import calls, sanctions, visits


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The then foreign minister of India, Sushma Swaraj, attended a regional conference "
            "on Afghanistan in Islamabad that month.",
        ),
        (
            "fr",
            "L'alors président Nicolas Sarkozy s'était rendu à Alger pour rencontrer "
            "Abdelaziz Bouteflika.",
        ),
    ],
)
def test_a_title_held_in_the_past_makes_the_trip_history(
    shipped: Engine, lang: str, text: str
) -> None:
    assert visits(shipped, text, lang) == set()


def test_a_title_held_now_leaves_the_trip_news(shipped: Engine) -> None:
    text = (
        "India's foreign minister, Subrahmanyam Jaishankar, attended a regional conference "
        "on Afghanistan in Islamabad on Tuesday."
    )
    assert ("Pakistan", "completed") in {(v[1], v[2]) for v in visits(shipped, text, "en")}


def test_a_dated_mention_makes_its_sentence_history(shipped: Engine) -> None:
    # "Last year" dates "travelled"; "hosted by India" and "the first visit" retell that trip
    text = (
        "Last year, Pakistan's foreign minister Bilawal Bhutto Zardari travelled to Goa for a "
        "meeting hosted by India, the first visit to India by a Pakistani foreign minister in "
        "twelve years."
    )
    assert visits(shipped, text, "en") == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "zh",
            "国家主席习近平将赴印度尼西亚出席二十国集团峰会。当地时间6日下午，习近平乘坐的专机抵达。",
        ),
        (
            "en",
            "Chinese President Xi Jinping will travel to Indonesia for the Group of 20 summit, the "
            "foreign ministry said. Xi arrived on Wednesday afternoon, greeted by officials.",
        ),
        (
            "fr",
            "Le président chinois Xi Jinping se rendra en Indonésie pour le sommet du G20, a "
            "annoncé Pékin. Xi Jinping est arrivé mercredi après-midi, accueilli par des élus.",
        ),
        (
            "es",
            "El presidente chino Xi Jinping viajará a Indonesia para la cumbre del G20, informó "
            "Pekín. Xi Jinping llegó el miércoles por la tarde y fue recibido por funcionarios.",
        ),
    ],
)
def test_an_arrival_with_no_place_is_a_step_of_the_one_trip_reported(
    shipped: Engine, lang: str, text: str
) -> None:
    assert visits(shipped, text, lang) == {("Xi Jinping", "Indonesia", "ongoing")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Der britische König Charles III. hat am Montag seinen Deutschlandbesuch beendet.",
            ("Charles III", "Germany", "completed"),
        ),
        (
            "Bundeskanzler Olaf Scholz hat am Montag seine Chinareise beendet.",
            ("Olaf Scholz", "China", "completed"),
        ),
    ],
)
def test_a_compound_trip_noun_names_its_host(
    shipped: Engine, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in visits(shipped, text, "de")


def test_a_trip_noun_without_a_country_inside_names_no_host(shipped: Engine) -> None:
    assert (
        visits(shipped, "Bundeskanzler Olaf Scholz hat seinen Staatsbesuch beendet.", "de") == set()
    )


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Finnish President Alexander Stubb is in Bern today. He will be received in Bern by "
            "the Federal Council with military honours.",
        ),
        (
            "de",
            "Die Schweiz empfängt heute in Bern den finnischen Präsidenten Alexander Stubb. Stubb "
            "wird in Bern vom Bundesrat mit militärischen Ehren empfangen werden.",
        ),
    ],
)
def test_what_lies_ahead_of_a_trip_under_way_is_its_program(
    shipped: Engine, lang: str, text: str
) -> None:
    assert visits(shipped, text, lang) == {("Alexander Stubb", "Switzerland", "ongoing")}


def test_a_plan_with_a_program_is_still_a_plan(shipped: Engine) -> None:
    text = (
        "Finnish President Alexander Stubb will travel to Bern next week. He will be received in "
        "Bern by the Federal Council with military honours."
    )
    assert visits(shipped, text, "en") == {("Alexander Stubb", "Switzerland", "announced")}


@pytest.mark.parametrize(
    "text",
    [
        "On this day in 1985, President Ronald Reagan angered veterans by visiting the Bitburg "
        "war cemetery in Germany.",
    ],
)
def test_a_date_that_opens_the_sentence_dates_its_main_clause(shipped: Engine, text: str) -> None:
    assert visits(shipped, text, "en") == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "In January, the Kremlin said Vladimir Putin would visit Turkey after the summer.",
            ("Vladimir Putin", "Turkey", "announced"),
        ),
        (
            "fr",
            "En janvier, le Kremlin a annoncé que Vladimir Poutine se rendrait en Turquie cet été.",
            ("Vladimir Putin", "Turkey", "announced"),
        ),
        (
            "en",
            "On Monday, Emmanuel Macron travelled to Berlin for talks with the German chancellor.",
            ("Emmanuel Macron", "Germany", "completed"),
        ),
    ],
)
def test_an_opening_date_leaves_plans_and_recent_trips_news(
    shipped: Engine, lang: str, text: str, expected: tuple[str, str, str]
) -> None:
    assert visits(shipped, text, lang) == {expected}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Britain's existing sanctions on Sudan date from July 2023, when it froze the assets"
            " of six companies linked to the army.",
        ),
        (
            "fr",
            "Les premières sanctions remontent à juillet 2023, lorsque Londres a gelé les avoirs"
            " de six sociétés soudanaises.",
        ),
    ],
)
def test_a_date_dates_the_when_clause_after_it(shipped: Engine, lang: str, text: str) -> None:
    assert sanctions(shipped, text, lang) == set()


def test_a_freeze_of_this_week_is_still_news(shipped: Engine) -> None:
    text = "Britain froze the assets of six Sudanese companies on Monday."
    assert sanctions(shipped, text, "en") == {("United Kingdom", "impose", "Sudan")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Narendra Modi and Joe Biden have spoken by phone several times."),
        (
            "fr",
            "Emmanuel Macron s'est entretenu à plusieurs reprises par téléphone avec"
            " Vladimir Poutine.",
        ),
        ("es", "Pedro Sánchez ha conversado por teléfono en varias ocasiones con Joe Biden."),
    ],
)
def test_calls_counted_by_how_often_are_history(shipped: Engine, lang: str, text: str) -> None:
    assert calls(shipped, text, lang) == set()


def test_a_call_of_the_day_is_news(shipped: Engine) -> None:
    text = "Narendra Modi spoke by phone with Joe Biden on Monday."
    assert calls(shipped, text, "en") == {("Narendra Modi", "Joe Biden", "phone")}
