"""Wordings French agency copy uses for calls and sanctions: the day set off by commas between
the verb and its object ("ont annoncé, vendredi, une nouvelle série de sanctions"), a "contact
téléphonique" for a call, the lifting of "une grande partie des sanctions", and names whose
capitals lost their accents ("des Etats de l'Afrique de l'Ouest"). Passages written for these
tests, read as published on Wednesday 6 March 2024."""

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


def test_sanctions_lifted_with_the_full_date_between_commas(shipped: Engine) -> None:
    text = (
        "La Cédéao a levé, mercredi 6 mars 2024, les sanctions économiques et financières "
        "imposées au Niger, après la libération de plusieurs détenus."
    )
    assert sanctions(shipped, text, "fr") == {
        ("Economic Community of West African States", "lift", "Niger")
    }


def test_sanctions_imposed_with_the_full_date_between_commas(shipped: Engine) -> None:
    text = "Le Canada a imposé, mercredi 6 mars 2024, de nouvelles sanctions à la Russie."
    assert sanctions(shipped, text, "fr") == {("Canada", "impose", "Russia")}


def test_a_long_name_whose_capital_lost_its_accent(shipped: Engine) -> None:
    # "Etats" for "États": agency copy drops the accents of capitals, not of small letters
    text = (
        "La Communauté économique des Etats de l'Afrique de l'Ouest a levé mercredi les "
        "sanctions prononcées contre le Niger."
    )
    assert sanctions(shipped, text, "fr") == {
        ("Economic Community of West African States", "lift", "Niger")
    }
