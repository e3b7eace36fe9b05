"""Is there a broker? Asked once, with a bounded wait, before a command starts its real work.

kafka-python and Faust otherwise retry for their own (long) timeouts and end in a traceback;
a person gets one line and exit status 3 after ``NEWSWATCH_KAFKA_CONNECT_TIMEOUT_S`` instead.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from typing import Any

from kafka.errors import KafkaConnectionError, KafkaTimeoutError
from kafka.net.compat import KafkaNetClient

from newswatch.exits import UNAVAILABLE, CommandError
from newswatch.kafka.clients import make_admin
from newswatch.settings import Settings

# What kafka-python raises when nothing answers (other errors, e.g. a SASL failure, are not this).
CANNOT_CONNECT = (KafkaTimeoutError, KafkaConnectionError, OSError)


def unavailable(settings: Settings, detail: str = "") -> CommandError:
    where = settings.kafka_bootstrap_servers
    why = f" ({detail})" if detail else ""
    return CommandError(
        f"no Kafka broker answered at {where} within {settings.kafka_connect_timeout_s:g}s{why}; "
        "start one (make kafka) or set KAFKA_BOOTSTRAP_SERVERS",
        UNAVAILABLE,
    )


def require_broker(settings: Settings) -> None:
    """Return once a broker answers; raise ``CommandError`` (status 3) after the timeout."""
    ms = max(1, int(settings.kafka_connect_timeout_s * 1000))
    # An admin client that fails to bootstrap raises from its constructor and closes nothing: its
    # network client's I/O thread would live on. The client is kept here to be closed all the same.
    made: list[KafkaNetClient] = []

    def network_client(**config: Any) -> KafkaNetClient:
        made.append(KafkaNetClient(**config))
        return made[-1]

    try:
        with _kafka_logs_muted():  # each retry logs an ERROR; the one line below says it all
            admin = make_admin(
                settings,
                bootstrap_timeout_ms=ms,
                request_timeout_ms=ms,
                kafka_client=network_client,
            )
    except CANNOT_CONNECT:
        for client in made:
            client.close()
        raise unavailable(settings) from None
    admin.close()


@contextlib.contextmanager
def _kafka_logs_muted() -> Iterator[None]:
    logger = logging.getLogger("kafka")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)
