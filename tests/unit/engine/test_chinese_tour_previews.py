"""A Chinese preview of a tour: the stops the article names with no mark of time, just after
it announces the tour, are stops of that tour (Chinese has no tense); "刚果(布)" with plain
parentheses is the Republic of the Congo; "结束对西班牙、阿根廷…国事访问" ends a visit to
each country of the list. Passages written for these tests, read as published on Wednesday
6 March 2024."""

from __future__ import annotations

from newswatch.engine import Engine
from support.passages import visits


def test_unmarked_stops_of_an_announced_tour_are_ahead(shipped: Engine) -> None:
    text = (
        "习近平主席将于3月19日至24日对塞内加尔进行国事访问。"
        "习近平主席访问卢旺达是中国国家主席首次访卢。"
    )
    assert visits(shipped, text, "zh") == {
        ("Xi Jinping", "Senegal", "announced"),
        ("Xi Jinping", "Rwanda", "announced"),
    }


def test_an_unmarked_trip_alone_keeps_its_reading(shipped: Engine) -> None:
    # nothing in the article says the tour lies ahead: the default stands
    assert visits(shipped, "习近平主席访问卢旺达是中国国家主席首次访卢。", "zh") == {
        ("Xi Jinping", "Rwanda", "completed")
    }


def test_a_country_written_with_plain_parentheses_in_a_list_of_stops(shipped: Engine) -> None:
    text = "王毅将于3月10日至15日访问纳米比亚、刚果(布)、乍得和尼日利亚。"
    assert visits(shipped, text, "zh") == {
        ("Wang Yi", "Namibia", "announced"),
        ("Wang Yi", "Republic of the Congo", "announced"),
        ("Wang Yi", "Chad", "announced"),
        ("Wang Yi", "Nigeria", "announced"),
    }


def test_a_finished_tour_listed_with_enumeration_commas(shipped: Engine) -> None:
    text = "在结束对西班牙、阿根廷、巴拿马、葡萄牙国事访问后,国家主席习近平回到北京。"
    assert visits(shipped, text, "zh") == {
        ("Xi Jinping", "Spain", "completed"),
        ("Xi Jinping", "Argentina", "completed"),
        ("Xi Jinping", "Panama", "completed"),
        ("Xi Jinping", "Portugal", "completed"),
    }
