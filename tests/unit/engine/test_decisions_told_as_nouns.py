"""Sanctions decided and told as a noun after the verb that announces them ("ha annunciato
l'imposizione di sanzioni", "anunció la imposición de sanciones"), and a lift whose verb stands
far from its sanctions ("levantó este martes la mayoría de las sanciones"). A plan told the same
way stays no imposition. Outrage or a protest at sanctions ("возмущено ... санкциями", "висловило
протест проти ... санкцій") condemns them. Passages written for these tests, read as published
on Wednesday 6 March 2024."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import sanctions


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "it",
            "Il presidente Joe Biden ha annunciato l'imposizione di sanzioni contro il Venezuela.",
        ),
        ("es", "Joe Biden anunció la imposición de sanciones contra Venezuela."),
    ],
)
def test_an_imposition_announced_is_imposed(shipped: Engine, lang: str, text: str) -> None:
    assert sanctions(shipped, text, lang) == {("United States", "impose", "Venezuela")}


def test_an_imposition_only_to_be_sought_is_not_imposed(shipped: Engine) -> None:
    text = "Joe Biden ha annunciato che chiederà l'imposizione di sanzioni contro il Venezuela."
    assert {s[1] for s in sanctions(shipped, text, "it")} != {"impose"}


def test_a_lift_told_with_its_day_between_verb_and_sanctions(shipped: Engine) -> None:
    text = (
        "Estados Unidos levantó este martes la mayoría de las sanciones restantes contra Venezuela."
    )
    assert sanctions(shipped, text, "es") == {("United States", "lift", "Venezuela")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "ru",
            "МИД России возмущено введёнными во вторник санкциями США против российских банков.",
        ),
        ("uk", "МЗС України висловило протест проти нових санкцій Росії щодо українських банків."),
    ],
)
def test_outrage_at_sanctions_condemns_them(shipped: Engine, lang: str, text: str) -> None:
    assert {s[1] for s in sanctions(shipped, text, lang)} >= {"condemn"}
