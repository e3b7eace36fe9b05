"""Kafka plumbing: client settings from ``Settings`` and topic creation.

The embedded broker for development and tests is ``newswatch.kafka.broker`` (not imported here:
it is a tool, not part of the service, and runs as ``python -m newswatch.kafka.broker``).
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
