"""``newswatch ingest`` starts without Faust (and without spaCy): it only reads files and produces.

Faust costs over a second at import; the ingest path once reached it through the stream's
routing module. A fresh interpreter reports every module it imports (``-X importtime``).
"""

from __future__ import annotations

import os
import subprocess
import sys

INGEST_MODULES = (
    "newswatch.cli",
    "newswatch.ingest.run",
    "newswatch.ingest.records",
    "newswatch.kafka.reach",
    "newswatch.observability.logging",
)


def _imported(*modules: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {', '.join(modules)}"],
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return {
        line.rsplit("|", 1)[-1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }


def test_ingest_imports_neither_faust_nor_spacy() -> None:
    imported = _imported(*INGEST_MODULES)
    assert "newswatch.ingest.run" in imported  # the probe sees what it imports
    assert sorted(m for m in imported if m.split(".")[0] in ("faust", "spacy")) == []


def test_the_probe_would_see_faust() -> None:
    assert "faust" in _imported("newswatch.stream.stories")
