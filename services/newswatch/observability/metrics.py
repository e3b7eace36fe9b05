"""Business metrics, named by Prometheus conventions (base units, ``_total``, bounded labels).

One registry for the process (prometheus_client's default). Label values are always drawn from
closed sets: languages the engine knows (else ``other``), event types from the taxonomy, reject
reasons from ``contracts.RejectReason``, entity ids from the watchlist.
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram, Info

NAMESPACE = "newswatch"

# Seconds; fine at the low end where the cascade skips most articles.
_FAST_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)
_DELAY_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0, 900.0, 3600.0)

ARTICLES_CONSUMED = Counter(
    "articles_consumed",
    "Articles decoded and tagged, by language.",
    ["language"],
    namespace=NAMESPACE,
)
ARTICLES_REJECTED = Counter(
    "articles_rejected",
    "Input messages sent to the dead-letter topic, by reason.",
    ["reason"],
    namespace=NAMESPACE,
)
ALERTS_EMITTED = Counter(
    "alerts_emitted",
    "Alerts published, by event type and story update kind.",
    ["event_type", "update"],
    namespace=NAMESPACE,
)
ENTITY_MENTIONS = Counter(
    "entity_mentions",
    "Watched-entity mentions in tagged articles, by Wikidata id (bounded by the watchlist).",
    ["entity"],
    namespace=NAMESPACE,
)
TAGGING_SECONDS = Histogram(
    "tagging_seconds",
    "Engine time per article.",
    buckets=_FAST_BUCKETS,
    namespace=NAMESPACE,
)
STAGE_SECONDS = Histogram(
    "engine_stage_seconds",
    "Engine time per stage (normalise, language, match, parse, events, alerts).",
    ["stage"],
    buckets=_FAST_BUCKETS,
    namespace=NAMESPACE,
)
END_TO_END_SECONDS = Histogram(
    "end_to_end_delay_seconds",
    "From published_at (else ingested_at) to the alert being published.",
    buckets=_DELAY_BUCKETS,
    namespace=NAMESPACE,
)
NOTIFY_DELIVERIES = Counter(
    "notify_deliveries", "Alerts delivered by the notifier, by sink.", ["sink"], namespace=NAMESPACE
)
NOTIFY_FAILURES = Counter(
    "notify_failures",
    "Failed delivery attempts by the notifier, by sink.",
    ["sink"],
    namespace=NAMESPACE,
)
NOTIFY_DEAD_LETTERS = Counter(
    "notify_dead_letters",
    "Alerts the notifier sent to the alerts DLQ, by reason (delivery_failed or a decode reason).",
    ["reason"],
    namespace=NAMESPACE,
)
CONFIG_RELOADS = Counter(
    "config_reloads",
    "Reloads of analyst data files, by file kind and outcome.",
    ["kind", "outcome"],
    namespace=NAMESPACE,
)
MODEL_LOAD_SECONDS = Gauge(
    "model_load_seconds", "Time taken to load each spaCy pipeline.", ["model"], namespace=NAMESPACE
)
READY = Gauge(
    "ready", "1 when models are loaded and the consumer is assigned.", namespace=NAMESPACE
)
BUILD_INFO = Info(
    "build", "Version, spaCy models and languages of this build.", namespace=NAMESPACE
)
