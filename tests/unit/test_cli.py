"""Command-line parsing and the offline helpers behind ``newswatch tag``."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from newswatch.cli import build_parser, parse
from newswatch.contracts import Alert, ArticleRef, Evidence
from newswatch.ingest import ArticleDefaults, Parsed
from newswatch.offline import alert_line, chunked, read_inputs
from newswatch.settings import Settings


def test_commands_parse_with_their_options() -> None:
    parser = build_parser()
    args = parser.parse_args(["ingest", "seeds", "--source", "AFP", "--language", "fr"])
    assert (args.paths, args.source, args.language) == ([Path("seeds")], "AFP", "fr")
    args = parser.parse_args(["alerts", "--type", "state_visit", "-f", "--json"])
    assert (args.type, args.follow, args.json, args.idle_timeout) == (
        "state_visit",
        True,
        True,
        5.0,
    )
    assert parser.parse_args(["tag"]).paths == []


def test_notify_and_replay_get_every_later_argument_for_their_own_parser() -> None:
    args = parse(["notify", "--topics", "a", "b", "--help"])
    assert (args.command, args.rest) == ("notify", ["--topics", "a", "b", "--help"])
    assert parse(["replay", "--to-datetime", "x"]).rest == ["--to-datetime", "x"]
    assert parse(["alerts", "--rule", "sanctions-on-russia"]).rule == "sanctions-on-russia"
    with pytest.raises(SystemExit):
        parse(["alerts", "--rule", "r", "--type", "meeting"])
    evaluate = parse(["evaluate", "tests/gold/dev.jsonl", "--json"])
    assert (evaluate.gold, evaluate.json) == ([Path("tests/gold/dev.jsonl")], True)
    with pytest.raises(SystemExit):
        parse(["tag", "--no-such-option"])


@pytest.mark.parametrize("bad", ["FR", "fra", "f1"])
def test_language_must_be_an_iso_639_1_code(bad: str) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["tag", "--language", bad])


def test_a_command_is_required() -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args([])


def test_chunked_keeps_order_and_the_last_short_chunk() -> None:
    assert list(chunked(range(5), 2)) == [[0, 1], [2, 3], [4]]


def test_compact_line_is_the_published_bytes_and_pretty_is_the_same_document() -> None:
    alert = Alert(
        alert_id="0" * 32,
        event_type="meeting",
        cameo="043",
        evidence=[Evidence(text="t", start=0, end=1)],
        confidence=0.5,
        article=ArticleRef(id="a"),
        detected_at="2024-01-01T00:00:00+00:00",
    )
    compact = alert_line(alert, pretty=False)
    assert compact.encode() == alert.to_json()
    assert "\n" in alert_line(alert, pretty=True)
    assert json.loads(alert_line(alert, pretty=True)) == json.loads(compact)


def test_dash_reads_stdin_as_text_or_as_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Xi Jinping arrive.")))
    (text,) = read_inputs(["-"], settings, jsonl=False, defaults=ArticleDefaults(language="fr"))
    assert isinstance(text, Parsed) and text.article.language == "fr"

    lines = b'{"id": "a", "text": "t"}\n{"id": "b", "text": "u"}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines)))
    results = list(read_inputs([], settings, jsonl=True, defaults=ArticleDefaults()))
    ids = [r.article.id for r in results if isinstance(r, Parsed)]
    assert ids == ["a", "b"]
