"""``newswatch topics``: the topics the worker needs come from the taxonomy and the subscriptions,
named as the worker names them when it publishes, so nobody keeps a list by hand."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from stream_fakes import make_alert

from newswatch.cli import main
from newswatch.contracts import Article, Origin
from newswatch.engine.taxonomy import Taxonomy
from newswatch.exits import OK, USAGE
from newswatch.kafka.topics import max_record_bytes
from newswatch.settings import Settings, get_settings
from newswatch.stream.routing import alert_messages, dead_letter
from newswatch.stream.topics import worker_topics
from newswatch.subscriptions import Subscriptions
from support.toy_event_type import TOY, write_toy_data


@pytest.fixture
def toy_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    """The toy type in the taxonomy, through the environment as a deployment would set it."""
    paths = write_toy_data(tmp_path)
    monkeypatch.setenv("NEWSWATCH_TAXONOMY_PATH", str(paths["taxonomy_path"]))
    monkeypatch.setenv("NEWSWATCH_TOPIC_PARTITIONS", "6")
    get_settings.cache_clear()
    yield get_settings()
    get_settings.cache_clear()


def lines(capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    return {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}


def test_topics_lists_a_new_type_s_topic_and_every_other_one_the_worker_needs(
    toy_env: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = toy_env
    assert main(["topics"]) == OK
    listed = lines(capsys)

    types = Taxonomy.load(settings.taxonomy_path).types
    assert TOY in types and "state_visit" in types
    rules = Subscriptions.load(settings.subscriptions_path).rules
    assert set(listed) == {
        "news.articles",
        "news.alerts",
        "news.articles.dlq",
        "news.alerts.dlq",
        "news.stories.sightings",
        "news.config",
        *(f"news.alerts.{name.replace('_', '-')}" for name in types),
        *(f"news.alerts.sub.{rule.name}" for rule in rules),
    }
    assert listed["news.alerts.expulsion"] == "news.alerts.expulsion 6 1"
    assert listed["news.alerts.state-visit"] == "news.alerts.state-visit 6 1"
    # The config topic keeps its own partition count and compaction; raw articles their size.
    assert listed["news.config"] == "news.config 1 1 cleanup.policy=compact"
    size = max_record_bytes(settings)
    assert listed["news.articles"] == f"news.articles 6 1 max.message.bytes={size}"


def test_every_topic_the_worker_publishes_to_is_listed(toy_env: Settings) -> None:
    """The names come from the same Settings methods the routing uses: a type's topic listed
    is the topic its alerts go to, hyphens and all."""
    settings = toy_env
    listed = worker_topics(settings)
    article = Article(id="a1", text="x", language="en")
    rules = [rule.name for rule in Subscriptions.load(settings.subscriptions_path).rules]
    for event_type in Taxonomy.load(settings.taxonomy_path).types:
        for message in alert_messages(make_alert(article, event_type), settings, rules):
            assert message.topic in listed
    assert "news.alerts.expulsion" in listed
    letter = dead_letter(b"", "json", "bad", Origin(settings.topic_articles, 0, 0), settings)
    assert letter.topic in listed


def test_a_broken_taxonomy_is_one_line_and_status_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "taxonomy.yaml"
    broken.write_text("event_types: [\n", encoding="utf-8")
    monkeypatch.setenv("NEWSWATCH_TAXONOMY_PATH", str(broken))
    get_settings.cache_clear()
    try:
        assert main(["topics"]) == USAGE
    finally:
        get_settings.cache_clear()
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err.startswith(f"newswatch topics: {broken}")
