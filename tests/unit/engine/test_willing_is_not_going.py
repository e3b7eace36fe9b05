"""Willing to travel is no trip: "is ready to visit Washington if conditions are right", "is open
to visiting Moscow once he receives an invitation", "est prêt à se rendre à Moscou". And the
active "ha recibido presiones" received a thing, not a guest (the passive "ha sido recibido" did).
Passages written for these tests, read as published on Wednesday 6 March 2024."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import visits


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Vladimir Putin said on Monday he is ready to visit Washington if conditions are "
            "right.",
        ),
        ("en", "Donald Trump is open to visiting Moscow once he receives a formal invitation."),
        ("fr", "Emmanuel Macron s'est dit prêt à se rendre à Moscou."),
        ("es", "Pedro Sánchez se mostró dispuesto a viajar a Rabat."),
        (
            "es",
            "El presidente Miguel Díaz-Canel no asistirá a la cumbre en Los Ángeles porque ha "
            "recibido presiones del gobierno de Estados Unidos.",
        ),
    ],
)
def test_no_trip_only_offered(shipped: Engine, lang: str, text: str) -> None:
    assert visits(shipped, text, lang) == set()


def test_a_trip_decided_is_announced(shipped: Engine) -> None:
    text = "Emmanuel Macron se rendra à Moscou la semaine prochaine."
    assert visits(shipped, text, "fr") == {("Emmanuel Macron", "Russia", "announced")}


def test_a_guest_received_is_still_a_visitor(shipped: Engine) -> None:
    # the passive "ha sido recibido" keeps its guest; the active "ha recibido presiones" has none
    text = "El presidente Miguel Díaz-Canel ha sido recibido en Moscú por Vladimir Putin."
    assert {v for v, _, _ in visits(shipped, text, "es")} == {"Miguel Díaz-Canel"}
