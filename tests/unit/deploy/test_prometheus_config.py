"""promtool on the Prometheus config, the alerting rules and their unit tests."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml
from deploy_support import DEPLOY, require_tool

PROMETHEUS = DEPLOY / "prometheus"
RULES = sorted((PROMETHEUS / "rules").glob("*.rules.yml"))
REQUIRED_ALERTS = {
    "NewswatchWorkerDown",
    "NewswatchNotifierDown",
    "NewswatchNotReady",
    "NewswatchNoArticles",
    "NewswatchConsumerLagGrowing",
    "NewswatchRejectionRateHigh",
    "NewswatchNotifierSinkFailing",
    "NewswatchPollerDown",
    "NewswatchSourceSilent",
}


@pytest.fixture(scope="module")
def promtool() -> str:
    return require_tool("promtool", "run `make tools` (Debian package prometheus)")


def _promtool(promtool: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [promtool, *map(str, args)], capture_output=True, text=True, timeout=60, check=False
    )


def _alerts() -> dict[str, dict[str, object]]:
    alerts = {}
    for path in RULES:
        for group in yaml.safe_load(path.read_text())["groups"]:
            alerts.update({r["alert"]: r for r in group["rules"] if "alert" in r})
    return alerts


def test_config_is_valid_and_loads_the_rules(promtool: str) -> None:
    result = _promtool(promtool, "check", "config", PROMETHEUS / "prometheus.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"SUCCESS: {len(RULES)} rule files found" in result.stdout + result.stderr


def test_rules_are_valid(promtool: str) -> None:
    assert RULES
    result = _promtool(promtool, "check", "rules", *RULES)
    assert result.returncode == 0, result.stdout + result.stderr


def test_rule_unit_tests_pass(promtool: str) -> None:
    tests = sorted((PROMETHEUS / "tests").glob("*.test.yml"))
    assert tests
    result = _promtool(promtool, "test", "rules", *tests)
    assert result.returncode == 0, result.stdout + result.stderr
    tested = {
        case["alertname"]
        for path in tests
        for group in yaml.safe_load(path.read_text())["tests"]
        for case in group.get("alert_rule_test", [])
    }
    assert len(tested & set(_alerts())) >= 2


def test_promtool_rejects_a_broken_rule(promtool: str, tmp_path: Path) -> None:
    """The checks above can fail: an expression that does not parse is refused."""
    bad = tmp_path / "bad.rules.yml"
    bad.write_text(
        "groups:\n  - name: bad\n    rules:\n"
        "      - alert: Broken\n        expr: sum(rate(newswatch_ready[5m])\n"
    )
    assert _promtool(promtool, "check", "rules", bad).returncode != 0


def test_every_operational_failure_has_an_alert() -> None:
    alerts = _alerts()
    assert set(alerts) >= REQUIRED_ALERTS
    for name, rule in alerts.items():
        labels = rule.get("labels")
        annotations = rule.get("annotations")
        assert isinstance(labels, dict) and labels.get("severity") in {"warning", "critical"}, name
        assert isinstance(annotations, dict) and annotations.get("summary"), name


RUNBOOK = DEPLOY / "RUNBOOK.md"
RUNBOOK_PARTS = ("**What it means.**", "**What to check.**", "**What to do.**")


def _runbook_sections() -> dict[str, str]:
    """``## Heading`` sections of the runbook by their GitHub anchor (lower case, no spaces)."""
    sections: dict[str, str] = {}
    for chunk in RUNBOOK.read_text().split("\n## ")[1:]:
        heading, _, body = chunk.partition("\n")
        sections[heading.strip().lower().replace(" ", "-")] = body
    return sections


def test_every_rule_links_a_runbook_section_that_says_what_to_do() -> None:
    sections = _runbook_sections()
    for name, rule in _alerts().items():
        annotations = rule["annotations"]
        assert isinstance(annotations, dict)
        url = annotations.get("runbook_url")
        assert url == f"deploy/RUNBOOK.md#{name.lower()}", name
        path, _, anchor = url.partition("#")
        assert (DEPLOY.parent / path).is_file()
        assert anchor in sections, f"{name}: no section '## {name}' in {RUNBOOK.name}"
        assert all(part in sections[anchor] for part in RUNBOOK_PARTS), name
    assert set(sections) == {name.lower() for name in _alerts()}, "a section with no rule"


def test_compose_scrape_config_labels_each_target_with_its_component() -> None:
    config = yaml.safe_load((PROMETHEUS / "prometheus.yml").read_text())
    components = {
        job["job_name"]: [
            r["replacement"]
            for r in job.get("relabel_configs", [])
            if r.get("target_label") == "component"
        ]
        for job in config["scrape_configs"]
        if job["job_name"].startswith("newswatch")
    }
    assert sorted(components.values()) == [["notifier"], ["poller"], ["worker"]]
