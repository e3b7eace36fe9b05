"""Stories, subscription topics and live reload in the real ``newswatch worker`` on a real broker.

One settings object serves the module and the tests run in order, as a story unfolds: five
articles about one state visit (French and English, five outlets) with a worker restart between
the third and the fourth; the same five again; the visit completed; sanctions for a rule; then the
watchlist and the subscriptions edited while the worker runs. The worker starts twice in all.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from kafka import TopicPartition
from kafka.admin import ConfigResource, ConfigResourceType
from worker_support import (
    REPO,
    WorkerProcess,
    isolated_settings,
    newswatch_worker,
    produce,
    worker_process,
)

from newswatch.contracts import schema_errors
from newswatch.kafka import make_admin, make_consumer, make_producer
from newswatch.settings import Settings

pytestmark = pytest.mark.integration

VISIT = [  # (id, language, source, text): Xi Jinping's state visit to France, announced
    ("sv1", "fr", "Le Monde", "Le président chinois Xi Jinping se rendra en France lundi pour une "
     "visite d'État, a annoncé l'Élysée."),
    ("sv2", "en", "Reuters", "Chinese President Xi Jinping will travel to France on Monday for a "
     "state visit, the Elysee said."),
    ("sv3", "fr", "Le Figaro", "Xi Jinping effectuera une visite d'État en France la semaine "
     "prochaine, à l'invitation d'Emmanuel Macron."),
    ("sv4", "en", "BBC", "Xi Jinping will pay a state visit to France next week, Chinese officials "
     "announced."),
    ("sv5", "fr", "France 24", "Xi Jinping se rendra en France pour une visite d'État, a annoncé "
     "Pékin."),
]  # fmt: skip
COMPLETED = ("sv6", "fr", "AFP", "Xi Jinping a quitté Paris mercredi après une visite d'État de "
             "deux jours en France.")  # fmt: skip
IMPOSE = ("sa1", "en", "Reuters", "The European Union imposed new sanctions on Russia on Friday.")
CONDEMN = ("sa2", "en", "Reuters", "China condemned the sanctions imposed on Russia by the "
           "United States.")  # fmt: skip
ZORBLAX = "Zorblax Quint will travel to France on Monday for a state visit, the Elysee said."
ZORBLAX_ID = "Q999999001"
ZORBLAX_ENTRY = f"""
- id: {ZORBLAX_ID}
  name: Zorblax Quint
  kind: person
  country: IS
  roles:
  - {{role: head_of_state, country: IS, start: 2020, end: null}}
  aliases:
    '*': [Zorblax Quint]
"""
ZORBLAX_RULE = f"""
  - name: zorblax
    entities: [{ZORBLAX_ID}]
    updates: [new, corroborated, status_changed]
"""
RULE = "sanctions-on-russia"
Doc = dict[str, Any]


def message(article_id: str, language: str, source: str, text: str, day: int = 6) -> bytes:
    hour = 8 + int(article_id[-1]) if article_id[-1].isdigit() else 8
    return json.dumps(
        {
            "id": article_id,
            "text": text,
            "language": language,
            "source": source,
            "published_at": f"2024-05-{day:02d}T{hour:02d}:00:00Z",
        }
    ).encode()


def of(docs: list[Doc], *ids: str) -> list[Doc]:
    """The documents of these articles, in the order published."""
    return [d for d in docs if d["article"]["id"] in ids]


def wait_until(check: Callable[[], bool], timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


def metric(worker: WorkerProcess, sample: str) -> float:
    for line in worker.get("/metrics").text.splitlines():
        name, _, value = line.rpartition(" ")
        if name == sample:
            return float(value)
    return 0.0


@pytest.fixture(scope="module")
def settings(kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    base = Settings()
    data = tmp_path_factory.mktemp("data")
    shutil.copyfile(base.watchlist_path, data / "watchlist.yaml")
    shutil.copyfile(REPO / "deploy" / "config" / "subscriptions.yaml", data / "subscriptions.yaml")
    return isolated_settings(kafka_bootstrap, tmp_path_factory.mktemp("state")).model_copy(
        update={
            "watchlist_path": data / "watchlist.yaml",
            "subscriptions_path": data / "subscriptions.yaml",
            "reload_interval_s": 1.0,
        }
    )


class Worker:
    """The module's worker: started on demand, restartable, always stopped at the end."""

    def __init__(self, settings: Settings, logs: Path) -> None:
        self.settings = settings
        self.logs = logs
        self.starts = 0
        self._stack: contextlib.ExitStack | None = None
        self.process: WorkerProcess | None = None

    def start(self) -> WorkerProcess:
        if self.process is None:
            self.starts += 1
            self._stack = contextlib.ExitStack()
            log_path = self.logs / f"worker-{self.starts}.log"
            self.process = self._stack.enter_context(
                worker_process(self.settings, newswatch_worker(), log_path)
            )
        return self.process

    def stop(self) -> None:
        """SIGTERM (the worker drains and commits); it must not have died before."""
        if self._stack is None or self.process is None:
            return
        alive, log = self.process.proc.poll() is None, self.process.log_text()
        self._stack.close()
        self._stack, self.process = None, None
        assert alive, log[-4000:]


