"""Kafka client configuration: security settings, secrets kept out of sight, topic names."""

from __future__ import annotations

import logging
import ssl
import subprocess
from pathlib import Path

import pytest
from faust.auth import SASLCredentials, SSLCredentials
from faust.transport.drivers.aiokafka import credentials_to_aiokafka_auth
from pydantic import ValidationError

from newswatch.kafka.clients import (
    common_config,
    consumer_config,
    faust_broker_urls,
    faust_credentials,
    producer_config,
    redacted,
)
from newswatch.kafka.redaction import MASK, redact_in_logs
from newswatch.kafka.topics import topic_names, validate_topic_name
from newswatch.settings import Settings
from newswatch_dev.broker import EmbeddedKafka

SECRET = "s3cr3t-Pa55word"


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("KAFKA_BOOTSTRAP_SERVERS", "NEWSWATCH_KAFKA_SECURITY_PROTOCOL"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.fixture
def cert_pair(tmp_path: Path) -> tuple[Path, Path]:
    """A throwaway self-signed certificate and key, usable as CA file and client pair."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def sasl_env(monkeypatch: pytest.MonkeyPatch, protocol: str, mechanism: str) -> None:
    monkeypatch.setenv("NEWSWATCH_KAFKA_SECURITY_PROTOCOL", protocol)
    monkeypatch.setenv("NEWSWATCH_KAFKA_SASL_MECHANISM", mechanism)
    monkeypatch.setenv("NEWSWATCH_KAFKA_SASL_USERNAME", "ingest")
    monkeypatch.setenv("NEWSWATCH_KAFKA_SASL_PASSWORD", SECRET)


def test_plaintext_by_default_has_no_security_keys(clean_env: pytest.MonkeyPatch) -> None:
    settings = Settings()
    config = common_config(settings)
    assert config["security_protocol"] == "PLAINTEXT"
    assert not {"ssl_context", "sasl_mechanism", "sasl_plain_password"} & config.keys()
    assert faust_credentials(settings) is None


def test_bootstrap_list_is_split_for_both_clients(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("KAFKA_BOOTSTRAP_SERVERS", "k1:9092, k2:9093")
    settings = Settings()
    assert common_config(settings)["bootstrap_servers"] == ["k1:9092", "k2:9093"]
    assert faust_broker_urls(settings) == ["kafka://k1:9092", "kafka://k2:9093"]


def test_sasl_scram_from_environment(clean_env: pytest.MonkeyPatch) -> None:
    sasl_env(clean_env, "SASL_PLAINTEXT", "SCRAM-SHA-512")
    config = producer_config(Settings())
    assert config["security_protocol"] == "SASL_PLAINTEXT"
    assert config["sasl_mechanism"] == "SCRAM-SHA-512"
    assert config["sasl_plain_username"] == "ingest"
    assert config["sasl_plain_password"] == SECRET
    assert "ssl_context" not in config


def test_password_file_wins_and_loses_its_newline(
    clean_env: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    sasl_env(clean_env, "SASL_PLAINTEXT", "PLAIN")
    secret_file = tmp_path / "kafka-password"
    secret_file.write_text("from-a-file\n")
    clean_env.setenv("NEWSWATCH_KAFKA_SASL_PASSWORD_FILE", str(secret_file))
    assert common_config(Settings())["sasl_plain_password"] == "from-a-file"


def test_password_file_alone_is_enough(clean_env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    sasl_env(clean_env, "SASL_PLAINTEXT", "PLAIN")
    clean_env.delenv("NEWSWATCH_KAFKA_SASL_PASSWORD")
    secret_file = tmp_path / "kafka-password"
    secret_file.write_text("only-in-file")
    clean_env.setenv("NEWSWATCH_KAFKA_SASL_PASSWORD_FILE", str(secret_file))
    assert common_config(Settings())["sasl_plain_password"] == "only-in-file"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"NEWSWATCH_KAFKA_SECURITY_PROTOCOL": "SASL_SSL"}, "NEWSWATCH_KAFKA_SASL_USERNAME"),
        (
            {
                "NEWSWATCH_KAFKA_SECURITY_PROTOCOL": "SASL_PLAINTEXT",
                "NEWSWATCH_KAFKA_SASL_USERNAME": "ingest",
            },
            "NEWSWATCH_KAFKA_SASL_PASSWORD",
        ),
        ({"NEWSWATCH_KAFKA_SASL_PASSWORD_FILE": "/nonexistent/pw"}, "no such file"),
        ({"NEWSWATCH_KAFKA_SSL_CERTFILE": "/tmp/c.pem"}, "go together"),
        ({"NEWSWATCH_KAFKA_SECURITY_PROTOCOL": "TLS"}, "kafka_security_protocol"),
        ({"NEWSWATCH_KAFKA_SASL_MECHANISM": "GSSAPI"}, "kafka_sasl_mechanism"),
    ],
)
def test_incomplete_security_fails_at_startup(
    clean_env: pytest.MonkeyPatch, env: dict[str, str], message: str
) -> None:
    for name, value in env.items():
        clean_env.setenv(name, value)
    with pytest.raises(ValidationError, match=message):
        Settings()


def test_secret_never_shows_in_repr_dumps_or_redacted_config(
    clean_env: pytest.MonkeyPatch,
) -> None:
    sasl_env(clean_env, "SASL_PLAINTEXT", "SCRAM-SHA-256")
    settings = Settings()
    config = consumer_config(settings, "group")
    credentials = faust_credentials(settings)
    shown = [
        repr(settings),
        str(settings),
        settings.model_dump_json(),
        str(settings.model_dump()),
        repr(redacted(config)),
        repr(credentials),
    ]
    assert config["sasl_plain_password"] == SECRET  # the client does get it...
    for text in shown:
        assert SECRET not in text  # ...and nothing printable does
    assert redacted(config)["sasl_plain_username"] == "ingest"


def test_a_registered_secret_is_masked_in_any_library_log_record(
    caplog: pytest.LogCaptureFixture,
) -> None:
    secret = "z9-only-in-this-test"
    # The kafka loggers may have been quietened by an earlier configure_logging() in this process.
    caplog.set_level(logging.DEBUG, logger="kafka")
    redact_in_logs(secret)
    logging.getLogger("kafka.admin.client").debug("config: %s", {"sasl_plain_password": secret})
    logging.getLogger("kafka.protocol.parser").debug("Send: %r", b"u\x00u\x00" + secret.encode())
    assert len(caplog.records) == 2
    assert secret not in caplog.text
    assert caplog.text.count(MASK) == 2


def test_tls_with_client_certificate(
    clean_env: pytest.MonkeyPatch, cert_pair: tuple[Path, Path]
) -> None:
    cert, key = cert_pair
    clean_env.setenv("NEWSWATCH_KAFKA_SECURITY_PROTOCOL", "SSL")
    clean_env.setenv("NEWSWATCH_KAFKA_SSL_CAFILE", str(cert))
    clean_env.setenv("NEWSWATCH_KAFKA_SSL_CERTFILE", str(cert))
    clean_env.setenv("NEWSWATCH_KAFKA_SSL_KEYFILE", str(key))
    settings = Settings()
    context = common_config(settings)["ssl_context"]
    assert isinstance(context, ssl.SSLContext)
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    assert any("localhost" in str(ca["subject"]) for ca in context.get_ca_certs())

    credentials = faust_credentials(settings)
    assert isinstance(credentials, SSLCredentials)
    auth = credentials_to_aiokafka_auth(credentials)
    assert auth["security_protocol"] == "SSL"
    assert isinstance(auth["ssl_context"], ssl.SSLContext)


def test_bad_ca_file_is_an_error_not_an_unverified_connection(
    clean_env: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bogus = tmp_path / "ca.pem"
    bogus.write_text("not a certificate")
    clean_env.setenv("NEWSWATCH_KAFKA_SECURITY_PROTOCOL", "SSL")
    clean_env.setenv("NEWSWATCH_KAFKA_SSL_CAFILE", str(bogus))
    with pytest.raises(ssl.SSLError):
        common_config(Settings())


def test_faust_gets_sasl_over_tls_in_the_shape_aiokafka_takes(
    clean_env: pytest.MonkeyPatch,
) -> None:
    sasl_env(clean_env, "SASL_SSL", "SCRAM-SHA-512")
    credentials = faust_credentials(Settings())
    assert isinstance(credentials, SASLCredentials)
    auth = credentials_to_aiokafka_auth(credentials)
    assert auth["security_protocol"] == "SASL_SSL"
    assert auth["sasl_mechanism"] == "SCRAM-SHA-512"
    assert auth["sasl_plain_username"] == "ingest"
    assert auth["sasl_plain_password"] == SECRET
    assert isinstance(auth["ssl_context"], ssl.SSLContext)


def test_producer_defaults_favour_durability_and_yield_to_overrides(
    clean_env: pytest.MonkeyPatch,
) -> None:
    settings = Settings()
    assert producer_config(settings)["acks"] == "all"
    assert producer_config(settings, acks=1, linger_ms=0)["acks"] == 1
    assert consumer_config(settings, "g", auto_offset_reset="latest")["auto_offset_reset"] == (
        "latest"
    )


# -- topic names ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["news.alerts.state_visit", "news_alerts.x", "a b", "", "..", "é"])
def test_bad_topic_names_are_refused(name: str) -> None:
    with pytest.raises(ValueError):
        validate_topic_name(name)


@pytest.mark.parametrize("name", ["news.alerts.state-visit", "news_alerts", "a-b_c", "x" * 249])
def test_good_topic_names_pass(name: str) -> None:
    assert validate_topic_name(name) == name


def test_topic_names_cover_every_type_once(clean_env: pytest.MonkeyPatch) -> None:
    names = topic_names(Settings(), ["state_visit", "phone_call", "state_visit"])
    assert names == [
        "news.articles",
        "news.alerts",
        "news.alerts.state-visit",
        "news.alerts.phone-call",
        "news.articles.dlq",
        "news.alerts.dlq",
        "news.stories.sightings",
        "news.config",
    ]


def test_a_mixed_name_from_settings_is_refused_before_any_broker_call(
    clean_env: pytest.MonkeyPatch,
) -> None:
    clean_env.setenv("NEWSWATCH_TOPIC_ARTICLES_DLQ", "news.articles_dlq")
    with pytest.raises(ValueError, match="mixes"):
        topic_names(Settings(), [])


# -- the embedded broker's configuration ----------------------------------------------------------


def _properties(path: Path) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)
    return {k.strip(): v.strip() for k, v in pairs if not k.startswith("#")}


def test_broker_config_is_kraft_single_node_without_auto_creation(tmp_path: Path) -> None:
    broker = EmbeddedKafka(19092, tmp_path, controller_port=19093)
    props = _properties(broker.write_config())
    assert props["process.roles"] == "broker,controller"
    assert props["node.id"] == "1"
    assert props["controller.quorum.voters"] == "1@127.0.0.1:19093"
    assert props["listeners"] == "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093"
    assert props["advertised.listeners"] == "PLAINTEXT://127.0.0.1:19092"
    assert props["auto.create.topics.enable"] == "false"
    assert props["offsets.topic.replication.factor"] == "1"
    assert props["transaction.state.log.min.isr"] == "1"
    assert props["group.initial.rebalance.delay.ms"] == "0"
    assert props["log.dirs"] == str(tmp_path.resolve() / "kraft")
    assert "sasl.enabled.mechanisms" not in props


def test_broker_config_adds_a_sasl_listener_for_test_users(tmp_path: Path) -> None:
    broker = EmbeddedKafka(
        19092, tmp_path, controller_port=19093, sasl_port=19094, sasl_users={"alice": "pw-1"}
    )
    props = _properties(broker.write_config())
    assert "SASL_PLAINTEXT://127.0.0.1:19094" in props["advertised.listeners"]
    assert props["sasl.enabled.mechanisms"] == "PLAIN,SCRAM-SHA-256,SCRAM-SHA-512"
    assert 'user_alice="pw-1"' in props["listener.name.sasl_plaintext.plain.sasl.jaas.config"]


def test_broker_refuses_credentials_it_cannot_quote(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        EmbeddedKafka(data_dir=tmp_path, sasl_users={"alice": 'pw"; evil'})
