"""A country named again as a place ("visitará ese país", "se rendra dans ce pays", "will visit
that country") is the one named last before it: the country of the person named last in its
sentence, else of the sentence before. Passages written for these tests, read as published on
Wednesday 6 March 2024."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import visits


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "es",
            "El presidente Gabriel Boric habló por teléfono con su homólogo brasileño, Luiz "
            "Inácio Lula da Silva, y le confirmó que visitará ese país el próximo mes.",
            ("Gabriel Boric", "Brazil", "announced"),
        ),
        (
            "fr",
            "Emmanuel Macron a reçu lundi le président brésilien Lula. Il se rendra dans ce pays "
            "en mai.",
            ("Emmanuel Macron", "Brazil", "announced"),
        ),
        (
            "en",
            "Joe Biden spoke with Kenya's President William Ruto on Monday. Biden will visit that "
            "country next month.",
            ("Joe Biden", "Kenya", "announced"),
        ),
    ],
)
def test_that_country_is_the_one_named_last(
    shipped: Engine, lang: str, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in visits(shipped, text, lang)


def test_that_country_with_no_country_before_it_goes_nowhere(shipped: Engine) -> None:
    assert visits(shipped, "Emmanuel Macron se rendra dans ce pays en mai.", "fr") == set()
