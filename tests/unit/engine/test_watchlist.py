"""The watchlist loader: what the shipped list holds, and how a broken file is reported."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from babel import Locale

from newswatch.contracts import Participant
from newswatch.engine.watchlist import Watchlist, WatchlistError, is_acronym
from newswatch.settings import DATA_DIR

SHIPPED = DATA_DIR / "watchlist.yaml"
# CLDR territory codes that are not ISO 3166-1 countries: regions, pseudo-locales, reserved codes.
NOT_ISO = {"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "ZZ"}


@pytest.fixture(scope="module")
def shipped() -> Watchlist:
    return Watchlist.load(SHIPPED)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "watchlist.yaml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD = """\
version: 1
entities:
  - id: Q148
    name: China
    kind: country
    country: CN
    aliases: {en: [China], fr: [Chine]}
    demonyms: {fr: [chinois, chinoise]}
  - id: Q15031
    name: Xi Jinping
    kind: person
    country: CN
    roles: [{role: head_of_state, country: CN, start: 2013, end: null}]
    aliases: {"*": [Xi Jinping], zh: [习近平]}
    short: {"*": [Xi]}
"""


# --- the shipped list -----------------------------------------------------------------------------


def test_every_iso_country_is_watched(shipped: Watchlist) -> None:
    territories = Locale("en").territories
    iso = {c for c in territories if isinstance(c, str) and re.fullmatch("[A-Z]{2}", c)} - NOT_ISO
    countries = {e.country for e in shipped if e.kind == "country"}
    assert iso - countries == set()
    assert len(countries) >= 249


def test_at_least_150_people_with_roles(shipped: Watchlist) -> None:
    people = [e for e in shipped if e.kind == "person" and e.roles]
    assert len(people) >= 150


def test_ids_the_seed_article_needs(shipped: Watchlist) -> None:
    expected = {
        "Q15031": "Xi Jinping",
        "Q7747": "Vladimir Putin",
        "Q148": "China",
        "Q159": "Russia",
        "Q7184": "NATO",
        "Q30": "United States",
        "Q212": "Ukraine",
        "Q3874799": "Volodymyr Zelenskyy",
    }
    assert {qid: getattr(shipped.get(qid), "name", None) for qid in expected} == expected
    names = {e.name for e in shipped}
    assert {"Qin Gang", "Dmytro Kuleba", "Antony Blinken"} <= names


def test_major_organisations_are_watched(shipped: Watchlist) -> None:
    wanted = [
        "UN",
        "EU",
        "NATO",
        "G7",
        "G20",
        "BRICS",
        "ASEAN",
        "IMF",
        "OPEC",
        "WTO",
        "WHO",
        "IAEA",
    ]
    en = {p.text: p.entity_id for p in shipped.alias_patterns("en")}
    missing = [a for a in wanted if a not in en or shipped.get(en[a]).kind != "organisation"]  # type: ignore[union-attr]
    assert missing == []


@pytest.mark.parametrize(
    ("role", "country", "year", "names"),
    [
        ("head_of_state", "CN", 2023, {"Xi Jinping"}),
        ("foreign_minister", "UA", 2023, {"Dmytro Kuleba"}),
        ("foreign_minister", "US", 2023, {"Antony Blinken"}),
        ("head_of_state", "RU", 2010, {"Dmitry Medvedev"}),
        ("head_of_government", "RU", 2010, {"Vladimir Putin"}),
    ],
)
def test_holders_by_year(
    shipped: Watchlist, role: str, country: str, year: int, names: set[str]
) -> None:
    assert {e.name for e in shipped.holders(role, country, year)} == names


def test_a_transition_year_counts_both_holders(shipped: Watchlist) -> None:
    names = {e.name for e in shipped.holders("foreign_minister", "CN", 2023)}
    assert names == {"Qin Gang", "Wang Yi"}


def test_current_holders_have_no_end(shipped: Watchlist) -> None:
    assert [e.name for e in shipped.holders("head_of_state", "RU", None)] == ["Vladimir Putin"]
    assert "Dmytro Kuleba" not in {e.name for e in shipped.holders("foreign_minister", "UA", None)}


@pytest.mark.parametrize(
    ("lang", "text", "entity", "form"),
    [
        ("fr", "Poutine", "Q7747", "short"),
        ("ru", "Путину", "Q7747", "short"),
        ("zh", "普京", "Q7747", "name"),
        ("fr", "Chine", "Q148", "name"),
        ("fr", "chinoises", "Q148", "demonym"),
        ("fr", "russe", "Q159", "demonym"),
        ("fr", "Pékin", "Q148", "metonym"),
        ("fr", "Kremlin", "Q159", "metonym"),
        ("fr", "Moscou", "Q159", "metonym"),
        ("fr", "États-Unis", "Q30", "name"),
        ("fr", "Etats-Unis", "Q30", "name"),
        ("fr", "OTAN", "Q7184", "short"),
        ("fr", "Xi", "Q15031", "short"),  # '*' aliases serve every language
        ("de", "Selenskyj", "Q3874799", "short"),
        ("en", "Kyiv", "Q212", "metonym"),
        ("en", "U.S.", "Q30", "short"),
        ("es", "alemanes", "Q183", "demonym"),
        ("de", "chinesischen", "Q148", "demonym"),
    ],
)
def test_alias_patterns_per_language(
    shipped: Watchlist, lang: str, text: str, entity: str, form: str
) -> None:
    found = {(p.entity_id, p.form) for p in shipped.alias_patterns(lang) if p.text == text}
    assert found == {(entity, form)}


def test_aliases_name_one_entity_per_language(shipped: Watchlist) -> None:
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for lang in [*shipped.languages, "*"]:
        for p in shipped.alias_patterns(lang):
            owners[(p.lang, p.text.casefold())].add(p.entity_id)
    assert {key: ids for key, ids in owners.items() if len(ids) > 1} == {}


def test_no_ambiguous_bare_surnames(shipped: Watchlist) -> None:
    texts = {p.text for lang in ["en", "fr"] for p in shipped.alias_patterns(lang)}
    assert texts & {"Li", "Wang", "Kim", "Lee", "Khan", "Sharif"} == set()


def test_acronyms_keep_their_case(shipped: Watchlist) -> None:
    by_text = {p.text: p for p in shipped.alias_patterns("fr")}
    assert by_text["USA"].case_sensitive and by_text["UE"].case_sensitive
    assert not by_text["Chine"].case_sensitive


def test_participant_is_watched_with_id(shipped: Watchlist) -> None:
    xi = shipped.get("Q15031")
    assert xi is not None
    assert xi.participant() == Participant(
        name="Xi Jinping", wikidata="Q15031", kind="person", country="CN", watched=True
    )


def test_shipped_file_matches_its_sources() -> None:
    from newswatch.engine.watchlist_build import main

    assert main(["--check", "--output", str(SHIPPED)]) == 0


# --- loading and errors ---------------------------------------------------------------------------


def test_small_list_loads(tmp_path: Path) -> None:
    watchlist = Watchlist.load(write(tmp_path, GOOD))
    assert len(watchlist) == 2
    assert [p.text for p in watchlist.alias_patterns("zh")] == ["习近平", "Xi Jinping", "Xi"]
    assert watchlist.get("Q1") is None


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("    kind: person\n", "    kind: human\n", 11, "'human' is not one of"),
        ("start: 2013", "start: 1013", 13, "1013 is less than the minimum"),
        ("  - id: Q15031\n", "  - id: Q148\n", 9, "duplicate id Q148 (first at line 3)"),
        ('{"*": [Xi]}', '{"*": [Chine]}', 15, "alias 'Chine' (*) already names Q148"),
        (
            "    country: CN\n    roles",
            "    country: CN\n    country: CN\n    roles",
            13,
            "duplicate key",
        ),
        (
            "aliases: {en: [China], fr: [Chine]}",
            "aliases: {en: [China], fr: [Chine]",
            8,
            "invalid YAML",
        ),
        ("end: null", "end: 2001", 13, "role ends (2001) before it starts (2013)"),
        (
            "    country: CN\n    aliases: {en",
            "    country: CN\n    capital: Beijing\n    aliases: {en",
            7,
            "unknown field",
        ),
    ],
)
def test_errors_point_at_the_line(
    tmp_path: Path, old: str, new: str, line: int, message: str
) -> None:
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(WatchlistError) as caught:
        Watchlist.load(path)
    assert str(caught.value).startswith(f"{path}:{line}: ")
    assert message in str(caught.value)


def test_shared_aliases_allow_an_intended_collision(tmp_path: Path) -> None:
    text = GOOD.replace('{"*": [Xi]}', '{"*": [Xi], fr: [Chine]}')
    with pytest.raises(WatchlistError):
        Watchlist.load(write(tmp_path, text))
    shared = text.replace("entities:", "shared_aliases: {fr: [Chine]}\nentities:")
    owners = {p.entity_id for p in Watchlist.load(write(tmp_path, shared)).alias_patterns("fr")}
    assert owners == {"Q148", "Q15031"}


def test_missing_file_is_a_watchlist_error(tmp_path: Path) -> None:
    with pytest.raises(WatchlistError, match=r"missing\.yaml:0: cannot read"):
        Watchlist.load(tmp_path / "missing.yaml")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("US", True), ("U.S.", True), ("НАТО", True), ("G7", True), ("Nato", False), ("中国", False)],
)
def test_is_acronym(text: str, expected: bool) -> None:
    assert is_acronym(text) is expected
