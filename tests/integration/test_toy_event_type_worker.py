"""A new event type end to end through the real ``newswatch worker`` on a real broker.

The toy type of ``tests/support/toy_event_type.py`` lives only in a temporary data directory:
the worker creates its topic at start from the taxonomy (nobody lists it), tags one article with
it, publishes the alert to the firehose and the type's topic, and opens a story for it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from worker_support import (
    Record,
    WorkerProcess,
    isolated_settings,
    newswatch_worker,
    produce,
    read_topic,
    worker_process,
)

from newswatch.contracts import Alert, schema_errors
from newswatch.engine.taxonomy import Taxonomy
from newswatch.kafka import make_consumer
from newswatch.settings import Settings
from newswatch.stream.stories import StoryPolicy
from support.toy_event_type import TOY, TOY_TEXT, write_toy_data

pytestmark = pytest.mark.integration

ARTICLE = {
    "id": "toy-1",
    "text": TOY_TEXT,
    "language": "en",
    "source": "Reuters",
    "published_at": "2024-03-05T10:00:00Z",
}


@pytest.fixture(scope="module")
def settings(kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    data = tmp_path_factory.mktemp("data")
    paths = write_toy_data(data)
    # Start-up time: English alone (the toy's trigger is English), so one spaCy model loads.
    for patterns in paths["patterns_dir"].glob("*.yaml"):
        if patterns.stem != "en":
            patterns.unlink()
    return isolated_settings(kafka_bootstrap, tmp_path_factory.mktemp("state")).model_copy(
        update=paths
    )


@pytest.fixture(scope="module")
def worker(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorkerProcess]:
    log_path = tmp_path_factory.mktemp("worker") / "worker.log"
    with worker_process(settings, newswatch_worker(), log_path) as running:
        yield running
        assert running.proc.poll() is None, running.log_text()[-4000:]


def partitions(settings: Settings, topic: str) -> int:
    """How many partitions the broker has for ``topic`` (0: no such topic)."""
    consumer = make_consumer(settings, group_id=None, enable_auto_commit=False)
    try:
        return len(consumer.partitions_for_topic(topic) or ())
    finally:
        consumer.close()


def test_a_toy_event_type_goes_through_the_worker_to_its_topic_and_a_story(
    worker: WorkerProcess, settings: Settings
) -> None:
    type_topic = settings.type_topic(TOY)
    assert type_topic == settings.topic_alerts_type_prefix + TOY
    # Created at start, from the taxonomy file, before the type's first alert.
    assert partitions(settings, type_topic) == settings.topic_partitions

    produce(settings, [json.dumps(ARTICLE).encode()])
    [alert] = read_topic(settings, settings.topic_alerts, 1, timeout_s=60)
    [typed] = read_topic(settings, type_topic, 1, timeout_s=15)
    assert typed.value == alert.value and typed.key == alert.key

    doc = json.loads(alert.value or b"")
    assert schema_errors("alert.v1", doc) == []
    assert doc["event_type"] == TOY
    assert [a["name"] for a in doc["actors"]] == ["Poland"]
    assert [t["name"] for t in doc["targets"]] == ["Russia"]
    assert (doc["update"], doc["story_articles"], doc["sources"]) == ("new", 1, ["Reuters"])

    # The story stage keeps the story under the type's key, with the id the alert was given.
    policy = StoryPolicy.of(Taxonomy.load(settings.taxonomy_path), settings)
    key = policy.key(Alert.model_validate(doc))
    assert key.startswith(f"{TOY}|")
    stories = changelog(settings, f"{settings.app_id}-stories-changelog", key)
    assert stories and json.loads(stories[-1].value or b"")["story_id"] == doc["story_id"]


def changelog(settings: Settings, topic: str, key: str, timeout_s: float = 15.0) -> list[Record]:
    """The records of one key on a table's changelog (Faust writes keys as JSON)."""
    records = read_topic(settings, topic, 1, timeout_s=timeout_s)
    return [r for r in records if r.key is not None and json.loads(r.key) == key]
