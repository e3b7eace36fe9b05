"""One loader for analysts' YAML files, one error base for what newswatch reports."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from newswatch.contracts import SCHEMA_DIR, InvalidArticle, conforms, schema_validator
from newswatch.datafiles import DataFileError, file_stamp, load, parse_yaml, schema_problems
from newswatch.engine.watchlist import WatchlistError
from newswatch.errors import NewswatchError
from newswatch.evaluation.gold import GoldError
from newswatch.exits import CommandError
from newswatch.notify.decode import InvalidAlert
from newswatch.notify.sinks import DeliveryError
from newswatch.settings import Settings
from newswatch.subscriptions import Subscriptions, SubscriptionsError
from newswatch_dev.broker import BrokerError

TEXT = "version: 1\nrules:\n  - name: a\n    event_types:\n      - sanctions\n"


@pytest.mark.parametrize(
    "error",
    [
        DataFileError,
        WatchlistError,
        SubscriptionsError,
        InvalidArticle,
        InvalidAlert,
        DeliveryError,
        GoldError,
        CommandError,
        BrokerError,
    ],
)
def test_every_error_of_ours_is_a_newswatch_error(error: type[Exception]) -> None:
    assert issubclass(error, NewswatchError)


def test_data_file_errors_are_still_value_errors() -> None:
    for error in (DataFileError, WatchlistError, SubscriptionsError):
        assert issubclass(error, ValueError)


def test_lines_point_where_a_value_starts() -> None:
    document = parse_yaml(TEXT, "s.yaml")
    assert document.line([]) == 1
    assert document.line(["version"]) == 1
    assert document.line(["rules"]) == 3  # a block under its key starts on the next line
    assert document.line(["rules", 0]) == 3
    assert document.line(["rules", 0, "event_types"]) == 5
    assert document.line(["rules", 0, "event_types", 0]) == 5
    assert document.line(["rules", 0, "missing", "deeper"]) == 3  # the deepest entry present
    assert document.error(["rules", 0], "bad rule").args == ("s.yaml:3: bad rule",)


def test_a_repeated_key_is_refused_in_every_kind_of_file(tmp_path: Path) -> None:
    repeated = TEXT + "    event_types: [phone_call]\n"
    with pytest.raises(SubscriptionsError) as caught:
        Subscriptions.parse(repeated, source="s.yaml")
    assert str(caught.value) == "s.yaml:6: duplicate key 'event_types'"
    path = tmp_path / "taxonomy.yaml"
    path.write_text("version: 1\nversion: 2\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"taxonomy\.yaml:2: duplicate key 'version'"):
        load(path, "taxonomy.v1")


def test_a_file_that_cannot_be_read_is_line_0(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match=r"gone\.yaml:0: cannot read: No such file"):
        load(tmp_path / "gone.yaml", "taxonomy.v1")


def test_a_stamp_changes_with_the_file(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    assert file_stamp(path) is None
    path.write_text("a: 1\n", encoding="utf-8")
    first = file_stamp(path)
    path.write_text("a: 22\n", encoding="utf-8")
    assert first is not None and file_stamp(path) not in (None, first)


def _shipped(schema: str) -> Any:
    settings = Settings()
    path = {
        "watchlist.v1": settings.watchlist_path,
        "taxonomy.v1": settings.taxonomy_path,
        "patterns.v1": settings.patterns_dir / "fr.yaml",
        "subscriptions.v1": settings.subscriptions_path,
    }[schema]
    return copy.deepcopy(parse_yaml(path.read_text(encoding="utf-8"), str(path)).data)


def _break(document: Any, schema: str, how: str) -> Any:
    """One mistake of a kind analysts make, in a shipped file."""
    first_required = json.loads((SCHEMA_DIR / f"{schema}.json").read_text())["required"][0]
    if how == "unknown field":
        document["colour"] = "red"
    elif how == "missing field":
        del document[first_required]
    elif how == "wrong type":
        document[first_required] = [1]
    return document


@pytest.mark.parametrize(
    "schema", ["watchlist.v1", "taxonomy.v1", "patterns.v1", "subscriptions.v1"]
)
@pytest.mark.parametrize("how", ["none", "unknown field", "missing field", "wrong type"])
def test_the_quick_check_agrees_with_the_full_one(schema: str, how: str) -> None:
    """``conforms`` (Rust) only spares the full walk (jsonschema) on good files: both must agree."""
    document = _break(_shipped(schema), schema, how)
    problems = list(schema_problems(document, schema))
    assert conforms(schema, document) is (how == "none")
    assert bool(problems) is (how != "none")
    assert bool(list(schema_validator(schema).iter_errors(document))) is (how != "none")


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (["entities", -1, "id"], "P42"),  # ids are Wikidata items
        (["entities", -1, "aliases", "fr", 0], " Macron"),  # surface forms are trimmed
        (["entities", -1, "aliases", "fr"], []),  # a language with no form
        (["entities", -1, "kind"], "city"),  # closed set of kinds
    ],
)
def test_deep_mistakes_in_the_watchlist_fail_both_checks(path: list[Any], value: Any) -> None:
    document = _shipped("watchlist.v1")
    entity = next(e for e in document["entities"] if "fr" in e.get("aliases", {}))
    document["entities"].append(copy.deepcopy(entity))
    node = document
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    assert not conforms("watchlist.v1", document)
    assert list(schema_problems(document, "watchlist.v1"))
