"""Per-language trigger patterns, role markers, titles and modality cues (``data/patterns``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.matcher import DependencyMatcher, Matcher
from spacy.vocab import Vocab

from newswatch.engine import datafile
from newswatch.engine.taxonomy import Taxonomy
from newswatch.engine.timeline import TimeWords


@dataclass(frozen=True)
class Trigger:
    id: str
    event: str
    patterns: list[list[dict[str, Any]]]
    phrases: tuple[str, ...]
    attributes: dict[str, str]
    subject: str = "actor"
    object: str | None = None
    targets: str = "marked"
    strength: float = 0.7
    dependencies: list[list[dict[str, Any]]] = field(default_factory=list)
    anaphoric: bool = False  # "the measures", "the move": only where the article names the event
    excluded_children: tuple[str, ...] = ()  # "called X a liar": a complement cancels the call
    stacks: bool = False  # kept beside a longer trigger of the same event that contains it
    # kept beside an overlapping longer trigger with one of these attribute values: "dénoncé
    # les nouvelles sanctions" condemns an imposition the article also reports
    beside: tuple[str, ...] = ()
    departure: bool = False  # "quitter", "leave": tense says over (origin) or on the way
    # "people": only a person travels by this trigger ("está en Marruecos"; "Rusia está en
    # Siria" is a military presence, no visit)
    visitors: str = "any"
    place_next: bool = False  # the word after the trigger (or after "la", "l'") is a name
    after_gathering: bool = False  # "en présence du président": only once a summit is named
    # "визит Путина": a person right after this noun, in the genitive, is whose it is
    owner_next: bool = False


@dataclass(frozen=True)
class ReferenceWords:
    """Words that point back at people named earlier (``references:``)."""

    pronouns: tuple[str, ...] = ()
    pairs: tuple[str, ...] = ()
    zero_subject: bool = False  # a pro-drop language: a verb's subject is often unwritten
    bodies: tuple[str, ...] = ()  # "the junta", "le gouvernement": the state last named
    places: tuple[str, ...] = ()  # "ese país", "that country": the state last named, as a place
    latter: tuple[str, ...] = ()  # "the latter", "celui-ci": the person named last
    definite: tuple[str, ...] = ()  # "la llamada", "ce premier échange": an event told before
    possessives: tuple[str, ...] = ()  # "sa visite", "his call": the person last named


@dataclass(frozen=True)
class Collective:
    name: str
    kind: str
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class Cues:
    window: int
    lists: dict[str, tuple[str, ...]]
    announced_suffixes: tuple[str, ...]
    # Verb endings of a past tense ("visitó", "посетил", "besuchte"), read where no tagger says
    # the tense: a bare month after such a verb is the last one, not the next.
    past_suffixes: tuple[str, ...] = ()

    def get(self, kind: str) -> tuple[str, ...]:
        return self.lists.get(kind, ())


@dataclass(frozen=True)
class LanguagePatterns:
    language: str
    keywords: tuple[str, ...]
    triggers: tuple[Trigger, ...]
    markers: dict[str, tuple[str, ...]]
    cues: Cues
    determiners: frozenset[str] = frozenset()
    support_verbs: frozenset[str] = frozenset()
    reporting_verbs: frozenset[str] = frozenset()
    conjunctions: frozenset[str] = frozenset({",", "and"})
    titles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    collectives: tuple[Collective, ...] = ()
    institutions: tuple[str, ...] = ()
    regimes: tuple[str, ...] = ()
    inflection: tuple[tuple[str, ...], tuple[str, ...]] | None = None
    time: TimeWords = field(default_factory=TimeWords)
    references: ReferenceWords = field(default_factory=ReferenceWords)
    fold_script: str | None = None  # OpenCC conversion before reading ("t2s")

    def trigger(self, trigger_id: str) -> Trigger:
        return next(t for t in self.triggers if t.id == trigger_id)

    def title_words(self) -> frozenset[str]:
        """Every word of every title phrase, as written ("ministre", "affaires", "étrangères")."""
        return frozenset(w for phrases in self.titles.values() for p in phrases for w in p.split())

    def has_keyword(self, text: str) -> bool:
        """The cascade's first filter: could any trigger fire in this text?"""
        lowered = text.lower()
        return any(keyword in lowered for keyword in self.keywords)


