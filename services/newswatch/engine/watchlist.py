"""The watchlist: who and what newswatch links to Wikidata, and how texts name them.

Analysts edit a YAML file (``schemas/watchlist.v1.json``); a mistake must point them at the line,
so the file is composed into YAML nodes (which carry marks) before it becomes Python data, and every
error is reported as ``path:line: message``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from newswatch.contracts import Participant
from newswatch.datafiles import (
    DataFileError,
    SchemaProblem,
    YamlDocument,
    read_yaml,
    schema_problems,
)

RoleName = Literal["head_of_state", "head_of_government", "foreign_minister", "leader"]
Kind = Literal["person", "country", "organisation"]
Form = Literal["name", "short", "demonym", "metonym"]

# YAML key -> alias form, in the order the matcher should prefer them on a tie.
FORM_KEYS: tuple[tuple[str, Form], ...] = (
    ("aliases", "name"),
    ("short", "short"),
    ("demonyms", "demonym"),
    ("metonyms", "metonym"),
)
ANY_LANG = "*"


class WatchlistError(DataFileError):
    """A watchlist that cannot be used; the message starts with ``path:line: ``."""


@dataclass(frozen=True)
class Role:
    role: str
    country: str | None
    start: int | None
    end: int | None  # None: still in office
    org: str | None = None

    def held_in(self, year: int | None) -> bool:
        """Whether the role was held at some point of ``year`` (None: now)."""
        if year is None:
            return self.end is None
        return (self.start is None or self.start <= year) and (self.end is None or year <= self.end)


@dataclass(frozen=True)
class WatchedEntity:
    id: str
    name: str
    kind: str
    country: str | None
    roles: tuple[Role, ...] = ()
    seat: str | None = None  # an organisation's host country (the EU: Belgium)

    def participant(self) -> Participant:
        return Participant(
            name=self.name,
            wikidata=self.id,
            kind=self.kind,  # type: ignore[arg-type]  # a subset of EntityKind
            country=self.country,
            watched=True,
        )


@dataclass(frozen=True)
class AliasPattern:
    entity_id: str
    text: str
    lang: str  # "*" = any language
    form: str  # "name" | "short" | "demonym" | "metonym"
    case_sensitive: bool = field(default=False)


def is_acronym(text: str) -> bool:
    """All-capital forms (US, U.S., UE, НАТО, G7) keep their case: 'us' and 'eu' are words."""
    return any(c.isupper() for c in text) and not any(c.islower() for c in text)


class Watchlist:
    """Watched entities by id, their alias patterns by language, role holders by country."""

    def __init__(self, entities: Sequence[WatchedEntity], patterns: Sequence[AliasPattern]) -> None:
        self._by_id = {e.id: e for e in entities}
        self._entities = tuple(entities)
        self._countries = {e.country: e for e in entities if e.kind == "country" and e.country}
        self._patterns: dict[str, list[AliasPattern]] = defaultdict(list)
        for pattern in patterns:
            self._patterns[pattern.lang].append(pattern)

    @classmethod
    def load(cls, path: Path) -> Watchlist:
        """Read, validate and index a watchlist file; WatchlistError says where it is wrong."""
        try:
            document = read_yaml(Path(path))
        except DataFileError as exc:
            raise WatchlistError(str(exc)) from None
        return cls.from_document(document.data, where=_Locator(document))

    @classmethod
    def from_document(cls, document: Any, *, where: _Locator | None = None) -> Watchlist:
        """Build from already-parsed data (tests, generators); ``where`` turns paths into lines."""
        where = where or _Locator(YamlDocument("<watchlist>", None, document))
        problems = sorted(schema_problems(document, "watchlist.v1"), key=_problem_order)
        if problems:
            first = problems[0]
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise where.error(first.path, f"{_describe(first.error)}{more}")
        entities, patterns = _index(document, where)
        return cls(entities, patterns)

    def get(self, entity_id: str) -> WatchedEntity | None:
        return self._by_id.get(entity_id)

    def country(self, code: str | None) -> WatchedEntity | None:
        """The watched country with ISO code ``code``."""
        return self._countries.get(code) if code else None

    def __iter__(self) -> Iterator[WatchedEntity]:
        return iter(self._entities)

    def __len__(self) -> int:
        return len(self._entities)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._by_id

    @property
    def languages(self) -> list[str]:
        """Languages with at least one alias of their own (not counting '*')."""
        return sorted(lang for lang in self._patterns if lang != ANY_LANG)

    def alias_patterns(self, lang: str) -> list[AliasPattern]:
        """Aliases written for ``lang`` plus those valid in any language."""
        return [*self._patterns.get(lang, ()), *self._patterns.get(ANY_LANG, ())]

    def holders(self, role: str, country: str, year: int | None = None) -> list[WatchedEntity]:
        """Who held ``role`` in ``country`` during ``year`` (None: now), in file order.

        Years are whole: in a year of transition both the outgoing and the incoming holder count.
        """
        return [
            entity
            for entity in self._entities
            if any(
                r.role == role and r.country == country and r.held_in(year) for r in entity.roles
            )
        ]


# --- parsing -------------------------------------------------------------------------------------


class _Locator:
    """Turns a JSON path inside the document into the YAML line it came from."""

    def __init__(self, document: YamlDocument) -> None:
        self.document = document

    def line(self, json_path: Sequence[str | int]) -> int:
        return self.document.line(json_path)

    def error(self, json_path: Sequence[str | int], message: str) -> WatchlistError:
        where = "/".join(map(str, json_path))
        prefix = f"{where}: " if where else ""
        return WatchlistError(f"{self.document.source}:{self.line(json_path)}: {prefix}{message}")


def _problem_order(problem: SchemaProblem) -> tuple[int, list[str]]:
    # Deepest first: "entities/3/roles/0/start" tells more than "entities/3 is not valid".
    path = problem.error.absolute_path
    return (-len(path), [str(p) for p in path])


def _describe(error: Any) -> str:
    if error.validator == "additionalProperties":
        return f"unknown field ({error.message})"
    if error.validator is False or error.schema is False:
        return "field not allowed for this kind of entity"
    return str(error.message)


def _index(
    document: Mapping[str, Any], where: _Locator
) -> tuple[list[WatchedEntity], list[AliasPattern]]:
    """Schema-valid data to entities and patterns, with the checks a schema cannot express."""
    shared: dict[str, set[str]] = {
        lang: {_fold(t) for t in texts}
        for lang, texts in document.get("shared_aliases", {}).items()
    }
    entities: list[WatchedEntity] = []
    patterns: list[AliasPattern] = []
    seen_ids: dict[str, int] = {}
    owners: dict[str, dict[str, str]] = defaultdict(dict)  # folded text -> language -> entity
    for i, raw in enumerate(document["entities"]):
        entity_id = raw["id"]
        if entity_id in seen_ids:
            first = where.line(["entities", seen_ids[entity_id]])
            raise where.error(
                ["entities", i, "id"], f"duplicate id {entity_id} (first at line {first})"
            )
        seen_ids[entity_id] = i
        roles = tuple(
            _role(r, where, ["entities", i, "roles", j]) for j, r in enumerate(raw.get("roles", ()))
        )
        entity = WatchedEntity(
            id=entity_id,
            name=raw["name"],
            kind=raw["kind"],
            country=raw.get("country"),
            roles=roles,
            seat=raw.get("seat"),
        )
        entities.append(entity)
        for key, form in FORM_KEYS:
            for lang, texts in raw.get(key, {}).items():
                for text in texts:
                    folded = _fold(text)
                    other = _clash(owners[folded], lang, entity_id, shared, folded)
                    if other is not None:
                        raise where.error(
                            ["entities", i, key, lang],
                            f"alias {text!r} ({lang}) already names {other}; "
                            "list it under shared_aliases if both are meant",
                        )
                    owners[folded].setdefault(lang, entity_id)
                    patterns.append(AliasPattern(entity_id, text, lang, form, is_acronym(text)))
    for i, raw in enumerate(document["entities"]):
        for j, role in enumerate(raw.get("roles", ())):
            org = role.get("org")
            if org is not None and org not in seen_ids:
                raise where.error(["entities", i, "roles", j, "org"], f"unknown organisation {org}")
    return entities, _dedupe(patterns)


def _clash(
    by_lang: Mapping[str, str], lang: str, entity_id: str, shared: Mapping[str, set[str]], text: str
) -> str | None:
    """Another entity already named by ``text`` in ``lang`` ('*' overlaps every language)."""
    for other_lang, other in by_lang.items():
        overlaps = other_lang == lang or ANY_LANG in (lang, other_lang)
        allowed = any(text in shared.get(x, ()) for x in (lang, other_lang, ANY_LANG))
        if other != entity_id and overlaps and not allowed:
            return other
    return None


def _role(raw: Mapping[str, Any], where: _Locator, json_path: list[str | int]) -> Role:
    start, end = raw.get("start"), raw.get("end")
    if start is not None and end is not None and end < start:
        raise where.error(json_path, f"role ends ({end}) before it starts ({start})")
    return Role(
        role=raw["role"], country=raw.get("country"), start=start, end=end, org=raw.get("org")
    )


def _dedupe(patterns: list[AliasPattern]) -> list[AliasPattern]:
    """One pattern per (entity, language, text): the same word as name and demonym is one rule."""
    seen: set[tuple[str, str, str]] = set()
    unique = []
    for pattern in patterns:
        key = (pattern.entity_id, pattern.lang, pattern.text)
        if key not in seen:
            seen.add(key)
            unique.append(pattern)
    return unique


def _fold(text: str) -> str:
    return text.casefold()
