"""Business metrics, named by Prometheus conventions (base units, ``_total``, bounded labels).

One registry per process role, never prometheus_client's default: a notifier that served the
worker's metrics would export ``newswatch_ready 0`` and empty tagging histograms, and the
not-ready alert would fire for a healthy notifier. Each metric is registered with the roles that
really update it (config reloads and build info with all); each registry also carries the
process, platform and GC collectors, so memory and CPU panels work for either role.

Label values are always drawn from closed sets: languages the engine knows (else ``other``),
event types from the taxonomy, reject reasons from ``contracts.RejectReason``, entity ids from the
watchlist. Where the set is known up front, ``zero_series`` creates every child at 0, so a
``rate()`` reads 0 rather than "no data" before the first event.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import product
from typing import Literal, get_args

from prometheus_client import (
    GC_COLLECTOR,
    PLATFORM_COLLECTOR,
    PROCESS_COLLECTOR,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    Info,
)
from prometheus_client.metrics import MetricWrapperBase
from prometheus_client.registry import Collector

NAMESPACE = "newswatch"

Role = Literal["worker", "notifier", "poller"]
ROLES: tuple[Role, ...] = get_args(Role)

# Seconds; fine at the low end where the cascade skips most articles.
_FAST_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)
_DELAY_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0, 900.0, 3600.0)

# -- worker ---------------------------------------------------------------------------------------

ARTICLES_CONSUMED = Counter(
    "articles_consumed",
    "Articles decoded and tagged, by language.",
    ["language"],
    namespace=NAMESPACE,
    registry=None,
)
ARTICLES_REJECTED = Counter(
    "articles_rejected",
    "Input messages sent to the dead-letter topic, by reason.",
    ["reason"],
    namespace=NAMESPACE,
    registry=None,
)
ALERTS_EMITTED = Counter(
    "alerts_emitted",
    "Alerts published, by event type and story update kind.",
    ["event_type", "update"],
    namespace=NAMESPACE,
    registry=None,
)
ENTITY_MENTIONS = Counter(
    "entity_mentions",
    "Watched-entity mentions in tagged articles, by Wikidata id (bounded by the watchlist).",
    ["entity"],
    namespace=NAMESPACE,
    registry=None,
)
TAGGING_SECONDS = Histogram(
    "tagging_seconds",
    "Engine time per article.",
    buckets=_FAST_BUCKETS,
    namespace=NAMESPACE,
    registry=None,
)
STAGE_SECONDS = Histogram(
    "engine_stage_seconds",
    "Engine time per stage (normalise, language, match, parse, events, alerts).",
    ["stage"],
    buckets=_FAST_BUCKETS,
    namespace=NAMESPACE,
    registry=None,
)
END_TO_END_SECONDS = Histogram(
    "end_to_end_delay_seconds",
    "From published_at (else ingested_at) to the alert being published.",
    buckets=_DELAY_BUCKETS,
    namespace=NAMESPACE,
    registry=None,
)
MODEL_LOAD_SECONDS = Gauge(
    "model_load_seconds",
    "Time taken to load each spaCy pipeline.",
    ["model"],
    namespace=NAMESPACE,
    registry=None,
)
READY = Gauge(
    "ready",
    "1 when models are loaded and the consumer is assigned.",
    namespace=NAMESPACE,
    registry=None,
)

# Kafka, from the worker's sensor (stream/sensor.py): Faust's own Prometheus sensor broke the
# naming rules (milliseconds, a unit-less histogram, a count as a gauge, "commited").
_KAFKA_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

KAFKA_RECEIVED = Counter(
    "kafka_messages_received",
    "Messages the worker's consumer received, by topic (input, sightings, table changelogs).",
    ["topic"],
    namespace=NAMESPACE,
    registry=None,
)
KAFKA_SENT = Counter(
    "kafka_messages_sent",
    "Messages the worker's producer had acknowledged, by topic.",
    ["topic"],
    namespace=NAMESPACE,
    registry=None,
)
KAFKA_SEND_ERRORS = Counter(
    "kafka_send_errors",
    "Messages the worker's producer failed to send.",
    namespace=NAMESPACE,
    registry=None,
)
KAFKA_SEND_SECONDS = Histogram(
    "kafka_send_seconds",
    "From handing a message to the producer to the broker's acknowledgement.",
    buckets=_KAFKA_BUCKETS,
    namespace=NAMESPACE,
    registry=None,
)
KAFKA_COMMIT_SECONDS = Histogram(
    "kafka_commit_seconds",
    "Time taken by one offset commit of the worker's consumer.",
    buckets=_KAFKA_BUCKETS,
    namespace=NAMESPACE,
    registry=None,
)
KAFKA_END_OFFSET = Gauge(
    "kafka_partition_end_offset",
    "Last known end (high-water) offset of each partition the worker consumes.",
    ["topic", "partition"],
    namespace=NAMESPACE,
    registry=None,
)
KAFKA_COMMITTED_OFFSET = Gauge(
    "kafka_partition_committed_offset",
    "Last offset the worker committed, per partition; lag is end offset minus this.",
    ["topic", "partition"],
    namespace=NAMESPACE,
    registry=None,
)
KAFKA_REBALANCES = Counter(
    "kafka_rebalances",
    "Consumer-group rebalances the worker went through.",
    namespace=NAMESPACE,
    registry=None,
)
KAFKA_REBALANCE_SECONDS = Histogram(
    "kafka_rebalance_seconds",
    "From the start of a rebalance to the end of table recovery.",
    buckets=(0.1, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0),
    namespace=NAMESPACE,
    registry=None,
)

# -- notifier -------------------------------------------------------------------------------------

NOTIFY_DELIVERIES = Counter(
    "notify_deliveries",
    "Alerts delivered by the notifier, by sink kind.",
    ["sink"],
    namespace=NAMESPACE,
    registry=None,
)
NOTIFY_FAILURES = Counter(
    "notify_failures",
    "Failed delivery attempts by the notifier, by sink kind.",
    ["sink"],
    namespace=NAMESPACE,
    registry=None,
)
NOTIFY_DEAD_LETTERS = Counter(
    "notify_dead_letters",
    "Alerts the notifier sent to the alerts DLQ, by reason (delivery_failed or a decode reason).",
    ["reason"],
    namespace=NAMESPACE,
    registry=None,
)

# -- poller ---------------------------------------------------------------------------------------

_FETCH_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
_FRESHNESS_BUCKETS = (60.0, 300.0, 900.0, 1800.0, 3600.0, 7200.0, 21600.0, 86400.0, 604800.0)

POLL_FETCHES = Counter(
    "poll_fetches",
    "HTTP fetches by the poller (after retries), by kind (feed, page, robots) and outcome.",
    ["kind", "outcome"],
    namespace=NAMESPACE,
    registry=None,
)
POLL_FETCH_SECONDS = Histogram(
    "poll_fetch_seconds",
    "Time per fetch, redirects and retries included, by kind.",
    ["kind"],
    buckets=_FETCH_BUCKETS,
    namespace=NAMESPACE,
    registry=None,
)
POLL_BYTES = Counter(
    "poll_bytes",
    "Body bytes received by the poller (decompressed), by kind.",
    ["kind"],
    namespace=NAMESPACE,
    registry=None,
)
POLL_ARTICLES = Counter(
    "poll_articles",
    "New articles published by the poller, by where their text came from.",
    ["text_from"],
    namespace=NAMESPACE,
    registry=None,
)
POLL_ENTRIES_REFUSED = Counter(
    "poll_entries_refused",
    "Feed entries not fetched because their link is off limits (scheme or address), by reason.",
    ["reason"],
    namespace=NAMESPACE,
    registry=None,
)
POLL_FEED_POLLS = Counter(
    "poll_feed_polls",
    "Feed polls by outcome: ok, not_modified, unreadable (fetch failed), unparsable.",
    ["outcome"],
    namespace=NAMESPACE,
    registry=None,
)
POLL_FRESHNESS_SECONDS = Histogram(
    "poll_freshness_seconds",
    "From an article's published_at to the poller publishing it.",
    buckets=_FRESHNESS_BUCKETS,
    namespace=NAMESPACE,
    registry=None,
)
POLL_SOURCES = Gauge(
    "poll_sources",
    "Sources this poller is responsible for (its shard of the sources file).",
    namespace=NAMESPACE,
    registry=None,
)
# One series per source: bounded by the sources file, which the operator writes.
POLL_SOURCE_LAST_OK = Gauge(
    "poll_source_last_success_timestamp_seconds",
    "When each source's feed was last read (200 or 304), Unix time.",
    ["source"],
    namespace=NAMESPACE,
    registry=None,
)
POLL_SOURCE_LAST_ARTICLE = Gauge(
    "poll_source_last_article_timestamp_seconds",
    "When each source last gave a new article (or when polling it began), Unix time.",
    ["source"],
    namespace=NAMESPACE,
    registry=None,
)

# -- both -----------------------------------------------------------------------------------------

CONFIG_RELOADS = Counter(
    "config_reloads",
    "Reloads of analyst data files, by file kind and outcome.",
    ["kind", "outcome"],
    namespace=NAMESPACE,
    registry=None,
)
BUILD_INFO = Info(
    "build",
    "Version, spaCy models and languages of this build.",
    namespace=NAMESPACE,
    registry=None,
)

_PROCESS: tuple[Collector, ...] = (PROCESS_COLLECTOR, PLATFORM_COLLECTOR, GC_COLLECTOR)
_BY_ROLE: dict[Role, tuple[Collector, ...]] = {
    "worker": (
        ARTICLES_CONSUMED,
        ARTICLES_REJECTED,
        ALERTS_EMITTED,
        ENTITY_MENTIONS,
        TAGGING_SECONDS,
        STAGE_SECONDS,
        END_TO_END_SECONDS,
        MODEL_LOAD_SECONDS,
        READY,
        KAFKA_RECEIVED,
        KAFKA_SENT,
        KAFKA_SEND_ERRORS,
        KAFKA_SEND_SECONDS,
        KAFKA_COMMIT_SECONDS,
        KAFKA_END_OFFSET,
        KAFKA_COMMITTED_OFFSET,
        KAFKA_REBALANCES,
        KAFKA_REBALANCE_SECONDS,
        CONFIG_RELOADS,
        BUILD_INFO,
        *_PROCESS,
    ),
    "notifier": (
        NOTIFY_DELIVERIES,
        NOTIFY_FAILURES,
        NOTIFY_DEAD_LETTERS,
        CONFIG_RELOADS,
        BUILD_INFO,
        *_PROCESS,
    ),
    "poller": (
        POLL_FETCHES,
        POLL_FETCH_SECONDS,
        POLL_BYTES,
        POLL_ARTICLES,
        POLL_ENTRIES_REFUSED,
        POLL_FEED_POLLS,
        POLL_FRESHNESS_SECONDS,
        POLL_SOURCES,
        POLL_SOURCE_LAST_OK,
        POLL_SOURCE_LAST_ARTICLE,
        CONFIG_RELOADS,
        BUILD_INFO,
        *_PROCESS,
    ),
}


def _registry(role: Role) -> CollectorRegistry:
    registry = CollectorRegistry()
    for collector in _BY_ROLE[role]:
        registry.register(collector)
    return registry


# A collector may sit in several registries; each process serves only its own role's.
REGISTRIES: dict[Role, CollectorRegistry] = {role: _registry(role) for role in ROLES}
WORKER_REGISTRY = REGISTRIES["worker"]
NOTIFIER_REGISTRY = REGISTRIES["notifier"]
POLLER_REGISTRY = REGISTRIES["poller"]


def zero_series(metric: MetricWrapperBase, **values: Iterable[str]) -> None:
    """Create every child of ``metric`` over the given closed label sets, at 0.

    A counter child appears at its first ``inc()``; until then ``rate()`` over it is empty and a
    panel shows "no data" where the truth is 0. Only for closed sets: an open one would grow
    the series count without bound.
    """
    names = list(values)
    for combination in product(*(sorted(set(v)) for v in values.values())):
        metric.labels(**dict(zip(names, combination, strict=True)))
