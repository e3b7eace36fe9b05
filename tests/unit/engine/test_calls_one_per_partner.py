"""Calls told together are one call per partner when the words say so: a plural call noun
("held phone calls with", "провёл телефонные разговоры с") or a repeated "with" ("avec X ainsi
qu'avec Y"). A call with two partners and no such word stays one call. Passages written for these
tests, read as published on Wednesday 6 March 2024."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import calls

TWO_CALLS = {
    ("Emmanuel Macron", "Olaf Scholz", "phone"),
    ("Emmanuel Macron", "Joe Biden", "phone"),
}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Emmanuel Macron held phone calls with Olaf Scholz and Joe Biden on Tuesday."),
        (
            "fr",
            "Emmanuel Macron s'est entretenu mardi par téléphone avec Olaf Scholz ainsi qu'avec "
            "Joe Biden.",
        ),
        (
            "ru",
            "Эммануэль Макрон во вторник провёл телефонные разговоры с Олафом Шольцем и "
            "Джо Байденом.",
        ),
    ],
)
def test_calls_told_together_are_one_per_partner(shipped: Engine, lang: str, text: str) -> None:
    assert calls(shipped, text, lang) == TWO_CALLS


def test_one_call_with_two_partners_stays_one(shipped: Engine) -> None:
    text = "Emmanuel Macron s'est entretenu mardi par téléphone avec Olaf Scholz et Joe Biden."
    assert calls(shipped, text, "fr") == {("Emmanuel Macron", "Olaf Scholz", "phone")}
