"""Gold passages (``schemas/gold.v2.json``) and the scoring view of a participant.

Annotators name participants as people do ("Xi Jinping", "China", "the West") rather than by
Wikidata id, so that labelling needs no knowledge of the watchlist; ``Resolver`` links those names
to the watchlist when it can. The sentence sets written before v2 give watched participants as ids
and unwatched ones as ``{"name": ...}`` that were never scored; both forms still load.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newswatch.contracts import Article, Participant, schema_errors
from newswatch.engine.watchlist import WatchedEntity, Watchlist
from newswatch.errors import NewswatchError

GOLD_SCHEMA = "gold.v2"
HARD_NEGATIVE = "hard_negative"


class GoldError(NewswatchError, ValueError):
    """A gold file that cannot be scored; the message names the file and line."""


def fold_name(text: str) -> str:
    """'Pékin', 'PEKIN' and 'Pekin' are one name; hyphens and dots are spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", plain).split())


@dataclass(frozen=True)
class Ref:
    """A participant as the scorer sees it, from a gold label or from an alert."""

    name: str  # folded
    wikidata: str | None = None
    kind: str | None = None
    country: str | None = None

    @property
    def key(self) -> str:
        return self.wikidata or f"name:{self.name}"

    def agrees(self, other: Ref) -> bool:
        """Same entity, same name, or the same country where one side names only the country."""
        if self.wikidata is not None and self.wikidata == other.wikidata:
            return True
        if self.name and self.name == other.name:
            return True
        if self.country is None or self.country != other.country:
            return False
        if "country" in (self.kind, other.kind):
            return True
        # The same person under two spellings ("Zelensky" / "Zelenskyy" share a country and a
        # surname start) when at least one side is not on the watchlist.
        people = self.kind == other.kind == "person"
        unlinked = self.wikidata is None or other.wikidata is None
        return people and unlinked and _surname(self.name)[:5] == _surname(other.name)[:5]

    def describe(self) -> str:
        return self.wikidata or self.name


def _surname(name: str) -> str:
    return name.rsplit(" ", 1)[-1]


def ref_of(participant: Participant) -> Ref:
    return Ref(
        name=fold_name(participant.name),
        wikidata=participant.wikidata,
        kind=participant.kind,
        country=participant.country,
    )


class Resolver:
    """Links annotators' names (and legacy ids) to watched entities."""

    def __init__(self, watchlist: Watchlist | None) -> None:
        self.watchlist = watchlist
        self._by_name: dict[str, WatchedEntity] = {}
        self._surnames: dict[tuple[str, str], list[WatchedEntity]] = {}
        if watchlist is None:
            return
        ambiguous: set[str] = set()
        for entity in watchlist:
            for alias in _names_of(watchlist, entity):
                folded = fold_name(alias)
                other = self._by_name.get(folded)
                if other is not None and other.id != entity.id:
                    ambiguous.add(folded)
                self._by_name.setdefault(folded, entity)
            if entity.kind == "person" and entity.country:
                surname = _surname(fold_name(entity.name))
                self._surnames.setdefault((entity.country, surname), []).append(entity)
        for folded in ambiguous:
            del self._by_name[folded]

    def entity(self, name: str, country: str | None, kind: str | None) -> WatchedEntity | None:
        folded = fold_name(name)
        found = self._by_name.get(folded)
        if found is not None and (kind is None or kind == "group" or found.kind == kind):
            return found
        if kind == "person" and country:
            same = self._surnames.get((country, _surname(folded)), [])
            if len(same) == 1:
                return same[0]
        return None

    def ref(self, raw: str | Mapping[str, str]) -> Ref | None:
        """A gold participant as a Ref; None for a legacy unscored ``{"name": ...}``."""
        if isinstance(raw, str):
            entity = self.watchlist.get(raw) if self.watchlist is not None else None
            if entity is None:
                return Ref(name="", wikidata=raw)
            return Ref(fold_name(entity.name), entity.id, entity.kind, entity.country)
        if "kind" not in raw and "wikidata" not in raw:
            return None  # sentence sets: a non-watched participant, never scored
        kind, country = raw.get("kind"), raw.get("country")
        entity = self.entity(raw["name"], country, kind)
        if raw.get("wikidata"):
            linked = self.watchlist.get(raw["wikidata"]) if self.watchlist is not None else None
            entity = linked or entity
        if entity is not None:
            return Ref(fold_name(entity.name), entity.id, entity.kind, entity.country or country)
        return Ref(fold_name(raw["name"]), raw.get("wikidata"), kind, country)


