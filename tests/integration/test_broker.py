"""The embedded Apache Kafka broker against every client newswatch uses: kafka-python, aiokafka
(Faust's driver) and kcat; topics; SASL; and no JVM left behind."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.structs import TopicPartition
from faust.transport.drivers.aiokafka import credentials_to_aiokafka_auth
from kafka.errors import KafkaError
from kafka.net.compat import KafkaNetClient
from worker_support import settings_env

from newswatch.cli import main
from newswatch.exits import OK
from newswatch.kafka.clients import faust_credentials, make_admin, make_consumer, make_producer
from newswatch.kafka.topics import ensure_topics
from newswatch.settings import Settings, get_settings
from newswatch_dev.broker import EmbeddedKafka, broker_answers, broker_pids, free_port

pytestmark = pytest.mark.integration

EVENT_TYPES = ["state_visit", "phone_call", "sanctions", "meeting"]


def consume(settings: Settings, topic: str, count: int, timeout_s: float = 30) -> list[object]:
    consumer = make_consumer(settings, topic, group_id=f"{settings.app_id}-reader")
    records: list[object] = []
    deadline = time.monotonic() + timeout_s
    try:
        while len(records) < count and time.monotonic() < deadline:
            for batch in consumer.poll(timeout_ms=500).values():
                records.extend(batch)
    finally:
        consumer.close()
    return records


# -- topics ---------------------------------------------------------------------------------------


def test_topics_are_created_once_with_the_configured_partitions(
    kafka_settings: Settings,
) -> None:
    first = ensure_topics(kafka_settings, EVENT_TYPES)
    again = ensure_topics(kafka_settings, EVENT_TYPES)  # idempotent: no error, same list
    assert first == again
    s = kafka_settings
    assert set(first) == {
        s.topic_articles,
        s.topic_alerts,
        *(s.type_topic(t) for t in EVENT_TYPES),
        s.topic_articles_dlq,
        s.topic_alerts_dlq,
        s.topic_sightings,
        s.topic_config,
    }

    admin = make_admin(kafka_settings)
    try:
        described = {t["name"]: t for t in admin.describe_topics(first)}
    finally:
        admin.close()
    assert set(described) == set(first)
    for name in first:
        assert described[name]["error_code"] == 0
        # The config topic is read whole by everyone: one partition, whatever the setting.
        wanted = 1 if name == s.topic_config else kafka_settings.topic_partitions
        assert len(described[name]["partitions"]) == wanted, name
    assert kafka_settings.topic_partitions == 4


def test_newswatch_topics_create_makes_what_it_lists(
    kafka_settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """What the Compose ``topics`` service runs: the listed topics exist afterwards, as listed."""
    for name, value in settings_env(kafka_settings).items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    try:
        assert main(["topics", "--create"]) == OK
    finally:
        get_settings.cache_clear()
    listed = {
        line.split()[0]: int(line.split()[1])
        for line in capsys.readouterr().out.split("\n")
        if line
    }
    assert kafka_settings.type_topic("state_visit") in listed
    admin = make_admin(kafka_settings)
    try:
        described = {t["name"]: len(t["partitions"]) for t in admin.describe_topics(list(listed))}
    finally:
        admin.close()
    assert described == listed


def test_concurrent_creators_all_succeed(kafka_settings: Settings) -> None:
    with ThreadPoolExecutor(3) as pool:
        results = list(pool.map(lambda _: ensure_topics(kafka_settings, EVENT_TYPES), range(3)))
    assert results[0] == results[1] == results[2]


def test_an_existing_topic_is_left_alone_with_a_warning(
    kafka_settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    admin = make_admin(kafka_settings)
    try:
        admin.create_topics({kafka_settings.topic_articles: {"num_partitions": 2}})
        ensure_topics(kafka_settings, [])
        [described] = admin.describe_topics([kafka_settings.topic_articles])
    finally:
        admin.close()
    assert len(described["partitions"]) == 2
    assert f"topic {kafka_settings.topic_articles} has 2 partitions, settings say 4" in caplog.text


def test_a_topic_nobody_created_does_not_appear_on_write(kafka_settings: Settings) -> None:
    producer = make_producer(kafka_settings, max_block_ms=3000)
    try:
        with pytest.raises(KafkaError):
            producer.send(f"{kafka_settings.topic_articles}.never-created", b"x").get(5)
    finally:
        producer.close()


# -- clients --------------------------------------------------------------------------------------


def test_kafka_python_round_trip_keeps_keys_and_headers(kafka_settings: Settings) -> None:
    ensure_topics(kafka_settings, [])
    topic = kafka_settings.topic_articles
    producer = make_producer(kafka_settings)
    for i in range(3):
        producer.send(
            topic, f"article-{i}".encode(), key=f"k{i}".encode(), headers=[("n", b"%d" % i)]
        )
    producer.flush(10)
    producer.close()

    records = consume(kafka_settings, topic, 3)
    got = sorted((r.key, r.value, r.headers) for r in records)  # type: ignore[attr-defined]
    assert got == [
        (f"k{i}".encode(), f"article-{i}".encode(), [("n", b"%d" % i)]) for i in range(3)
    ]


def test_kcat_lists_the_topics_and_its_messages_reach_kafka_python(
    kafka_settings: Settings,
) -> None:
    names = ensure_topics(kafka_settings, ["state_visit"])
    bootstrap = kafka_settings.kafka_bootstrap_servers
    listing = subprocess.run(
        ["kcat", "-b", bootstrap, "-L"], capture_output=True, text=True, timeout=30, check=True
    ).stdout
    for name in names:
        partitions = 1 if name == kafka_settings.topic_config else 4
        assert f'topic "{name}" with {partitions} partitions' in listing

    topic = kafka_settings.topic_articles
    subprocess.run(
        ["kcat", "-b", bootstrap, "-P", "-t", topic, "-K", "|"],
        input="from-kcat|hello from kcat\n",
        text=True,
        timeout=30,
        check=True,
    )
    [record] = consume(kafka_settings, topic, 1)
    assert (record.key, record.value) == (b"from-kcat", b"hello from kcat")  # type: ignore[attr-defined]


def test_aiokafka_faust_driver_produces_and_consumes_in_a_group(kafka_settings: Settings) -> None:
    ensure_topics(kafka_settings, [])
    topic, bootstrap = kafka_settings.topic_alerts, kafka_settings.kafka_bootstrap_servers

    async def round_trip() -> tuple[bytes | None, list[tuple[str, bytes]], int | None]:
        producer = AIOKafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=True)
        await producer.start()
        try:
            sent = await producer.send_and_wait(topic, b"alert", key=b"a", headers=[("h", b"1")])
        finally:
            await producer.stop()
        consumer = AIOKafkaConsumer(
            topic,
            bootstrap_servers=bootstrap,
            group_id=f"{kafka_settings.app_id}-aio",
            auto_offset_reset="earliest",
            enable_auto_commit=False,
        )
        await consumer.start()
        try:
            message = await asyncio.wait_for(consumer.getone(), 60)
            await consumer.commit()
            committed = await consumer.committed(TopicPartition(topic, sent.partition))
        finally:
            await consumer.stop()
        return message.value, list(message.headers), committed

    value, headers, committed = asyncio.run(round_trip())
    assert value == b"alert"
    assert headers == [("h", b"1")]
    assert committed == 1


# -- SASL -----------------------------------------------------------------------------------------

SASL_USER, SASL_PASSWORD = "alice", "alice-Secret-42"


@pytest.fixture(scope="module")
def sasl_broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedKafka]:
    """A second, private broker with a SASL_PLAINTEXT listener (PLAIN and SCRAM users)."""
    with EmbeddedKafka(
        data_dir=tmp_path_factory.mktemp("kafka-sasl"), sasl_users={SASL_USER: SASL_PASSWORD}
    ) as broker:
        yield broker


def sasl_settings(broker: EmbeddedKafka, mechanism: str, password: str) -> Settings:
    return Settings(
        kafka_security_protocol="SASL_PLAINTEXT",
        kafka_sasl_mechanism=mechanism,  # type: ignore[arg-type]
        kafka_sasl_username=SASL_USER,
        kafka_sasl_password=password,  # type: ignore[arg-type]
        app_id=f"sasl-{mechanism.lower()}",
        topic_articles=f"sasl.{mechanism.lower()}",
    ).model_copy(update={"kafka_bootstrap_servers": broker.sasl_bootstrap})


@pytest.mark.parametrize("mechanism", ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"])
def test_sasl_from_settings_works_for_kafka_python_and_faust(
    sasl_broker: EmbeddedKafka, mechanism: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    settings = sasl_settings(sasl_broker, mechanism, SASL_PASSWORD)
    ensure_topics(settings, [])
    producer = make_producer(settings)
    producer.send(settings.topic_articles, mechanism.encode()).get(30)
    producer.close()

    async def read_with_faust_credentials() -> bytes | None:
        auth = credentials_to_aiokafka_auth(faust_credentials(settings))
        consumer = AIOKafkaConsumer(
            settings.topic_articles,
            bootstrap_servers=settings.kafka_bootstrap_servers,
            auto_offset_reset="earliest",
            **auth,
        )
        await consumer.start()
        try:
            message = await asyncio.wait_for(consumer.getone(), 60)
            return message.value  # type: ignore[no-any-return]
        finally:
            await consumer.stop()

    assert asyncio.run(read_with_faust_credentials()) == mechanism.encode()
    assert SASL_PASSWORD not in caplog.text
    assert caplog.records, "the clients logged nothing: the secret check above proved nothing"


def test_sasl_listener_refuses_a_wrong_password(sasl_broker: EmbeddedKafka) -> None:
    settings = sasl_settings(sasl_broker, "SCRAM-SHA-256", "not-the-password")
    # A KafkaProducer whose constructor fails closes nothing it opened (its network client's
    # sockets and I/O thread): the client is kept here to be closed all the same.
    made: list[KafkaNetClient] = []

    def network_client(**config: Any) -> KafkaNetClient:
        made.append(KafkaNetClient(**config))
        return made[-1]

    try:
        with pytest.raises(KafkaError):
            producer = make_producer(
                settings, max_block_ms=5000, bootstrap_timeout_ms=5000, kafka_client=network_client
            )
            try:
                producer.send(settings.topic_articles, b"x").get(10)
            finally:
                producer.close()
    finally:
        for client in made:
            client.close()
    log_text = sasl_broker.log_file.read_text()
    assert "Failed authentication" in log_text and "SCRAM-SHA-256" in log_text


# -- lifecycle: the CLI behind `make kafka`, and no orphan JVMs ------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newswatch_dev.broker", *args],
        capture_output=True,
        text=True,
        timeout=200,
        check=False,
    )


def test_cli_start_is_idempotent_and_stop_leaves_no_jvm(tmp_path: Path) -> None:
    port, data_dir = free_port(), tmp_path / "cli"
    where = ["--port", str(port), "--data-dir", str(data_dir)]
    try:
        # Both ports free ones: port + 1 may be anyone's (it made this test flaky).
        started = run_cli("start", *where, "--controller-port", str(free_port()))
        assert started.returncode == 0, started.stderr
        assert "ready at" in started.stdout
        [pid] = broker_pids(data_dir)
        assert broker_answers(f"127.0.0.1:{port}")

        again = run_cli("start", *where)
        assert (again.returncode, again.stdout.strip()) == (
            0,
            f"Kafka already running at 127.0.0.1:{port}",
        )
        assert broker_pids(data_dir) == [pid]
        assert run_cli("status", *where).returncode == 0

        stopped = run_cli("stop", *where)
        assert stopped.returncode == 0 and f"pid {pid}" in stopped.stdout
        assert broker_pids(data_dir) == []
        assert run_cli("status", *where).returncode == 3
    finally:
        run_cli("stop", *where)


def test_the_jvm_dies_with_the_process_that_started_it(tmp_path: Path) -> None:
    """A test run killed with SIGKILL must not leave its broker running."""
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from newswatch_dev.broker import EmbeddedKafka\n"
        f"EmbeddedKafka(data_dir=Path({str(tmp_path)!r})).start()\n"
        "print('up', flush=True)\n"
        "time.sleep(600)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    with parent:  # closes the pipe
        try:
            assert parent.stdout is not None and parent.stdout.readline().strip() == "up"
            assert len(broker_pids(tmp_path)) == 1
            os.kill(parent.pid, signal.SIGKILL)
            parent.wait(10)
            deadline = time.monotonic() + 60
            while broker_pids(tmp_path) and time.monotonic() < deadline:
                time.sleep(0.2)
            assert broker_pids(tmp_path) == []
        finally:
            parent.kill()
            for pid in broker_pids(tmp_path):
                os.kill(pid, signal.SIGKILL)
