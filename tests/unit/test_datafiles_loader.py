"""One loader for analysts' YAML files, one error base for what newswatch reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from newswatch.contracts import InvalidArticle
from newswatch.datafiles import DataFileError, file_stamp, load, parse_yaml
from newswatch.engine.watchlist import WatchlistError
from newswatch.errors import NewswatchError
from newswatch.evaluation.gold import GoldError
from newswatch.exits import CommandError
from newswatch.notify.decode import InvalidAlert
from newswatch.notify.sinks import DeliveryError
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
