"""Italian reads what is only possible and whose sanctions are no state's, as the other
languages do: "potrebbe recarsi", "è pronto a recarsi ... se" are no trip; a football body's or
its players' sanctions are none of a state's. A trip announced and a state's sanctions stay.
Passages written for these tests, read as published on Wednesday 6 March 2024."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import sanctions, visits


@pytest.mark.parametrize(
    "text",
    [
        "Giorgia Meloni potrebbe recarsi a Washington il mese prossimo.",
        "Antonio Tajani è pronto a recarsi a Mosca se ci saranno le condizioni.",
    ],
)
def test_a_possible_trip_is_no_trip(shipped: Engine, text: str) -> None:
    assert visits(shipped, text, "it") == set()


def test_a_trip_announced_stays(shipped: Engine) -> None:
    text = "Giorgia Meloni si recherà a Washington il mese prossimo."
    assert visits(shipped, text, "it") == {("Giorgia Meloni", "United States", "announced")}


def test_a_football_body_s_sanctions_are_no_state_s(shipped: Engine) -> None:
    text = "La UEFA ha inflitto sanzioni alla Russia e ai suoi giocatori."
    assert sanctions(shipped, text, "it") == set()


def test_a_state_s_sanctions_stay(shipped: Engine) -> None:
    text = "L'Unione europea ha imposto nuove sanzioni alla Russia."
    assert sanctions(shipped, text, "it") == {("European Union", "impose", "Russia")}
