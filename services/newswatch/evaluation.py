"""Score the engine against an annotated gold set (``tests/gold/*.jsonl``, schema ``gold.v1``).

Alerts are only worth subscribing to when they are right, so the figures here are the ones the
accuracy floor tests hold and the README quotes. The rules (also in ``tests/gold/README.md``):

* **Events.** Per passage, a predicted alert matches a gold event when the event types are equal
  and the participants overlap: at least one watched gold actor/target id is among the predicted
  actors and targets, or the gold event names no watched participant. Matching is greedy and
  one-to-one (candidates with the same attributes and the largest overlap first). Matched pairs are
  true positives; unmatched gold events are false negatives, unmatched alerts false positives.
  Precision, recall and F1 per event type and micro-averaged overall. An empty denominator gives
  1.0 (nothing claimed is nothing wrong), so a type absent from both sides scores 1.0.
* **Attributes.** Over matched pairs whose gold event has attributes: the fraction whose gold
  attributes (status, medium, action) all equal the predicted ones; also per gold value.
* **Roles.** Over matched pairs: the fraction where the watched gold actors are among the
  predicted actors and the watched gold targets among the predicted targets. Non-watched gold
  participants (``{"name": ...}``) are never scored.
* **Entity linking.** Precision, recall and F1 of the Wikidata ids found per passage against the
  gold ``entities``. With an engine that offers ``link(article)`` every passage counts; otherwise
  the ids come from the alerts' ``entities``, and only passages with alerts count (a passage
  without alerts says nothing about linking).
* **Hard negatives.** Alerts emitted on passages tagged ``hard_negative`` (the floor is zero).

Every figure is also broken down by language.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from newswatch.contracts import Alert, Article, Mention, schema_errors

GOLD_SCHEMA = "gold.v1"
HARD_NEGATIVE = "hard_negative"


class GoldError(ValueError):
    """A gold file that cannot be scored; the message names the file and line."""


class Tagger(Protocol):
    def tag_many(self, articles: Sequence[Article]) -> list[list[Alert]]: ...


@runtime_checkable
class Linker(Protocol):
    def link(self, article: Article) -> list[Mention]: ...


@dataclass(frozen=True)
class Event:
    """An event reduced to what is scored: type, attributes and watched participants' ids."""

    type: str
    attributes: Mapping[str, str]
    actors: frozenset[str]
    targets: frozenset[str]

    @property
    def participants(self) -> frozenset[str]:
        return self.actors | self.targets

    def describe(self) -> str:
        attributes = ",".join(f"{k}={v}" for k, v in sorted(self.attributes.items()))
        return (
            f"{self.type}[{attributes}] {'+'.join(sorted(self.actors)) or '?'}"
            f" -> {'+'.join(sorted(self.targets)) or '?'}"
        )


@dataclass(frozen=True)
class GoldPassage:
    id: str
    lang: str
    text: str
    events: tuple[Event, ...]
    entities: frozenset[str]
    tags: frozenset[str]

    @property
    def hard_negative(self) -> bool:
        return HARD_NEGATIVE in self.tags

    def article(self) -> Article:
        # The gold language is given, as a feed usually does: this scores tagging, not language id.
        return Article(id=self.id, text=self.text, language=self.lang)


@dataclass(frozen=True)
class Prediction:
    """What the engine said about one passage; ``entities`` is None when it cannot say."""

    events: tuple[Event, ...]
    entities: frozenset[str] | None


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def rate(self) -> float | None:
        """None when nothing was scored: an undefined accuracy must not read as a perfect one."""
        return self.correct / self.total if self.total else None

    def add(self, ok: bool) -> None:
        self.correct += ok
        self.total += 1

    def to_dict(self) -> dict[str, Any]:
        rate = self.rate
        return {
            "accuracy": None if rate is None else round(rate, 4),
            "correct": self.correct,
            "total": self.total,
        }


@dataclass(frozen=True)
class Failure:
    """One disagreement, for the engine engineer: which passage, what was expected, what came."""

    passage: str
    kind: str  # missed | spurious | attribute | role
    expected: str
    got: str

    def to_dict(self) -> dict[str, str]:
        return {
            "passage": self.passage,
            "kind": self.kind,
            "expected": self.expected,
            "got": self.got,
        }


@dataclass
class Slice:
    """The figures for one subset of passages (all of them, or one language)."""

    passages: int = 0
    events: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    attributes: Accuracy = field(default_factory=Accuracy)
    attribute_values: dict[str, Accuracy] = field(default_factory=lambda: defaultdict(Accuracy))
    roles: Accuracy = field(default_factory=Accuracy)
    entities: Counts = field(default_factory=Counts)
    entity_passages: int = 0
    hard_negatives: int = 0
    hard_negative_alerts: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "passages": self.passages,
            "events": self.events.to_dict(),
            "by_type": {t: c.to_dict() for t, c in sorted(self.by_type.items())},
            "attributes": self.attributes.to_dict(),
            "attribute_values": {v: a.to_dict() for v, a in sorted(self.attribute_values.items())},
            "roles": self.roles.to_dict(),
            "entities": {**self.entities.to_dict(), "passages": self.entity_passages},
            "hard_negatives": {
                "passages": self.hard_negatives,
                "alerts": self.hard_negative_alerts,
            },
        }


