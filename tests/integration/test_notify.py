"""The notifier on a real broker, delivering to a real local HTTP server and a real file."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from kafka import TopicPartition
from kafka.errors import KafkaError
from standardwebhooks import Webhook as StandardWebhook

from newswatch.contracts import SCHEMA_DIR, Alert, schema_errors
from newswatch.kafka.clients import make_admin, make_consumer, make_producer
from newswatch.kafka.topics import ensure_topics
from newswatch.notify.service import Notifier
from newswatch.notify.signing import verify_signature
from newswatch.observability.metrics import NOTIFIER_REGISTRY
from newswatch.settings import Settings
from support.webhook_server import WebhookServer

pytestmark = [pytest.mark.integration, pytest.mark.timeout(180)]

SECRET = "integration-secret"
USA = {"name": "United States", "wikidata": "Q30", "kind": "country", "country": "US"}
RUSSIA = {"name": "Russia", "wikidata": "Q159", "kind": "country", "country": "RU"}


def sanctions_alert(action: str, article: str = "a1") -> Alert:
    """A hand-built alert that validates against schemas/alert.v1.json."""
    example = json.loads((SCHEMA_DIR / "alert.v1.json").read_text(encoding="utf-8"))["examples"][0]
    document = {
        **example,
        "alert_id": hashlib.md5(f"{article}:{action}".encode()).hexdigest(),
        "event_type": "sanctions",
        "cameo": "163",
        "attributes": {"action": action},
        "actors": [USA],
        "targets": [RUSSIA],
        "evidence": [{"text": f"Washington {action} Moscou.", "start": 0, "end": 20}],
        "article": {"id": article, "source": "example.org", "language": "fr"},
    }
    assert not schema_errors("alert.v1", document)
    return Alert.model_validate(document)


@pytest.fixture
def webhooks() -> Iterator[Callable[[Callable[[int], int]], WebhookServer]]:
    made: list[WebhookServer] = []

    def make(plan: Callable[[int], int]) -> WebhookServer:
        made.append(WebhookServer(plan))
        return made[-1]

    yield make
    for hook in made:
        hook.close()


@pytest.fixture
def settings(kafka_settings: Settings, tmp_path: Path) -> Settings:
    configured = kafka_settings.model_copy(
        update={
            "subscriptions_path": tmp_path / "subscriptions.yaml",
            "notify_backoff_base_s": 0.05,
            "notify_backoff_max_s": 0.2,
            "notify_max_attempts": 4,
            "notify_timeout_s": 5.0,
            "topic_partitions": 2,
        }
    )
    ensure_topics(configured, [])
    return configured


def rules_text(*sinks: dict[str, Any]) -> str:
    rule = {
        "name": "sanctions-on-russia",
        "event_types": ["sanctions"],
        "attributes": {"action": ["impose", "extend"]},
        "entities": ["Q159"],
        "role": "target",
        "sinks": list(sinks),
    }
    return json.dumps({"version": 1, "rules": [rule]})


def write_rules(settings: Settings, *sinks: dict[str, Any]) -> None:
    settings.subscriptions_path.write_text(rules_text(*sinks), encoding="utf-8")


def produce(settings: Settings, *values: bytes) -> None:
    producer = make_producer(settings)
    try:
        for value in values:
            producer.send(settings.topic_alerts, value=value).get(timeout=30)
    finally:
        producer.close()


def committed(settings: Settings) -> int:
    """Messages of the alerts topic the notifier's group has committed, over all partitions."""
    admin = make_admin(settings)
    try:
        offsets = admin.list_group_offsets(settings.notify_group).get(settings.notify_group, {})
    except KafkaError:  # e.g. the group coordinator is not elected yet on a fresh broker
        return 0
    finally:
        admin.close()
    return sum(max(o.offset, 0) for tp, o in offsets.items() if tp.topic == settings.topic_alerts)


def dead_letters(settings: Settings) -> list[Any]:
    consumer = make_consumer(settings, group_id=None, enable_auto_commit=False)
    try:
        partitions = [
            TopicPartition(settings.topic_alerts_dlq, p)
            for p in consumer.partitions_for_topic(settings.topic_alerts_dlq) or ()
        ]
        consumer.assign(partitions)
        consumer.seek_to_beginning(*partitions)
        end = sum(consumer.end_offsets(partitions).values())
        records: list[Any] = []
        deadline = time.monotonic() + 30
        while len(records) < end and time.monotonic() < deadline:
            for batch in consumer.poll(timeout_ms=500).values():
                records.extend(batch)
        return records
    finally:
        consumer.close()


