"""Leaders listed as a summit's guests travel to the summit's country: when the list comes well
after the sentence that placed the summit but names the summit again, when it says who is still
expected ("Among those in attendance will be", "Sont également attendus", "Erwartet werden"),
when the summit is placed by "of" ("la cumbre de Cartagena"), and when a later sentence names
travellers an earlier one only counted. Passages written for these tests, read as published on
Wednesday 6 March 2024."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import visits


def test_guests_named_long_after_the_summit_was_placed(shipped: Engine) -> None:
    text = (
        "Il primo ministro indiano Narendra Modi è arrivato stanotte in Puglia per il vertice "
        "del G7. È la sua prima missione all'estero dopo il voto. Questa mattina lo ha accolto "
        "Giorgia Meloni. I due hanno parlato di energia e di commercio. Nuova Delhi non manderà "
        "nessuno alla conferenza sul clima. Al vertice pugliese partecipano come invitati anche "
        "il presidente turco Recep Tayyip Erdogan e il presidente argentino Javier Milei."
    )
    found = visits(shipped, text, "it")
    assert ("Recep Tayyip Erdoğan", "Italy", "ongoing") in found
    assert ("Javier Milei", "Italy", "ongoing") in found


def test_guests_listed_without_the_summit_named_again_stay_unplaced(shipped: Engine) -> None:
    text = (
        "Il primo ministro indiano Narendra Modi è arrivato stanotte in Puglia per il vertice "
        "del G7. È la sua prima missione all'estero dopo il voto. Questa mattina lo ha accolto "
        "Giorgia Meloni. I due hanno parlato di energia e di commercio. Nuova Delhi non manderà "
        "nessuno alla conferenza sul clima. Sono arrivati anche il presidente turco Recep Tayyip "
        "Erdogan e il presidente argentino Javier Milei."
    )
    assert not {
        v for v in visits(shipped, text, "it") if v[1] == "Italy" and v[0] != "Narendra Modi"
    }


@pytest.mark.parametrize(
    ("lang", "text", "host"),
    [
        (
            "en",
            "The summit will be held in Nairobi next week. Among those in attendance will be "
            "French President Emmanuel Macron and German Chancellor Olaf Scholz.",
            "Kenya",
        ),
        (
            "en",
            "The summit opens in Nairobi next week. Leaders expected to attend include Emmanuel "
            "Macron and Olaf Scholz.",
            "Kenya",
        ),
        (
            "fr",
            "Le sommet s'ouvrira lundi à Nairobi. Sont également attendus le président français "
            "Emmanuel Macron et le chancelier allemand Olaf Scholz.",
            "Kenya",
        ),
        (
            "it",
            "Il vertice si terrà a Nairobi la settimana prossima. Sono attesi anche il presidente "
            "francese Emmanuel Macron e il cancelliere tedesco Olaf Scholz.",
            "Kenya",
        ),
        (
            "de",
            "Der Gipfel beginnt am Montag in Nairobi. Erwartet werden unter anderem der "
            "französische Präsident Emmanuel Macron und Bundeskanzler Olaf Scholz.",
            "Kenya",
        ),
    ],
)
def test_guests_still_expected_are_announced(
    shipped: Engine, lang: str, text: str, host: str
) -> None:
    assert visits(shipped, text, lang) == {
        ("Emmanuel Macron", host, "announced"),
        ("Olaf Scholz", host, "announced"),
    }


def test_guests_already_there_are_ongoing(shipped: Engine) -> None:
    text = (
        "The summit opened in Nairobi on Monday. Among the leaders in attendance were Emmanuel "
        "Macron and Olaf Scholz."
    )
    assert visits(shipped, text, "en") == {
        ("Emmanuel Macron", "Kenya", "ongoing"),
        ("Olaf Scholz", "Kenya", "ongoing"),
    }


def test_a_summit_placed_by_of(shipped: Engine) -> None:
    text = (
        "Para la cumbre de Cartagena se esperaba anoche a los presidentes de Nicaragua, Daniel "
        "Ortega, y de Cuba, Miguel Díaz-Canel."
    )
    assert visits(shipped, text, "es") == {
        ("Daniel Ortega", "Colombia", "announced"),
        ("Miguel Díaz-Canel", "Colombia", "announced"),
    }


def test_travellers_named_after_a_sentence_that_counted_them(shipped: Engine) -> None:
    text = (
        "Les présidents du Rwanda, du Kenya et le Premier ministre mauricien arrivent à "
        "Addis-Abeba pour le sommet de l'UA\n\n"
        "Le président du Rwanda, Paul Kagame, le président du Kenya, William Ruto, et le "
        "premier ministre de l'île Maurice, Navinchandra Ramgoolam, sont arrivés aujourd'hui à "
        "Addis-Abeba pour participer au sommet de l'UA."
    )
    assert visits(shipped, text, "fr") == {
        ("Paul Kagame", "Ethiopia", "ongoing"),
        ("William Ruto", "Ethiopia", "ongoing"),
        ("Navin Ramgoolam", "Ethiopia", "ongoing"),
    }


def test_a_host_named_beside_the_traveller_does_not_travel(shipped: Engine) -> None:
    text = (
        "Vladimir Poutine est arrivé mercredi à Hanoï. Le président vietnamien To Lam et "
        "Vladimir Poutine ont signé un accord, a indiqué le Kremlin."
    )
    found = visits(shipped, text, "fr")
    assert ("Vladimir Putin", "Vietnam", "ongoing") in found
    assert not {v for v in found if v[0] != "Vladimir Putin"}
