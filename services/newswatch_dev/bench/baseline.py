"""The naive way, measured on the same stream: the full spaCy pipeline on every whole article.

One ``nlp(text)`` per article, no cascade, no batching, no watchlist: what tagging would cost
without the engine's design. The article's language is handed over for free (no language id) and
model loading is not timed, so the baseline is if anything flattered.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import spacy

from newswatch.settings import Settings
from newswatch_dev.bench.corpus import BenchArticle


@dataclass(frozen=True)
class BaselineResult:
    articles: int
    seconds: float
    cpu_seconds: float  # of this process: what the articles cost whatever else the machine ran

    @property
    def aps(self) -> float:
        return self.articles / self.seconds


def run_baseline(settings: Settings, articles: Sequence[BenchArticle]) -> BaselineResult:
    pipelines: dict[str, spacy.language.Language] = {}
    for lang in sorted({item.language for item in articles}):
        model = settings.model_for(lang)
        if model is None:
            raise ValueError(f"no spaCy model configured for {lang!r}")
        pipelines[lang] = spacy.load(model)
    started, cpu_started = time.perf_counter(), time.process_time()
    for item in articles:
        pipelines[item.language](item.article.text)
    return BaselineResult(
        len(articles), time.perf_counter() - started, time.process_time() - cpu_started
    )
