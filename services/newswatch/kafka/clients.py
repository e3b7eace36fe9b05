"""Kafka client configuration from ``Settings``: one place that knows about TLS and SASL.

kafka-python (ingest, subscriber, admin) and Faust/aiokafka (the worker) get the same security
from the same settings. The SASL password is unwrapped only here, at the moment a client is
built, and from then on is masked in every log record (kafka-python logs it at DEBUG); still use
``redacted`` before putting a client config in a log line yourself.
"""

from __future__ import annotations

import ssl
from typing import TYPE_CHECKING, Any

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer

from newswatch.kafka.redaction import MASK, redact_in_logs
from newswatch.settings import Settings

if TYPE_CHECKING:
    from faust.types.auth import CredentialsT

_SECRET_KEYS = frozenset({"sasl_plain_password", "ssl_password"})


def ssl_context(settings: Settings) -> ssl.SSLContext | None:
    """A verifying TLS context for SSL and SASL_SSL, else None.

    Without a CA file the system trust store is used; a client certificate is loaded for mTLS.
    """
    if settings.kafka_security_protocol not in ("SSL", "SASL_SSL"):
        return None
    cafile = str(settings.kafka_ssl_cafile) if settings.kafka_ssl_cafile else None
    context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=cafile)
    if settings.kafka_ssl_certfile is not None:
        context.load_cert_chain(settings.kafka_ssl_certfile, settings.kafka_ssl_keyfile)
    return context


def common_config(settings: Settings, *, client_id: str | None = None) -> dict[str, Any]:
    """kafka-python keyword arguments shared by producers, consumers and the admin client."""
    config: dict[str, Any] = {
        "bootstrap_servers": [s.strip() for s in settings.kafka_bootstrap_servers.split(",")],
        "client_id": client_id or settings.app_id,
        "security_protocol": settings.kafka_security_protocol,
    }
    context = ssl_context(settings)
    if context is not None:
        config["ssl_context"] = context
    if settings.kafka_security_protocol.startswith("SASL_"):
        config["sasl_mechanism"] = settings.kafka_sasl_mechanism
        config["sasl_plain_username"] = settings.kafka_sasl_username
        config["sasl_plain_password"] = _unwrapped_password(settings)
    return config


def producer_config(settings: Settings, **overrides: Any) -> dict[str, Any]:
    """Producer arguments: acks from all in-sync replicas, since an alert must not be lost."""
    return {**common_config(settings), "acks": "all", "linger_ms": 5, **overrides}


def consumer_config(
    settings: Settings, group_id: str | None = None, **overrides: Any
) -> dict[str, Any]:
    """Consumer arguments; a new group starts from the earliest offset so nothing is skipped."""
    base = {**common_config(settings), "group_id": group_id, "auto_offset_reset": "earliest"}
    return {**base, **overrides}


def admin_config(settings: Settings, **overrides: Any) -> dict[str, Any]:
    return {**common_config(settings, client_id=f"{settings.app_id}-admin"), **overrides}


def make_producer(settings: Settings, **overrides: Any) -> KafkaProducer:
    return KafkaProducer(**producer_config(settings, **overrides))


def make_consumer(
    settings: Settings, *topics: str, group_id: str | None = None, **overrides: Any
) -> KafkaConsumer:
    return KafkaConsumer(*topics, **consumer_config(settings, group_id, **overrides))


def make_admin(settings: Settings, **overrides: Any) -> KafkaAdminClient:
    return KafkaAdminClient(**admin_config(settings, **overrides))


def redacted(config: dict[str, Any]) -> dict[str, Any]:
    """A copy of a client config that is safe to log."""
    return {k: (MASK if k in _SECRET_KEYS and v else v) for k, v in config.items()}


def faust_broker_urls(settings: Settings) -> list[str]:
    """``KAFKA_BOOTSTRAP_SERVERS`` in the URL form ``faust.App(broker=...)`` takes."""
    return [f"kafka://{s}" for s in common_config(settings)["bootstrap_servers"]]


def faust_credentials(settings: Settings) -> CredentialsT | None:
    """The same security as ``broker_credentials`` for ``faust.App``; None for PLAINTEXT."""
    import faust  # deferred: importing Faust is slow and only the worker needs it

    context = ssl_context(settings)
    protocol = settings.kafka_security_protocol
    if protocol == "SSL":
        return faust.SSLCredentials(context)
    if protocol.startswith("SASL_"):
        return faust.SASLCredentials(
            username=settings.kafka_sasl_username,
            password=_unwrapped_password(settings),
            ssl_context=context,
            mechanism=settings.kafka_sasl_mechanism,
        )
    return None


def _unwrapped_password(settings: Settings) -> str | None:
    """The SASL password in clear, for a client; registered for redaction from every log first."""
    secret = settings.kafka_sasl_secret()
    if secret is None:
        return None
    redact_in_logs(secret.get_secret_value())
    return secret.get_secret_value()