def wait_for(condition: Callable[[], bool], what: str, timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.2)


class Running:
    """A Notifier instance on its own thread, stopped the way SIGTERM stops it."""

    def __init__(self, settings: Settings) -> None:
        self.notifier = Notifier(
            settings, topics=[settings.topic_alerts], group=settings.notify_group
        )
        self.errors: list[BaseException] = []
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            self.notifier.run()
        except BaseException as exc:  # surfaced by stop()
            self.errors.append(exc)

    def stop(self) -> None:
        self.notifier.stop()
        self.thread.join(timeout=60)
        assert not self.thread.is_alive(), "notifier did not stop"
        assert not self.errors, self.errors


@pytest.fixture
def running() -> Iterator[Callable[[Settings], Running]]:
    started: list[Running] = []

    def start(settings: Settings) -> Running:
        started.append(Running(settings))
        return started[-1]

    yield start
    for instance in started:
        if instance.thread.is_alive():
            instance.stop()


def test_flaky_webhook_gets_the_alert_exactly_once_signed(
    settings: Settings,
    webhooks: Callable[[Callable[[int], int]], WebhookServer],
    running: Callable[[Settings], Running],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NW_IT_SECRET", SECRET)
    hook = webhooks(lambda attempt: 500 if attempt <= 2 else 200)
    write_rules(settings, {"type": "webhook", "url": hook.url, "secret_env": "NW_IT_SECRET"})
    alert = sanctions_alert("impose")
    notifier = running(settings)
    produce(settings, alert.to_json())
    wait_for(lambda: committed(settings) == 1, "the offset commit")
    notifier.stop()

    assert hook.attempts == 3
    ((body, headers),) = hook.accepted
    assert Alert.model_validate_json(body) == alert
    assert verify_signature(
        SECRET, body, headers["X-Newswatch-Timestamp"], headers["X-Newswatch-Signature"]
    )
    # Standard Webhooks too: the published library verifies (a plain secret is handed over as
    # bytes), and all three attempts carried the same webhook-id, the alert's.
    assert StandardWebhook(SECRET.encode()).verify(body, headers) == json.loads(body)
    assert {h["webhook-id"] for _, h in hook.received} == {alert.alert_id}
    assert dead_letters(settings) == []


def test_failing_webhook_and_bad_input_end_in_the_dlq_with_reasons(
    settings: Settings,
    webhooks: Callable[[Callable[[int], int]], WebhookServer],
    running: Callable[[Settings], Running],
) -> None:
    hook = webhooks(lambda attempt: 503)
    write_rules(settings, {"type": "webhook", "url": hook.url})
    alert = sanctions_alert("impose")
    notifier = running(settings)
    produce(settings, alert.to_json(), b"{broken")
    wait_for(lambda: committed(settings) == 2, "both offsets committed")
    notifier.stop()

    assert (hook.attempts, hook.accepted) == (settings.notify_max_attempts, [])
    letters = {dict(r.headers)["x-error-reason"]: r for r in dead_letters(settings)}
    assert sorted(letters) == [b"delivery_failed", b"json"]
    failed = letters[b"delivery_failed"]
    headers = dict(failed.headers)
    assert failed.value == alert.to_json()
    assert headers["x-error"] == b"HTTP 503"
    assert headers["x-rule"] == b"sanctions-on-russia"
    assert headers["x-sink"].startswith(b"webhook-")
    assert headers["x-original-topic"] == settings.topic_alerts.encode()
    assert {"x-original-partition", "x-original-offset"} <= set(headers)


def test_russia_sanctions_rule_gets_impose_not_condemn(
    settings: Settings, running: Callable[[Settings], Running], tmp_path: Path
) -> None:
    out = tmp_path / "russia.jsonl"
    write_rules(settings, {"type": "file", "path": str(out)})
    condemn, impose = sanctions_alert("condemn"), sanctions_alert("impose")
    notifier = running(settings)
    produce(settings, condemn.to_json(), impose.to_json())
    wait_for(lambda: committed(settings) == 2, "both offsets committed")
    notifier.stop()

    delivered = [json.loads(line)["alert_id"] for line in out.read_text().splitlines()]
    assert delivered == [impose.alert_id]


def test_restarts_and_replays_never_deliver_an_alert_twice_to_a_sink(
    settings: Settings,
    webhooks: Callable[[Callable[[int], int]], WebhookServer],
    running: Callable[[Settings], Running],
    tmp_path: Path,
) -> None:
    hook = webhooks(lambda attempt: 200)
    out = tmp_path / "alerts.jsonl"
    write_rules(settings, {"type": "webhook", "url": hook.url}, {"type": "file", "path": str(out)})
    first, second = sanctions_alert("impose", "a1"), sanctions_alert("extend", "a2")

    notifier = running(settings)
    produce(settings, first.to_json())
    wait_for(lambda: committed(settings) == 1, "the first commit")
    notifier.stop()

    # Upstream redelivers the first alert (same id), then a new one arrives; a new process
    # with the same group and state directory picks up from the commit and is stopped by SIGTERM.
    produce(settings, first.to_json(), second.to_json())
    env = {
        **os.environ,
        "KAFKA_BOOTSTRAP_SERVERS": settings.kafka_bootstrap_servers,
        "NEWSWATCH_TOPIC_ALERTS_DLQ": settings.topic_alerts_dlq,
        "NEWSWATCH_SUBSCRIPTIONS_PATH": str(settings.subscriptions_path),
        "NEWSWATCH_NOTIFY_STATE_DIR": str(settings.notify_state_dir),
    }
    code = "import sys; from newswatch.notify import main_notify; sys.exit(main_notify())"
    args = ["--topics", settings.topic_alerts, "--group", settings.notify_group]
    proc = subprocess.Popen([sys.executable, "-c", code, *args], env=env)
    try:
        wait_for(lambda: committed(settings) == 3, "the restarted process to commit")
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0

    # A replay of the whole topic by a fresh group delivers nothing again either.
    replay = settings.model_copy(update={"notify_group": f"{settings.notify_group}-replay"})
    notifier = running(replay)
    wait_for(lambda: committed(replay) == 3, "the replay to commit")
    notifier.stop()

    ids = [first.alert_id, second.alert_id]
    assert [Alert.model_validate_json(body).alert_id for body, _ in hook.accepted] == ids
    assert [json.loads(line)["alert_id"] for line in out.read_text().splitlines()] == ids


def test_rules_change_live_from_the_file_and_from_the_config_topic(
    settings: Settings, running: Callable[[Settings], Running], tmp_path: Path
) -> None:
    ensure_topics(settings, [], extra=[settings.topic_config])
    outs = [tmp_path / f"sink-{n}.jsonl" for n in range(3)]
    alerts = [sanctions_alert("impose", f"a{n}") for n in range(3)]
    write_rules(settings, {"type": "file", "path": str(outs[0])})
    notifier = running(settings)
    produce(settings, alerts[0].to_json())
    wait_for(lambda: committed(settings) == 1, "the first commit")

    reloaded = reloads()
    write_rules(settings, {"type": "file", "path": str(outs[1]), "id": "from-the-file"})
    wait_for(lambda: reloads() > reloaded, "the file reload")
    produce(settings, alerts[1].to_json())
    wait_for(lambda: committed(settings) == 2, "the second commit")

    reloaded = reloads()
    producer = make_producer(settings)
    pushed = rules_text({"type": "file", "path": str(outs[2])}).encode()
    producer.send(settings.topic_config, key=b"subscriptions", value=pushed).get(timeout=30)
    producer.close()
    wait_for(lambda: reloads() > reloaded, "the config-topic reload")
    produce(settings, alerts[2].to_json())
    wait_for(lambda: committed(settings) == 3, "the third commit")
    notifier.stop()

    for out, alert in zip(outs, alerts, strict=True):
        assert [json.loads(line)["alert_id"] for line in out.read_text().splitlines()] == [
            alert.alert_id
        ]


def reloads() -> float:
    labels = {"kind": "subscriptions", "outcome": "ok"}
    return NOTIFIER_REGISTRY.get_sample_value("newswatch_config_reloads_total", labels) or 0.0
