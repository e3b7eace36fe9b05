"""Wordings French agency copy uses for calls and sanctions: the day set off by commas between
the verb and its object ("ont annoncé, vendredi, une nouvelle série de sanctions"), a "contact
téléphonique" for a call, and the lifting of "une grande partie des sanctions". Passages written
for these tests, read as published on Wednesday 6 March 2024."""

from __future__ import annotations

from newswatch.engine import Engine
from support.passages import calls, sanctions


def test_a_call_told_as_a_telephone_contact(shipped: Engine) -> None:
    text = (
        "Le président Macky Sall a eu, ce mercredi 6 mars, un contact téléphonique avec "
        "Emmanuel Macron."
    )
    assert calls(shipped, text, "fr") == {("Macky Sall", "Emmanuel Macron", "phone")}


def test_sanctions_announced_with_the_day_between_commas(shipped: Engine) -> None:
    text = "Les États-Unis ont annoncé, vendredi, une nouvelle série de sanctions contre l'Iran."
    assert sanctions(shipped, text, "fr") == {("United States", "impose", "Iran")}


def test_lifting_a_large_part_of_the_sanctions(shipped: Engine) -> None:
    text = (
        "La Cédéao a décidé, dimanche, la levée d'une grande partie des sanctions contre le Niger."
    )
    assert sanctions(shipped, text, "fr") == {
        ("Economic Community of West African States", "lift", "Niger")
    }
