"""yamllint over every YAML file under deploy/, with deploy/.yamllint.yml."""

from __future__ import annotations

import subprocess
from pathlib import Path

from deploy_support import DEPLOY, require_tool


def test_deploy_yaml_is_lint_clean() -> None:
    files = sorted({*DEPLOY.rglob("*.yml"), *DEPLOY.rglob("*.yaml")})
    assert len(files) >= 10
    yamllint = require_tool("yamllint", "install the dev dependencies (make setup)")
    result = subprocess.run(
        [yamllint, "-f", "parsable", "-c", DEPLOY / ".yamllint.yml", *files],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_yamllint_config_catches_a_syntax_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text("key: [unclosed\n")
    yamllint = require_tool("yamllint", "install the dev dependencies (make setup)")
    result = subprocess.run(
        [yamllint, "-c", DEPLOY / ".yamllint.yml", bad], capture_output=True, timeout=60
    )
    assert result.returncode != 0
