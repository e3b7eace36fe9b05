"""The version is written once, in pyproject.toml; the code reads the installed metadata."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

import newswatch
from newswatch.cli import main

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def test_the_package_version_is_pyprojects() -> None:
    declared = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"]
    assert newswatch.__version__ == declared


def test_no_module_writes_a_version_of_its_own() -> None:
    package = Path(newswatch.__file__).parent
    for path in package.rglob("*.py"):
        assert re.search(r"version\w* = \"\d+\.\d", path.read_text(encoding="utf-8")) is None, path


def test_version_option_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"newswatch {newswatch.__version__}"
