"""Guests named after the verb: the gathering or the place first, then who came ("A la toma de
posesión de Bukele asistieron el rey y Milei", "A Capri sono arrivati Blinken e Baerbock"); the
one sworn in hosts them. And "already" before a presence is no history: "ya se encuentra en".

Passages written for these tests, read as published on Wednesday 6 March 2024.
"""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import visits

_GUESTS = {
    ("Felipe VI", "El Salvador", "ongoing"),
    ("Javier Milei", "El Salvador", "ongoing"),
}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "es",
            "A la toma de posesión de Nayib Bukele en San Salvador asisten este miércoles el rey "
            "Felipe VI y el presidente argentino Javier Milei.",
        ),
        (
            "it",
            "Alla cerimonia di insediamento di Nayib Bukele a San Salvador partecipano oggi il re "
            "Felipe VI e il presidente argentino Javier Milei.",
        ),
        ("es", "A San Salvador llegaron este miércoles el rey Felipe VI y Javier Milei."),
        ("it", "A San Salvador sono arrivati oggi il re Felipe VI e Javier Milei."),
    ],
)
def test_guests_named_after_the_verb_are_the_visitors(
    shipped: Engine, lang: str, text: str
) -> None:
    assert visits(shipped, text, lang) == _GUESTS


def test_the_one_sworn_in_hosts_the_guests(shipped: Engine) -> None:
    text = (
        "A la toma de posesión de Nayib Bukele en San Salvador asistirán el rey Felipe VI y el "
        "presidente argentino Javier Milei."
    )
    assert visits(shipped, text, "es") == {
        ("Felipe VI", "El Salvador", "announced"),
        ("Javier Milei", "El Salvador", "announced"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "El presidente argentino Javier Milei ya se encuentra en El Salvador.",
            {("Javier Milei", "El Salvador", "ongoing")},
        ),
        # "ya" with a past visit is still history
        ("El presidente argentino Javier Milei ya visitó El Salvador.", set()),
    ],
)
def test_already_there_is_no_history(
    shipped: Engine, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert visits(shipped, text, "es") == expected
