"""Cities as trip destinations: the host is the city's country (data/places.tsv)."""

from __future__ import annotations

from collections.abc import Callable

from newswatch.contracts import Alert, Article
from newswatch.engine import Engine
from newswatch.engine.places import Places
from newswatch.settings import get_settings

from .conftest import summary


def test_known_cities_name_their_country_whatever_the_spelling() -> None:
    places = Places.load(get_settings().places_path)
    assert places.country("Sochi") == places.country("Sotchi") == places.country("Сочи") == "RU"
    assert places.country("Hambourg") == "DE"
    assert places.country("Reading") is None  # a common word is not a destination
    assert places.country("Wakanda") is None
    # a city's own name outranks another's old alternate name ("San Miguel" for San Diego),
    # and then cities of that name in El Salvador and Argentina leave it undecided
    assert places.country("San Miguel") is None
    # an island is placed in its country, not in a small town of its name elsewhere
    assert places.country("Bali") == "ID"


def test_a_visit_to_a_city_is_a_visit_to_its_country(tag: Callable[..., list[Alert]]) -> None:
    [alert] = tag(
        "Emmanuel Macron est arrivé mardi à Sotchi pour rencontrer Vladimir Poutine.", "fr"
    )
    assert summary(alert)[0:2] == ("state_visit", (("status", "ongoing"),))
    assert "Q159" in summary(alert)[3]  # Russia hosts


def test_an_organisation_seat_hosts_the_trip() -> None:
    shipped = Engine.from_settings()  # the test watchlist has no seats
    text = "Emmanuel Macron se rendra jeudi à Bruxelles pour le sommet européen."
    [alert] = shipped.tag(Article(id="t", text=text, language="fr"))
    assert "Q31" in summary(alert)[3]  # Belgium, where the EU sits
