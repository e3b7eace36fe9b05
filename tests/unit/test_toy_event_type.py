"""A new event type is data only: a taxonomy entry and a trigger give its alerts, its story key
and its topic, with no line of Python naming it (issue 11, item 1)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newswatch.contracts import Article
from newswatch.engine import Engine
from newswatch.engine.taxonomy import Taxonomy
from newswatch.settings import Settings
from newswatch.stream.stories import StoryPolicy
from support.toy_event_type import TOY, TOY_TEXT, write_toy_data


@pytest.fixture(scope="module")
def toy_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings().model_copy(update=write_toy_data(tmp_path_factory.mktemp("data")))


def test_a_toy_event_type_gets_alerts_a_story_and_a_topic(toy_settings: Settings) -> None:
    engine = Engine.from_settings(toy_settings)
    article = Article(
        id="toy",
        text=TOY_TEXT,
        language="en",
        published_at="2024-03-05T10:00:00+00:00",
    )
    [alert] = engine.tag(article, now=datetime(2024, 3, 5, 12, tzinfo=UTC))
    assert alert.event_type == TOY
    assert [a.name for a in alert.actors] == ["Poland"]
    assert [t.name for t in alert.targets] == ["Russia"]

    policy = StoryPolicy.of(Taxonomy.load(toy_settings.taxonomy_path), toy_settings)
    assert policy.key(alert).startswith(f"{TOY}||")
    assert toy_settings.type_topic(TOY) == toy_settings.topic_alerts_type_prefix + TOY
