"""The package carries every file it reads; the top-level names point at those files.

The files live in ``services/newswatch`` (package data, read with importlib.resources);
``schemas/`` and ``deploy/config/`` are symbolic links to them because the
repository's layout promises them there (deployers and schema readers look at the top level), and
a link cannot drift from what ships the way a copy can. ``deploy/local/`` links the same way to
the development broker's files, which stay out of the package (``services/newswatch_dev``).
"""

from __future__ import annotations

import ast
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest

from newswatch.resources import resource_path

REPO = Path(__file__).resolve().parents[2]
SERVICES = REPO / "services"
PACKAGE = SERVICES / "newswatch"

# (top-level folder, folder under services/, file pattern)
MIRRORS = [
    ("schemas", "newswatch/schemas", "*.json"),
    ("deploy/config", "newswatch/config", "*.yaml"),
    ("deploy/local", "newswatch_dev/kafka_local", "pom.xml"),
    ("deploy/local", "newswatch_dev/kafka_local", "*.properties"),
    ("deploy/local", "newswatch_dev/kafka_local", "*.template"),
]
PACKAGED = [m for m in MIRRORS if m[1].startswith("newswatch/")]


def _pairs() -> list[tuple[Path, Path]]:
    pairs = []
    for top, inside, pattern in MIRRORS:
        names = {p.name for p in (REPO / top).glob(pattern)}
        names |= {p.name for p in (SERVICES / inside).glob(pattern)}
        pairs += [(REPO / top / name, SERVICES / inside / name) for name in sorted(names)]
    return pairs


@pytest.mark.parametrize("top, packaged", _pairs(), ids=lambda p: str(p.relative_to(REPO)))
def test_top_level_name_is_the_packaged_file(top: Path, packaged: Path) -> None:
    assert packaged.is_file() and not packaged.is_symlink(), packaged.relative_to(REPO)
    assert top.resolve() == packaged.resolve(), (
        f"{top.relative_to(REPO)} must be a link to {packaged.relative_to(REPO)}"
    )


def test_every_mirror_has_files() -> None:
    """A renamed folder must not turn the comparison above into zero cases."""
    for _top, inside, pattern in MIRRORS:
        assert list((SERVICES / inside).glob(pattern)), (inside, pattern)
    assert len(_pairs()) >= 10


def test_packaged_files_are_declared_package_data() -> None:
    """Every file the code reads from the package is matched by pyproject's package-data."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["newswatch"]
    shipped = [
        *(
            SERVICES / inside / p.name
            for _, inside, pattern in PACKAGED
            for p in (SERVICES / inside).glob(pattern)
        ),
        *(PACKAGE / "engine" / "data").glob("*.yaml"),
        *(PACKAGE / "engine" / "data").glob("*.tsv"),
        *(PACKAGE / "engine" / "data" / "patterns").glob("*.yaml"),
    ]
    for path in shipped:
        relative = path.relative_to(PACKAGE).as_posix()
        assert any(fnmatch(relative, g) for g in globs), f"{relative} is not package data"


def test_no_module_reads_the_checkout() -> None:
    """No module climbs from its own file to the repository (``parents[2]``, ``parents[3]``)."""
    for module in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Subscript)
                and isinstance(node.value, ast.Attribute)
                and node.value.attr == "parents"
                and isinstance(node.value.value, ast.Call)
            ):
                pytest.fail(f"{module.relative_to(REPO)}:{node.lineno} walks up from a file")


def test_defaults_point_inside_the_package() -> None:
    from newswatch.settings import Settings

    settings = Settings()
    for path in (settings.taxonomy_path, settings.subscriptions_path, settings.places_path):
        assert path.is_relative_to(resource_path()), path
        assert path.is_file(), path