# spaCy's Matcher unrolls "{0,8}" into eight optional tokens and follows every way through
# them: the work doubles with each optional token of a pattern (one "{0,30}" gap held an
# article for minutes and gigabytes). "*" is a single looping state, cheap at any length.
MAX_OPTIONAL_WIDTH = 12


def optional_width(pattern: list[dict[str, Any]]) -> int:
    """How many optional tokens the Matcher unrolls the pattern into."""
    width = 0
    for token in pattern:
        op = token.get("OP")
        if op == "?":
            width += 1
        elif isinstance(op, str) and op.startswith("{"):
            low, _, high = op.strip("{}").partition(",")
            width += (int(high) - int(low or 0)) if high else 0
    return width


def _compile_check(path: Path, index: int, spec: dict[str, Any], vocab: Vocab) -> None:
    """Compile each token and dependency pattern as the engine will, so a pattern spaCy rejects
    (``{LOWR: telefonat}``) fails the load with its line instead of a later matcher rebuild."""
    for key, matcher in (("patterns", Matcher(vocab)), ("dependencies", DependencyMatcher(vocab))):
        for number, pattern in enumerate(spec.get(key, [])):
            try:
                matcher.add(spec["id"], [pattern])
            except ValueError as exc:
                problems = [line for line in str(exc).splitlines() if line.startswith("- ")]
                detail = "; ".join(p.removeprefix("- ") for p in problems) or str(exc)
                raise datafile.fail(
                    path, ["triggers", index, key, number], f"spaCy rejects the pattern: {detail}"
                ) from None


