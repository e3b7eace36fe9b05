"""New sanctions still being worked on or still to be discussed are threatened, not imposed:
"travaille sur une nouvelle série de sanctions", "будет обсуждаться принятие нового пакета
санкций". Work on, or talk of, the sanctions already in force is neither. Passages written for
these tests, read as published on Wednesday 6 March 2024."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import sanctions


@pytest.mark.parametrize(
    ("lang", "text", "actor", "target"),
    [
        (
            "fr",
            "Washington travaille sur une nouvelle série de sanctions contre l'Iran.",
            "United States",
            "Iran",
        ),
        (
            "fr",
            "Washington travaille à un douzième paquet de sanctions contre la Russie.",
            "United States",
            "Russia",
        ),
        (
            "ru",
            "Евросоюз на саммите будет обсуждаться принятие нового, 20-го по счету, пакета "
            "санкций против России.",
            "European Union",
            "Russia",
        ),
    ],
)
def test_new_sanctions_in_the_works_are_threatened(
    shipped: Engine, lang: str, text: str, actor: str, target: str
) -> None:
    assert sanctions(shipped, text, lang) == {(actor, "threaten", target)}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Emmanuel Macron travaille sur les sanctions depuis des mois, a-t-il dit."),
        ("ru", "На саммите ЕС будут обсуждаться санкции против России."),
    ],
)
def test_work_on_or_talk_of_sanctions_in_force_is_no_threat(
    shipped: Engine, lang: str, text: str
) -> None:
    assert sanctions(shipped, text, lang) == set()
