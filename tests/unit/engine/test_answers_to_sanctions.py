"""A state that answers another's sanctions ("Москва ответит на новые санкции", "reagiert auf
die Sanktionen", "répondra aux sanctions") did not impose them and condemns them. Passages
written for these tests."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import sanctions


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "uk",
            "Москва відреагує на нові санкції ЄС проти російських банків.",
            {("Russia", "condemn", "European Union"), ("European Union", "impose", "Russia")},
        ),
        (
            "ru",
            "Москва ответит на новые санкции США против российских банков.",
            {("Russia", "condemn", "United States"), ("United States", "impose", "Russia")},
        ),
        (
            "de",
            "Peking reagiert auf die neuen Sanktionen der EU gegen chinesische Firmen.",
            {("China", "condemn", "European Union"), ("European Union", "impose", "China")},
        ),
        (
            "fr",
            "Paris répondra aux sanctions imposées par les États-Unis à la Chine.",
            {("France", "condemn", "United States"), ("United States", "impose", "China")},
        ),
    ],
)
def test_the_answering_state_condemns(
    shipped: Engine, lang: str, text: str, expected: set[tuple[str, str, str]]
) -> None:
    found = sanctions(shipped, text, lang)
    assert expected <= found
    assert not any(actor == "Russia" and action == "impose" for actor, action, _ in found)
