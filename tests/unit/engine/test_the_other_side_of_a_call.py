"""A call told after its two people were named together ("X and Y discussed ... In the phone call,
X pressed for ..."): the definite "the call", "la conversación", "ce premier échange" is the call
the article introduced, and its other side is the person named with the one side before. Passages
written for these tests; published Wednesday 6 March 2024."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import calls


@pytest.mark.parametrize(
    ("lang", "text", "sides"),
    [
        (
            "fr",
            "Emmanuel Macron et Joe Biden ont évoqué lundi la situation au Proche-Orient, a fait"
            " savoir l'Élysée.\n\nLors de ce premier échange téléphonique depuis l'été, Emmanuel"
            " Macron a plaidé pour une trêve.",
            ("Emmanuel Macron", "Joe Biden"),
        ),
        (
            "es",
            "José Manuel Albares y Marco Rubio abordaron el lunes la situación en Venezuela.\n\n"
            "La conversación telefónica, que duró media hora, fue cordial, dijo Albares.",
            ("José Manuel Albares", "Marco Rubio"),
        ),
        (
            "en",
            "Emmanuel Macron and Joe Biden discussed the Middle East on Monday, the Elysee"
            " said.\n\nIn the phone call, Macron pressed for a truce, an aide said.",
            ("Emmanuel Macron", "Joe Biden"),
        ),
        (
            "de",
            "Olaf Scholz und Joe Biden haben am Montag über die Lage im Nahen Osten beraten.\n\n"
            "In dem Telefonat drängte Scholz auf eine Waffenruhe.",
            ("Olaf Scholz", "Joe Biden"),
        ),
    ],
)
def test_the_call_told_after_its_people_has_both_sides(
    shipped: Engine, lang: str, text: str, sides: tuple[str, str]
) -> None:
    assert calls(shipped, text, lang) == {(*sides, "phone")}


@pytest.mark.parametrize(
    "text",
    [
        # no definite word: a manner phrase, not the call the article introduced
        "Emmanuel Macron et Joe Biden ont évoqué lundi la situation au Proche-Orient.\n\n"
        "Emmanuel Macron a ensuite échangé par téléphone sur la trêve, selon un conseiller.",
        # the person named before is from the same country: no foreign side to take
        "Emmanuel Macron et Gabriel Attal ont évoqué lundi la situation au Proche-Orient.\n\n"
        "Lors de ce premier échange téléphonique depuis l'été, Emmanuel Macron a plaidé pour"
        " une trêve.",
    ],
)
def test_a_call_with_one_side_stays_unread_without_the_pair(shipped: Engine, text: str) -> None:
    assert calls(shipped, text, "fr") == set()
