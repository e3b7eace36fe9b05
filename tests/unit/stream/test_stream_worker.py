"""The worker creates its tables' changelog topics itself, with the tables' own policy."""

from __future__ import annotations

from newswatch.settings import Settings
from newswatch.stream.app import create_app
from newswatch.stream.worker import changelog_configs


def test_every_table_changelog_is_declared_with_compaction_and_retention() -> None:
    settings = Settings(app_id="unit-worker", story_horizon_s=3600)
    configs = changelog_configs(create_app(settings))
    assert set(configs) == {"unit-worker-stories-changelog", "unit-worker-story-alerts-changelog"}
    for topic_configs in configs.values():
        assert topic_configs["cleanup.policy"] == "compact,delete"
        assert int(topic_configs["retention.ms"]) >= 2 * 3600 * 1000
