"""What every fault scenario shares: a paced producer, the notifier, and the final accounting.

A scenario feeds the corpus to ``news.articles`` while workers and the broker are abused, runs
``newswatch notify`` with one JSONL file sink taking every alert, and ends by comparing three
sets: the alert ids the engine gives offline, those on ``news.alerts``, those in the sink file.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kafka import KafkaProducer
from kafka.admin import OffsetSpec
from kafka.errors import KafkaError
from kafka.structs import TopicPartition
from worker_support import REPO, Record, WorkerProcess, read_topic, settings_env

from newswatch.kafka import ensure_topics, make_admin, make_producer
from newswatch.settings import Settings
from newswatch.stream.topics import event_types
from newswatch_dev.local import stop_process
from support.fault_corpus import ARTICLES_PER_EVENT, Passage

# Faust reads these from the environment: a SIGKILLed member is noticed after 10 s, not 60 s,
# so a scenario's failover fits its time budget. Production keeps Faust's defaults.
FAILOVER_ENV = {"BROKER_SESSION_TIMEOUT": "10", "BROKER_HEARTBEAT_INTERVAL": "1"}
NOTIFY = "import sys; from newswatch.notify.cli import main_notify; sys.exit(main_notify())"


def wait_for(predicate: Callable[[], bool], timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.25)
    raise AssertionError(f"timed out after {timeout_s:.0f}s waiting for {what}")


def prepare_topics(settings: Settings) -> None:
    """Every topic before anyone reads: the notifier subscribes before the worker starts."""
    ensure_topics(settings, event_types(settings))


def kill_hard(proc: subprocess.Popen[bytes]) -> int:
    """SIGKILL the process group (the worker leads its own session): no goodbye, no commit."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    return proc.wait(timeout=30)


class Feeder(threading.Thread):
    """Produces the corpus at a steady rate, keyed by article id (so over every partition).

    Whatever the broker did not acknowledge (it may be down) is sent again until it is, like
    ``newswatch ingest`` would be rerun: an article counts as input once Kafka has it.
    """

    def __init__(
        self, settings: Settings, corpus: Sequence[Passage], per_second: float, deadline_s: float
    ) -> None:
        super().__init__(name="feeder", daemon=True)
        self.settings = settings
        self.corpus = list(corpus)
        self.interval = 1.0 / per_second
        self.deadline = time.monotonic() + deadline_s
        self.acknowledged: set[str] = set()
        self.resent = 0
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            producer = make_producer(self.settings, retries=2**31 - 1)
            try:
                self._feed(producer)
            finally:
                producer.close(timeout=5)
        except BaseException as exc:
            self.error = exc

    def _feed(self, producer: KafkaProducer) -> None:
        pending = list(self.corpus)
        while pending and time.monotonic() < self.deadline:
            futures = []
            for passage in pending:
                key = passage.article_id.encode()
                future = producer.send(
                    self.settings.topic_articles, key=key, value=passage.message()
                )
                futures.append((passage, future))
                time.sleep(self.interval)
            producer.flush(timeout=max(1.0, self.deadline - time.monotonic()))
            failed = []
            for passage, future in futures:
                try:
                    future.get(timeout=0)
                    self.acknowledged.add(passage.article_id)
                except KafkaError:
                    failed.append(passage)
            self.resent += len(failed)
            pending = failed

    def finish(self, timeout_s: float) -> None:
        self.join(timeout_s)
        if self.is_alive():
            raise AssertionError("the feeder did not finish in time")
        if self.error is not None:
            raise AssertionError(f"the feeder failed: {self.error!r}")
        missing = len(self.corpus) - len(self.acknowledged)
        assert missing == 0, f"{missing} articles never acknowledged by Kafka"


def alerts_published(settings: Settings) -> int:
    """Messages on news.alerts so far (end offsets): cheap progress, repeats included."""
    admin = make_admin(settings)
    try:
        names = [settings.topic_alerts]
        (described,) = admin.describe_topics(names)
        partitions = [
            TopicPartition(names[0], p["partition_index"]) for p in described["partitions"]
        ]
        ends = admin.list_partition_offsets({tp: OffsetSpec.LATEST for tp in partitions})
        return sum(end.offset for end in ends.values())
    finally:
        admin.close()


