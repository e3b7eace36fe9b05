"""A bare "call" noun is a call when "between" its sides follows it ("the call between the two
leaders"); a call for something, or with reporters, is not. Passages written for these tests,
read as published on Wednesday 6 March 2024."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import calls


def test_the_call_between_the_two_leaders(shipped: Engine) -> None:
    text = (
        "Joe Biden spoke with Xi Jinping on Tuesday.\n\n"
        "The call between the two leaders lasted two hours."
    )
    assert calls(shipped, text, "en") == {("Joe Biden", "Xi Jinping", "phone")}


@pytest.mark.parametrize(
    "text",
    [
        "Volodymyr Zelensky renewed his call for talks with Russia on Tuesday.",
        "Olaf Scholz repeated his call with other leaders for a ceasefire on Tuesday.",
        "Olaf Scholz held a call with reporters after meeting Emmanuel Macron on Tuesday.",
    ],
)
def test_a_call_for_something_is_no_call(shipped: Engine, text: str) -> None:
    assert calls(shipped, text, "en") == set()
