"""A new event type is data only: a taxonomy entry and a trigger give its alerts, its story key
and its topic, with no line of Python naming it (issue 11, item 1)."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newswatch.contracts import Article
from newswatch.engine import Engine
from newswatch.engine.taxonomy import Taxonomy
from newswatch.settings import Settings
from newswatch.stream.stories import StoryPolicy

DATA = Path(__file__).resolve().parents[2] / "services" / "newswatch" / "engine" / "data"

TOY_TYPE = """
  expulsion:
    description: A state expels another state's diplomats (actor = the expelling state).
    key_attribute: null
    actor_kinds: [country, organisation]
    attributes: {}
    defaults: {}
    requires: {actors: 1, targets: 1}
    codes:
      - {when: {}, cameo: "1246", plover: REDUCE}
"""

TOY_TRIGGER = """
  - id: en-expulsion
    event: expulsion
    strength: 0.8
    patterns:
      - [{LEMMA: expel}, {OP: "{0,3}"}, {LOWER: {IN: [diplomats, diplomat, ambassador, envoys]}}]
"""


@pytest.fixture(scope="module")
def toy_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    data = tmp_path_factory.mktemp("data")
    shutil.copytree(DATA / "patterns", data / "patterns")
    taxonomy = (DATA / "taxonomy.yaml").read_text(encoding="utf-8")
    (data / "taxonomy.yaml").write_text(
        taxonomy.replace("event_types:\n", "event_types:" + TOY_TYPE, 1), encoding="utf-8"
    )
    english = (data / "patterns" / "en.yaml").read_text(encoding="utf-8")
    english = english.replace("keywords: [", "keywords: [expel, ", 1)
    (data / "patterns" / "en.yaml").write_text(
        english.replace("triggers:\n", "triggers:" + TOY_TRIGGER, 1), encoding="utf-8"
    )
    return Settings(taxonomy_path=data / "taxonomy.yaml", patterns_dir=data / "patterns")


def test_a_toy_event_type_gets_alerts_a_story_and_a_topic(toy_settings: Settings) -> None:
    engine = Engine.from_settings(toy_settings)
    article = Article(
        id="toy",
        text="Poland expelled 45 Russian diplomats on Monday over a sabotage plot.",
        language="en",
        published_at="2024-03-05T10:00:00+00:00",
    )
    [alert] = engine.tag(article, now=datetime(2024, 3, 5, 12, tzinfo=UTC))
    assert alert.event_type == "expulsion"
    assert [a.name for a in alert.actors] == ["Poland"]
    assert [t.name for t in alert.targets] == ["Russia"]

    policy = StoryPolicy.of(Taxonomy.load(toy_settings.taxonomy_path), toy_settings)
    assert policy.key(alert).startswith("expulsion||")
    assert (
        toy_settings.type_topic("expulsion") == toy_settings.topic_alerts_type_prefix + "expulsion"
    )
