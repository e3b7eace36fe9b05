"""Adding a trigger is a data change: edit the patterns file, reload, the engine uses it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newswatch.contracts import Article
from newswatch.engine import Engine
from newswatch.engine.datafile import DataFileError
from newswatch.engine.patterns import load_all
from newswatch.engine.taxonomy import Taxonomy
from newswatch.engine.watchlist import Watchlist
from newswatch.settings import Settings

from .conftest import HERE

SENTENCE = "Xi Jinping stattet Russland einen Besuch ab."  # "einen Besuch abstatten": no rule yet


@pytest.fixture
def engine(tmp_path: Path, settings: Settings) -> Engine:
    """A German-only engine on a copy of the data files (a blank pipeline: no model to load)."""
    patterns = tmp_path / "patterns"
    patterns.mkdir()
    shutil.copy(settings.patterns_dir / "de.yaml", patterns / "de.yaml")
    local = settings.model_copy(update={"patterns_dir": patterns})
    taxonomy = Taxonomy.load(local.taxonomy_path)
    watchlist = Watchlist.load(HERE / "watchlist.yaml")
    return Engine(local, watchlist, taxonomy, load_all(patterns, taxonomy))


def test_a_new_trigger_works_after_reload(engine: Engine) -> None:
    article = Article(id="r1", text=SENTENCE, language="de")
    path = engine.settings.patterns_dir / "de.yaml"
    assert engine.tag(article) == []
    text = (
        path.read_text(encoding="utf-8")
        .replace(
            "triggers:\n",
            "triggers:\n  - id: de-visit-abstatten\n    event: state_visit\n    object: target\n"
            "    phrases: [stattet]\n",
            1,
        )
        .replace("keywords: [", "keywords: [stattet, ", 1)
    )
    path.write_text(text, encoding="utf-8")
    engine.reload()
    after = engine.tag(article)
    assert [a.event_type for a in after] == ["state_visit"]
    assert [p.name for p in after[0].actors] == ["Xi Jinping"]
    assert {p.name for p in after[0].targets} == {"Russia"}


def test_a_broken_file_keeps_the_old_data(engine: Engine) -> None:
    path = engine.settings.patterns_dir / "de.yaml"
    path.write_text("language: de\ntriggers: []\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"de\.yaml:1: "):
        engine.reload()
    assert engine.languages == ["de"]
