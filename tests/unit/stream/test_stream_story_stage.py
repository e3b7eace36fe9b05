"""The story tables' own rules: changelog topics and per-entry expiry (no broker needed)."""

from __future__ import annotations

import faust
import pytest

from newswatch.engine.taxonomy import Taxonomy
from newswatch.settings import Settings
from newswatch.stream.stories import Annotation, StoryPolicy, StoryState
from newswatch.stream.story_stage import StoryTables

SETTINGS = Settings(story_horizon_s=60.0)
POLICY = StoryPolicy.of(Taxonomy.load(SETTINGS.taxonomy_path), SETTINGS)


def tables(app_id: str = "newswatch-test") -> StoryTables:
    return StoryTables(faust.App(app_id, store="memory://"), SETTINGS, POLICY)


def test_changelogs_are_compacted_expiring_and_partitioned_like_the_sightings() -> None:
    made = tables()
    for table in (made.stories, made.annotations):
        topic = table.changelog_topic
        assert topic.partitions == SETTINGS.topic_partitions
        assert topic.config == {"cleanup.policy": "compact,delete", "retention.ms": "120000"}
    assert made.stories.changelog_topic.get_topic_name() == "newswatch-test-stories-changelog"


def test_an_app_id_mixing_dots_and_underscores_is_refused() -> None:
    with pytest.raises(ValueError, match="mixes"):
        tables("news_watch.prod")


def test_sweep_drops_only_expired_entries_from_memory() -> None:
    made = tables()
    state = StoryState(
        story_id="s", window_start=0.0, status=None, articles=1, sources=[], expires_at=100.0
    )
    note = Annotation(
        story_id="s", update="new", story_articles=1, story_sources=1, sources=[], expires_at=200.0
    )
    made.stories.data["old"] = state
    made.stories.data["live"] = state.derive(expires_at=300.0)
    made.annotations.data["a1"] = note
    assert made.sweep(now=150.0) == 1
    assert sorted(made.stories.data) == ["live"] and list(made.annotations.data) == ["a1"]
    assert made.sweep(now=250.0) == 1
    assert list(made.annotations.data) == []
