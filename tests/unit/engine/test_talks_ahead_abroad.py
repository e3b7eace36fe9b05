"""Talks still ahead are no news of their own, but talks to be held in a country that is not the
guest's are the guest's trip there, announced; a departure for a trip sets its status; a city
name the watchlist reads as a person is not that city. Passages written for these tests, read as
published on Wednesday 6 March 2024."""

from __future__ import annotations

import pytest

from newswatch.contracts import Article
from newswatch.engine import Engine
from support.passages import NOW, PUBLISHED, visits


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "fr",
            "Emmanuel Macron et Alassane Ouattara se retrouveront à Kinshasa en octobre prochain.",
            {
                ("Emmanuel Macron", "Democratic Republic of the Congo", "announced"),
                ("Alassane Ouattara", "Democratic Republic of the Congo", "announced"),
            },
        ),
        (
            "ru",
            "Президенты Трамп и Путин встретятся в Венгрии в ближайшие недели.",
            {("Donald Trump", "Hungary", "announced"), ("Vladimir Putin", "Hungary", "announced")},
        ),
        (
            "it",
            "Giorgia Meloni incontrerà Emmanuel Macron a Parigi la prossima settimana.",
            {("Giorgia Meloni", "France", "announced")},
        ),
        (
            "en",
            "Donald Trump will meet Vladimir Putin in Alaska on Friday.",
            {("Vladimir Putin", "United States", "announced")},
        ),
    ],
)
def test_talks_ahead_abroad_are_each_guests_trip_announced(
    shipped: Engine, lang: str, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert visits(shipped, text, lang) == expected


def test_talks_ahead_are_no_meeting_yet(shipped: Engine) -> None:
    article = Article(
        id="t",
        text="Joe Biden and Xi Jinping are expected to meet in San Francisco next week.",
        language="en",
        published_at=PUBLISHED,
    )
    found = {(a.event_type, a.actors[0].name) for a in shipped.tag(article, now=NOW)}
    assert found == {("state_visit", "Xi Jinping")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # at home, or nowhere named: nobody travels
        ("en", "Joe Biden will meet Xi Jinping next week."),
        ("fr", "Emmanuel Macron recevra Olaf Scholz la semaine prochaine."),
        # the place is where someone goes after the talks, not where they are held
        (
            "en",
            "William Ruto is scheduled to meet Rishi Sunak on Thursday before flying back to "
            "Nairobi on Friday.",
        ),
    ],
)
def test_talks_ahead_without_a_foreign_venue_are_no_trip(
    shipped: Engine, lang: str, text: str
) -> None:
    assert visits(shipped, text, lang) == set()


def test_a_city_name_the_watchlist_reads_as_a_person_is_no_city(shipped: Engine) -> None:
    # "Lula" is also a town in Sweden; here he is the host, and Brasília the place
    found = visits(shipped, "Pedro Sánchez se reunirá con Lula en Brasilia el próximo lunes.", "es")
    assert found == {("Pedro Sánchez", "Brazil", "announced")}


def test_a_departure_for_visits_sets_them_off_and_leaves_only_the_home_it_left(
    shipped: Engine,
) -> None:
    found = visits(
        shipped,
        "Prime Minister Andrew Holness departed the island yesterday afternoon for official "
        "visits to Namibia and South Africa.",
        "en",
    )
    # one stop at a time: the first is under way, the next still ahead
    assert found == {
        ("Andrew Holness", "Namibia", "ongoing"),
        ("Andrew Holness", "South Africa", "announced"),
    }


def test_a_trip_that_begins_today_is_under_way(shipped: Engine) -> None:
    found = visits(shipped, "Annalena Baerbock beginnt Reise in den Senegal.", "de")
    assert found == {("Annalena Baerbock", "Senegal", "ongoing")}
