"""A tour's countries follow the tour word ("una gira por Argentina y Chile", "a tour of ...",
"eine Reise durch ..."): the longer marker wins over "por" read as an owner; a continent is no
stop. The hosts a visitor came to meet, named before "visit" in his own sentence, are not
travellers to his country. Passages written for these tests, read as published on Wednesday
6 March 2024."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import visits


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Pedro Sánchez realizará la próxima semana una gira por Argentina y Chile."),
        ("en", "Pedro Sánchez will make a tour of Argentina and Chile next week."),
    ],
)
def test_every_country_of_a_tour_is_a_stop(shipped: Engine, lang: str, text: str) -> None:
    assert visits(shipped, text, lang) == {
        ("Pedro Sánchez", "Argentina", "announced"),
        ("Pedro Sánchez", "Chile", "announced"),
    }


def test_the_hosts_named_before_the_visit_noun_stay_at_home(shipped: Engine) -> None:
    text = (
        "El presidente de Colombia, Gustavo Petro, aterrizó en Madrid para reunirse con el rey "
        "Felipe VI, el presidente del Gobierno español, Pedro Sánchez, y empresarios de la "
        "nación europea en una visita de Estado que se llevará a cabo hasta el viernes."
    )
    found = visits(shipped, text, "es")
    assert ("Gustavo Petro", "Spain", "ongoing") in found
    assert not {v for v in found if v[1] == "Colombia"}


def test_a_tour_of_a_continent_goes_to_no_country_of_its_own(shipped: Engine) -> None:
    text = (
        "Indonesian President Joko Widodo arrived in Nairobi on Wednesday, the first stop of "
        "a four-nation tour of Africa."
    )
    assert visits(shipped, text, "en") == {("Joko Widodo", "Kenya", "ongoing")}
