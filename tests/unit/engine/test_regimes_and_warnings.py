"""A leader's government is the leader's state ("le gouvernement de Daniel Ortega", "the Maduro
regime"; an administration stays the existing cue's, see test_trip_status); a warning of possible
sanctions is a threat of them; a state slammed for sanctioning others is both condemned and the
one imposing. Passages written for these tests, read as published on Wednesday 6 March 2024."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import sanctions


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "L'Union européenne a averti le gouvernement de Daniel Ortega de possibles sanctions.",
        ),
        ("es", "La Unión Europea advirtió al gobierno de Daniel Ortega de posibles sanciones."),
        ("it", "L'Unione europea ha avvertito il governo di Daniel Ortega di possibili sanzioni."),
        (
            "de",
            "Die Europäische Union warnte die Regierung von Daniel Ortega vor möglichen "
            "Sanktionen.",
        ),
        ("en", "The European Union warned Daniel Ortega's government of possible sanctions."),
    ],
)
def test_a_warning_of_possible_sanctions_to_a_leaders_government_threatens_the_state(
    shipped: Engine, lang: str, text: str
) -> None:
    assert sanctions(shipped, text, lang) == {("European Union", "threaten", "Nicaragua")}


def test_a_regime_named_by_its_leader_is_the_state(shipped: Engine) -> None:
    text = "The Biden administration imposed sanctions on the Maduro regime on Wednesday."
    assert sanctions(shipped, text, "en") == {("United States", "impose", "Venezuela")}


def test_a_leader_named_alone_stays_the_person(shipped: Engine) -> None:
    text = "The European Union imposed sanctions on Daniel Ortega on Wednesday."
    assert sanctions(shipped, text, "en") == {("European Union", "impose", "Daniel Ortega")}


def test_slammed_for_sanctioning_is_a_condemnation_and_an_imposition(shipped: Engine) -> None:
    text = "Beijing on Wednesday slammed Washington for blacklisting Chinese firms."
    assert sanctions(shipped, text, "en") == {
        ("China", "condemn", "United States"),
        ("United States", "impose", "China"),
    }
