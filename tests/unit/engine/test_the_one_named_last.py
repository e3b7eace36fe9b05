""" "The latter", "celui-ci", "ce dernier", "Letzterer": the person named last, where "il", "he"
stand for the one the sentence before was about. Passages written for these tests, read as
published on Wednesday 6 March 2024."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import visits


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "fr",
            "François Hollande parlera au président sortant Barack Obama. Celui-ci rencontrera "
            "la semaine prochaine les dirigeants européens lors d'une visite à Berlin.",
            ("Barack Obama", "Germany", "announced"),
        ),
        (
            "fr",
            "François Hollande a parlé lundi avec Barack Obama. Ce dernier se rendra la semaine "
            "prochaine à Berlin.",
            ("Barack Obama", "Germany", "announced"),
        ),
        (
            "en",
            "Justin Trudeau spoke on Monday with Joe Biden. The latter will travel to Berlin next "
            "week.",
            ("Joe Biden", "Germany", "announced"),
        ),
        (
            "de",
            "Olaf Scholz sprach am Montag mit Emmanuel Macron. Letzterer reist nächste Woche nach "
            "Peking.",
            ("Emmanuel Macron", "China", "announced"),
        ),
    ],
)
def test_the_latter_is_the_one_named_last(
    shipped: Engine, lang: str, text: str, expected: tuple[str, str, str]
) -> None:
    assert visits(shipped, text, lang) == {expected}


def test_a_subject_pronoun_is_still_the_subject(shipped: Engine) -> None:
    text = (
        "François Hollande a parlé lundi avec Barack Obama. Il se rendra la semaine prochaine à "
        "Berlin."
    )
    assert visits(shipped, text, "fr") == {("François Hollande", "Germany", "announced")}
