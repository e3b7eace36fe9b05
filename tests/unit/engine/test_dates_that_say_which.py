"""A month or weekday with "prochain"/"next" or "dernier"/"last" beside it is the next one after
publication or the last one before it, whatever the nearest would be and whatever the tense of
the sentence around it.

Passages written for these tests, read as published on Wednesday 6 March 2024.
"""

from __future__ import annotations

from datetime import date

import pytest
import spacy

from newswatch.engine import Engine
from newswatch.engine.timeline import Timeline, TimeWords
from support.passages import visits


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a past-tense saying of a plan whose date is marked as the coming one
        (
            "fr",
            "L'Élysée a indiqué lundi qu'Emmanuel Macron avait accepté l'invitation de Narendra "
            "Modi pour une visite d'État en Inde en février prochain.",
        ),
        (
            "fr",
            "Le porte-parole a confirmé que Lula avait accepté de se rendre en Chine en janvier "
            "prochain.",
        ),
    ],
)
def test_a_plan_marked_for_the_coming_month_is_announced(
    shipped: Engine, lang: str, text: str
) -> None:
    assert {status for _, _, status in visits(shipped, text, lang)} == {"announced"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # July is nearer ahead than behind in March; "dernier", "last" say it is behind
        (
            "fr",
            "Après la visite d'État de Lula en Chine en juillet dernier, Pékin et Brasilia ont "
            "signé quinze accords commerciaux.",
        ),
        (
            "en",
            "After Lula's state visit to China last July, Beijing and Brasilia signed fifteen "
            "trade deals.",
        ),
        (
            "es",
            "Tras la visita de Estado de Lula a China el pasado 14 de julio, Pekín y Brasilia "
            "firmaron quince acuerdos.",
        ),
        (
            "es",
            "Tras la visita de Estado de Lula a China en julio pasado, Pekín y Brasilia firmaron "
            "quince acuerdos.",
        ),
        (
            "it",
            "Dopo la visita di Stato di Lula in Cina lo scorso luglio, Pechino e Brasilia hanno "
            "firmato quindici accordi.",
        ),
        (
            "de",
            "Nach dem Staatsbesuch von Lula in China im Juli vergangenen Jahres unterzeichneten "
            "Peking und Brasilia fünfzehn Abkommen.",
        ),
    ],
)
def test_a_visit_marked_for_a_month_gone_by_is_history(
    shipped: Engine, lang: str, text: str
) -> None:
    assert visits(shipped, text, lang) == set()


def test_an_unmarked_coming_date_still_reads_as_the_nearest(shipped: Engine) -> None:
    text = "Emmanuel Macron se rendra en Inde le 2 avril."
    assert visits(shipped, text, "fr") == {("Emmanuel Macron", "India", "announced")}


def _days(phrase: str, today: date) -> int | None:
    words = TimeWords(
        weekdays=(
            ("monday",),
            ("tuesday",),
            ("wednesday",),
            ("thursday",),
            ("friday",),
            ("saturday",),
            ("sunday",),
        ),
        months=tuple(
            (m,)
            for m in (
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            )
        ),
        units=(("year", 365),),
        next_words=("next",),
        last_words=("last",),
    )
    timeline = Timeline(words, spacy.blank("en").make_doc)
    found = timeline.expressions(phrase.split(), today)
    assert len(found) == 1, found
    return found[0].days


@pytest.mark.parametrize(
    ("phrase", "days"),
    [
        ("in march", 8),  # the nearest: 15 March, a day being unsaid
        ("next march", 373),  # said in March: next year's
        ("last march", -357),
        ("in march next year", 373),
        ("in april", 39),
        ("last april", -326),  # a year back from the nearest
        ("in april last year", -327),  # that year's April (2023 after a leap day)
        ("next april 2", 26),  # a day already ahead stays where it is
        ("next thursday", 7),  # said on a Thursday: a week ahead
        ("last thursday", -7),
        ("thursday", 0),
    ],
)
def test_the_marks_choose_the_year_or_week(phrase: str, days: int) -> None:
    assert _days(phrase, date(2024, 3, 7)) == days


@pytest.mark.parametrize(
    "text",
    [
        "Emmanuel Macron reist nächste Woche nach China.",
        "Emmanuel Macron reist kommende Woche nach China.",
    ],
)
def test_next_week_before_nach_is_a_date_not_a_stretch_of_time(shipped: Engine, text: str) -> None:
    # "Woche nach" is also "a week after": with "nächste" before it, it dates the trip
    assert visits(shipped, text, "de") == {("Emmanuel Macron", "China", "announced")}
