"""Who attends a summit, listed after the phrase that says so: "attended by", "Also attending
are", "en présence du", "Entre los líderes presentes figuran", "Unter den anwesenden Staatschefs",
"Tra i leader presenti", "alla presenza del". Each guest from abroad visits the summit's host.

Passages written for these tests, read as published on Wednesday 6 March 2024.
"""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import visits

_GUESTS = {("Macky Sall", "Ethiopia", "ongoing"), ("William Ruto", "Ethiopia", "ongoing")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The African Union summit opens in Addis Ababa today. Also attending are Senegal's "
            "President Macky Sall and Kenya's President William Ruto.",
        ),
        (
            "fr",
            "Le sommet de l'Union africaine s'est ouvert ce mercredi à Addis-Abeba, en présence du "
            "président sénégalais Macky Sall et du président kényan William Ruto.",
        ),
        (
            "es",
            "La cumbre de la Unión Africana se inauguró este miércoles en Adís Abeba. Entre los "
            "líderes presentes figuran el presidente senegalés Macky Sall y el presidente keniano "
            "William Ruto.",
        ),
        (
            "de",
            "Der Gipfel der Afrikanischen Union wurde am Mittwoch in Addis Abeba eröffnet. Unter "
            "den anwesenden Staatschefs sind der senegalesische Präsident Macky Sall und der "
            "kenianische Präsident William Ruto.",
        ),
        (
            "it",
            "Il vertice dell'Unione africana si è aperto oggi ad Addis Abeba. Tra i leader "
            "presenti ci sono il presidente senegalese Macky Sall e il presidente keniano "
            "William Ruto.",
        ),
    ],
)
def test_listed_guests_visit_the_summit_host(shipped: Engine, lang: str, text: str) -> None:
    assert visits(shipped, text, lang) == _GUESTS


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "it",
            "Il vertice dell'Unione africana si è aperto oggi ad Addis Abeba alla presenza del "
            "presidente senegalese Macky Sall.",
        ),
        (
            "es",
            "La cumbre de la Unión Africana se inauguró este miércoles en Adís Abeba en presencia "
            "del presidente senegalés Macky Sall.",
        ),
    ],
)
def test_a_guest_in_whose_presence_the_summit_opens(shipped: Engine, lang: str, text: str) -> None:
    assert visits(shipped, text, lang) == {("Macky Sall", "Ethiopia", "ongoing")}