def group_lag(settings: Settings, group: str, topic: str) -> int:
    """Messages on ``topic`` the group has not committed yet."""
    admin = make_admin(settings)
    try:
        (described,) = admin.describe_topics([topic])
        partitions = [TopicPartition(topic, p["partition_index"]) for p in described["partitions"]]
        ends = admin.list_partition_offsets({tp: OffsetSpec.LATEST for tp in partitions})
        done = admin.list_group_offsets({group: partitions})[group]
        return sum(ends[tp].offset - max(0, done[tp].offset) for tp in partitions)
    finally:
        admin.close()


@dataclass
class NotifierProcess:
    """``newswatch notify`` with one file sink matching every alert, and its delivery record."""

    proc: subprocess.Popen[bytes]
    settings: Settings
    group: str
    sink: Path
    log_path: Path

    def delivered(self) -> list[str]:
        if not self.sink.exists():
            return []
        lines = self.sink.read_bytes().splitlines()
        return [json.loads(line)["alert_id"] for line in lines if line.strip()]

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def drain_and_stop(self, timeout_s: float) -> None:
        """Wait until it has committed every alert on the topic, then SIGTERM it (exit 0)."""
        wait_for(
            lambda: group_lag(self.settings, self.group, self.settings.topic_alerts) == 0,
            timeout_s,
            "the notifier to catch up",
        )
        stop_process(self.proc, timeout_s=30)
        assert self.proc.returncode == 0, self.log_text()[-3000:]


# Lines a broker outage prints by the hundred; a failure report shows what is left.
_NOISE = (
    "ECONNREFUSED",
    "Unable connect",
    "Unable to update metadata",
    "No node available",
    "NodeNotReadyError",
    "Failed fetch messages",
    "socket disconnected",
    "Connection lost",
)


def log_tail(text: str, lines: int = 40, width: int = 300) -> str:
    kept = [line[:width] for line in text.splitlines() if not any(n in line for n in _NOISE)]
    return "\n".join(kept[-lines:])


def wait_for_sink(
    settings: Settings,
    expected: set[str],
    notifier: NotifierProcess,
    workers: Sequence[WorkerProcess],
    timeout_s: float,
) -> None:
    """Every expected alert at the sink. A worker or the notifier that exits fails at once; a
    timeout says where the missing alerts stopped (never published, or published and not
    delivered) and shows each process's last log lines, so a rare stall in CI can be read."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if expected <= set(notifier.delivered()):
            return
        dead = [w for w in workers if w.proc.poll() is not None]
        if dead or notifier.proc.poll() is not None:
            break
        time.sleep(0.25)
    delivered = set(notifier.delivered())
    records = read_topic(settings, settings.topic_alerts, len(expected), timeout_s=15)
    on_topic = {json.loads(r.value or b"")["alert_id"] for r in records}
    report = [
        f"{len(expected - delivered)} of {len(expected)} alerts not at the sink after "
        f"{timeout_s:.0f}s; {len(expected - on_topic)} of them never published",
        f"notifier exit status: {notifier.proc.poll()}; lag "
        f"{group_lag(settings, notifier.group, settings.topic_alerts)}",
        f"--- notifier log ---\n{log_tail(notifier.log_text())}",
    ]
    for n, worker in enumerate(workers):
        report.append(f"worker {n} exit status: {worker.proc.poll()}")
        report.append(f"--- worker {n} log ---\n{log_tail(worker.log_text())}")
    raise AssertionError("\n".join(report))


def subscriptions(sink: Path) -> str:
    rule = {
        "name": "everything",
        "updates": ["new", "corroborated", "status_changed"],
        "sinks": [{"type": "file", "id": "fault-sink", "path": str(sink)}],
    }
    return json.dumps({"version": 1, "rules": [rule]})


@contextlib.contextmanager
def notifier_process(settings: Settings, workdir: Path) -> Iterator[NotifierProcess]:
    workdir.mkdir(parents=True, exist_ok=True)
    sink = workdir / "sink.jsonl"
    rules = workdir / "subscriptions.json"
    rules.write_text(subscriptions(sink), encoding="utf-8")
    group = f"{settings.app_id}-notify"
    args = ["--topics", settings.topic_alerts, "--group", group, "--subscriptions", str(rules)]
    args += ["--state-dir", str(workdir / "state"), "--no-follow-config"]
    env = {**os.environ, **settings_env(settings)}
    log_path = workdir / "notify.log"
    with log_path.open("wb") as log_file:
        proc = subprocess.Popen(
            [sys.executable, "-c", NOTIFY, *args],
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            cwd=REPO,
            start_new_session=True,
        )
        try:
            yield NotifierProcess(proc, settings, group, sink, log_path)
        finally:
            stop_process(proc, timeout_s=30)


@dataclass
class Outcome:
    """One scenario's accounting; ``line`` is what the fault report prints."""

    scenario: str
    articles_in: int
    expected: set[str]
    on_topic: Counter[str]
    delivered: Counter[str]
    seconds: float
    stories: str = "n/a"
    notes: dict[str, object] = field(default_factory=dict)

    @property
    def alerts_out(self) -> int:
        return len(set(self.delivered) & self.expected)

    @property
    def duplicates(self) -> int:
        return sum(count - 1 for count in self.delivered.values())

    @property
    def losses(self) -> int:
        return len(self.expected - set(self.delivered)) + len(self.expected - set(self.on_topic))

    @property
    def redelivered(self) -> int:
        """Alert messages Kafka got more than once: at-least-once at work, for the sink to drop."""
        return sum(count - 1 for count in self.on_topic.values())

    def line(self) -> str:
        extra = " ".join(f"{k}={v}" for k, v in self.notes.items())
        return (
            f"scenario={self.scenario} articles_in={self.articles_in} "
            f"alerts_out={self.alerts_out} duplicates={self.duplicates} losses={self.losses} "
            f"seconds={self.seconds:.0f} topic_repeats={self.redelivered} "
            f"stories={self.stories} {extra}"
        ).rstrip()

    def check(self) -> None:
        lost_topic = sorted(self.expected - set(self.on_topic))[:5]
        lost_sink = sorted(self.expected - set(self.delivered))[:5]
        twice = sorted(k for k, v in self.delivered.items() if v > 1)[:5]
        stray = sorted((set(self.on_topic) | set(self.delivered)) - self.expected)[:5]
        assert not lost_topic, f"alerts never published: {lost_topic}"
        assert not lost_sink, f"alerts never delivered: {lost_sink}"
        assert not twice, f"alerts delivered twice: {twice}"
        assert not stray, f"alerts nobody expected: {stray}"


