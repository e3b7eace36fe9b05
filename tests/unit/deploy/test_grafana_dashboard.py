"""Every PromQL expression in the dashboard and the alert rules names a metric the code exports."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from deploy_support import DEPLOY
from promql_names import exported_names, metric_names, unknown_names

DASHBOARD = DEPLOY / "grafana" / "dashboards" / "newswatch.json"
RULES = sorted((DEPLOY / "prometheus" / "rules").glob("*.rules.yml"))


def _panels(panels: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for panel in panels:
        yield panel
        yield from _panels(panel.get("panels", []))


def dashboard_exprs() -> list[str]:
    dashboard = json.loads(DASHBOARD.read_text())
    exprs = [t["expr"] for p in _panels(dashboard["panels"]) for t in p.get("targets", [])]
    for variable in dashboard.get("templating", {}).get("list", []):
        if variable.get("type") == "query":
            query = variable["query"]
            exprs.append(query["query"] if isinstance(query, dict) else query)
    return exprs


def rule_exprs() -> list[str]:
    return [
        rule["expr"]
        for path in RULES
        for group in yaml.safe_load(path.read_text())["groups"]
        for rule in group["rules"]
    ]


@pytest.fixture(scope="module")
def exported() -> set[str]:
    """What a scrape of the worker or the notifier can show, each from its own registry."""
    from newswatch.observability.metrics import REGISTRIES
    from newswatch.stream.app import create_app

    create_app()  # registers the worker's Kafka sensor, as the worker does
    return set().union(*(exported_names(registry) for registry in REGISTRIES.values()))


@pytest.mark.parametrize(
    ("expr", "names"),
    [
        (
            'histogram_quantile(0.99, sum by (le) (rate(a_seconds_bucket{job="w"}[5m])))',
            {"a_seconds_bucket"},
        ),
        (
            'sum(rate(a_total{le=~"b|c", x!="d"}[$__rate_interval] offset 1h)) by (le)'
            " / on(instance) group_left(version) b_info",
            {"a_total", "b_info"},
        ),
        ('(sum(increase(x_total[15m])) or vector(0)) == 0 and on() up{job="j"}', {"x_total", "up"}),
        ('label_replace(foo, "dst", "$1", "src", "(.*)") > bool 1e3', {"foo"}),
        ('{__name__="newswatch_ready", job="a"} unless other', {"newswatch_ready", "other"}),
        ("max_over_time(q[1h:5m] @ end()) - time()", {"q"}),
        ('count_values("version", sum without (instance) (g))', {"g"}),
        ("topk(10, sum by (entity) (increase(m_total[${__range}])))", {"m_total"}),
    ],
)
def test_extractor_finds_only_metric_names(expr: str, names: set[str]) -> None:
    assert metric_names(expr) == names


def test_extractor_reports_a_name_nobody_exports(exported: set[str]) -> None:
    bad = unknown_names(["rate(newswatch_articles_consumed[5m])", "newswatch_ready"], exported)
    assert bad == {"rate(newswatch_articles_consumed[5m])": {"newswatch_articles_consumed"}}


def test_exported_names_include_suffix_forms(exported: set[str]) -> None:
    assert {
        "newswatch_articles_consumed_total",
        "newswatch_tagging_seconds_bucket",
        "newswatch_tagging_seconds_count",
        "newswatch_build_info",
        "newswatch_ready",
    } <= exported
    assert "newswatch_articles_consumed" not in exported


@pytest.mark.parametrize("source", ["dashboard", "rules"])
def test_every_expression_names_an_exported_metric(source: str, exported: set[str]) -> None:
    exprs = dashboard_exprs() if source == "dashboard" else rule_exprs()
    assert len(exprs) >= 7
    assert all(metric_names(e) for e in exprs), "an expression that selects no series"
    assert unknown_names(exprs, exported) == {}


def test_dashboard_covers_what_operators_watch() -> None:
    used = set().union(*map(metric_names, dashboard_exprs()))
    assert {
        "newswatch_articles_consumed_total",
        "newswatch_articles_rejected_total",
        "newswatch_alerts_emitted_total",
        "newswatch_tagging_seconds_bucket",
        "newswatch_end_to_end_delay_seconds_bucket",
        "newswatch_notify_deliveries_total",
        "newswatch_notify_failures_total",
        "newswatch_ready",
        "newswatch_model_load_seconds",
        "newswatch_kafka_partition_end_offset",
        "newswatch_kafka_partition_committed_offset",
        "newswatch_poll_fetches_total",
        "newswatch_poll_articles_total",
        "newswatch_poll_fetch_seconds_bucket",
        "newswatch_poll_freshness_seconds_bucket",
        "newswatch_poll_source_last_article_timestamp_seconds",
    } <= used


def test_dashboard_is_provisionable() -> None:
    dashboard = json.loads(DASHBOARD.read_text())
    panels = list(_panels(dashboard["panels"]))
    ids = [p["id"] for p in panels]
    assert len(ids) == len(set(ids))
    assert dashboard["uid"] == "newswatch"
    for panel in panels:
        if panel["type"] != "row":
            assert panel["datasource"]["uid"] == "${datasource}", panel["title"]
            assert panel["targets"], panel["title"]
    provider = yaml.safe_load(
        (DEPLOY / "grafana/provisioning/dashboards/newswatch.yml").read_text()
    )
    datasource = yaml.safe_load(
        (DEPLOY / "grafana/provisioning/datasources/prometheus.yml").read_text()
    )
    assert provider["providers"][0]["options"]["path"] == "/var/lib/grafana/dashboards"
    assert [d["type"] for d in datasource["datasources"]] == ["prometheus"]


_JOB_MATCHER = re.compile(r"\bjob\s*=~?")
_UP = re.compile(r"(?<![\w:])up(?![\w:])\s*(\{[^}]*\})?")


@pytest.mark.parametrize("source", ["dashboard", "rules"])
def test_targets_are_selected_by_component_never_by_job(source: str) -> None:
    """Compose and Kubernetes name their jobs differently; both set ``component``."""
    exprs = dashboard_exprs() if source == "dashboard" else rule_exprs()
    assert [e for e in exprs if _JOB_MATCHER.search(e)] == []
    for expr in exprs:
        for match in _UP.finditer(expr):
            assert "component=" in (match.group(1) or ""), expr
    ready = [e for e in exprs if "newswatch_ready" in e]
    assert ready and all('newswatch_ready{component="worker"}' in e for e in ready)