def load_language(path: Path, taxonomy: Taxonomy) -> LanguagePatterns:
    doc: dict[str, Any] = datafile.load(path, "patterns.v1")
    triggers = []
    vocab = Vocab()
    for index, spec in enumerate(doc["triggers"]):
        _compile_check(path, index, spec, vocab)
        if spec["event"] not in taxonomy:
            raise datafile.fail(
                path, ["triggers", index, "event"], f"unknown event {spec['event']}"
            )
        for number, pattern in enumerate(spec.get("patterns", [])):
            if (width := optional_width(pattern)) > MAX_OPTIONAL_WIDTH:
                raise datafile.fail(
                    path,
                    ["triggers", index, "patterns", number],
                    f"{width} optional tokens (at most {MAX_OPTIONAL_WIDTH}):"
                    ' write a long gap as OP "*" with a NOT_IN stop list',
                )
        allowed = taxonomy[spec["event"]].attributes
        for attr, value in spec.get("attributes", {}).items():
            if value not in allowed.get(attr, ()):
                raise datafile.fail(
                    path, ["triggers", index, "attributes", attr], f"{attr}={value} not allowed"
                )
        values = {v for vs in allowed.values() for v in vs}
        for value in spec.get("beside", ()):
            if value not in values:
                raise datafile.fail(path, ["triggers", index, "beside"], f"{value} not allowed")
        triggers.append(
            Trigger(
                id=spec["id"],
                event=spec["event"],
                patterns=spec.get("patterns", []),
                phrases=tuple(spec.get("phrases", ())),
                dependencies=spec.get("dependencies", []),
                anaphoric=spec.get("anaphoric", False),
                excluded_children=tuple(spec.get("excluded_children", ())),
                stacks=spec.get("stacks", False),
                beside=tuple(spec.get("beside", ())),
                departure=spec.get("departure", False),
                visitors=spec.get("visitors", "any"),
                place_next=spec.get("place_next", False),
                after_gathering=spec.get("after_gathering", False),
                owner_next=spec.get("owner_next", False),
                attributes=dict(spec.get("attributes", {})),
                subject=spec.get("subject", "actor"),
                object=spec.get("object"),
                targets=spec.get("targets", "marked"),
                strength=float(spec.get("strength", 0.7)),
            )
        )
    cues = dict(doc["cues"])
    inflection = doc.get("inflection")
    return LanguagePatterns(
        language=doc["language"],
        keywords=tuple(k.lower() for k in doc["keywords"]),
        triggers=tuple(triggers),
        markers={k: tuple(v) for k, v in doc["markers"].items()},
        cues=Cues(
            window=cues.pop("window"),
            announced_suffixes=tuple(cues.pop("announced_suffixes", ())),
            past_suffixes=tuple(cues.pop("past_suffixes", ())),
            lists={k: tuple(v) for k, v in cues.items()},
        ),
        determiners=frozenset(d.lower() for d in doc.get("determiners", ())),
        support_verbs=frozenset(doc.get("support_verbs", ())),
        reporting_verbs=frozenset(doc.get("reporting_verbs", ())),
        conjunctions=frozenset([",", *doc.get("conjunctions", ())]),
        titles={t["role"]: tuple(t["phrases"]) for t in doc.get("titles", ())},
        collectives=tuple(
            Collective(c["name"], c["kind"], tuple(c["phrases"]))
            for c in doc.get("collectives", ())
        ),
        institutions=tuple(doc.get("institutions", ())),
        regimes=tuple(doc.get("regimes", ())),
        inflection=(
            (tuple(inflection["endings"]), tuple(inflection["suffixes"])) if inflection else None
        ),
        time=_time_words(doc.get("time", {})),
        references=ReferenceWords(
            pronouns=tuple(doc.get("references", {}).get("pronouns", ())),
            pairs=tuple(doc.get("references", {}).get("pairs", ())),
            zero_subject=bool(doc.get("references", {}).get("zero_subject", False)),
            bodies=tuple(doc.get("references", {}).get("bodies", ())),
            places=tuple(doc.get("references", {}).get("places", ())),
            definite=tuple(doc.get("references", {}).get("definite", ())),
            possessives=tuple(doc.get("references", {}).get("possessives", ())),
            latter=tuple(doc.get("references", {}).get("latter", ())),
        ),
        fold_script=doc.get("fold_script"),
    )


def _time_words(raw: dict[str, Any]) -> TimeWords:
    return TimeWords(
        weekdays=tuple(tuple(forms) for forms in raw.get("weekdays", ())),
        months=tuple(tuple(forms) for forms in raw.get("months", ())),
        offsets=tuple((p, o["days"]) for o in raw.get("offsets", ()) for p in o["phrases"]),
        ago_before=tuple(raw.get("ago_before", ())),
        ago_after=tuple(raw.get("ago_after", ())),
        ahead_before=tuple(raw.get("ahead_before", ())),
        not_dates=tuple(raw.get("not_dates", ())),
        units=tuple(raw.get("units", {}).items()),
        numbers=tuple(raw.get("numbers", {}).items()),
        anchors=tuple(raw.get("anchors", ())),
        when=tuple(raw.get("when", ())),
        cjk_dates=bool(raw.get("cjk_dates", False)),
        stay_before=tuple(raw.get("stay_before", ())),
        stay_words=tuple(raw.get("stay_words", {}).items()),
        next_words=tuple(raw.get("next_words", ())),
        last_words=tuple(raw.get("last_words", ())),
    )


def load_all(directory: Path, taxonomy: Taxonomy) -> dict[str, LanguagePatterns]:
    """Every ``<lang>.yaml`` in ``directory``, keyed by language."""
    result = {}
    for path in sorted(directory.glob("*.yaml")):
        patterns = load_language(path, taxonomy)
        if patterns.language != path.stem:
            raise datafile.fail(path, ["language"], f"language must match file name {path.stem}")
        result[patterns.language] = patterns
    return result