@dataclass
class Report:
    gold_path: str
    entity_scope: str  # "all passages" or "passages with alerts"
    overall: Slice
    by_language: dict[str, Slice]
    hard_negative_hits: list[str]
    failures: list[Failure]

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold_path,
            "entity_scope": self.entity_scope,
            **self.overall.to_dict(),
            "hard_negative_hits": self.hard_negative_hits,
            "by_language": {lang: s.to_dict() for lang, s in self.by_language.items()},
            "failures": [f.to_dict() for f in self.failures],
        }

    def format_table(self) -> str:
        return _format_table(self)


def load_gold(path: Path) -> list[GoldPassage]:
    """Read and validate a gold JSONL file; a mistake is reported with its line number."""
    passages: list[GoldPassage] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                document = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldError(f"{path}:{number}: not JSON: {exc}") from None
            problems = schema_errors(GOLD_SCHEMA, document)
            if problems:
                raise GoldError(f"{path}:{number}: {'; '.join(problems[:3])}")
            if document["id"] in seen:
                raise GoldError(f"{path}:{number}: duplicate id {document['id']!r}")
            seen.add(document["id"])
            passages.append(_passage(document))
    return passages


def _watched(participants: Iterable[str | Mapping[str, str]]) -> frozenset[str]:
    return frozenset(p for p in participants if isinstance(p, str))


def _passage(document: Mapping[str, Any]) -> GoldPassage:
    return GoldPassage(
        id=document["id"],
        lang=document["lang"],
        text=document["text"],
        events=tuple(
            Event(e["type"], dict(e["attributes"]), _watched(e["actors"]), _watched(e["targets"]))
            for e in document["events"]
        ),
        entities=frozenset(document["entities"]),
        tags=frozenset(document["tags"]),
    )


