"""A registry per process role: the notifier never exports the worker's readiness or histograms.

The worker's view of itself (``newswatch_ready``, tagging time) served by a notifier made the
not-ready alert fire for a healthy notifier; these tests pin which names each role serves, over
the notifier's real HTTP endpoint too.
"""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator
from typing import get_args

import pytest
from prometheus_client import REGISTRY, CollectorRegistry, Counter
from prometheus_client.parser import text_string_to_metric_families

from newswatch.notify.cli import serve_metrics
from newswatch.notify.decode import AlertRejectReason
from newswatch.notify.service import zero_notifier_series
from newswatch.notify.sinks import SinkKind
from newswatch.observability.metrics import (
    NOTIFIER_REGISTRY,
    POLLER_REGISTRY,
    REGISTRIES,
    WORKER_REGISTRY,
    zero_series,
)

WORKER_ONLY = {
    "newswatch_ready",
    "newswatch_articles_consumed",
    "newswatch_articles_rejected",
    "newswatch_alerts_emitted",
    "newswatch_entity_mentions",
    "newswatch_tagging_seconds",
    "newswatch_engine_stage_seconds",
    "newswatch_end_to_end_delay_seconds",
    "newswatch_model_load_seconds",
}
NOTIFIER_ONLY = {
    "newswatch_notify_deliveries",
    "newswatch_notify_failures",
    "newswatch_notify_dead_letters",
}
POLLER_ONLY = {
    "newswatch_poll_fetches",
    "newswatch_poll_fetch_seconds",
    "newswatch_poll_bytes",
    "newswatch_poll_articles",
    "newswatch_poll_entries_refused",
    "newswatch_poll_feed_polls",
    "newswatch_poll_freshness_seconds",
    "newswatch_poll_sources",
    "newswatch_poll_source_last_success_timestamp_seconds",
    "newswatch_poll_source_last_article_timestamp_seconds",
}
BOTH = {"newswatch_config_reloads", "newswatch_build", "process_resident_memory_bytes"}


def families(registry: CollectorRegistry) -> set[str]:
    return {family.name for family in registry.collect()}


def test_each_role_serves_its_own_metrics_and_only_those() -> None:
    worker, notifier = families(WORKER_REGISTRY), families(NOTIFIER_REGISTRY)
    poller = families(POLLER_REGISTRY)
    assert worker >= WORKER_ONLY | BOTH
    assert notifier >= NOTIFIER_ONLY | BOTH
    assert poller >= POLLER_ONLY | BOTH
    assert not worker & (NOTIFIER_ONLY | POLLER_ONLY)
    assert not notifier & (WORKER_ONLY | POLLER_ONLY)
    assert not poller & (WORKER_ONLY | NOTIFIER_ONLY)
    assert set(REGISTRIES) == {"worker", "notifier", "poller"}


def test_the_default_registry_holds_none_of_ours() -> None:
    """Nothing reaches prometheus_client's default registry, which a library might serve."""
    assert not {name for name in families(REGISTRY) if name.startswith("newswatch_")}


def test_the_worker_app_registers_its_kafka_sensor_with_the_worker_only() -> None:
    from newswatch.stream.app import create_app

    before = families(NOTIFIER_REGISTRY)
    create_app()
    assert families(NOTIFIER_REGISTRY) == before
    assert not {n for n in families(REGISTRY) if n.startswith("newswatch_")}


@pytest.fixture
def notifier_metrics() -> Iterator[str]:
    server = serve_metrics(0, "127.0.0.1")
    try:
        yield f"http://127.0.0.1:{server.server_port}/metrics"
    finally:
        server.shutdown()
        server.server_close()


def test_the_notifier_endpoint_has_no_readiness_gauge(notifier_metrics: str) -> None:
    with urllib.request.urlopen(notifier_metrics, timeout=5) as response:
        text = response.read().decode()
    served = {family.name for family in text_string_to_metric_families(text)}
    assert served >= NOTIFIER_ONLY | {"newswatch_config_reloads", "process_resident_memory_bytes"}
    assert not served & WORKER_ONLY
    assert "newswatch_ready" not in text
    assert 'newswatch_build_info{role="notifier"' in text


def test_zero_series_creates_every_combination_at_zero() -> None:
    registry = CollectorRegistry()
    counter = Counter("c", "test", ["kind", "outcome"], registry=registry)
    zero_series(counter, kind=["b", "a", "a"], outcome=["ok", "error"])
    samples = {
        (s.labels["kind"], s.labels["outcome"]): s.value
        for family in registry.collect()
        for s in family.samples
        if s.name == "c_total"
    }
    assert samples == {("a", "ok"): 0, ("a", "error"): 0, ("b", "ok"): 0, ("b", "error"): 0}


def test_the_notifier_shows_every_sink_kind_and_reason_at_zero(notifier_metrics: str) -> None:
    """Before any delivery: a rate() over failures reads 0 per sink kind, not "no data"."""
    zero_notifier_series()  # what Notifier.__init__ does, before the endpoint is served
    with urllib.request.urlopen(notifier_metrics, timeout=5) as response:
        samples = {
            (s.name, tuple(sorted(s.labels.items())))
            for family in text_string_to_metric_families(response.read().decode())
            for s in family.samples
        }
    for sink in get_args(SinkKind):
        for name in ("newswatch_notify_deliveries_total", "newswatch_notify_failures_total"):
            assert (name, (("sink", sink),)) in samples
    for reason in ("delivery_failed", *get_args(AlertRejectReason)):
        assert ("newswatch_notify_dead_letters_total", (("reason", reason),)) in samples
