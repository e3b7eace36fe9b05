"""Which alert is which gold event: greedy one-to-one matching within one passage.

A pair needs the same type and at least one participant that agrees (``Ref.agrees``); a strict
pair also needs the same key attribute: a visit's status, a call's medium, a sanctions action
(``EventType.compared``, so ``extend`` counts as ``impose``).
A gold event that names no scored participant (the sentence sets' ``{"name": ...}``) matches on
type alone. Candidates with agreeing attributes and larger participant overlap go first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newswatch.engine.taxonomy import Taxonomy
from newswatch.evaluation.gold import Event, Ref


def overlap(gold: Sequence[Ref], predicted: Sequence[Ref]) -> int:
    """How many gold participants agree with some predicted one."""
    return sum(any(g.agrees(p) for p in predicted) for g in gold)


def covered(gold: Sequence[Ref], predicted: Sequence[Ref]) -> bool:
    return all(any(g.agrees(p) for p in predicted) for g in gold)


class Matcher:
    """Compares events with the taxonomy's key attributes."""

    def __init__(self, taxonomy: Taxonomy | None) -> None:
        self.taxonomy = taxonomy

    def key(self, event: Event) -> tuple[str, ...]:
        """The key attribute values, broadened (``scores_as``); () for types without one."""
        if self.taxonomy is None or event.type not in self.taxonomy:
            return tuple(v for _, v in sorted(event.attributes.items()))
        return self.taxonomy[event.type].compared(event.attributes)

    def key_agrees(self, gold: Event, predicted: Event) -> bool:
        return self.key(gold) == self.key(predicted)

    def attributes_agree(self, gold: Event, predicted: Event) -> bool:
        return all(predicted.attributes.get(k) == v for k, v in gold.attributes.items())

    def detected(self, gold: Event, predicted: Event) -> bool:
        if gold.type != predicted.type:
            return False
        return not gold.participants or overlap(gold.participants, predicted.participants) > 0

    def strict(self, gold: Event, predicted: Event) -> bool:
        return self.detected(gold, predicted) and self.key_agrees(gold, predicted)

    def match(
        self,
        gold: Sequence[Event],
        predicted: Sequence[Event],
        compatible: Callable[[Event, Event], bool],
    ) -> tuple[list[tuple[int, int]], list[int], list[int]]:
        """(index pairs, unmatched gold indices, unmatched predicted indices) under
        ``compatible``."""
        candidates = sorted(
            (
                -self.key_agrees(g, p),
                -self.attributes_agree(g, p),
                -overlap(g.participants, p.participants),
                gi,
                pi,
            )
            for gi, g in enumerate(gold)
            for pi, p in enumerate(predicted)
            if compatible(g, p)
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
            pairs,
            [gi for gi in range(len(gold)) if gi not in used_gold],
            [pi for pi in range(len(predicted)) if pi not in used_predicted],
        )

    def roles_agree(self, gold: Event, predicted: Event) -> bool:
        """Every scored gold actor among the predicted actors, every target among the targets."""
        return covered(gold.actors, predicted.actors) and covered(gold.targets, predicted.targets)

    def tolerated(self, background: Sequence[Event], predicted: Event) -> bool:
        """An alert about a background event is tolerated when it says the event is over."""
        over = predicted.attributes.get("status") == "completed"
        return over and any(self.detected(b, predicted) for b in background)

    def contradictions(self, predicted: Sequence[Event]) -> list[tuple[Event, Event]]:
        """Pairs of one passage's alerts about one event with another key attribute: same type,
        same actors and targets (for a call or meeting, the same people on either side)."""
        found = []
        for i, first in enumerate(predicted):
            for second in predicted[i + 1 :]:
                if (
                    first.type == second.type
                    and self._same_sides(first, second)
                    and self._contradict(first, second)
                ):
                    found.append((first, second))
        return found

    def _contradict(self, first: Event, second: Event) -> bool:
        if self.taxonomy is None or first.type not in self.taxonomy:
            return not self.key_agrees(first, second)
        return self.taxonomy[first.type].contradicts(first.attributes, second.attributes)

    def _same_sides(self, first: Event, second: Event) -> bool:
        def keys(refs: Sequence[Ref]) -> set[str]:
            return {r.key for r in refs}

        etype = self.taxonomy[first.type] if self.taxonomy and first.type in self.taxonomy else None
        if etype is not None and etype.symmetric:
            return keys(first.participants) == keys(second.participants)
        return keys(first.actors) == keys(second.actors) and keys(first.targets) == keys(
            second.targets
        )
