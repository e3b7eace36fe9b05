"""A common noun in lower case that shares its letters with a capital's case form ("воздушной
гавани", a harbour, against "Гавана") names no place; the capitalised name still does.

Passages written for these tests, read as published on Wednesday 6 March 2024.
"""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import visits


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # "гавани", "гавані": a harbour, lower case; "Гавана" in its case forms is Havana
        (
            "ru",
            "Владимир Путин прибыл в Пекин. Затем он покинул территорию воздушной гавани на "
            "лимузине.",
            {("Vladimir Putin", "China", "ongoing")},
        ),
        (
            "uk",
            "Володимир Зеленський прибув до Осло. Потім він покинув територію гавані на "
            "автомобілі.",
            {("Volodymyr Zelenskyy", "Norway", "ongoing")},
        ),
    ],
)
def test_a_common_noun_in_lower_case_is_no_place_name(
    shipped: Engine, lang: str, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert visits(shipped, text, lang) == expected


def test_a_capitalised_name_still_names_its_place(shipped: Engine) -> None:
    text = "Владимир Путин прибыл в Гавану для переговоров."
    assert visits(shipped, text, "ru") == {("Vladimir Putin", "Cuba", "ongoing")}
