"""A real Prometheus scrapes our /metrics and answers queries about it over its HTTP API.

Two targets: the real ``newswatch worker`` after it tagged the seed (the production path), and a
process that serves the newswatch registry with known values, so figures read back through
Prometheus can be asserted exactly. The same Prometheus also evaluates every dashboard and
alert-rule expression, so a query Grafana would reject as invalid PromQL fails here.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from worker_support import isolated_settings, newswatch_worker, produce, worker_process

from newswatch.settings import Settings
from newswatch_dev.broker import free_port

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
PROMETHEUS_BIN = "/usr/bin/prometheus"
WAIT_S = 60.0

# Serves the worker's registry on a free port, records known values, prints the port, and lives
# until its stdin closes, so it cannot outlive the test.
EXPORTER = """
import sys
from prometheus_client import start_http_server
from newswatch.observability import metrics as m

server, _ = start_http_server(0, addr="127.0.0.1", registry=m.WORKER_REGISTRY)
m.ARTICLES_CONSUMED.labels(language="fr").inc(3)
m.ARTICLES_REJECTED.labels(reason="invalid_json").inc()
for seconds in (0.002, 0.02, 0.2):
    m.TAGGING_SECONDS.observe(seconds)
m.READY.set(1)
print(server.server_port, flush=True)
sys.stdin.read()
"""


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.load(response)


def _query(base: str, expr: str) -> dict[str, Any]:
    answer: dict[str, Any] = _get(f"{base}/api/v1/query?{urllib.parse.urlencode({'query': expr})}")
    return answer


def _wait_for(what: str, probe: Any, deadline: float) -> Any:
    last: Any = None
    while time.monotonic() < deadline:
        try:
            last = probe()
            if last:
                return last
        except OSError as error:  # not listening yet
            last = error
        time.sleep(0.5)
    pytest.fail(f"timed out waiting for {what}; last answer: {last!r}")


def _stop(process: subprocess.Popen[Any]) -> None:
    """Terminate (then kill) the process and close our ends of its pipes."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
    for stream in (process.stdin, process.stdout, process.stderr):
        if stream is not None:
            stream.close()