@pytest.fixture(scope="module")
def worker(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Worker]:
    manager = Worker(settings, tmp_path_factory.mktemp("logs"))
    try:
        yield manager
    finally:
        manager.stop()


def published(
    settings: Settings, topic: str, until: Callable[[list[Doc]], bool], timeout_s: float = 90.0
) -> list[Doc]:
    """Every document on ``topic`` from the start, once ``until`` holds for them (bounded)."""
    consumer = make_consumer(settings, group_id=None, enable_auto_commit=False)
    docs: list[Doc] = []
    try:
        deadline = time.monotonic() + timeout_s
        while not consumer.partitions_for_topic(topic) and time.monotonic() < deadline:
            time.sleep(0.5)  # a rule's topic is created with its first alert
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        assert partitions, f"topic {topic} never appeared"
        consumer.assign(partitions)
        consumer.seek_to_beginning(*partitions)
        while not until(docs):
            assert time.monotonic() < deadline, f"timed out on {topic}; got {story_view(docs)}"
            for batch in consumer.poll(timeout_ms=250).values():
                docs += [json.loads(r.value) for r in batch]
    finally:
        consumer.close()
    assert all(schema_errors("alert.v1", d) == [] for d in docs)
    return docs


def having(*ids: str, times: int = 1) -> Callable[[list[Doc]], bool]:
    def check(docs: list[Doc]) -> bool:
        seen = Counter(d["article"]["id"] for d in docs)
        return all(seen[i] >= times for i in ids)

    return check


def firehose(settings: Settings, *ids: str, times: int = 1) -> list[Doc]:
    return published(settings, settings.topic_alerts, having(*ids, times=times))


def first_copies(docs: list[Doc]) -> list[Doc]:
    """What a subscriber deduplicating by alert_id keeps; every copy must tell the same story."""
    kept: dict[str, Doc] = {}
    for doc in docs:
        first = kept.setdefault(doc["alert_id"], doc)
        assert {k: v for k, v in doc.items() if k != "detected_at"} == {
            k: v for k, v in first.items() if k != "detected_at"
        }
    return list(kept.values())


def story_view(docs: list[Doc]) -> list[tuple[object, ...]]:
    return [
        (d["article"]["id"], d["update"], d["story_articles"], d["story_sources"]) for d in docs
    ]


VISIT_IDS = [a[0] for a in VISIT]


def test_five_articles_make_one_story_across_a_worker_restart(
    worker: Worker, settings: Settings
) -> None:
    worker.start()
    produce(settings, [message(*a) for a in VISIT[:3]])
    firehose(settings, *VISIT_IDS[:3])
    worker.stop()  # between the third and the fourth article: the tables recover from changelogs
    running = worker.start()
    produce(settings, [message(*a) for a in VISIT[3:]])
    docs = first_copies(of(firehose(settings, *VISIT_IDS), *VISIT_IDS))

    assert story_view(docs) == [
        ("sv1", "new", 1, 1),
        ("sv2", "corroborated", 2, 2),
        ("sv3", "corroborated", 3, 3),
        ("sv4", "corroborated", 4, 4),
        ("sv5", "corroborated", 5, 5),
    ]
    assert len({d["story_id"] for d in docs}) == 1
    assert docs[-1]["sources"] == ["Le Monde", "Reuters", "Le Figaro", "BBC", "France 24"]
    corroborated = 'newswatch_alerts_emitted_total{event_type="state_visit",update="corroborated"}'
    # The worker counts an alert once its send is acknowledged, which can land just after the
    # firehose above has read it: wait for the count, within a bound.
    deadline = time.monotonic() + 10
    while metric(running, corroborated) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert metric(running, corroborated) >= 2  # this process published sv4 and sv5 at least


def test_replaying_the_five_articles_republishes_them_unchanged(
    worker: Worker, settings: Settings
) -> None:
    worker.start()
    before = Counter(d["article"]["id"] for d in firehose(settings, *VISIT_IDS))
    produce(settings, [message(*a) for a in VISIT])
    docs = published(
        settings,
        settings.topic_alerts,
        lambda docs: all(
            Counter(d["article"]["id"] for d in docs)[i] > before[i] for i in VISIT_IDS
        ),
    )
    story = of(docs, *VISIT_IDS)
    assert len(first_copies(story)) == 5  # same alert ids, same annotations (checked per copy)
    assert {d["article"]["id"] for d in story if d["update"] == "new"} == {"sv1"}
    assert max(d["story_articles"] for d in story) == 5


