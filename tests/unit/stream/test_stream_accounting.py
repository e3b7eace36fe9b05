"""Business metrics after a batch: bounded labels, counted per article and alert."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import get_args

from stream_fakes import FakeEngine, make_alert

from newswatch.contracts import Alert, Article, Origin, RejectReason, UpdateKind
from newswatch.observability.metrics import WORKER_REGISTRY
from newswatch.settings import Settings
from newswatch.stream.accounting import (
    OTHER_LANGUAGE,
    language_label,
    record_alert,
    record_batch,
    zero_worker_series,
)
from newswatch.stream.batch import Incoming, process_batch
from newswatch.stream.routing import Outgoing

NOW = datetime(2024, 1, 1, 0, 0, 10, tzinfo=UTC)


def nowhere(article: Article, alert: Alert) -> list[Outgoing]:
    return []


def sample(name: str, **labels: str) -> float:
    return WORKER_REGISTRY.get_sample_value(name, labels) or 0.0


def test_language_label_is_bounded_by_the_engine_languages() -> None:
    article = Article(id="a", text="t", language="xx")
    assert language_label(article, [], ["fr", "en"]) == OTHER_LANGUAGE
    assert language_label(article.model_copy(update={"language": "fr"}), [], ["fr"]) == "fr"


def test_a_batch_counts_articles_mentions_and_rejections() -> None:
    raws = [
        json.dumps(
            {"id": "m1", "text": "Xi ira.", "language": "fr", "ingested_at": "2024-01-01T00:00:00Z"}
        ).encode(),
        b"not json",
    ]
    batch = [Incoming(raw, Origin("news.articles", 0, i)) for i, raw in enumerate(raws)]
    before = {
        "fr": sample("newswatch_articles_consumed_total", language="fr"),
        "json": sample("newswatch_articles_rejected_total", reason="json"),
        "xi": sample("newswatch_entity_mentions_total", entity="Q15031"),
    }
    record_batch(process_batch(batch, FakeEngine(), Settings(), nowhere), ["fr", "en"])

    assert sample("newswatch_articles_consumed_total", language="fr") == before["fr"] + 1
    assert sample("newswatch_articles_rejected_total", reason="json") == before["json"] + 1
    assert sample("newswatch_entity_mentions_total", entity="Q15031") == before["xi"] + 2


def test_a_published_alert_counts_by_update_kind_with_the_delay_since_the_article() -> None:
    alert = make_alert(Article(id="m2", text="Xi ira.", language="fr"))
    corroborated = alert.model_copy(update={"update": "corroborated", "story_id": "s" * 32})
    labels = {"event_type": "state_visit", "update": "corroborated"}
    before = sample("newswatch_alerts_emitted_total", **labels)
    delay = sample("newswatch_end_to_end_delay_seconds_sum")
    article_time = NOW.timestamp() - 10.0
    record_alert(corroborated, article_time, NOW.timestamp())
    record_alert(corroborated, None, NOW.timestamp())  # no article time: counted, no delay
    assert sample("newswatch_alerts_emitted_total", **labels) == before + 2
    assert sample("newswatch_end_to_end_delay_seconds_sum") == delay + 10.0


def test_closed_label_sets_start_at_zero_so_rates_read_zero() -> None:
    zero_worker_series(["fr", "en"], ["state_visit", "phone_call"])
    for reason in get_args(RejectReason):
        assert (
            WORKER_REGISTRY.get_sample_value(
                "newswatch_articles_rejected_total", {"reason": reason}
            )
            is not None
        ), reason
    for language in ("fr", "en", OTHER_LANGUAGE):
        assert (
            WORKER_REGISTRY.get_sample_value(
                "newswatch_articles_consumed_total", {"language": language}
            )
            is not None
        )
    for event_type in ("state_visit", "phone_call"):
        for update in get_args(UpdateKind):
            labels = {"event_type": event_type, "update": update}
            assert (
                WORKER_REGISTRY.get_sample_value("newswatch_alerts_emitted_total", labels)
                is not None
            ), labels
    for kind in ("engine", "subscriptions"):
        for outcome in ("ok", "error"):
            labels = {"kind": kind, "outcome": outcome}
            assert (
                WORKER_REGISTRY.get_sample_value("newswatch_config_reloads_total", labels)
                is not None
            ), labels