@pytest.fixture
def target() -> Iterator[str]:
    """``host:port`` of a process serving the newswatch registry."""
    process = subprocess.Popen(
        [sys.executable, "-c", EXPORTER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        port = int(process.stdout.readline())
        yield f"127.0.0.1:{port}"
    finally:
        _stop(process)


@contextlib.contextmanager
def scraping(
    target: str, tmp_path: Path, *, component: str = "worker", rules: Path | None = None
) -> Iterator[str]:
    """Base URL of a real Prometheus on loopback, scraping ``target`` every second and labelling
    it with ``component`` as the deployments do; ``rules`` evaluated every second if given."""
    if not Path(PROMETHEUS_BIN).exists():
        pytest.fail(f"{PROMETHEUS_BIN} is missing: run `make tools` (Debian package prometheus)")
    tmp_path.mkdir(parents=True, exist_ok=True)
    config = tmp_path / "prometheus.yml"
    job = {
        "job_name": f"newswatch-{component}",
        "static_configs": [{"targets": [target]}],
        "relabel_configs": [{"target_label": "component", "replacement": component}],
    }
    config.write_text(
        yaml.safe_dump(
            {
                "global": {"scrape_interval": "1s", "evaluation_interval": "1s"},
                "rule_files": [str(rules)] if rules else [],
                "scrape_configs": [job],
            }
        )
    )
    address = f"127.0.0.1:{free_port()}"
    log = (tmp_path / "prometheus.log").open("w")
    process = subprocess.Popen(
        [
            PROMETHEUS_BIN,
            f"--config.file={config}",
            f"--storage.tsdb.path={tmp_path / 'data'}",
            f"--web.listen-address={address}",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        base = f"http://{address}"
        deadline = time.monotonic() + WAIT_S

        def ready() -> bool:
            assert process.poll() is None, (tmp_path / "prometheus.log").read_text()[-2000:]
            with urllib.request.urlopen(f"{base}/-/ready", timeout=2) as response:
                return bool(response.status == 200)

        _wait_for("Prometheus to be ready", ready, deadline)
        yield base
    finally:
        _stop(process)
        log.close()


@pytest.fixture
def prometheus(target: str, tmp_path: Path) -> Iterator[str]:
    with scraping(target, tmp_path) as base:
        yield base


def _value(base: str, expr: str) -> float | None:
    result = _query(base, expr)["data"]["result"]
    return float(result[0]["value"][1]) if result else None


def test_prometheus_scrapes_and_returns_our_metrics(prometheus: str, target: str) -> None:
    deadline = time.monotonic() + WAIT_S
    _wait_for(
        "a successful scrape",
        lambda: _value(prometheus, f'up{{instance="{target}"}}') == 1.0,
        deadline,
    )
    _wait_for(
        "the counter",
        lambda: _value(prometheus, 'newswatch_articles_consumed_total{language="fr"}') == 3.0,
        deadline,
    )
    assert _value(prometheus, "sum(newswatch_tagging_seconds_count)") == 3.0
    assert _value(prometheus, 'newswatch_articles_rejected_total{reason="invalid_json"}') == 1.0
    assert _value(prometheus, "newswatch_ready") == 1.0
    assert _value(prometheus, "newswatch_build_info") is not None


# The notifier's metrics server, as ``newswatch notify`` starts it, on a free port.
NOTIFIER = """
import sys
from newswatch.notify.cli import serve_metrics
from newswatch.notify.service import zero_notifier_series

zero_notifier_series()
server = serve_metrics(0, "127.0.0.1")
print(server.server_port, flush=True)
sys.stdin.read()
"""


def test_a_healthy_notifier_fires_no_alert(tmp_path: Path) -> None:
    """The real rules on a real Prometheus scraping the real notifier endpoint: nothing pending.

    With one registry for every role the notifier exported ``newswatch_ready 0``, and
    NewswatchNotReady went pending at the first evaluation.
    """
    process = subprocess.Popen(
        [sys.executable, "-c", NOTIFIER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        target = f"127.0.0.1:{int(process.stdout.readline())}"
        rules = REPO / "deploy/prometheus/rules/newswatch.rules.yml"
        with scraping(target, tmp_path, component="notifier", rules=rules) as base:
            deadline = time.monotonic() + WAIT_S
            _wait_for(
                "a scrape of the notifier",
                lambda: _value(base, 'up{component="notifier"}') == 1.0,
                deadline,
            )
            time.sleep(3)  # three more rule evaluations, all with the notifier's series in
            groups = _get(f"{base}/api/v1/rules")["data"]["groups"]
            assert [g["rules"][0]["health"] for g in groups] == ["ok"]
            firing = _query(base, "ALERTS")["data"]["result"]
            assert [a["metric"]["alertname"] for a in firing] == []
            assert _value(base, 'sum(newswatch_notify_failures_total{sink="webhook"})') == 0.0
    finally:
        _stop(process)


SEED = REPO / "seeds" / "000_23de67fa4f7c9070.txt"


def test_prometheus_scrapes_a_running_worker(kafka_bootstrap: str, tmp_path: Path) -> None:
    settings: Settings = isolated_settings(kafka_bootstrap, tmp_path / "state")
    seed = {"id": SEED.stem, "text": SEED.read_text(encoding="utf-8"), "language": "fr"}
    with worker_process(settings, newswatch_worker(), tmp_path / "worker.log"):
        produce(settings, [json.dumps(seed).encode()])
        target = f"{settings.web_host}:{settings.web_port}"
        with scraping(target, tmp_path / "prometheus") as base:
            deadline = time.monotonic() + 2 * WAIT_S
            # The seed gives four alerts (a visit, two calls, condemned sanctions).
            _wait_for(
                "the seed's alerts in Prometheus",
                lambda: _value(base, "sum(newswatch_alerts_emitted_total)") == 4.0,
                deadline,
            )
            assert _value(base, 'newswatch_articles_consumed_total{language="fr"}') == 1.0
            assert _value(base, "newswatch_ready") == 1.0
            assert (_value(base, "sum(newswatch_model_load_seconds)") or 0) > 0
            # The worker's Kafka sensor rides along on the same endpoint.
            assert (_value(base, "sum(newswatch_kafka_messages_received_total)") or 0) >= 1


def _dashboard_exprs() -> list[str]:
    dashboard = json.loads((REPO / "deploy/grafana/dashboards/newswatch.json").read_text())
    stack: list[dict[str, Any]] = list(dashboard["panels"])
    exprs: list[str] = []
    while stack:
        panel = stack.pop()
        stack.extend(panel.get("panels", []))
        exprs.extend(t["expr"] for t in panel.get("targets", []))
    return exprs


def _rule_exprs() -> list[str]:
    rules = yaml.safe_load((REPO / "deploy/prometheus/rules/newswatch.rules.yml").read_text())
    return [rule["expr"] for group in rules["groups"] for rule in group["rules"]]


def test_every_dashboard_and_rule_expression_is_valid_promql(prometheus: str) -> None:
    # Grafana's built-in variables, as Grafana substitutes them before sending the query.
    grafana = {"$__rate_interval": "1m", "$__range": "1h", "$__interval": "15s"}
    exprs = _dashboard_exprs() + _rule_exprs()
    assert len(exprs) >= 20
    errors = {}
    for expr in exprs:
        for variable, value in grafana.items():
            expr = expr.replace(variable, value)
        try:
            answer = _query(prometheus, expr)
        except urllib.error.HTTPError as error:  # 400 bad_data: a parse error
            answer = json.load(error)
        if answer["status"] != "success":
            errors[expr] = answer.get("error")
    assert errors == {}
