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


@pytest.mark.parametrize(
    "text",
    [
        "习近平周二先后与普京和特朗普通电话。",
        "习近平周二分别同普京和特朗普通电话。",
    ],
)
def test_chinese_calls_told_in_turn_are_one_per_partner(shipped: Engine, text: str) -> None:
    # "先后", "分别": in turn; the caller stands before the "与" that opens the list.
    assert calls(shipped, text, "zh") == {
        ("Xi Jinping", "Vladimir Putin", "phone"),
        ("Xi Jinping", "Donald Trump", "phone"),
    }


def test_chinese_second_call_of_the_day_after(shipped: Engine) -> None:
    text = "特朗普周一与习近平通电话，并于周二与日本首相高市早苗通电话。"
    assert calls(shipped, text, "zh") == {
        ("Donald Trump", "Xi Jinping", "phone"),
        ("Donald Trump", "Sanae Takaichi", "phone"),
    }


def test_chinese_video_meeting_in_hong_kong_wording(shipped: Engine) -> None:
    assert calls(shipped, "習近平周二同普京舉行視像會晤。", "zh") == {
        ("Xi Jinping", "Vladimir Putin", "video")
    }
