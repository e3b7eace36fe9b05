"""Two ways a trip's report leaves its key fact implicit. A wire lead often names no destination
because the dateline gave it ("ISLAMABAD: Wang Yi arrived on Wednesday"): the lead's trip ends
where the story was filed. A trip told as the frame of something else ("lors d'une visite à Berlin",
"au cours de sa visite") takes its tense from the verb the frame hangs on. Passages written for
these tests, read as published on Wednesday 6 March 2024."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import visits


@pytest.mark.parametrize(
    ("lang", "text", "visit"),
    [
        (
            "en",
            "ISLAMABAD: Chinese Foreign Minister Wang Yi arrived in the federal capital on "
            "Wednesday for a three-day official visit, the Foreign Office said.",
            ("Wang Yi", "Pakistan", "ongoing"),
        ),
        (
            "en",
            "ISLAMABAD (Reuters) - Chinese Foreign Minister Wang Yi began a three-day official "
            "visit on Wednesday.",
            ("Wang Yi", "Pakistan", "ongoing"),
        ),
        (
            "fr",
            "BRASILIA, 6 mars (AFP) - Le ministre russe des Affaires étrangères Sergueï Lavrov "
            "est arrivé mercredi soir dans la capitale pour une visite de deux jours.",
            ("Sergey Lavrov", "Brazil", "ongoing"),
        ),
    ],
)
def test_a_lead_trip_without_destination_ends_at_the_dateline(
    shipped: Engine, lang: str, text: str, visit: tuple[str, str, str]
) -> None:
    assert visit in visits(shipped, text, lang)


def test_a_domestic_trip_under_a_dateline_is_no_visit(shipped: Engine) -> None:
    text = (
        "ISLAMABAD: Prime Minister Shehbaz Sharif arrived in the federal capital on Wednesday "
        "after a two-day tour of flood-hit districts."
    )
    assert not visits(shipped, text, "en")


def test_a_trip_told_below_the_lead_keeps_no_destination(shipped: Engine) -> None:
    text = (
        "ISLAMABAD: The cabinet met on Wednesday to discuss the budget. Chinese Foreign "
        "Minister Wang Yi arrived on Tuesday for a visit."
    )
    assert not visits(shipped, text, "en")


def test_a_trip_told_before_keeps_its_own_destination(shipped: Engine) -> None:
    text = (
        "WASHINGTON (AP) — Queen Elizabeth II had invited the president, and officials said "
        "they look forward to scheduling that trip."
    )
    assert not {v for v in visits(shipped, text, "en") if v[1] == "United States"}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "Barack Obama rencontrera les dirigeants des grands pays européens lors d'une "
            "visite à Berlin.",
            "announced",
        ),
        ("Barack Obama signera plusieurs accords au cours de sa visite à Berlin.", "announced"),
        ("Barack Obama a signé plusieurs accords au cours de sa visite à Berlin.", "completed"),
        ("Barack Obama a rencontré les dirigeants lors d'une visite à Berlin.", "completed"),
    ],
)
def test_a_trip_framing_another_act_takes_that_acts_tense(
    shipped: Engine, text: str, status: str
) -> None:
    assert ("Barack Obama", "Germany", status) in visits(shipped, text, "fr")


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the weekday is the day of publication, yet the trip ended on it
        (
            "en",
            "Prime Minister Sheikh Hasina returned home on Wednesday morning concluding her "
            "eight-day official visit to Saudi Arabia.",
            ("Sheikh Hasina", "Saudi Arabia", "completed"),
        ),
        (
            "fr",
            "Macky Sall est rentré mercredi à Dakar, concluant sa visite officielle en France.",
            ("Macky Sall", "France", "completed"),
        ),
        # still there while it ends
        (
            "en",
            "Narendra Modi is wrapping up his two-day visit to Sri Lanka.",
            ("Narendra Modi", "Sri Lanka", "ongoing"),
        ),
    ],
)
def test_a_trip_being_concluded_is_over_once_the_traveller_is_home(
    shipped: Engine, lang: str, text: str, expected: tuple[str, str, str]
) -> None:
    assert visits(shipped, text, lang) == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Narendra Modi flew home last evening after wrapping up his two-day Sri Lanka visit.",
            ("Narendra Modi", "Sri Lanka", "completed"),
        ),
        (
            "Joe Biden will make his first China trip next month.",
            ("Joe Biden", "China", "announced"),
        ),
    ],
)
def test_a_country_set_before_the_trip_noun_is_where_it_goes(
    shipped: Engine, text: str, expected: tuple[str, str, str]
) -> None:
    assert visits(shipped, text, "en") == {expected}
