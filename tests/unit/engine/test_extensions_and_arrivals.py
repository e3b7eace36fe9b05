"""Three wordings real copy uses and the engine missed: an extension of sanctions "in force" (an
extension is always of sanctions in force, so the cue for their mere upkeep must not drop it), a
German decision "to extend" told with the infinitive at the clause's end, an arrival in "la
ciudad de" a capital, and a German minister named by a compound title. Passages written for these
tests, read as published on Wednesday 6 March 2024."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import calls, sanctions, visits


@pytest.mark.parametrize(
    "text",
    [
        "Die Europäische Union verlängert die bestehenden Sanktionen gegen Belarus um ein Jahr.",
        "Die EU hat beschlossen, die Sanktionen gegen Belarus wegen der Unterdrückung der "
        "Opposition im eigenen Land um ein weiteres Jahr zu verlängern.",
        "Die EU hat am Montag beschlossen, die restriktiven Maßnahmen gegen Belarus bis zum "
        "28. Februar 2025 zu verlängern.",
    ],
)
def test_an_extension_of_sanctions_in_force_is_news(shipped: Engine, text: str) -> None:
    assert sanctions(shipped, text, "de") == {("European Union", "extend", "Belarus")}


def test_the_upkeep_of_sanctions_in_force_is_still_no_imposition(shipped: Engine) -> None:
    text = "Trotz der bestehenden Sanktionen exportiert Belarus weiter Kalidünger nach Asien."
    assert sanctions(shipped, text, "de") == set()


def test_a_decision_still_wanted_is_no_extension(shipped: Engine) -> None:
    text = "Polen fordert, die Sanktionen gegen Belarus um ein Jahr zu verlängern."
    assert sanctions(shipped, text, "de") == set()


def test_an_arrival_in_the_city_of_a_capital_is_a_visit_under_way(shipped: Engine) -> None:
    text = (
        "El presidente de Chile, Gabriel Boric, llegó a la ciudad de Panamá, donde firmará "
        "un acuerdo comercial."
    )
    assert visits(shipped, text, "es") == {("Gabriel Boric", "Panama", "ongoing")}


def test_a_german_minister_with_a_compound_title_is_a_party(shipped: Engine) -> None:
    text = (
        "Außenministerin Annalena Baerbock telefonierte am Dienstag mit dem israelischen "
        "Verteidigungsminister Joav Gallant."
    )
    assert calls(shipped, text, "de") == {("Annalena Baerbock", "Joav Gallant", "phone")}