def story_counts(records: Sequence[Record], corpus: Sequence[Passage]) -> str:
    """With story clustering: one story per event and its article count exact (never recounted).

    Without it (no ``story_id`` on any alert) there is nothing to count: ``n/a``.
    """
    alerts = [json.loads(r.value or b"") for r in records]
    with_story = [a for a in alerts if a.get("story_id")]
    if not with_story:
        return "n/a"
    assert len(with_story) == len(alerts), "some alerts carry a story_id, others do not"
    event_of = {p.article_id: p.event for p in corpus}
    stories: dict[str, set[int]] = {}
    counts: dict[str, int] = {}
    for alert in with_story:
        story = alert["story_id"]
        stories.setdefault(story, set()).add(event_of[alert["article"]["id"]])
        counts[story] = max(counts.get(story, 0), alert.get("story_articles") or 0)
    events = {p.event for p in corpus}
    assert all(len(e) == 1 for e in stories.values()), f"stories mixing events: {stories}"
    assert len(stories) == len(events), f"{len(stories)} stories for {len(events)} events"
    wrong = {s: n for s, n in counts.items() if n != ARTICLES_PER_EVENT}
    assert not wrong, f"story article counts not {ARTICLES_PER_EVENT}: {wrong}"
    return str(len(stories))


def account(
    scenario: str,
    settings: Settings,
    corpus: Sequence[Passage],
    expected: dict[str, str],
    notifier: NotifierProcess,
    started: float,
) -> Outcome:
    """Read everything back (the workers and the notifier are stopped) and count."""
    wanted = set(expected.values())
    records = read_topic(settings, settings.topic_alerts, len(wanted), timeout_s=30)
    on_topic = Counter(json.loads(r.value or b"")["alert_id"] for r in records)
    outcome = Outcome(
        scenario=scenario,
        articles_in=len(corpus),
        expected=wanted,
        on_topic=on_topic,
        delivered=Counter(notifier.delivered()),
        seconds=time.monotonic() - started,
    )
    outcome.check()
    outcome.stories = story_counts(records, corpus)
    return outcome
