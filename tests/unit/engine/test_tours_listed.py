"""A tour told as one verb and its list of countries ("will visit Namibia, Chad and Nigeria",
"访问纳米比亚、乍得、尼日利亚") is one visit per country, as with "travel to"; a comma alone
that ends the list ("Namibia, Chad's president said") adds no stop. Passages written for these
tests, read as published on Wednesday 6 March 2024."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import visits

STOPS = {
    ("Wang Yi", "Namibia", "announced"),
    ("Wang Yi", "Chad", "announced"),
    ("Wang Yi", "Nigeria", "announced"),
}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Chinese Foreign Minister Wang Yi will visit Namibia, Chad and Nigeria next week."),
        ("zh", "中国外交部长王毅将于下周访问纳米比亚、乍得和尼日利亚。"),
        ("zh", "中国外交部长王毅将于下周访问纳米比亚、乍得、尼日利亚。"),
    ],
)
def test_each_country_of_the_list_is_a_stop(shipped: Engine, lang: str, text: str) -> None:
    assert visits(shipped, text, lang) == STOPS


def test_a_comma_alone_ends_the_list(shipped: Engine) -> None:
    text = "Wang Yi will visit Namibia next week, Chad's foreign minister said."
    assert visits(shipped, text, "en") == {("Wang Yi", "Namibia", "announced")}
