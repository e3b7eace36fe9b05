"""Leaders arriving for a summit, told in the order they came: "First to arrive was X, followed by
Y and Z", "Le premier à arriver a été X, suivi de Y", "Il primo ad arrivare è stato X"; and the
arrivals told as begun ("comenzaron a llegar a Lima"). Each one listed visits the summit's host.
Passages written for these tests, read as published on Wednesday 6 March 2024."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import visits


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Arab leaders began arriving in Jeddah on Wednesday for the summit. First to arrive "
            "was Egyptian President Abdel Fattah el-Sisi, followed by Palestinian President "
            "Mahmoud Abbas and Tunisian President Kais Saied.",
        ),
        (
            "fr",
            "Les dirigeants arabes arrivent ce mercredi à Djeddah pour le sommet. Le premier à "
            "arriver a été le président égyptien Abdel Fattah al-Sissi, suivi du président "
            "palestinien Mahmoud Abbas et du président tunisien Kaïs Saïed.",
        ),
    ],
)
def test_everyone_in_an_order_of_arrival_visits_the_host(
    shipped: Engine, lang: str, text: str
) -> None:
    found = visits(shipped, text, lang)
    assert {visitor for visitor, host, status in found if host == "Saudi Arabia"} == {
        "Abdel Fattah el-Sisi",
        "Mahmoud Abbas",
        "Kais Saied",
    }


def test_the_first_to_arrive_in_italian(shipped: Engine) -> None:
    text = (
        "I leader arabi hanno iniziato ad arrivare a Gedda per il vertice. Il primo ad arrivare "
        "è stato il presidente egiziano Abdel Fattah al-Sisi."
    )
    assert ("Abdel Fattah el-Sisi", "Saudi Arabia", "ongoing") in visits(shipped, text, "it")


def test_arrivals_told_as_begun_in_spanish(shipped: Engine) -> None:
    text = "Evo Morales y Gabriel Boric comenzaron a llegar a Lima este miércoles."
    assert {(v, h) for v, h, _ in visits(shipped, text, "es")} == {
        ("Evo Morales", "Peru"),
        ("Gabriel Boric", "Peru"),
    }


def test_followed_by_outside_a_list_of_arrivals_adds_nobody(shipped: Engine) -> None:
    text = (
        "Emmanuel Macron est arrivé mercredi à Dakar, suivi de près par les critiques de "
        "Marine Le Pen."
    )
    assert {visitor for visitor, _, _ in visits(shipped, text, "fr")} == {"Emmanuel Macron"}


def test_arrivals_expected_at_the_summit_named_before(shipped: Engine) -> None:
    text = (
        "G7 leaders gather in Tokyo for the summit on Thursday. Among the arrivals expected later "
        "on Wednesday was Britain's Rishi Sunak. France's Emmanuel Macron and Germany's Olaf "
        "Scholz were expected to arrive on Thursday morning."
    )
    assert visits(shipped, text, "en") == {
        ("Rishi Sunak", "Japan", "announced"),
        ("Emmanuel Macron", "Japan", "announced"),
        ("Olaf Scholz", "Japan", "announced"),
    }


def test_already_there_is_at_the_place_named_before(shipped: Engine) -> None:
    text = (
        "Plusieurs chefs d'État sont arrivés mercredi à Addis-Abeba pour le sommet. Le président "
        "sénégalais Macky Sall est déjà sur place depuis quelques jours."
    )
    assert ("Macky Sall", "Ethiopia", "ongoing") in visits(shipped, text, "fr")
