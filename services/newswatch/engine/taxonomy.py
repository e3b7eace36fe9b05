"""The event taxonomy (``data/taxonomy.yaml``): attribute values and CAMEO/PLOVER codes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newswatch.engine import datafile


@dataclass(frozen=True)
class Code:
    when: Mapping[str, str]
    cameo: str
    plover: str | None


@dataclass(frozen=True)
class EventType:
    name: str
    key_attribute: str | None
    attributes: Mapping[str, tuple[str, ...]]
    defaults: Mapping[str, str]
    min_actors: int
    min_targets: int
    party_kinds: tuple[str, ...]
    codes: tuple[Code, ...]
    symmetric: bool = False
    realised: bool = False
    yields_to: tuple[str, ...] = ()
    announcer_acts: bool = True
    scores_as: Mapping[str, str] = field(default_factory=dict)
    coexists: frozenset[str] = frozenset()
    foreign_targets: bool = False  # targets lie outside the actors' own country (a trip abroad)
    actor_kinds: tuple[str, ...] = ()  # who may act; a person stands for the body they lead
    criticism: frozenset[str] = frozenset()  # key values whose targets are the ones who acted
    proposers: frozenset[str] = frozenset()  # bodies whose decisions another body must adopt
    abroad: str | None = None  # talks in the other side's country are the guest's trip there

    def code(self, attributes: Mapping[str, str]) -> Code:
        """The first code rule whose conditions the attributes meet."""
        for rule in self.codes:
            if all(attributes.get(k) == v for k, v in rule.when.items()):
                return rule
        return self.codes[-1]

    def contradicts(self, first: Mapping[str, str], second: Mapping[str, str]) -> bool:
        """Two accounts of the same sides that cannot both be true (announced and completed)."""
        a, b = self.compared(first), self.compared(second)
        return a != b and not self.coexists.intersection(a + b)

    def compared(self, attributes: Mapping[str, str]) -> tuple[str, ...]:
        """The attribute values two accounts of one event must share (``scores_as`` applied):
        a visit's status, a call's medium, a sanctions action."""
        values = (attributes.get(name, "") for name in sorted(self.attributes))
        return tuple(self.scores_as.get(v, v) for v in values)


class Taxonomy:
    def __init__(self, types: Mapping[str, EventType]) -> None:
        self.types = dict(types)

    def __getitem__(self, name: str) -> EventType:
        return self.types[name]

    def __contains__(self, name: object) -> bool:
        return name in self.types

    @classmethod
    def load(cls, path: Path) -> Taxonomy:
        document: dict[str, Any] = datafile.load(path, "taxonomy.v1")
        types: dict[str, EventType] = {}
        for name, spec in document["event_types"].items():
            attributes = {k: tuple(v) for k, v in spec["attributes"].items()}
            for attr, value in spec["defaults"].items():
                if value not in attributes.get(attr, ()):
                    raise datafile.fail(
                        path, ["event_types", name, "defaults", attr], f"{value!r} not allowed"
                    )
            requires = spec["requires"]
            types[name] = EventType(
                name=name,
                key_attribute=spec.get("key_attribute"),
                attributes=attributes,
                defaults=dict(spec["defaults"]),
                min_actors=requires["actors"],
                min_targets=requires["targets"],
                party_kinds=tuple(requires.get("kinds", ())),
                codes=tuple(
                    Code(dict(c["when"]), c["cameo"], c.get("plover")) for c in spec["codes"]
                ),
                symmetric=spec.get("symmetric", False),
                realised=spec.get("realised", False),
                yields_to=tuple(spec.get("yields_to", ())),
                announcer_acts=spec.get("announcer_acts", True),
                scores_as=dict(spec.get("scores_as", {})),
                coexists=frozenset(spec.get("coexists", ())),
                foreign_targets=spec.get("foreign_targets", False),
                actor_kinds=tuple(spec.get("actor_kinds", ())),
                criticism=frozenset(spec.get("criticism", ())),
                proposers=frozenset(spec.get("proposers", ())),
                abroad=spec.get("abroad"),
            )
        for name, event_type in types.items():
            if event_type.abroad is not None and event_type.abroad not in types:
                raise datafile.fail(
                    path, ["event_types", name, "abroad"], f"{event_type.abroad!r} is no event type"
                )
        return cls(types)
