"""Kubernetes manifests: schema-valid (kubernetes-validate, offline) and safe to run."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import kubernetes_validate
import pytest
import yaml
from deploy_support import DEPLOY

from newswatch.settings import Settings

K8S = DEPLOY / "k8s"
MANIFESTS = sorted(p for p in K8S.glob("*.yaml") if p.name != "kustomization.yaml")
KUBERNETES_VERSION = "1.30.0"  # oldest release still commonly run; schemas ship with the package


def _documents() -> list[dict[str, Any]]:
    return [d for p in MANIFESTS for d in yaml.safe_load_all(p.read_text()) if d]


def _by_kind(kind: str) -> dict[str, dict[str, Any]]:
    return {d["metadata"]["name"]: d for d in _documents() if d["kind"] == kind}


def _render_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("render_configmap", K8S / "render_configmap.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("path", MANIFESTS, ids=lambda p: p.name)
def test_manifest_matches_the_kubernetes_schema(path: Path) -> None:
    for document in yaml.safe_load_all(path.read_text()):
        kubernetes_validate.validate(document, KUBERNETES_VERSION, strict=True)


def test_validator_rejects_an_unknown_field() -> None:
    deployment = _by_kind("Deployment")["newswatch-worker"]
    broken = yaml.safe_load(yaml.safe_dump(deployment))
    broken["spec"]["template"]["spec"]["containers"][0]["livenessProbes"] = {}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES_VERSION, strict=True)


def test_kustomization_lists_every_manifest() -> None:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    assert sorted(kustomization["resources"]) == sorted(p.name for p in MANIFESTS)


def test_worker_probes_use_the_service_endpoints() -> None:
    container = _by_kind("Deployment")["newswatch-worker"]["spec"]["template"]["spec"][
        "containers"
    ][0]
    assert container["ports"] == [
        {"name": "http-metrics", "containerPort": Settings().web_port, "protocol": "TCP"}
    ]
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    startup = container["startupProbe"]
    assert startup["periodSeconds"] * startup["failureThreshold"] >= 120  # model load
    limits, requests = container["resources"]["limits"], container["resources"]["requests"]
    assert requests["memory"] == "768Mi" and limits["memory"] == "1Gi"


@pytest.mark.parametrize("name", ["newswatch-worker", "newswatch-notifier", "newswatch-poller"])
def test_pods_run_non_root_on_a_read_only_root(name: str) -> None:
    pod = _by_kind("Deployment")[name]["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    mounts = {v["name"]: v for v in pod["volumes"]}
    for container in pod["containers"]:
        security = container["securityContext"]
        assert security["readOnlyRootFilesystem"] is True
        assert security["allowPrivilegeEscalation"] is False
        assert security["capabilities"]["drop"] == ["ALL"]
        paths = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
        assert {"/tmp", "/var/lib/newswatch", "/etc/newswatch/config"} <= set(paths)
        assert mounts[paths["/etc/newswatch/config"]]["configMap"]["name"] == "newswatch-config"
        env = {e["name"]: e.get("value") for e in container["env"]}
        assert env["NEWSWATCH_SUBSCRIPTIONS_PATH"] == "/etc/newswatch/config/subscriptions.yaml"
        # Probes and scrapes come from outside the pod: the default (loopback) is set aside here.
        assert env["NEWSWATCH_WEB_HOST"] == "0.0.0.0"


def test_the_poller_reads_the_configmap_sources_and_keeps_its_state_on_a_volume() -> None:
    deployment = _by_kind("Deployment")["newswatch-poller"]["spec"]
    assert deployment["replicas"] == 1 and deployment["strategy"]["type"] == "Recreate"
    pod = deployment["template"]["spec"]
    (container,) = pod["containers"]
    env = {e["name"]: e.get("value") for e in container["env"]}
    port = int(env["NEWSWATCH_POLL_METRICS_PORT"])
    assert port == Settings().poll_metrics_port
    assert container["ports"][0]["containerPort"] == port
    assert container["args"] == ["poll", "/etc/newswatch/config/sources.yaml"]
    assert "sources.yaml" in _by_kind("ConfigMap")["newswatch-config"]["data"]
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert env["NEWSWATCH_POLL_STATE_DIR"].startswith("/var/lib/newswatch/")
    volumes = {v["name"]: v for v in pod["volumes"]}
    assert "persistentVolumeClaim" in volumes["state"]
    assert _by_kind("Service")["newswatch-poller"]["spec"]["ports"][0]["port"] == port


def test_workers_never_outnumber_partitions() -> None:
    deployment = _by_kind("Deployment")["newswatch-worker"]["spec"]
    env = {
        e["name"]: e.get("value") for e in deployment["template"]["spec"]["containers"][0]["env"]
    }
    partitions = int(env["NEWSWATCH_TOPIC_PARTITIONS"])
    surge = deployment["strategy"]["rollingUpdate"]["maxSurge"]
    assert deployment["replicas"] + surge <= partitions


def test_services_expose_http_metrics() -> None:
    for service in _by_kind("Service").values():
        assert [p["name"] for p in service["spec"]["ports"]] == ["http-metrics"]
    assert _by_kind("Service")["newswatch-worker"]["spec"]["ports"][0]["port"] == 6066


def test_configmap_is_rendered_from_the_data_files() -> None:
    render = _render_module()
    configmap = _by_kind("ConfigMap")["newswatch-config"]
    assert configmap["data"] == {
        key: path.read_text(encoding="utf-8") for key, path in render.SOURCES.items()
    }
    assert render.main(["--check"]) == 0, "run python deploy/k8s/render_configmap.py"


@pytest.mark.parametrize("text", ["a: 1\n", "a: 1\n\n\nb: 2\n\n", "# only\n  nested: x", "x\n"])
def test_configmap_blocks_load_back_exactly(text: str) -> None:
    block = _render_module()._block("f.yaml", text)
    assert yaml.safe_load("data:\n" + block)["data"]["f.yaml"] == text
