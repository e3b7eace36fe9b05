"""Kafka plumbing: client settings from ``Settings`` and topic creation.

The embedded broker for development and tests is ``newswatch_dev.broker``: a tool, not part of
the service or its wheel; it runs as ``python -m newswatch_dev.broker``.
"""

from newswatch.kafka.clients import (
    admin_config,
    consumer_config,
    faust_broker_urls,
    faust_credentials,
    make_admin,
    make_consumer,
    make_producer,
    producer_config,
)
from newswatch.kafka.topics import ensure_topics, topic_names, validate_topic_name

__all__ = [
    "admin_config",
    "consumer_config",
    "ensure_topics",
    "faust_broker_urls",
    "faust_credentials",
    "make_admin",
    "make_consumer",
    "make_producer",
    "producer_config",
    "topic_names",
    "validate_topic_name",
]
