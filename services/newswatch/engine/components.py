"""spaCy components: watched-entity/title/group mentions and event triggers.

Both are registered factories so every pipeline, statistical or blank, gets them by name; they are
filled after creation (``configure``) because a watchlist is data, not pipeline config. They only
read token text (and, for triggers, lemmas and POS when the pipeline provides them), so the cascade
can run the entity pass on a tokenizer-only Doc.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newswatch.engine.patterns import LanguagePatterns
from newswatch.engine.watchlist import AliasPattern, Watchlist

MentionKind = Literal["entity", "title", "group"]

_FORM_ORDER = {"name": 0, "short": 1, "metonym": 2, "demonym": 3}

if not Doc.has_extension("nw_mentions"):
    Doc.set_extension("nw_mentions", default=None)


@dataclass(frozen=True)
class Mention:
    """A watched entity, a title (``le président chinois``) or a group (``occidentales``)."""

    start: int
    end: int
    kind: MentionKind
    key: str  # entity id, title role, or group name
    form: str = "name"  # for entities: name | short | demonym | metonym
    country: str | None = None  # for titles: the country the title belongs to


def fold(text: str) -> str:
    """Lower-case Latin text without accents: ``Pékin`` and ``Pekin`` become one key."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def _case_sensitive(alias: AliasPattern) -> bool:
    """Acronyms and two-letter names (US, UE, Xi) match only with their own case."""
    return alias.case_sensitive or len(alias.text) <= 2


def _inflected(alias: str, endings: Iterable[str], suffixes: Iterable[str]) -> set[str]:
    """Case forms for languages without a lemmatiser: Путин → Путина, Путину; Россия → России.

    The last word takes every suffix; earlier words follow in lockstep (Владимира Путина). A full
    cross product would explode on long names, and the short form catches the rest.
    """
    endings, suffixes = tuple(endings), tuple(suffixes)

    def stem(word: str) -> str:
        return next((word[: -len(e)] for e in endings if word.endswith(e) and len(word) > 3), word)

    words = alias.split()
    forms = {alias}
    for suffix in suffixes:
        forms.add(" ".join([*words[:-1], stem(words[-1]) + suffix]))
        forms.add(" ".join(stem(w) + suffix for w in words))
    return forms


