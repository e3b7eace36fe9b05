"""A stay is a person's, in a named place: "est en colère contre la Russie" names no place after
"en", and "La France est au Mali depuis 2013" or "Rusia está en Siria" is a country's presence,
no trip. An unnamed office holder ("le président chinois") still travels, and Spanish and Italian
read a stay with a day between the verb and the place ("está desde este lunes en Marruecos").

Passages written for these tests, read as published on Wednesday 6 March 2024.
"""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import visits


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Le président Emmanuel Macron est en colère contre la Russie."),
        ("fr", "Le chancelier Olaf Scholz est en désaccord avec la Chine sur les subventions."),
        ("fr", "La France est au Mali depuis 2013."),
        ("en", "Russia is in Syria to protect its naval base."),
        ("de", "Russland ist seit 2015 in Syrien."),
        ("es", "Rusia está en Siria desde 2015."),
        ("it", "La Russia è in Siria dal 2015."),
    ],
)
def test_no_stay_without_a_person_in_a_named_place(shipped: Engine, lang: str, text: str) -> None:
    assert visits(shipped, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Emmanuel Macron est depuis lundi en Chine.", ("Emmanuel Macron", "China")),
        ("fr", "Le président chinois est depuis lundi en France.", ("China", "France")),
        ("es", "Pedro Sánchez está desde este lunes en Marruecos.", ("Pedro Sánchez", "Morocco")),
        ("it", "Giorgia Meloni è da ieri in Francia.", ("Giorgia Meloni", "France")),
        ("en", "Joe Biden is in Israel today.", ("Joe Biden", "Israel")),
    ],
)
def test_a_person_in_a_named_place_is_visiting(
    shipped: Engine, lang: str, text: str, expected: tuple[str, str]
) -> None:
    assert visits(shipped, text, lang) == {(*expected, "ongoing")}


def test_a_stay_ahead_keeps_its_tense(shipped: Engine) -> None:
    # the place closes the pattern's match, so the verb's tense must still be read ("sera")
    text = "Le ministre Laurent Fabius sera dimanche à Alger."
    assert visits(shipped, text, "fr") == {("Laurent Fabius", "Algeria", "announced")}
