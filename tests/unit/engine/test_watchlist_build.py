"""The generator's pure steps: role strings, demonym forms, CLDR name clean-up."""

from __future__ import annotations

import pytest

from newswatch.engine.watchlist_build import cldr_names, demonym_forms, parse_roles


def test_role_spec_with_two_spans() -> None:
    assert parse_roles("foreign_minister CN 2013-2022,2023-") == [
        {"role": "foreign_minister", "country": "CN", "start": 2013, "end": 2022},
        {"role": "foreign_minister", "country": "CN", "start": 2023, "end": None},
    ]


def test_role_spec_for_an_organisation() -> None:
    assert parse_roles("leader @Q1065 2017-") == [
        {"role": "leader", "country": None, "org": "Q1065", "start": 2017, "end": None}
    ]


def test_bad_role_spec_is_refused() -> None:
    with pytest.raises(ValueError, match="bad role spec"):
        parse_roles("president of China since 2013")


@pytest.mark.parametrize(
    ("lang", "word", "forms"),
    [
        ("fr", "chinoise", ["chinoise", "chinoises"]),
        ("fr", "chinois", ["chinois"]),
        ("es", "alemán", ["alemán", "alemanes"]),
        ("es", "iraní", ["iraní", "iraníes"]),
        ("es", "ruso", ["ruso", "rusos"]),
        ("de", "russisch", ["russisch", "russische", "russischen", "russischer", "russisches"]),
        ("it", "russo", ["russo", "russi"]),
        ("it", "russa", ["russa", "russe"]),
        ("it", "cinese", ["cinese", "cinesi"]),
        ("it", "tedesco", ["tedesco"]),  # tedeschi: irregular plurals are written by hand
        ("en", "Russian", ["Russian"]),
    ],
)
def test_demonym_forms(lang: str, word: str, forms: list[str]) -> None:
    assert demonym_forms(lang, word) == forms


@pytest.mark.parametrize(
    ("lang", "cldr", "forms"),
    [
        ("en", "Myanmar (Burma)", ["Myanmar"]),
        ("en", "Congo - Kinshasa", []),
        ("en", "St. Kitts & Nevis", ["St. Kitts and Nevis", "Saint Kitts and Nevis"]),
        ("fr", "États-Unis", ["États-Unis", "Etats-Unis"]),
        ("fr", "Côte d’Ivoire", ["Côte d'Ivoire"]),
        ("ru", "о-ва Кука", ["острова Кука"]),
    ],
)
def test_cldr_names(lang: str, cldr: str, forms: list[str]) -> None:
    assert cldr_names(lang, cldr) == forms


def test_shipped_places_match_their_source() -> None:
    """engine/data/places.tsv is what places_build makes from GeoNames (a dev dependency)."""
    from newswatch.engine.places_build import main

    assert main(["--check"]) == 0
