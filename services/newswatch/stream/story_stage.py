"""The story stage's state: two Faust tables, backed by compacted changelog topics.

``stories`` maps a story key to its current state; ``story-alerts`` maps an ``alert_id`` to the
annotation it was published with, so a redelivery is republished unchanged. Both are updated
from the sightings topic (partitioned by story key, as many partitions as the changelogs), so a
restarted or rebalanced worker recovers exactly the stories of its partitions.

Entries expire like Faust's windowed tables: the changelog deletes records older than the
retention (``compact,delete``), a timer drops expired entries from memory, and an expired entry
read before the sweep counts as absent.
"""

from __future__ import annotations

import time
from typing import Any

import faust
from faust.types import TableT

from newswatch.contracts import Alert
from newswatch.kafka import validate_topic_name
from newswatch.settings import Settings
from newswatch.stream.stories import (
    Annotation,
    Outcome,
    Sighting,
    StoryPolicy,
    StoryState,
    annotated,
    cluster,
)


def _changelog_configs(policy: StoryPolicy) -> dict[str, Any]:
    return {
        "cleanup.policy": "compact,delete",
        "retention.ms": str(int(policy.retention_s * 1000)),
    }


class StoryTables:
    def __init__(self, app: faust.App, settings: Settings, policy: StoryPolicy) -> None:
        self.policy = policy
        options: dict[str, Any] = {
            "key_type": str,
            "partitions": settings.topic_partitions,
            "extra_topic_configs": _changelog_configs(policy),
        }
        self.stories: TableT[str, StoryState] = app.Table(
            "stories", value_type=StoryState, help="Story key to story state.", **options
        )
        self.annotations: TableT[str, Annotation] = app.Table(
            "story-alerts",
            value_type=Annotation,
            help="Alert id to the story annotation it was published with.",
            **options,
        )
        for table in (self.stories, self.annotations):
            validate_topic_name(table.changelog_topic.get_topic_name())

    def annotate(self, sighting: Sighting, now: float | None = None) -> tuple[Alert, Outcome]:
        """Cluster one sighting and record it; only inside the agent reading the sightings."""
        now = time.time() if now is None else now
        alert = Alert.model_validate(sighting.alert)
        outcome = cluster(
            alert,
            sighting.event_time,
            self.stories.get(sighting.story_key),
            self.annotations.get(alert.alert_id),
            self.policy,
            now,
        )
        if outcome.state is not None:
            self.stories[sighting.story_key] = outcome.state
            self.annotations[alert.alert_id] = outcome.annotation
        return annotated(alert, outcome.annotation), outcome

    def sweep(self, now: float | None = None) -> int:
        """Drop expired entries from memory (no changelog record: its retention does that)."""
        now = time.time() if now is None else now
        dropped = 0
        tables: tuple[TableT[str, Any], ...] = (self.stories, self.annotations)
        for table in tables:
            store = table.data
            expired = [key for key, value in list(store.items()) if value.expires_at <= now]
            for key in expired:
                store.pop(key, None)
            dropped += len(expired)
        return dropped
