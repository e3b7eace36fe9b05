"""deploy/docker-compose.yml: valid against the Compose Specification, and wired as documented.

The schema is the one check-jsonschema vendors (``vendor.compose-spec``), so this runs offline.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from deploy_support import DEPLOY, require_tool

COMPOSE = DEPLOY / "docker-compose.yml"


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(COMPOSE.read_text())
    return document


def _check(path: Path) -> subprocess.CompletedProcess[str]:
    tool = require_tool("check-jsonschema", "install the dev dependencies (make setup)")
    return subprocess.run(
        [tool, "--builtin-schema", "vendor.compose-spec", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_compose_file_matches_the_compose_spec() -> None:
    result = _check(COMPOSE)
    assert result.returncode == 0, result.stdout + result.stderr


def test_compose_spec_check_rejects_an_unknown_key(tmp_path: Path) -> None:
    bad = tmp_path / "compose.yml"
    bad.write_text("services:\n  worker:\n    image: x\n    restart_policy: always\n")
    assert _check(bad).returncode != 0


def test_kafka_runs_kraft_without_topic_auto_creation(compose: dict[str, Any]) -> None:
    kafka = compose["services"]["kafka"]
    assert kafka["image"].startswith("apache/kafka:4.")
    env = kafka["environment"]
    assert env["KAFKA_PROCESS_ROLES"] == "broker,controller"
    assert env["KAFKA_AUTO_CREATE_TOPICS_ENABLE"] == "false"


def test_services_start_after_topics_exist(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert {"kafka", "topics", "worker", "notifier", "prometheus", "grafana"} <= set(services)
    # The topics come from the image's own settings and taxonomy: no list to keep here.
    topics = services["topics"]
    assert topics["image"] == services["worker"]["image"]
    assert topics["command"] == ["topics", "--create"]
    assert topics["environment"] == services["worker"]["environment"]
    assert topics["depends_on"] == {"kafka": {"condition": "service_healthy"}}
    assert topics["restart"] == "no"
    for name in ("worker", "notifier"):
        service = services[name]
        assert service["depends_on"]["topics"]["condition"] == "service_completed_successfully"
        assert service["read_only"] is True and "/tmp" in service["tmpfs"]
        assert service["environment"]["KAFKA_BOOTSTRAP_SERVERS"] == "kafka:9092"
        # The servers bind 127.0.0.1 by default; Prometheus scrapes from another container.
        assert service["environment"]["NEWSWATCH_WEB_HOST"] == "0.0.0.0"
    assert services["worker"]["command"] == ["worker"]
    assert services["notifier"]["command"] == ["notify"]


def test_the_poller_reads_the_shipped_sources_and_keeps_its_state(compose: dict[str, Any]) -> None:
    poller = compose["services"]["poller"]
    assert poller["depends_on"]["topics"]["condition"] == "service_completed_successfully"
    assert poller["read_only"] is True and "/tmp" in poller["tmpfs"]
    env = poller["environment"]
    assert env["NEWSWATCH_WEB_HOST"] == "0.0.0.0"
    mounts = dict(v.split(":")[:2] for v in poller["volumes"])
    command, sources = poller["command"]
    assert command == "poll"
    folder = mounts["./config"]
    assert sources == f"{folder}/sources.yaml" and (DEPLOY / "config" / "sources.yaml").is_file()
    assert mounts["poller-state"] == "/var/lib/newswatch"
    assert env["NEWSWATCH_POLL_STATE_DIR"].startswith("/var/lib/newswatch/")
    scrape = yaml.safe_load((DEPLOY / "prometheus/prometheus.yml").read_text())
    jobs = {job["job_name"]: job for job in scrape["scrape_configs"]}
    port = env["NEWSWATCH_POLL_METRICS_PORT"]
    assert jobs["newswatch-poller"]["static_configs"][0]["targets"] == [f"poller:{port}"]
    assert str(port) in " ".join(poller["healthcheck"]["test"])


def test_monitoring_mounts_the_repository_config(compose: dict[str, Any]) -> None:
    services = compose["services"]
    mounts = {
        name: {v.split(":")[0]: v.split(":")[1] for v in services[name]["volumes"]}
        for name in ("prometheus", "grafana")
    }
    for name, volumes in mounts.items():
        for source in volumes:
            if source.startswith("."):
                assert (DEPLOY / source).exists(), f"{name} mounts missing {source}"
    assert mounts["prometheus"]["./prometheus/rules"] == "/etc/prometheus/rules"
    assert mounts["grafana"]["./grafana/dashboards"] == "/var/lib/grafana/dashboards"
    scrape = yaml.safe_load((DEPLOY / "prometheus/prometheus.yml").read_text())
    jobs = {job["job_name"]: job for job in scrape["scrape_configs"]}
    assert jobs["newswatch-worker"]["dns_sd_configs"][0]["names"] == ["worker"]
    notifier_port = services["notifier"]["environment"]["NEWSWATCH_NOTIFY_METRICS_PORT"]
    assert jobs["newswatch-notifier"]["static_configs"][0]["targets"] == [
        f"notifier:{notifier_port}"
    ]
