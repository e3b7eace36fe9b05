"""The sources file: schema, errors with file and line, reloads, and the shard split."""

from __future__ import annotations

from pathlib import Path

import pytest

from newswatch.contracts import schema_errors
from newswatch.ingest.poll.sources import LiveSources, Source, SourcesError, load_sources

REPO = Path(__file__).resolve().parents[3]
GOOD = """\
sources:
  - name: wendle-gull
    url: https://gull.example/rss.xml
    interval: 10m
    language: en
    source: The Wendle Gull
    headers:
      Authorization: Bearer abc
  - name: skerrow
    url: http://skerrow.example/atom.xml
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_good_file(tmp_path: Path) -> None:
    first, second = load_sources(_write(tmp_path, GOOD))
    assert first.interval_s == 600 and first.outlet == "The Wendle Gull"
    assert dict(first.headers) == {"Authorization": "Bearer abc"}
    assert second.interval_s == 300 and second.allow_private_network is False
    assert second.fetch_pages is True


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        # An unknown key: the line of its source entry, the key named in the message.
        (GOOD.replace("    language: en\n", "    langauge: en\n"), 2, "'langauge' was unexpected"),
        (GOOD.replace("url: http://skerrow", "url: ftp://skerrow"), 10, "does not match"),
        (GOOD.replace("interval: 10m", "interval: 2"), 4, "2 is not valid"),
        (GOOD.replace("name: skerrow", "name: wendle-gull"), 9, "duplicate source name"),
        (GOOD.replace("      Authorization:", "      Host:"), 8, "Host"),
        ("sources:\n  - name: a\n    url: [unclosed\n", 4, ""),
        ("sources:\n  - url: https://a.example/\n", 2, "'name' is a required property"),
    ],
)
def test_errors_name_file_and_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(SourcesError) as info:
        load_sources(path)
    message = str(info.value)
    assert message.startswith(f"{path}:{line}:"), message
    assert words in message


def test_missing_file_is_a_sources_error(tmp_path: Path) -> None:
    with pytest.raises(SourcesError):
        load_sources(tmp_path / "nope.yaml")


def test_reload_takes_a_good_version_and_keeps_the_last_on_a_bad_one(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD)
    live = LiveSources(path)
    assert live.refresh() is False
    path.write_text(GOOD + "  - name: third\n    url: https://third.example/feed\n")
    assert live.refresh() is True and len(live.current) == 3
    path.write_text("sources: [{name: broken}]\n")
    assert live.refresh() is False and len(live.current) == 3


def test_shards_are_stable_and_cover_every_source_once() -> None:
    sources = [Source(name=f"outlet-{i}", url="https://x.example/") for i in range(200)]
    shares = [{s.name for s in sources if s.shard(3) == i} for i in range(3)]
    assert set().union(*shares) == {s.name for s in sources}
    assert sum(map(len, shares)) == 200
    assert all(40 < len(share) < 95 for share in shares)
    # Not Python's salted hash: this value is the same in every process and version.
    assert Source(name="wendle-gull", url="https://x/").shard(1000) == 957


def test_the_shipped_example_is_valid() -> None:
    import yaml

    path = REPO / "deploy" / "config" / "sources.yaml"
    assert schema_errors("sources.v1", yaml.safe_load(path.read_text(encoding="utf-8"))) == []
    assert len(load_sources(path)) >= 3