def test_the_visit_completed_is_a_status_change_of_the_same_story(
    worker: Worker, settings: Settings
) -> None:
    worker.start()
    produce(settings, [message(*COMPLETED, day=7)])  # within the 48 h horizon
    docs = first_copies(firehose(settings, "sv6"))
    (done,) = of(docs, "sv6")
    (announced,) = of(docs, "sv1")
    assert (done["update"], done["story_articles"], done["attributes"]) == (
        "status_changed",
        6,
        {"status": "completed"},
    )
    assert done["story_id"] == announced["story_id"]


def test_the_sanctions_rule_topic_gets_the_impose_alert_and_not_the_condemn_one(
    worker: Worker, settings: Settings
) -> None:
    worker.start()
    produce(settings, [message(*IMPOSE), message(*CONDEMN)])
    docs = first_copies(firehose(settings, "sa1", "sa2"))
    actions = {d["article"]["id"]: d["attributes"]["action"] for d in of(docs, "sa1", "sa2")}
    assert actions == {"sa1": "impose", "sa2": "condemn"}
    # sa2 is on the firehose, so its rule topics were written too (one send, awaited together).
    routed = published(settings, settings.subscription_topic(RULE), having("sa1"))
    assert [(d["article"]["id"], d["update"]) for d in first_copies(routed)] == [("sa1", "new")]


def test_editing_the_watchlist_and_the_subscriptions_changes_the_next_alerts(
    worker: Worker, settings: Settings
) -> None:
    running = worker.start()
    starts = worker.starts
    produce(settings, [message("z1", "en", "AP", ZORBLAX)])
    (before,) = first_copies(of(firehose(settings, "z1"), "z1"))
    assert [a["watched"] for a in before["actors"]] == [False]

    reloads = 'newswatch_config_reloads_total{kind="engine",outcome="ok"}'
    ok_before = metric(running, reloads)
    with settings.watchlist_path.open("a", encoding="utf-8") as watchlist:
        watchlist.write(ZORBLAX_ENTRY)
    wait_until(lambda: metric(running, reloads) > ok_before, 60, "the watchlist to reload")

    subscribed = 'newswatch_config_reloads_total{kind="subscriptions",outcome="ok"}'
    subs_before = metric(running, subscribed)
    with settings.subscriptions_path.open("a", encoding="utf-8") as subscriptions:
        subscriptions.write(ZORBLAX_RULE)
    wait_until(lambda: metric(running, subscribed) > subs_before, 30, "the subscriptions")

    produce(settings, [message("z2", "en", "AFP", ZORBLAX)])
    (after,) = first_copies(of(firehose(settings, "z2"), "z2"))
    assert [(a["wikidata"], a["watched"]) for a in after["actors"]] == [(ZORBLAX_ID, True)]
    routed = published(settings, settings.subscription_topic("zorblax"), having("z2"))
    assert {d["article"]["id"] for d in routed} == {"z2"}
    assert worker.starts == starts  # no restart for either edit


def test_a_subscriptions_version_pushed_to_the_config_topic_takes_over(
    worker: Worker, settings: Settings
) -> None:
    running = worker.start()
    pushed = settings.subscriptions_path.read_text(encoding="utf-8").replace(
        "name: zorblax", "name: zorblax-pushed"
    )
    subscribed = 'newswatch_config_reloads_total{kind="subscriptions",outcome="ok"}'
    before = metric(running, subscribed)
    producer = make_producer(settings)
    try:
        producer.send(settings.topic_config, key=b"subscriptions", value=pushed.encode()).get(30)
    finally:
        producer.close()
    wait_until(lambda: metric(running, subscribed) > before, 30, "the pushed subscriptions")

    produce(settings, [message("z3", "en", "BBC", ZORBLAX)])
    routed = published(settings, settings.subscription_topic("zorblax-pushed"), having("z3"))
    assert [(d["article"]["id"], d["update"]) for d in first_copies(routed)] == [
        ("z3", "corroborated")
    ]


def test_story_changelogs_expire_and_the_config_topic_is_compacted(
    worker: Worker, settings: Settings
) -> None:
    worker.start()  # Faust creates the changelog topics
    retention = str(int(2 * settings.story_horizon_s * 1000))
    expected = {
        f"{settings.app_id}-stories-changelog": ("compact,delete", retention),
        f"{settings.app_id}-story-alerts-changelog": ("compact,delete", retention),
        settings.topic_config: ("compact", None),
    }
    admin = make_admin(settings)
    try:
        resources = [ConfigResource(ConfigResourceType.TOPIC, name) for name in expected]
        described = admin.describe_configs(resources)["topic"]
    finally:
        admin.close()
    for name, (policy, retention_ms) in expected.items():
        configs = {key: entry["value"] for key, entry in described[name].items()}
        assert configs["cleanup.policy"] == policy, name
        assert configs.get("retention.ms") == retention_ms, name
