"""Plans told in Russian, Ukrainian and Chinese wire copy: the abbreviation "госвизит", a visit
that "начнется" (will begin), and a Chinese plan whose destinations are listed with the
enumeration comma "、", which separates list items, not clauses. Passages written for these
tests; published Wednesday 6 March 2024."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import visits


@pytest.mark.parametrize(
    ("lang", "text", "status"),
    [
        (
            "ru",
            "Программа госвизита президента России Владимира Путина в Таджикистан начнется в"
            " четверг с возложения венка.",
            "announced",
        ),
        ("ru", "Владимир Путин завершил госвизит в Таджикистан.", "completed"),
    ],
)
def test_a_russian_state_visit_abbreviated_keeps_its_status(
    shipped: Engine, lang: str, text: str, status: str
) -> None:
    assert visits(shipped, text, lang) == {("Vladimir Putin", "Tajikistan", status)}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "Державний візит президента Польщі Анджея Дуди до України розпочнеться в четвер.",
            "announced",
        ),
        (
            "Державний візит президента Польщі Анджея Дуди до України відбувся в понеділок.",
            "completed",
        ),
    ],
)
def test_a_ukrainian_visit_that_will_begin_is_a_plan(
    shipped: Engine, text: str, status: str
) -> None:
    assert {(v[1], v[2]) for v in visits(shipped, text, "uk")} == {("Ukraine", status)}


def test_a_chinese_plan_to_several_countries_is_a_plan_to_each(shipped: Engine) -> None:
    text = "国务委员兼外交部长王毅将于3月11日至15日对柬埔寨、马来西亚、老挝、泰国进行正式访问。"
    assert visits(shipped, text, "zh") == {
        ("Wang Yi", country, "announced")
        for country in ("Cambodia", "Malaysia", "Laos", "Thailand")
    }


def test_a_chinese_visit_to_one_country_is_unchanged(shipped: Engine) -> None:
    text = "王毅将于3月11日至15日对柬埔寨进行正式访问。"
    assert visits(shipped, text, "zh") == {("Wang Yi", "Cambodia", "announced")}
