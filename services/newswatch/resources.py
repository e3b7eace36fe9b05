"""Files shipped inside the package (``importlib.resources``), never read from a checkout.

Package data (``[tool.setuptools.package-data]`` in pyproject.toml):

- ``schemas/*.json``: the published contracts (``schemas/`` at the repository root links here).
- ``engine/data/``: watchlist, taxonomy, patterns and places, the analyst-edited defaults.
- ``config/subscriptions.yaml``: the default subscriptions (link: ``deploy/config/``).

The links at the top of the repository are the names its layout promises to readers and
deployers; ``tests/unit/test_package_data.py`` fails when one is a copy instead.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

PACKAGE = "newswatch"


def resource(*parts: str) -> Traversable:
    """A file or folder inside the installed package, for reading."""
    found = files(PACKAGE)
    for part in parts:
        found = found / part
    return found


def resource_path(*parts: str) -> Path:
    """The same as a filesystem path: the engine's data files are settings of type ``Path``
    (the worker watches their modification times and an analyst may point them elsewhere), so
    the package must be installed as files, which pip always does. A zip import is refused here,
    at start-up, rather than failing later on the first read."""
    found = resource(*parts)
    if not isinstance(found, Path):
        raise RuntimeError(f"newswatch must be installed as files, not zipped: {found}")
    return found
