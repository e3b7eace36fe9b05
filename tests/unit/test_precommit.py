"""The pre-commit hooks run the project's own tools, as `make lint` and `make typecheck` do."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]


def _hooks() -> list[dict[str, object]]:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [repo] = config["repos"]
    assert repo["repo"] == "local"  # nothing fetched from the network
    hooks: list[dict[str, object]] = repo["hooks"]
    return hooks


def test_hooks_cover_format_lint_and_types() -> None:
    commands = [shlex.split(str(hook["entry"])) for hook in _hooks()]
    assert [c[:2] for c in commands] == [
        [".venv/bin/ruff", "format"],
        [".venv/bin/ruff", "check"],
        [".venv/bin/mypy"],
    ]


def test_every_hook_tool_is_in_the_project_venv() -> None:
    venv_bin = Path(sys.executable).parent  # the venv running the suite is the project's
    for hook in _hooks():
        tool = Path(shlex.split(str(hook["entry"]))[0])
        assert tool.parent == Path(".venv/bin")
        assert (venv_bin / tool.name).exists(), tool.name