def _names_of(watchlist: Watchlist, entity: WatchedEntity) -> Iterable[str]:
    yield entity.name
    for lang in [*watchlist.languages, "*"]:
        for alias in watchlist.alias_patterns(lang):
            if alias.entity_id == entity.id and alias.form in ("name", "short"):
                yield alias.text


@dataclass(frozen=True)
class Event:
    """An event reduced to what is scored."""

    type: str
    attributes: Mapping[str, str]
    actors: tuple[Ref, ...]
    targets: tuple[Ref, ...]
    background: bool = False

    @property
    def participants(self) -> tuple[Ref, ...]:
        return self.actors + self.targets

    def describe(self) -> str:
        attributes = ",".join(f"{k}={v}" for k, v in sorted(self.attributes.items()))
        actors = "+".join(sorted(p.describe() for p in self.actors)) or "?"
        targets = "+".join(sorted(p.describe() for p in self.targets)) or "?"
        when = " (background)" if self.background else ""
        return f"{self.type}[{attributes}]{when} {actors} -> {targets}"


@dataclass(frozen=True)
class GoldPassage:
    id: str
    lang: str
    text: str
    events: tuple[Event, ...]
    entities: frozenset[str] | None  # None: this set does not score entity linking
    tags: frozenset[str]
    published_at: str | None = None
    title: str | None = None

    @property
    def current(self) -> tuple[Event, ...]:
        return tuple(e for e in self.events if not e.background)

    @property
    def hard_negative(self) -> bool:
        return HARD_NEGATIVE in self.tags or not self.current

    def article(self) -> Article:
        # The gold language is given, as a feed usually does: this scores tagging, not language id.
        return Article(
            id=self.id,
            text=self.text,
            language=self.lang,
            published_at=self.published_at,
            title=self.title,
        )


def load_gold(path: Path, resolver: Resolver | None = None) -> list[GoldPassage]:
    """Read and validate a gold JSONL file; a mistake is reported with its line number."""
    resolver = resolver or Resolver(None)
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
            passages.append(passage_of(document, resolver))
    return passages


def load_many(paths: Sequence[Path], resolver: Resolver | None = None) -> list[GoldPassage]:
    """Several gold files as one set; an id may appear only once across them."""
    passages: list[GoldPassage] = []
    seen: dict[str, Path] = {}
    for path in paths:
        for passage in load_gold(path, resolver):
            if passage.id in seen:
                raise GoldError(f"{path}: id {passage.id!r} also in {seen[passage.id]}")
            seen[passage.id] = path
            passages.append(passage)
    return passages


def passage_of(document: Mapping[str, Any], resolver: Resolver) -> GoldPassage:
    def refs(raws: Iterable[Any]) -> tuple[Ref, ...]:
        return tuple(r for r in (resolver.ref(raw) for raw in raws) if r is not None)

    entities = document.get("entities")
    return GoldPassage(
        id=document["id"],
        lang=document["lang"],
        text=document["text"],
        events=tuple(
            Event(
                e["type"],
                dict(e["attributes"]),
                refs(e["actors"]),
                refs(e["targets"]),
                bool(e.get("background", False)),
            )
            for e in document["events"]
        ),
        entities=None if entities is None else frozenset(entities),
        tags=frozenset(document["tags"]),
        published_at=document.get("published_at"),
        title=document.get("title"),
    )
