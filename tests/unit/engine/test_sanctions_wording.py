"""Sanctions as copy tells them: German verdicts ("Sanktionsrunde ... verurteilt", "bezeichnet
... als rechtswidrig"), and French and Spanish announcements of a decided package. Passages
written for these tests."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import sanctions


@pytest.mark.parametrize(
    "text",
    [
        "Russland hat die jüngste Sanktionsrunde der Europäischen Union verurteilt.",
        "Moskau bezeichnet die EU-Sanktionen als rechtswidrig und zwecklos.",
    ],
)
def test_a_german_verdict_on_sanctions_condemns_them(shipped: Engine, text: str) -> None:
    assert sanctions(shipped, text, "de") == {("Russia", "condemn", "European Union")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "L'Union européenne a annoncé mardi un nouveau paquet de sanctions contre la Russie.",
        ),
        ("es", "La Unión Europea anunció el martes un nuevo paquete de sanciones contra Rusia."),
    ],
)
def test_a_package_announced_is_imposed(shipped: Engine, lang: str, text: str) -> None:
    assert sanctions(shipped, text, lang) == {("European Union", "impose", "Russia")}


@pytest.mark.parametrize(
    ("lang", "text", "action"),
    [
        (
            "fr",
            "L'Union européenne prépare un nouveau paquet de sanctions contre la Russie.",
            "threaten",
        ),
        ("es", "Washington anunció que impondrá nuevas sanciones a Venezuela.", "threaten"),
        ("es", "Washington anunció el levantamiento de las sanciones contra Venezuela.", "lift"),
    ],
)
def test_a_package_prepared_or_promised_is_not_yet_imposed(
    shipped: Engine, lang: str, text: str, action: str
) -> None:
    assert {s[1] for s in sanctions(shipped, text, lang)} == {action}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("zh", "中方多次表明反对立场，并采取了正当必要的反制措施。"),
        ("en", "Beijing said it had taken the necessary countermeasures."),
    ],
)
def test_countermeasures_against_no_one_named_are_no_sanctions(
    shipped: Engine, lang: str, text: str
) -> None:
    assert sanctions(shipped, text, lang) == set()


def test_countermeasures_against_a_named_target_are_sanctions(shipped: Engine) -> None:
    text = "中方决定对美国军工企业采取反制措施。"
    assert sanctions(shipped, text, "zh") == {("China", "impose", "United States")}
