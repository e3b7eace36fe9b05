"""Adding a trigger is a data change: edit the patterns file, reload, the engine uses it."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from newswatch.contracts import Article
from newswatch.engine import Engine
from newswatch.engine.datafile import DataFileError
from newswatch.engine.patterns import load_all
from newswatch.engine.taxonomy import Taxonomy
from newswatch.engine.watchlist import Watchlist
from newswatch.observability.metrics import WORKER_REGISTRY
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


CALL = (
    "Chinas Präsident Xi Jinping hat am Dienstag mit dem französischen Präsidenten "
    "Emmanuel Macron telefoniert."
)


def _engine_errors() -> float:
    value = WORKER_REGISTRY.get_sample_value(
        "newswatch_config_reloads_total", {"kind": "engine", "outcome": "error"}
    )
    return value or 0.0


def test_a_pattern_spacy_rejects_keeps_every_trigger(engine: Engine) -> None:
    """A schema-valid edit spaCy cannot compile ({LOWR: ...}) fails the reload with its line,
    is counted, and German keeps its triggers (before the fix the rebuild half-happened)."""
    article = Article(id="r2", text=CALL, language="de")
    assert [a.event_type for a in engine.tag(article)][:1] == ["phone_call"]
    path = engine.settings.patterns_dir / "de.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if "{LOWER: telefon}" in line)
    lines[number] = lines[number].replace("{LOWER: telefon}", "{LOWR: telefon}")
    path.write_text("".join(lines), encoding="utf-8")
    errors = _engine_errors()
    with pytest.raises(DataFileError, match=rf"de\.yaml:{number + 1}: spaCy rejects .*LOWR"):
        engine.reload()
    assert _engine_errors() == errors + 1
    assert engine.languages == ["de"]
    assert [a.event_type for a in engine.tag(article)][:1] == ["phone_call"]


def test_a_matcher_that_fails_to_build_swaps_nothing(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the file checks, the matchers of loaded languages are built aside and swapped in only
    when all built: data that fails there (here handed over without the loader's checks) leaves
    the engine whole."""
    article = Article(id="r3", text=CALL, language="de")
    assert [a.event_type for a in engine.tag(article)][:1] == ["phone_call"]
    german = engine.pipelines.patterns["de"]
    broken = replace(german.triggers[0], id="de-broken", patterns=[[{"LOWR": "telefon"}]])
    data = (engine.watchlist, engine.taxonomy, {"de": replace(german, triggers=(broken,))})
    monkeypatch.setattr(Engine, "_read", staticmethod(lambda settings: data))
    errors = _engine_errors()
    with pytest.raises(ValueError, match="LOWR"):
        engine.reload()
    assert _engine_errors() == errors + 1
    assert engine.pipelines.patterns["de"] is german
    assert [a.event_type for a in engine.tag(article)][:1] == ["phone_call"]