@Language.factory("newswatch_entities")
class EntityMentions:
    """Finds watchlist aliases, titles and named groups; stores them in ``doc._.nw_mentions``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.titles = Matcher(nlp.vocab)
        self.forms: dict[str, str] = {}
        self.countries: dict[str, str] = {}

    def configure(self, watchlist: Watchlist, patterns: LanguagePatterns) -> None:
        self.lower = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.titles = Matcher(self.nlp.vocab)
        self.forms = {}
        lower: dict[str, set[str]] = {}
        exact: dict[str, set[str]] = {}
        for alias in watchlist.alias_patterns(patterns.language):
            key = f"E|{alias.entity_id}|{alias.form}"
            texts = {alias.text, fold(alias.text)}
            if patterns.inflection:
                texts |= _inflected(alias.text, *patterns.inflection)
            target = exact if _case_sensitive(alias) else lower
            target.setdefault(key, set()).update(texts)
        for group in patterns.collectives:
            lower.setdefault(f"G|{group.name}|{group.kind}", set()).update(group.phrases)
        for matcher, table in ((self.lower, lower), (self.exact, exact)):
            for key, texts in table.items():
                matcher.add(key, [self.nlp.make_doc(t) for t in sorted(texts)])
        for role, phrases in patterns.titles.items():
            token_patterns: list[list[dict[str, Any]]] = []
            for phrase in phrases:
                words = [t.lower_ for t in self.nlp.make_doc(phrase)]
                spec: list[dict[str, Any]] = [{"LOWER": w} for w in words]
                token_patterns.append(spec)
                if len(words) > 1:  # "ministre [chinois] des affaires étrangères"
                    token_patterns.append([spec[0], {"IS_ALPHA": True}, *spec[1:]])
            self.titles.add(f"T|{role}", token_patterns)
        self.countries = {
            e.id: e.country or "" for e in watchlist if e.kind == "country" and e.country
        }

    def __call__(self, doc: Doc) -> Doc:
        vocab = doc.vocab.strings
        found: list[Span] = []
        for matcher in (self.lower, self.exact):
            found.extend(Span(doc, s, e, label=m) for m, s, e in matcher(doc))
        # Spanish "China" is also the adjective "china": on a tie the name wins (filter_spans
        # keeps the first of equal spans).
        found.sort(key=lambda s: _FORM_ORDER.get(vocab[s.label].rsplit("|", 1)[-1], 9))
        entity_spans = filter_spans(found)
        titles = filter_spans([Span(doc, s, e, label=m) for m, s, e in self.titles(doc)])
        mentions: list[Mention] = []
        absorbed: set[int] = set()  # "Chinese" in "Chinese President": part of the title
        for span in titles:
            country, source = self._country(span, entity_spans)
            start, end = span.start, span.end
            if source is not None:
                absorbed.add(source.start)
                start, end = min(start, source.start), max(end, source.end)
            mentions.append(Mention(start, end, "title", span.label_[2:], country=country))
        for span in entity_spans:
            tag, key, extra = vocab[span.label].split("|", 2)
            if tag == "G":
                mentions.append(Mention(span.start, span.end, "group", key, form=extra))
            elif span.start in absorbed:
                mentions.append(Mention(span.start, span.end, "entity", key, form="demonym"))
            else:
                mentions.append(Mention(span.start, span.end, "entity", key, form=extra))
        doc._.nw_mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        return doc

    def _country(self, title: Span, entities: list[Span]) -> tuple[str | None, Span | None]:
        """The country a title belongs to (a country or demonym in it or next to it), and where."""
        best: tuple[int, str, Span] | None = None
        for span in entities:
            tag, key, form = self.nlp.vocab.strings[span.label].split("|", 2)
            if tag != "E" or key not in self.countries or form not in ("name", "demonym"):
                continue  # a capital next to a title is a place: "à l'Élysée le chancelier"
            if span.start >= title.start and span.end <= title.end:
                distance = 0
            elif 0 <= span.start - title.end <= 1:  # "président ukrainien", "presidente de Brasil"
                distance = 1 + span.start - title.end
            elif title.start == span.end:  # "Chinese President", "乌克兰总统"
                distance = 3
            elif title.start == span.end + 1 and title.doc[span.end].lower_ in ("'s", "’s"):
                distance = 1  # "Japan's foreign minister"
            else:
                continue
            if best is None or distance < best[0]:
                best = (distance, self.countries[key], span)
        return (best[1], best[2]) if best else (None, None)


@Language.factory("newswatch_triggers")
class EventTriggers:
    """Runs the language's trigger patterns; spans in ``doc.spans["nw_triggers"]``, label = id."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.matcher = Matcher(nlp.vocab)
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.events: dict[str, str] = {}

    def configure(self, patterns: LanguagePatterns) -> None:
        self.matcher = Matcher(self.nlp.vocab)
        self.phrases = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.events = {t.id: t.event for t in patterns.triggers}
        for trigger in patterns.triggers:
            if trigger.patterns:
                self.matcher.add(trigger.id, trigger.patterns)
            if trigger.phrases:
                self.phrases.add(trigger.id, [self.nlp.make_doc(p) for p in trigger.phrases])

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, s, e, label=m) for m, s, e in self.matcher(doc)]
        spans += [Span(doc, s, e, label=m) for m, s, e in self.phrases(doc)]
        # Overlapping triggers of one event: the longest reading wins ("levée des sanctions" over
        # "sanctions", "视频会晤" over "会晤"). Across events both stay, and the taxonomy's
        # ``yields_to`` decides ("held a virtual meeting": a video call, not a meeting).
        by_event: dict[str, list[Span]] = {}
        for span in spans:
            by_event.setdefault(self.events.get(span.label_, ""), []).append(span)
        kept = [s for group in by_event.values() for s in filter_spans(group)]
        doc.spans["nw_triggers"] = sorted(kept, key=lambda s: (s.start, s.end))
        return doc
