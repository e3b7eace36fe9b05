"""Score the engine against annotated gold sets, or one annotator against another.

Alerts are only worth subscribing to when they are right, so the figures here are the ones the
accuracy floor tests hold and the README quotes. ``gold`` reads the sets and links annotators'
names to the watchlist, ``matching`` pairs alerts with gold events, ``report`` counts, ``table``
prints. The rules are in ``tests/gold/README.md``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol, runtime_checkable

from newswatch.contracts import Alert, Article, Mention
from newswatch.evaluation.gold import (
    Event,
    GoldError,
    GoldPassage,
    Ref,
    Resolver,
    load_gold,
    load_many,
    passage_of,
    ref_of,
)
from newswatch.evaluation.matching import Matcher
from newswatch.evaluation.report import Accuracy, Counts, Failure, Prediction, Report, Slice, score

__all__ = [
    "READ_ON",
    "Accuracy",
    "Counts",
    "Event",
    "Failure",
    "GoldError",
    "GoldPassage",
    "Matcher",
    "Prediction",
    "Ref",
    "Report",
    "Resolver",
    "Slice",
    "agreement",
    "evaluate",
    "event_of",
    "load_gold",
    "load_many",
    "main_agreement",
    "main_evaluate",
    "prediction_of",
    "run_evaluation",
    "score",
]


# A passage without a publication date (the sentence sets) is read as published on this day,
# not on the day the score is computed: "a annoncé mardi" means another day on a Tuesday, and a
# figure must not move with the calendar. It is the day the sentence sets were last re-scored.
READ_ON = datetime(2026, 12, 7, 12, tzinfo=UTC)


class Tagger(Protocol):
    def tag_many(
        self, articles: Sequence[Article], *, now: datetime | None = None
    ) -> list[list[Alert]]: ...


@runtime_checkable
class Linker(Protocol):
    def link(self, article: Article) -> list[Mention]: ...


def event_of(alert: Alert) -> Event:
    return Event(
        type=alert.event_type,
        attributes=dict(alert.attributes),
        actors=tuple(ref_of(p) for p in alert.actors),
        targets=tuple(ref_of(p) for p in alert.targets),
    )


def prediction_of(alerts: Sequence[Alert], mentions: Sequence[Mention] | None) -> Prediction:
    """Alerts (and linked mentions when the engine offers them) as a Prediction."""
    if mentions is not None:
        entities: frozenset[str] | None = frozenset(m.wikidata for m in mentions if m.wikidata)
    elif alerts:
        entities = frozenset(m.wikidata for a in alerts for m in a.entities if m.wikidata)
    else:
        entities = None
    return Prediction(tuple(event_of(a) for a in alerts), entities)


def evaluate(
    engine: Tagger,
    gold: Sequence[GoldPassage],
    gold_path: str = "",
    matcher: Matcher | None = None,
) -> Report:
    """Tag every gold passage with the engine (batched) and score the result."""
    articles = [p.article() for p in gold]
    alerts = engine.tag_many(articles, now=READ_ON)
    linker = engine if isinstance(engine, Linker) else None
    needs_links = any(p.entities is not None for p in gold)
    predictions = [
        prediction_of(found, linker.link(article) if linker and needs_links else None)
        for article, found in zip(articles, alerts, strict=True)
    ]
    return score(gold, predictions, matcher=matcher, gold_path=gold_path, linked=linker is not None)


def agreement(first: Sequence[GoldPassage], second: Sequence[GoldPassage]) -> Report:
    """The second annotator's current events scored against the first's labels, passage by
    passage (same ids, same order)."""
    if [p.id for p in first] != [p.id for p in second]:
        raise ValueError("the two annotations must label the same passages in the same order")
    predictions = [Prediction(p.current) for p in second]
    return score(first, predictions, matcher=_default_matcher(), gold_path="agreement")


def _default_matcher() -> Matcher:
    from newswatch.engine.taxonomy import Taxonomy
    from newswatch.settings import get_settings

    return Matcher(Taxonomy.load(get_settings().taxonomy_path))


def default_resolver() -> Resolver:
    from newswatch.engine.watchlist import Watchlist
    from newswatch.settings import get_settings

    return Resolver(Watchlist.load(get_settings().watchlist_path))


def load_labels(articles: Path, labels: Path, resolver: Resolver) -> list[GoldPassage]:
    """One annotator's labels (``{"id", "events", "tags"}`` per line) on the article file's
    passages: the article file gives the text and the publication time."""
    by_id = {}
    for number, line in enumerate(labels.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldError(f"{labels}:{number}: not JSON: {exc}") from None
            by_id[row["id"]] = row
    passages = []
    for number, line in enumerate(articles.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        if row["id"] not in by_id:
            raise GoldError(f"{labels}: no labels for {row['id']} ({articles}:{number})")
        label = by_id[row["id"]]
        passages.append(
            passage_of({**row, "events": label["events"], "tags": label["tags"]}, resolver)
        )
    return passages


def main_agreement(articles: Path, first: Path, second: Path, as_json: bool) -> int:
    """``newswatch evaluate --agreement ARTICLES FIRST SECOND``: the second annotator scored
    against the first, per type, before adjudication."""
    try:
        resolver = default_resolver()
        report = agreement(
            load_labels(articles, first, resolver), load_labels(articles, second, resolver)
        )
    except (OSError, GoldError) as exc:
        print(f"newswatch evaluate: {exc}", file=sys.stderr)
        return 2
    report.gold_path = f"agreement of {second.name} with {first.name} on {articles.name}"
    print(json.dumps(report.to_dict(), indent=2) if as_json else report.format_table())
    return 0


def run_evaluation(engine: Tagger, *gold_paths: Path) -> Report:
    gold = load_many(gold_paths, default_resolver())
    label = " + ".join(str(p) for p in gold_paths)
    return evaluate(engine, gold, label, _default_matcher())


def main_evaluate(paths: Sequence[Path] | Path, as_json: bool) -> int:
    """``newswatch evaluate GOLD.jsonl... [--json]``: 0 when scored, 2 for an unusable gold file."""
    paths = [paths] if isinstance(paths, Path) else list(paths)
    try:
        gold = load_many(paths, default_resolver())  # before the models load: fail fast
    except (OSError, GoldError) as exc:
        print(f"newswatch evaluate: {exc}", file=sys.stderr)
        return 2
    from newswatch.engine import Engine

    label = " + ".join(str(p) for p in paths)
    report = evaluate(Engine.from_settings(), gold, label, _default_matcher())
    if as_json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(report.format_table())
    return 0
