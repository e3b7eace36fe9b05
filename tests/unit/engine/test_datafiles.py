"""Shipped taxonomy and patterns are valid; a broken file is reported with its line."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import pytest

from newswatch.engine.datafile import DataFileError
from newswatch.engine.patterns import load_all, load_language
from newswatch.engine.taxonomy import Taxonomy
from newswatch.settings import Settings

SETTINGS = Settings()


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return Taxonomy.load(SETTINGS.taxonomy_path)


# The head of the smallest patterns file: a language, a keyword, empty markers.
_MINIMAL = (
    "language: xx\nkeywords: [visit]\nmarkers: {target: [], host: [], agent: [], owner: []}\n"
)


def test_taxonomy_codes(taxonomy: Taxonomy) -> None:
    visit, sanctions = taxonomy["state_visit"], taxonomy["sanctions"]
    assert visit.code({"status": "announced"}).cameo == "036"
    assert visit.code({"status": "completed"}).cameo == "042"
    assert visit.code({"status": "cancelled"}).cameo.startswith("16")
    assert {a: sanctions.code({"action": a}).cameo for a in sanctions.attributes["action"]} == {
        "impose": "163",
        "extend": "163",
        "lift": "085",
        "threaten": "1312",
        "condemn": "111",
    }


def test_every_language_file_loads(taxonomy: Taxonomy) -> None:
    patterns = load_all(SETTINGS.patterns_dir, taxonomy)
    assert set(patterns) == {"de", "en", "es", "fr", "it", "ru", "uk", "zh"}
    for lang in patterns.values():
        events = {t.event for t in lang.triggers}
        assert {"state_visit", "phone_call", "sanctions"} <= events, lang.language


def test_every_phrase_trigger_passes_the_cascade_filter(taxonomy: Taxonomy) -> None:
    """A trigger the keyword filter would skip could never fire with the cascade on."""
    for lang in load_all(SETTINGS.patterns_dir, taxonomy).values():
        for trigger in lang.triggers:
            for phrase in trigger.phrases:
                assert lang.has_keyword(phrase), (lang.language, trigger.id, phrase)


def _literal_forms(token: dict[str, Any]) -> list[str] | None:
    """The words a pattern token accepts, when it lists them (``LOWER``/``ORTH``/``LEMMA``);
    ``None`` for a token the check cannot read (a regex, a part of speech, a wildcard)."""
    for attr in ("LOWER", "ORTH", "TEXT", "LEMMA"):
        value = token.get(attr)
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict) and set(value) == {"IN"}:
            return list(value["IN"])
        if isinstance(value, dict) and set(value) == {"REGEX"}:
            # "^(засудив|засудили)$", "^(санкці|обмежен)": plain alternatives (or word starts)
            plain = re.fullmatch(r"\^\(([^()\[\]\\.*+?{}^$]+)\)\$?", value["REGEX"])
            if plain:
                return plain.group(1).split("|")
    return None


# Scripts written without spaces between words: their tokens meet in the text with no glue.
UNSPACED = {"zh"}


def test_every_token_pattern_passes_the_cascade_filter(taxonomy: Taxonomy) -> None:
    """Every wording a token pattern lists must pass the keyword filter ("recevra" slipped
    through a list with "reçu" and "reçoit" only). Lemmas stand for their forms; patterns with
    a token the check cannot read (a regex, a wildcard) are left to the gold sets, which run
    with the cascade on and off."""
    missed = []
    for lang in load_all(SETTINGS.patterns_dir, taxonomy).values():
        for trigger in lang.triggers:
            for pattern in trigger.patterns:
                forms = [_literal_forms(token) for token in pattern]
                if all(words is not None for words in forms):
                    glue = "" if lang.language in UNSPACED else " "
                    wordings = [glue.join(ws) for ws in itertools.product(*forms)]  # type: ignore[arg-type]
                    missed += [
                        (lang.language, trigger.id, w)
                        for w in wordings
                        if not lang.has_keyword(f" {w} ")
                    ]
    assert missed == [], missed


def test_unknown_event_is_reported_with_its_line(taxonomy: Taxonomy, tmp_path: Path) -> None:
    path = tmp_path / "xx.yaml"
    path.write_text(
        _MINIMAL
        + "cues: {window: 5}\ntriggers:\n  - id: t1\n    event: parade\n    phrases: [visit]\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=r"xx\.yaml:7: unknown event parade"):
        load_language(path, taxonomy)


def test_a_gap_the_matcher_would_unroll_exponentially_is_refused(
    taxonomy: Taxonomy, tmp_path: Path
) -> None:
    """ "{0,30}" held one Chinese article for minutes and gigabytes; "*" says the same cheaply."""
    path = tmp_path / "xx.yaml"
    head = (
        _MINIMAL
        + "cues: {window: 5}\ntriggers:\n  - id: t1\n    event: state_visit\n    patterns:\n"
    )
    gap = '      - [{LOWER: a}, {IS_PUNCT: false, OP: "%s"}, {LOWER: visit}]\n'
    path.write_text(head + gap % "{0,30}", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"xx\.yaml:9: 30 optional tokens"):
        load_language(path, taxonomy)
    path.write_text(head + gap % "*", encoding="utf-8")
    assert load_language(path, taxonomy).triggers[0].id == "t1"


def test_a_reading_kept_beside_an_unknown_value_is_refused(
    taxonomy: Taxonomy, tmp_path: Path
) -> None:
    path = tmp_path / "xx.yaml"
    head = (
        _MINIMAL + "cues: {window: 5}\ntriggers:\n  - id: t1\n    event: sanctions\n"
        "    attributes: {action: impose}\n    beside: [%s]\n    phrases: [new sanctions]\n"
    )
    path.write_text(head % "denounce", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"xx\.yaml:\d+: denounce not allowed"):
        load_language(path, taxonomy)
    path.write_text(head % "condemn", encoding="utf-8")
    assert load_language(path, taxonomy).triggers[0].beside == ("condemn",)


def test_schema_error_is_reported_with_its_line(taxonomy: Taxonomy, tmp_path: Path) -> None:
    path = tmp_path / "xx.yaml"
    path.write_text(
        _MINIMAL + "cues: {window: 0}\ntriggers:\n  - id: t1\n    event: state_visit\n"
        "    phrases: [visit]\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=r"xx\.yaml:4: .*minimum"):
        load_language(path, taxonomy)


def test_bad_attribute_value_in_taxonomy(tmp_path: Path) -> None:
    text = SETTINGS.taxonomy_path.read_text(encoding="utf-8").replace(
        "defaults: {status: completed}", "defaults: {status: finished}"
    )
    path = tmp_path / "taxonomy.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match="'finished' not allowed"):
        Taxonomy.load(path)
