"""Figures from matched events: per-type F1 with the key attribute required (the primary figure),
detection only, attribute confusion, roles, contradictions, hard negatives, entity linking, per
language. The rules are in ``tests/gold/README.md``."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from newswatch.evaluation.gold import Event, GoldPassage
from newswatch.evaluation.matching import Matcher


@dataclass(frozen=True)
class Prediction:
    """What the engine (or a second annotator) said about one passage; ``entities`` is None
    when it cannot say."""

    events: tuple[Event, ...]
    entities: frozenset[str] | None = None


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
    kind: str  # missed | spurious | attribute | role | background | contradiction
    expected: str
    got: str

    def to_dict(self) -> dict[str, str]:
        return {
            "passage": self.passage,
            "kind": self.kind,
            "expected": self.expected,
            "got": self.got,
        }


def _by_type() -> defaultdict[str, Counts]:
    return defaultdict(Counts)


@dataclass
class Slice:
    """The figures for one subset of passages (all of them, or one language)."""

    passages: int = 0
    strict: Counts = field(default_factory=Counts)  # key attribute required
    strict_by_type: dict[str, Counts] = field(default_factory=_by_type)
    detected: Counts = field(default_factory=Counts)  # attribute ignored
    detected_by_type: dict[str, Counts] = field(default_factory=_by_type)
    attributes: Accuracy = field(default_factory=Accuracy)
    attribute_values: dict[str, Accuracy] = field(default_factory=lambda: defaultdict(Accuracy))
    confusion: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    roles: Accuracy = field(default_factory=Accuracy)
    entities: Counts = field(default_factory=Counts)
    entity_passages: int = 0
    hard_negatives: int = 0
    hard_negative_alerts: int = 0
    background_alerts: int = 0
    contradictions: int = 0

    # The names the earlier scorer used, kept for its readers: the primary figure is strict.
    @property
    def events(self) -> Counts:
        return self.strict

    @property
    def by_type(self) -> dict[str, Counts]:
        return self.strict_by_type

    def to_dict(self) -> dict[str, Any]:
        return {
            "passages": self.passages,
            "events": self.strict.to_dict(),
            "by_type": {t: c.to_dict() for t, c in sorted(self.strict_by_type.items())},
            "detection": self.detected.to_dict(),
            "detection_by_type": {t: c.to_dict() for t, c in sorted(self.detected_by_type.items())},
            "attributes": self.attributes.to_dict(),
            "attribute_values": {v: a.to_dict() for v, a in sorted(self.attribute_values.items())},
            "confusion": [
                {"type": t, "gold": g, "got": p, "count": n}
                for (t, g, p), n in sorted(self.confusion.items())
            ],
            "roles": self.roles.to_dict(),
            "entities": {**self.entities.to_dict(), "passages": self.entity_passages},
            "hard_negatives": {
                "passages": self.hard_negatives,
                "alerts": self.hard_negative_alerts,
            },
            "background_alerts": self.background_alerts,
            "contradictions": self.contradictions,
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
        from newswatch.evaluation.table import format_table

        return format_table(self)


def _value(event: Event) -> str:
    return ",".join(v for _, v in sorted(event.attributes.items())) or "-"


def score_passage(
    matcher: Matcher, gold: GoldPassage, prediction: Prediction, into: Sequence[Slice]
) -> list[Failure]:
    """Add one passage to the slices ``into``; return its disagreements."""
    current = gold.current
    background = [e for e in gold.events if e.background]
    alerts = prediction.events
    strict, missed_i, spurious_i = matcher.match(current, alerts, matcher.strict)
    detected, det_missed_i, det_spurious_i = matcher.match(current, alerts, matcher.detected)
    tolerated = {i for i in spurious_i if matcher.tolerated(background, alerts[i])}
    on_background = {
        i
        for i in spurious_i
        if i not in tolerated and any(matcher.detected(b, alerts[i]) for b in background)
    }
    pairs = [(current[g], alerts[p]) for g, p in strict]
    missed = [current[g] for g in missed_i]
    spurious = [alerts[p] for p in spurious_i if p not in tolerated]
    det_pairs = [(current[g], alerts[p]) for g, p in detected]
    det_missed = [current[g] for g in det_missed_i]
    det_spurious = [alerts[p] for p in det_spurious_i if p not in tolerated]
    contradictions = matcher.contradictions(alerts)

    failures = [Failure(gold.id, "missed", g.describe(), "-") for g in det_missed]
    failures += [
        Failure(
            gold.id, "background" if p in on_background else "spurious", "-", alerts[p].describe()
        )
        for p in det_spurious_i
        if p not in tolerated
    ]
    for g, p in det_pairs:
        if not matcher.key_agrees(g, p):
            failures.append(Failure(gold.id, "attribute", g.describe(), p.describe()))
        elif not matcher.roles_agree(g, p):
            failures.append(Failure(gold.id, "role", g.describe(), p.describe()))
    failures += [
        Failure(gold.id, "contradiction", a.describe(), b.describe()) for a, b in contradictions
    ]

    for tally in into:
        tally.passages += 1
        tally.strict.add(tp=len(pairs), fp=len(spurious), fn=len(missed))
        tally.detected.add(tp=len(det_pairs), fp=len(det_spurious), fn=len(det_missed))
        for g, _ in pairs:
            tally.strict_by_type[g.type].add(tp=1)
        for g in missed:
            tally.strict_by_type[g.type].add(fn=1)
        for p in spurious:
            tally.strict_by_type[p.type].add(fp=1)
        for g, p in det_pairs:
            tally.detected_by_type[g.type].add(tp=1)
            tally.roles.add(matcher.roles_agree(g, p))
            if g.attributes:
                tally.attributes.add(matcher.key_agrees(g, p))
                for key, value in g.attributes.items():
                    tally.attribute_values[f"{key}={value}"].add(p.attributes.get(key) == value)
                tally.confusion[(g.type, _value(g), _value(p))] += 1
        for g in det_missed:
            tally.detected_by_type[g.type].add(fn=1)
        for p in det_spurious:
            tally.detected_by_type[p.type].add(fp=1)
        if gold.entities is not None and prediction.entities is not None:
            tally.entity_passages += 1
            tally.entities.add(
                tp=len(gold.entities & prediction.entities),
                fp=len(prediction.entities - gold.entities),
                fn=len(gold.entities - prediction.entities),
            )
        if gold.hard_negative:
            tally.hard_negatives += 1
            tally.hard_negative_alerts += len(prediction.events)
        tally.background_alerts += len(on_background)
        tally.contradictions += len(contradictions)
    return failures


def score(
    gold: Sequence[GoldPassage],
    predictions: Sequence[Prediction],
    *,
    matcher: Matcher | None = None,
    gold_path: str = "",
    linked: bool = False,
) -> Report:
    """The whole report from gold passages and predictions, in the same order."""
    if len(gold) != len(predictions):
        raise ValueError(f"{len(gold)} gold passages but {len(predictions)} predictions")
    matcher = matcher or Matcher(None)
    overall = Slice()
    by_language: dict[str, Slice] = {}
    failures: list[Failure] = []
    hits: list[str] = []
    for passage, prediction in zip(gold, predictions, strict=True):
        language = by_language.setdefault(passage.lang, Slice())
        failures += score_passage(matcher, passage, prediction, (overall, language))
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
