"""Logs are JSON on stderr with ids, and never carry long article text."""

from __future__ import annotations

import io
import json
import logging
import logging.config
from collections.abc import Iterator

import pytest

from newswatch.observability.logging import TruncateText, log_as_json, logging_config
from newswatch.settings import Settings


@pytest.fixture
def json_log() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    config = logging_config(Settings(log_text_max_chars=20, log_json=True))
    config["handlers"]["stderr"]["stream"] = stream
    logging.config.dictConfig(config)
    yield stream
    logging.config.dictConfig(logging_config(Settings()))


def test_records_are_json_with_extra_fields(json_log: io.StringIO) -> None:
    logging.getLogger("newswatch.test").info("alert published", extra={"alert_id": "abc"})
    record = json.loads(json_log.getvalue())
    assert record["message"] == "alert published"
    assert record["alert_id"] == "abc"
    assert record["level"] == "INFO"


def test_article_text_is_cut_in_fields_and_arguments(json_log: io.StringIO) -> None:
    text = "Xi Jinping se rendra en Russie " * 100
    logging.getLogger("newswatch.test").warning("rejected %s", text, extra={"text": text})
    record = json.loads(json_log.getvalue())
    assert record["text"] == text[:20] + "…"
    assert record["message"] == "rejected " + text[:20] + "…"


def test_filter_leaves_short_values_and_standard_attributes_alone() -> None:
    record = logging.LogRecord(
        "n", logging.INFO, "/a/very/long/path/name.py", 1, "m %s", ("ok",), None
    )
    assert TruncateText(max_chars=3).filter(record)
    assert record.pathname == "/a/very/long/path/name.py"
    assert record.args == ("ok",)


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


def test_people_get_plain_lines_machines_get_json_and_the_setting_wins() -> None:
    terminal, pipe = _Stream(tty=True), _Stream(tty=False)
    assert log_as_json(Settings(), terminal) is False
    assert log_as_json(Settings(), pipe) is True
    assert log_as_json(Settings(log_json=True), terminal) is True
    assert log_as_json(Settings(log_json=False), pipe) is False


def test_plain_lines_are_not_json(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stderr", _Stream(tty=True))
    config = logging_config(Settings())
    assert "()" not in config["formatters"]["default"]  # no JSON formatter class
    monkeypatch.setattr("sys.stderr", _Stream(tty=False))
    formatter = logging_config(Settings())["formatters"]["default"]
    assert formatter["()"] == "pythonjsonlogger.json.JsonFormatter"
