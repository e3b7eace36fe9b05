"""Steps that tell where a trip stands: the way home ends it, a plan dated ahead is the trip's
date, the Spanish personal "a" marks the guest a host receives, and a flight out ("s'est envolé
pour") is a trip under way. Passages written for these tests; published Wednesday 6 March 2024."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import visits


@pytest.mark.parametrize(
    "text",
    [
        "Prime Minister Narendra Modi left for home after ending his week-long visit to Japan.",
        "Prime Minister Narendra Modi flew home on Tuesday after a three-day visit to Japan.",
    ],
)
def test_the_way_home_ends_the_trip(shipped: Engine, text: str) -> None:
    assert visits(shipped, text, "en") == {("Narendra Modi", "Japan", "completed")}


def test_leaving_for_the_next_stop_is_still_travel(shipped: Engine) -> None:
    text = "Prime Minister Narendra Modi left for Paris after ending his visit to Germany."
    assert ("Narendra Modi", "France", "ongoing") in visits(shipped, text, "en")


def test_a_plan_dated_ahead_dates_the_trip_told_in_the_present(shipped: Engine) -> None:
    text = (
        "Pedro Sánchez viaja a China para reunirse con el presidente Xi Jinping. "
        "La visita de Estado tendrá lugar los días 14 y 15 de marzo."
    )
    assert visits(shipped, text, "es") == {("Pedro Sánchez", "China", "announced")}


def test_a_plan_of_a_vague_month_dates_nothing(shipped: Engine) -> None:
    text = (
        "Pedro Sánchez viajó a China para reunirse con el presidente Xi Jinping. "
        "Es la primera visita desde que asumió el cargo en junio."
    )
    assert visits(shipped, text, "es") == {("Pedro Sánchez", "China", "completed")}


@pytest.mark.parametrize(
    "text",
    [
        "Joe Biden recibió a William Ruto en la Casa Blanca.",
        "El presidente Joe Biden recibió este martes a William Ruto en Washington.",
    ],
)
def test_the_guest_after_the_personal_a_is_the_visitor(shipped: Engine, text: str) -> None:
    assert {(v[0], v[1]) for v in visits(shipped, text, "es")} == {
        ("William Ruto", "United States")
    }


def test_a_place_after_a_is_still_a_destination(shipped: Engine) -> None:
    text = "William Ruto viajó a Washington el martes."
    assert visits(shipped, text, "es") == {("William Ruto", "United States", "completed")}


def test_an_arrival_told_just_before_its_place_is_that_trip(shipped: Engine) -> None:
    text = (
        "Xi Jinping llegó el miércoles por la tarde, según la agencia Xinhua. "
        "Su visita a Madrid durará dos días."
    )
    assert visits(shipped, text, "es") == {("Xi Jinping", "Spain", "ongoing")}


def test_the_time_that_has_come_is_no_arrival(shipped: Engine) -> None:
    text = (
        "Delcy Rodríguez afirmó que llegó el momento de levantar el bloqueo de Estados Unidos "
        "sobre Venezuela."
    )
    assert visits(shipped, text, "es") == set()


@pytest.mark.parametrize(
    ("text", "who", "where"),
    [
        (
            "Le président Lula s'est envolé pour l'Allemagne.",
            "Luiz Inácio Lula da Silva",
            "Germany",
        ),
        ("Emmanuel Macron s'est envolé pour les États-Unis.", "Emmanuel Macron", "United States"),
        (
            "Emmanuel Macron s'est effectivement envolé, lundi, pour Singapour.",
            "Emmanuel Macron",
            "Singapore",
        ),
    ],
)
def test_a_flight_out_is_a_trip_under_way(shipped: Engine, text: str, who: str, where: str) -> None:
    # The small French model tags "envolé" as an adjective whose lemma is itself.
    assert visits(shipped, text, "fr") == {(who, where, "ongoing")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Le président ghanéen John Mahama est arrivé mardi soir au Kenya, première étape "
            "d'une tournée de cinq jours qui le conduira également en Tanzanie et en Ouganda.",
        ),
        (
            "en",
            "Ghana's President John Mahama arrived in Kenya on Tuesday evening at the start of a "
            "five-day tour that will also take him to Tanzania and Uganda.",
        ),
        (
            "es",
            "El presidente de Ghana, John Mahama, llegó el martes a Kenia, primera etapa de una "
            "gira de cinco días que lo llevará también a Tanzania y Uganda.",
        ),
        (
            "it",
            "Il presidente del Ghana John Mahama è arrivato martedì in Kenya, prima tappa di un "
            "viaggio di cinque giorni che lo porterà anche in Tanzania e in Uganda.",
        ),
        (
            "de",
            "Ghanas Präsident John Mahama ist am Dienstagabend in Kenia eingetroffen. Die "
            "fünftägige Reise wird ihn anschließend nach Tansania und Uganda führen.",
        ),
    ],
)
def test_the_stops_a_tour_will_take_him_to_are_ahead(shipped: Engine, lang: str, text: str) -> None:
    assert visits(shipped, text, lang) == {
        ("John Mahama", "Kenya", "ongoing"),
        ("John Mahama", "Tanzania", "announced"),
        ("John Mahama", "Uganda", "announced"),
    }


def test_a_stay_told_in_the_future_is_a_trip_ahead(shipped: Engine) -> None:
    text = "Le président ghanéen John Mahama séjournera en France du 19 au 23 mars."
    assert visits(shipped, text, "fr") == {("John Mahama", "France", "announced")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # carrying something out is no journey
        ("es", "El presidente de Ghana, John Mahama, dijo que lo llevará a cabo en Kenia."),
        ("it", "Il presidente del Ghana John Mahama ha detto che lo porterà a termine."),
    ],
)
def test_carrying_out_is_no_stop(shipped: Engine, lang: str, text: str) -> None:
    assert visits(shipped, text, lang) == set()
