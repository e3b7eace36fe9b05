"""deploy/k8s/monitoring: the ServiceMonitor and PrometheusRule for Prometheus Operator users.

Checked like the plain manifests: schema-valid and strict (operator_schemas.py for the
monitoring.coreos.com/v1 fields, kubernetes-validate for their metadata), listed by their
kustomization, and wired to what they refer to: the Services they scrape, the label the rules
select on, and the rules themselves (rendered from the file promtool tests).
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
import kubernetes_validate
import pytest
import yaml
from deploy_support import DEPLOY, require_tool
from operator_schemas import SCHEMAS

MONITORING = DEPLOY / "k8s" / "monitoring"
MANIFESTS = sorted(p for p in MONITORING.glob("*.yaml") if p.name != "kustomization.yaml")
RULES = DEPLOY / "prometheus" / "rules" / "newswatch.rules.yml"
KUBERNETES_VERSION = "1.30.0"


def _documents() -> dict[str, dict[str, Any]]:
    docs = [d for p in MANIFESTS for d in yaml.safe_load_all(p.read_text()) if d]
    return {d["kind"]: d for d in docs}


def _services() -> list[dict[str, Any]]:
    text = (DEPLOY / "k8s" / "service.yaml").read_text()
    return [d for d in yaml.safe_load_all(text) if d and d["kind"] == "Service"]


def _render_module() -> ModuleType:
    path = MONITORING / "render_prometheusrule.py"
    spec = importlib.util.spec_from_file_location("render_prometheusrule", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def validate(document: dict[str, Any]) -> None:
    jsonschema.validate(document, SCHEMAS[document["kind"]])
    # The real ObjectMeta schema, strict: borrowed through a ConfigMap around the metadata.
    kubernetes_validate.validate(
        {"apiVersion": "v1", "kind": "ConfigMap", "metadata": document["metadata"]},
        KUBERNETES_VERSION,
        strict=True,
    )


def test_there_is_a_service_monitor_and_a_prometheus_rule() -> None:
    assert set(_documents()) == {"ServiceMonitor", "PrometheusRule"}


@pytest.mark.parametrize("path", MANIFESTS, ids=lambda p: p.name)
def test_manifest_matches_the_operator_api(path: Path) -> None:
    for document in yaml.safe_load_all(path.read_text()):
        validate(document)


@pytest.mark.parametrize(
    ("kind", "path", "field"),
    [
        ("ServiceMonitor", ("spec", "endpoints", 0), "relabellings"),
        ("ServiceMonitor", ("spec",), "endpoint"),
        ("PrometheusRule", ("spec", "groups", 0, "rules", 0), "annotation"),
        ("PrometheusRule", ("metadata",), "label"),
    ],
)
def test_validation_rejects_an_unknown_field(kind: str, path: tuple[Any, ...], field: str) -> None:
    broken = yaml.safe_load(yaml.safe_dump(_documents()[kind]))
    node = broken
    for step in path:
        node = node[step]
    node[field] = {}
    with pytest.raises((jsonschema.ValidationError, kubernetes_validate.ValidationError)):
        validate(broken)


def test_kustomization_lists_every_manifest() -> None:
    kustomization = yaml.safe_load((MONITORING / "kustomization.yaml").read_text())
    assert sorted(kustomization["resources"]) == sorted(p.name for p in MANIFESTS)


def test_service_monitor_scrapes_every_service_and_labels_its_component() -> None:
    monitor = _documents()["ServiceMonitor"]
    spec = monitor["spec"]
    services = _services()
    assert {s["metadata"]["namespace"] for s in services} == set(
        spec["namespaceSelector"]["matchNames"]
    )
    selected = [
        s
        for s in services
        if spec["selector"]["matchLabels"].items() <= s["metadata"]["labels"].items()
    ]
    assert {s["metadata"]["name"] for s in selected} == {
        "newswatch-worker",
        "newswatch-notifier",
        "newswatch-poller",
    }
    (endpoint,) = spec["endpoints"]
    for service in selected:
        assert endpoint["port"] in {p["name"] for p in service["spec"]["ports"]}
    (relabel,) = [r for r in endpoint["relabelings"] if r.get("targetLabel") == "component"]
    (source,) = relabel["sourceLabels"]
    # Prometheus names a Service label __meta_kubernetes_service_label_<name, sanitised>.
    label = next(
        name
        for name in selected[0]["metadata"]["labels"]
        if "__meta_kubernetes_service_label_" + re.sub(r"[^a-zA-Z0-9_]", "_", name) == source
    )
    components = {s["metadata"]["labels"][label] for s in selected}
    used_by_rules = set(re.findall(r'component="(\w+)"', RULES.read_text()))
    assert components == used_by_rules == {"worker", "notifier", "poller"}


def test_prometheus_rule_is_rendered_from_the_rules_file() -> None:
    assert _render_module().main(["--check"]) == 0, (
        "run python deploy/k8s/monitoring/render_prometheusrule.py"
    )
    assert _documents()["PrometheusRule"]["spec"] == yaml.safe_load(RULES.read_text())


def test_prometheus_rule_groups_pass_promtool(tmp_path: Path) -> None:
    promtool = require_tool("promtool", "run `make tools` (Debian package prometheus)")
    rules = tmp_path / "from-prometheusrule.rules.yml"
    rules.write_text(yaml.safe_dump(_documents()["PrometheusRule"]["spec"]))
    result = subprocess.run(
        [promtool, "check", "rules", str(rules)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