def event_of(alert: Alert) -> Event:
    return Event(
        type=alert.event_type,
        attributes=dict(alert.attributes),
        actors=frozenset(p.wikidata for p in alert.actors if p.wikidata),
        targets=frozenset(p.wikidata for p in alert.targets if p.wikidata),
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


def _attributes_agree(gold: Event, predicted: Event) -> bool:
    return all(predicted.attributes.get(k) == v for k, v in gold.attributes.items())


def _roles_agree(gold: Event, predicted: Event) -> bool:
    return gold.actors <= predicted.actors and gold.targets <= predicted.targets


def _compatible(gold: Event, predicted: Event) -> bool:
    if gold.type != predicted.type:
        return False
    return not gold.participants or bool(gold.participants & predicted.participants)


def match_events(
    gold: Sequence[Event], predicted: Sequence[Event]
) -> tuple[list[tuple[Event, Event]], list[Event], list[Event]]:
    """Greedy one-to-one matching: (pairs, unmatched gold, unmatched predicted)."""
    candidates = sorted(
        (
            (
                -_attributes_agree(g, p),
                -len(g.participants & p.participants),
                gi,
                pi,
            )
            for gi, g in enumerate(gold)
            for pi, p in enumerate(predicted)
            if _compatible(g, p)
        ),
    )
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for *_, gi, pi in candidates:
        if gi not in used_gold and pi not in used_predicted:
            used_gold.add(gi)
            used_predicted.add(pi)
            pairs.append((gi, pi))
    pairs.sort()
    return (
        [(gold[gi], predicted[pi]) for gi, pi in pairs],
        [g for gi, g in enumerate(gold) if gi not in used_gold],
        [p for pi, p in enumerate(predicted) if pi not in used_predicted],
    )


def _score_passage(
    gold: GoldPassage, prediction: Prediction, into: Sequence[Slice]
) -> list[Failure]:
    pairs, missed, spurious = match_events(gold.events, prediction.events)
    failures = [Failure(gold.id, "missed", g.describe(), "-") for g in missed]
    failures += [Failure(gold.id, "spurious", "-", p.describe()) for p in spurious]
    for g, p in pairs:
        if not _attributes_agree(g, p):
            failures.append(Failure(gold.id, "attribute", g.describe(), p.describe()))
        elif not _roles_agree(g, p):
            failures.append(Failure(gold.id, "role", g.describe(), p.describe()))
    for tally in into:
        tally.passages += 1
        tally.events.add(tp=len(pairs), fp=len(spurious), fn=len(missed))
        for g, p in pairs:
            tally.by_type[g.type].add(tp=1)
            tally.roles.add(_roles_agree(g, p))
            if g.attributes:
                tally.attributes.add(_attributes_agree(g, p))
                for key, value in g.attributes.items():
                    tally.attribute_values[f"{key}={value}"].add(p.attributes.get(key) == value)
        for g in missed:
            tally.by_type[g.type].add(fn=1)
        for p in spurious:
            tally.by_type[p.type].add(fp=1)
        if prediction.entities is not None:
            tally.entity_passages += 1
            tally.entities.add(
                tp=len(gold.entities & prediction.entities),
                fp=len(prediction.entities - gold.entities),
                fn=len(gold.entities - prediction.entities),
            )
        if gold.hard_negative:
            tally.hard_negatives += 1
            tally.hard_negative_alerts += len(prediction.events)
    return failures


def score(
    gold: Sequence[GoldPassage],
    predictions: Sequence[Prediction],
    *,
    gold_path: str = "",
    linked: bool = False,
) -> Report:
    """The whole report from gold passages and the engine's predictions, in the same order."""
    if len(gold) != len(predictions):
        raise ValueError(f"{len(gold)} gold passages but {len(predictions)} predictions")
    overall = Slice()
    by_language: dict[str, Slice] = {}
    failures: list[Failure] = []
    hits: list[str] = []
    for passage, prediction in zip(gold, predictions, strict=True):
        language = by_language.setdefault(passage.lang, Slice())
        failures += _score_passage(passage, prediction, (overall, language))
        if passage.hard_negative and prediction.events:
            hits.append(passage.id)
    return Report(
        gold_path=gold_path,
        entity_scope="all passages" if linked else "passages with alerts",
        overall=overall,
        by_language=dict(sorted(by_language.items(), key=lambda kv: -kv[1].passages)),
        hard_negative_hits=hits,
        failures=failures,
    )


def evaluate(engine: Tagger, gold: Sequence[GoldPassage], gold_path: str = "") -> Report:
    """Tag every gold passage with the engine (batched) and score the result."""
    articles = [p.article() for p in gold]
    alerts = engine.tag_many(articles)
    linker = engine if isinstance(engine, Linker) else None
    predictions = [
        prediction_of(found, linker.link(article) if linker else None)
        for article, found in zip(articles, alerts, strict=True)
    ]
    return score(gold, predictions, gold_path=gold_path, linked=linker is not None)


def run_evaluation(engine: Tagger, gold_path: Path) -> Report:
    return evaluate(engine, load_gold(gold_path), str(gold_path))


def main_evaluate(path: Path, as_json: bool) -> int:
    """``newswatch evaluate GOLD.jsonl [--json]``: 0 when scored, 2 for an unusable gold file."""
    try:
        gold = load_gold(path)  # before the models load: a typo in the gold should fail fast
    except (OSError, GoldError) as exc:
        print(f"newswatch evaluate: {exc}", file=sys.stderr)
        return 2
    from newswatch.engine import Engine

    report = evaluate(Engine.from_settings(), gold, str(path))
    if as_json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(report.format_table())
    return 0


def _fmt(rate: float | None) -> str:
    return "  n/a" if rate is None else f"{rate:5.3f}"


def _accuracy_cell(accuracy: Accuracy) -> str:
    return f"{_fmt(accuracy.rate)} ({accuracy.correct}/{accuracy.total})"


def _format_table(report: Report) -> str:
    overall = report.overall
    languages = ", ".join(f"{lang} {s.passages}" for lang, s in report.by_language.items())
    out = [f"Evaluation of {report.gold_path}: {overall.passages} passages ({languages})", ""]
    out.append(f"{'event type':<16}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}")
    rows = [*sorted(overall.by_type.items()), ("micro (all)", overall.events)]
    for name, c in rows:
        out.append(
            f"{name:<16}{c.precision:7.3f}{c.recall:7.3f}{c.f1:7.3f}{c.tp:6d}{c.fp:6d}{c.fn:6d}"
        )
    out += ["", f"{'attribute (matched pairs)':<28}accuracy"]
    out.append(f"{'all':<28}{_accuracy_cell(overall.attributes)}")
    for value, accuracy in sorted(overall.attribute_values.items()):
        out.append(f"{value:<28}{_accuracy_cell(accuracy)}")
    e = overall.entities
    out += [
        "",
        f"roles (matched pairs)       {_accuracy_cell(overall.roles)}",
        f"entity linking              P {e.precision:.3f}  R {e.recall:.3f}  F1 {e.f1:.3f}"
        f"  over {report.entity_scope} ({overall.entity_passages})",
        f"hard negatives              {overall.hard_negative_alerts} alert(s) on"
        f" {overall.hard_negatives} passages"
        + (f": {', '.join(report.hard_negative_hits)}" if report.hard_negative_hits else ""),
        "",
        f"{'language':<10}{'passages':>9}{'P':>7}{'R':>7}{'F1':>7}{'attr':>7}{'entF1':>7}{'neg':>5}",
    ]
    for lang, s in report.by_language.items():
        out.append(
            f"{lang:<10}{s.passages:9d}{s.events.precision:7.3f}{s.events.recall:7.3f}"
            f"{s.events.f1:7.3f}{_fmt(s.attributes.rate):>7}{s.entities.f1:7.3f}"
            f"{s.hard_negative_alerts:5d}"
        )
    kinds = Counter(f.kind for f in report.failures)
    out += [
        "",
        "disagreements: " + (", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) or "none"),
    ]
    return "\n".join(out)
