"""Paths and tools shared by the static checks of deploy/ artefacts (a plain module, not a
conftest, so its name cannot collide with the suite's other conftest files)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
DEPLOY = REPO / "deploy"
VENV_BIN = Path(sys.executable).parent


def require_tool(name: str, hint: str) -> str:
    """Absolute path of a command-line tool; a missing tool fails the test (never a skip)."""
    found = shutil.which(name, path=f"{VENV_BIN}:/usr/bin:/usr/local/bin") or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: {hint}")
    return found
