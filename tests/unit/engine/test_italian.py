"""Italian runs on rule patterns only (patterns/it.yaml): visits, calls and sanctions in the forms
Italian copy uses, and two traps that must stay silent.

The session watchlist has no Italian place names, so these tests bring a small one of their own;
only the Italian blank pipeline is loaded.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newswatch.contracts import Alert, Article
from newswatch.engine import Engine
from newswatch.engine.patterns import load_all
from newswatch.engine.taxonomy import Taxonomy
from newswatch.engine.watchlist import Watchlist
from newswatch.settings import Settings

from .conftest import summary

Tag = Callable[[str], list[Alert]]

MELONI, XI, BIDEN = "Q451791", "Q15031", "Q6279"
ITALY, CHINA, RUSSIA, USA, EU = "Q38", "Q148", "Q159", "Q30", "Q458"

WATCHLIST = {
    "version": 1,
    "entities": [
        {
            "id": MELONI,
            "name": "Giorgia Meloni",
            "kind": "person",
            "country": "IT",
            "roles": [{"role": "head_of_government", "country": "IT", "start": 2022, "end": None}],
            "aliases": {"*": ["Giorgia Meloni"]},
            "short": {"*": ["Meloni"]},
        },
        {
            "id": XI,
            "name": "Xi Jinping",
            "kind": "person",
            "country": "CN",
            "roles": [{"role": "head_of_state", "country": "CN", "start": 2013, "end": None}],
            "aliases": {"*": ["Xi Jinping"]},
            "short": {"*": ["Xi"]},
        },
        {
            "id": BIDEN,
            "name": "Joe Biden",
            "kind": "person",
            "country": "US",
            "roles": [{"role": "head_of_state", "country": "US", "start": 2021, "end": 2025}],
            "aliases": {"*": ["Joe Biden"]},
            "short": {"*": ["Biden"]},
        },
        {
            "id": ITALY,
            "name": "Italy",
            "kind": "country",
            "country": "IT",
            "aliases": {"it": ["Italia"]},
            "demonyms": {"it": ["italiano", "italiana", "italiani", "italiane"]},
            "metonyms": {"it": ["Roma", "Palazzo Chigi"]},
        },
        {
            "id": CHINA,
            "name": "China",
            "kind": "country",
            "country": "CN",
            "aliases": {"it": ["Cina"]},
            "demonyms": {"it": ["cinese", "cinesi"]},
            "metonyms": {"it": ["Pechino"]},
        },
        {
            "id": RUSSIA,
            "name": "Russia",
            "kind": "country",
            "country": "RU",
            "aliases": {"it": ["Russia"]},
            "demonyms": {"it": ["russo", "russa", "russi", "russe"]},
            "metonyms": {"it": ["Mosca", "Cremlino"]},
        },
        {
            "id": USA,
            "name": "United States",
            "kind": "country",
            "country": "US",
            "aliases": {"it": ["Stati Uniti"]},
            "demonyms": {"it": ["americano", "americana", "americani", "statunitense"]},
            "metonyms": {"it": ["Washington", "Casa Bianca"]},
        },
        {
            "id": EU,
            "name": "European Union",
            "kind": "organisation",
            "country": None,
            "aliases": {"it": ["Unione europea"]},
            "short": {"it": ["Ue"]},
        },
    ],
}


@pytest.fixture(scope="module")
def italian(settings: Settings) -> Tag:
    taxonomy = Taxonomy.load(settings.taxonomy_path)
    engine = Engine(
        settings,
        Watchlist.from_document(WATCHLIST),
        taxonomy,
        load_all(settings.patterns_dir, taxonomy),
    )

    def run(text: str) -> list[Alert]:
        article = Article(
            id="it", text=text, language="it", published_at="2024-03-12T10:00:00+01:00"
        )
        return engine.tag(article)

    return run


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a trip ahead, in the future tense, on an invitation
            "Giorgia Meloni si recherà a Pechino la prossima settimana su invito di Xi Jinping.",
            ("state_visit", (("status", "announced"),), {MELONI}, {CHINA, XI}),
        ),
        (  # arrived: the visitor is there now
            "Il presidente cinese Xi Jinping è arrivato ieri sera a Roma per una visita di Stato.",
            ("state_visit", (("status", "ongoing"),), {XI}, {ITALY}),
        ),
        (
            "Giorgia Meloni ha avuto un lungo colloquio telefonico con Joe Biden.",
            ("phone_call", (("medium", "phone"),), {MELONI}, {BIDEN}),
        ),
        (
            "L'Unione europea ha imposto nuove sanzioni contro la Russia.",
            ("sanctions", (("action", "impose"),), {EU}, {RUSSIA}),
        ),
        (  # the critic acts; the owner of the sanctions is the target
            "Mosca ha condannato le sanzioni degli Stati Uniti.",
            ("sanctions", (("action", "condemn"),), {RUSSIA}, {USA}),
        ),
        (
            "Washington ha revocato le sanzioni contro la Cina.",
            ("sanctions", (("action", "lift"),), {USA}, {CHINA}),
        ),
        (  # a summit abroad is a visit to its host; the present tense: under way
            "Giorgia Meloni partecipa al vertice di Pechino.",
            ("state_visit", (("status", "ongoing"),), {MELONI}, {CHINA}),
        ),
        (  # the summit named first, the verb last, in the future
            "Al vertice di Washington parteciperà anche Giorgia Meloni.",
            ("state_visit", (("status", "announced"),), {MELONI}, {USA}),
        ),
        (  # there, for the occasion
            "Giorgia Meloni è a Pechino per una visita di tre giorni.",
            ("state_visit", (("status", "ongoing"),), {MELONI}, {CHINA}),
        ),
        (  # a time word between the verb and the destination
            "Giorgia Meloni si è recata ieri a Mosca.",
            ("state_visit", (("status", "completed"),), {MELONI}, {RUSSIA}),
        ),
        (  # "in recent days" is still news, not history
            "Nei giorni scorsi Giorgia Meloni ha avuto un colloquio telefonico con Joe Biden.",
            ("phone_call", (("medium", "phone"),), {MELONI}, {BIDEN}),
        ),
    ],
)
def test_italian_events(
    italian: Tag, text: str, expected: tuple[str, tuple[tuple[str, str], ...], set[str], set[str]]
) -> None:
    event, attributes, actors, targets = expected
    assert [summary(a) for a in italian(text)] == [
        (event, attributes, frozenset(actors), frozenset(targets))
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a denied trip is no visit
        "Palazzo Chigi ha smentito che Giorgia Meloni si recherà a Mosca.",
        # asking for a lift is not a lift
        "Il Cremlino ha chiesto agli Stati Uniti di revocare le sanzioni.",
        # a lift only asked for
        "Mosca chiedeva da mesi la revoca delle sanzioni americane.",
        # a sports sanction is not a diplomatic one
        "La federazione ha sanzionato il club italiano con una multa per i cori razzisti.",
    ],
)
def test_italian_traps(italian: Tag, text: str) -> None:
    assert [summary(a) for a in italian(text)] == []
