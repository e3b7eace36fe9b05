"""One engine per test session: loading the spaCy models is the slow part."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest

from newswatch.contracts import Alert, Article
from newswatch.engine import Engine
from newswatch.settings import Settings

HERE = Path(__file__).parent
SEED = HERE.parents[2] / "seeds" / "000_23de67fa4f7c9070.txt"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings(watchlist_path=HERE / "watchlist.yaml")


@pytest.fixture(scope="session")
def engine(settings: Settings) -> Engine:
    return Engine.from_settings(settings)


@pytest.fixture(scope="session")
def shipped() -> Engine:
    """The engine on the shipped watchlist and patterns, as installed."""
    return Engine.from_settings()


@pytest.fixture(scope="session")
def engine_no_cascade(engine: Engine) -> Engine:
    """The same loaded models, parsing every sentence."""
    full = copy.copy(engine)
    full.cascade = False
    return full


@pytest.fixture(scope="session")
def tag(engine: Engine) -> Callable[..., list[Alert]]:
    def run(text: str, language: str | None = None, article_id: str = "t") -> list[Alert]:
        return engine.tag(Article(id=article_id, text=text, language=language))

    return run


def summary(
    alert: Alert,
) -> tuple[str, tuple[tuple[str, str], ...], frozenset[str], frozenset[str]]:
    """What an alert says, without ids, offsets or scores: type, attributes, actors, targets."""
    return (
        alert.event_type,
        tuple(sorted(alert.attributes.items())),
        frozenset(p.key for p in alert.actors),
        frozenset(p.key for p in alert.targets),
    )
