"""Command-line parsing, the offline helpers behind ``newswatch tag``, and how mistakes end."""

from __future__ import annotations

import io
import json
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newswatch.cli import build_parser, main, parse
from newswatch.contracts import Alert, Article, ArticleRef, Evidence
from newswatch.exits import (
    BROKEN_PIPE,
    BUSY,
    FAILURE,
    INTERRUPTED,
    NO_INPUT,
    OK,
    REJECTED,
    UNAVAILABLE,
    USAGE,
)
from newswatch.ingest import ArticleDefaults, Parsed, Unreadable
from newswatch.offline import admit, alert_line, chunked, progress_bar, read_inputs
from newswatch.settings import Settings, get_settings
from newswatch_dev.broker import free_port


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


def test_poll_takes_a_sources_file_once_and_a_shard() -> None:
    args = parse(["poll", "deploy/config/sources.yaml", "--once", "--shard", "1/3"])
    assert (args.sources, args.once, args.shard) == (
        Path("deploy/config/sources.yaml"),
        True,
        (1, 3),
    )
    assert parse(["poll", "s.yaml"]).once is False
    for bad in ("3/3", "1", "a/b", "-1/2"):
        with pytest.raises(SystemExit):
            parse(["poll", "s.yaml", "--shard", bad])


def test_poll_names_the_file_and_line_of_a_mistake_before_looking_for_a_broker(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sources = tmp_path / "sources.yaml"
    sources.write_text("sources:\n  - name: gull\n    url: gopher://gull.example/\n")
    assert main(["poll", str(sources), "--once"]) == USAGE
    assert f"{sources}:3:" in capsys.readouterr().err


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


# -- mistakes: one line each, a status from the table ---------------------------------------------


@pytest.fixture
def fresh_settings() -> Iterator[None]:
    """``main`` reads the environment through the cached ``get_settings``: read it anew."""
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.mark.usefixtures("fresh_settings")
def test_a_bad_setting_is_one_line_that_names_it_and_status_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEWSWATCH_MAX_TEXT_CHARS", "abc")
    assert main(["tag", "seeds"]) == USAGE
    assert capsys.readouterr().err.splitlines() == [
        "newswatch tag: bad setting NEWSWATCH_MAX_TEXT_CHARS='abc': "
        "Input should be a valid integer, unable to parse string as an integer"
    ]


@pytest.mark.usefixtures("fresh_settings")
def test_settings_that_do_not_fit_together_are_one_line_too(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEWSWATCH_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
    assert main(["ingest", "seeds"]) == USAGE
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("newswatch ingest: bad setting SASL_SSL needs NEWSWATCH_KAFKA_SASL")


@pytest.mark.usefixtures("fresh_settings")
@pytest.mark.parametrize(
    "command",
    [["ingest", "seeds"], ["alerts"], ["worker"], ["notify"], ["replay", "--from", "earliest"]],
)
def test_no_broker_is_one_line_and_status_3_within_the_configured_time(
    command: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bootstrap = f"127.0.0.1:{free_port()}"  # nothing listens there
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", bootstrap)
    monkeypatch.setenv("NEWSWATCH_KAFKA_CONNECT_TIMEOUT_S", "0.5")
    start = time.monotonic()
    assert main(command) == UNAVAILABLE
    assert time.monotonic() - start < 5  # kafka-python alone would retry for 30 s
    assert capsys.readouterr().err.splitlines() == [
        f"newswatch {command[0]}: no Kafka broker answered at {bootstrap} within 0.5s; "
        "start one (make kafka) or set KAFKA_BOOTSTRAP_SERVERS"
    ]


@pytest.mark.usefixtures("fresh_settings")
def test_a_missing_data_file_named_by_a_setting_is_one_line_and_status_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "watchlist.yaml"
    monkeypatch.setenv("NEWSWATCH_WATCHLIST_PATH", str(missing))
    assert main(["tag", "seeds"]) == USAGE
    assert capsys.readouterr().err.splitlines() == [
        f"newswatch tag: {missing}:0: cannot read: No such file or directory"
    ]


def test_tag_refuses_what_the_worker_refuses_with_the_worker_s_reason() -> None:
    settings = Settings(max_text_chars=100, max_message_bytes=2048)
    fits = Parsed(Article(id="ok", text="x" * 100), "ok.txt")
    assert admit(fits, settings) == fits.article
    long = Parsed(Article(id="long", text="x" * 101), "long.txt")
    assert admit(long, settings) == "long.txt: text_too_long: text is 101 characters; limit is 100"
    big = Parsed(Article(id="big", text="é" * 100, title="t" * 2100), "big.txt")
    reason = admit(big, settings)
    assert isinstance(reason, str) and reason.startswith("big.txt: oversize: message is ")
    assert admit(Unreadable("bin.dat", "a binary file, not an article"), settings) == (
        "bin.dat: a binary file, not an article"
    )


def test_tag_reads_every_input_and_names_each_bad_one(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Le texte.", encoding="utf-8")
    (tmp_path / "bin.dat").write_bytes(b"\x00\x01binary")
    names = [str(tmp_path / n) for n in ("good.txt", "missing.txt", "bin.dat", "good.txt")]
    results = list(read_inputs(names, Settings(), jsonl=False, defaults=ArticleDefaults()))
    lines = [admit(r, Settings()) for r in results]
    assert [isinstance(line, Article) for line in lines] == [True, False, False, True]
    assert lines[1:3] == [
        f"{names[1]}: No such file or directory",
        f"{names[2]}: a binary file, not an article",
    ]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_tag_shows_progress_on_a_terminal_only_unless_told() -> None:
    def drained(enabled: bool | None, stream: io.StringIO) -> str:
        with progress_bar(enabled=enabled, stream=stream) as bar:
            bar.set_postfix(alerts=5, refresh=False)
            bar.update(3)
        return stream.getvalue()

    assert "3 inputs" in drained(None, _Terminal())
    assert "alerts=5" in drained(None, _Terminal())
    assert drained(None, io.StringIO()) == ""  # a file or a pipe: no bar
    assert drained(False, _Terminal()) == ""  # --no-progress
    assert "3 inputs" in drained(True, io.StringIO())
    assert parse(["tag", "--no-progress", "a.txt"]).no_progress is True


def test_the_readme_exit_code_table_is_the_one_the_commands_use() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    documented = {int(m) for m in re.findall(r"^\| (\d+) +\|", table, flags=re.MULTILINE)}
    used = {OK, REJECTED, USAGE, UNAVAILABLE, NO_INPUT, FAILURE, BUSY, INTERRUPTED, BROKEN_PIPE}
    assert documented == used
