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

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.matcher import DependencyMatcher, Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newswatch.engine.patterns import LanguagePatterns
from newswatch.engine.phrases import gatherings
from newswatch.engine.watchlist import AliasPattern, Watchlist

MentionKind = Literal["entity", "title", "group", "person"]
# Lower-case words that may sit inside a person's name ("Luiz Inácio Lula da Silva").
_NAME_PARTICLES = frozenset(
    [
        "de",
        "da",
        "do",
        "dos",
        "das",
        "del",
        "della",
        "di",
        "van",
        "von",
        "der",
        "den",
        "bin",
        "ben",
        "ibn",
        "al",
        "el",
        "ould",
        "ag",
        "wa",
        "la",
        "le",
        "du",
        "y",
    ]
)
# Before a country, these make a title's country explicit after the name ("President X of Chile").
_OF = frozenset({"of", "du", "de", "del", "des", "d'", "della", "von", "de la"})
_MAX_NAME = 5

_FORM_ORDER = {"name": 0, "short": 1, "metonym": 2, "demonym": 3}

if not Doc.has_extension("nw_mentions"):
    Doc.set_extension("nw_mentions", default=None)


@dataclass(frozen=True)
class Mention:
    """A watched entity, a title (``le président chinois``), a group (``occidentales``) or a
    person nobody watches, named next to a title with a country (``person``, key ``name:...``)."""

    start: int
    end: int
    kind: MentionKind
    key: str  # entity id, title role, or group name
    form: str = "name"  # for entities: name | short | demonym | metonym
    country: str | None = None  # for titles and people: the country the title belongs to
    name: str = ""  # for people: the name as written


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def _bare_capitals(text: str) -> str:
    return "".join(strip_accents(c) if c.isupper() else c for c in text)


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
        self.institutions = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.regimes = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.forms: dict[str, str] = {}
        self.countries: dict[str, str] = {}
        self.state_of: dict[str, str] = {}  # a watched person's id -> their country's id
        self.persons: frozenset[str] = frozenset()
        self.not_names: frozenset[str] = frozenset()
        self.title_words: frozenset[int] = frozenset()
        self.acronyms: dict[str, str] = {}
        self.capitalised: frozenset[int] = frozenset()

    def configure(self, watchlist: Watchlist, patterns: LanguagePatterns) -> None:
        self.lower = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.titles = Matcher(self.nlp.vocab)
        self.institutions = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.institutions.add("I", [self.nlp.make_doc(p) for p in patterns.institutions])
        self.regimes = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.regimes.add("R", [self.nlp.make_doc(p) for p in patterns.regimes])
        self.forms = {}
        self.acronyms = {}
        lower: dict[str, set[str]] = {}
        exact: dict[str, set[str]] = {}
        lower_initial: set[str] = set()
        for alias in watchlist.alias_patterns(patterns.language):
            key = f"E|{alias.entity_id}|{alias.form}"
            # An acronym keeps its case even without accents: "WHO" must not match "who".
            folded = strip_accents(alias.text) if _case_sensitive(alias) else fold(alias.text)
            # "Communauté économique des Etats de l'Afrique de l'Ouest": capitals often lose
            # their accents while the small letters keep theirs.
            texts = {alias.text, folded, _bare_capitals(alias.text)}
            if patterns.inflection:
                texts |= _inflected(alias.text, *patterns.inflection)
            target = exact if _case_sensitive(alias) else lower
            target.setdefault(key, set()).update(texts)
            if alias.text[:1].islower():
                lower_initial.add(key)
            if alias.text.isupper() and alias.text.isalpha() and len(alias.text) <= 5:
                self.acronyms[alias.text] = alias.entity_id
        # Keys whose every alias is written with a capital: found in lower case ("воздушной
        # гавани", a harbour, against Havana's case forms), the word is a common noun.
        self.capitalised = frozenset(
            self.nlp.vocab.strings.add(key) for key in lower if key not in lower_initial
        )
        for group in patterns.collectives:
            lower.setdefault(f"G|{group.name}|{group.kind}", set()).update(group.phrases)
        for matcher, table in ((self.lower, lower), (self.exact, exact)):
            for key, texts in table.items():
                matcher.add(key, [self.nlp.make_doc(t) for t in sorted(texts)])
        # Every title pattern holds its phrase's first word: a line without one holds no title.
        # Kept as string-store hashes so a line is checked on its LOWER array, without making a
        # Token object per word (most lines hold no title).
        self.title_words = frozenset(
            self.nlp.vocab.strings.add(self.nlp.make_doc(p)[0].lower_)
            for ps in patterns.titles.values()
            for p in ps
            if p
        )
        for role, phrases in patterns.titles.items():
            token_patterns: list[list[dict[str, Any]]] = []
            for phrase in phrases:
                words = [t.lower_ for t in self.nlp.make_doc(phrase)]
                spec: list[dict[str, Any]] = [{"LOWER": w} for w in words]
                token_patterns.append(spec)
                if len(words) > 1:  # "ministre [chinois] des affaires étrangères"
                    token_patterns.append([spec[0], {"IS_ALPHA": True}, *spec[1:]])
                if role == "minister" and len(words) == 1:
                    # "trade minister", "Handelsminister" aside: a portfolio word before it
                    other = {"foreign", "prime", "the", "a", "an", "former", "deputy"}
                    token_patterns.append(
                        [
                            {
                                "IS_ALPHA": True,
                                "IS_STOP": False,
                                "LOWER": {"NOT_IN": sorted(other)},
                            },
                            spec[0],
                        ]
                    )
            self.titles.add(f"T|{role}", token_patterns)
        self.countries = {
            e.id: e.country or "" for e in watchlist if e.kind == "country" and e.country
        }
        self.persons = frozenset(e.id for e in watchlist if e.kind == "person")
        self.state_of = {
            e.id: state.id
            for e in watchlist
            if e.kind == "person" and (state := watchlist.country(e.country)) is not None
        }
        # Capitalised words that never start a name: days, months, titles' own words, and the
        # German nouns of time ("kommende Woche Moskau besucht": no club "Woche Moskau").
        time = patterns.time
        self.not_names = frozenset(
            [w.lower() for forms in (*time.weekdays, *time.months) for w in forms]
            + list(patterns.title_words())
            + list(patterns.determiners)
            + [w.lower() for w in patterns.cues.get("plain_nouns")]
        )

    def __call__(self, doc: Doc) -> Doc:
        vocab = doc.vocab.strings
        found: list[Span] = []
        for matcher in (self.lower, self.exact):
            found.extend(
                Span(doc, s, e, label=m)
                for m, s, e in matcher(doc)
                if not (m in self.capitalised and doc[s].is_lower)
            )
        found = self._one_owner(doc, found)
        # Spanish "China" is also the adjective "china": on a tie the name wins (filter_spans
        # keeps the first of equal spans).
        found.sort(key=lambda s: _FORM_ORDER.get(vocab[s.label].rsplit("|", 1)[-1], 9))
        entity_spans = [s for s in filter_spans(found) if not self._inside_a_name(s)]
        titles: list[Span] = []
        if not self.title_words.isdisjoint(doc.to_array(LOWER).tolist()):
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
        institutions = filter_spans([Span(doc, s, e) for _, s, e in self.institutions(doc)])
        regimes = [Span(doc, s, e) for _, s, e in self.regimes(doc)]
        taken = {i for span in entity_spans for i in range(span.start, span.end)}
        taken |= {i for m in mentions for i in range(m.start, m.end)}
        for title in [m for m in mentions if m.kind == "title"]:
            person = self._named(doc, title, entity_spans, taken)
            if person is not None:
                mentions.append(person)
                taken.update(range(person.start, person.end))
        for span in entity_spans:
            tag, key, extra = vocab[span.label].split("|", 2)
            if tag == "G":
                mentions.append(Mention(span.start, span.end, "group", key, form=extra))
            elif span.start in absorbed:
                mentions.append(Mention(span.start, span.end, "entity", key, form="demonym"))
            elif (body := self._institution(span, key, extra, institutions)) is not None:
                # "le Trésor américain", "the Senegalese government": the state acts.
                mentions.append(Mention(*body, "entity", key, form="institution"))
            elif key in self.state_of and (body := _next_to(span, regimes)) is not None:
                # "le gouvernement de Daniel Ortega", "the Maduro regime": the leader's state.
                mentions.append(Mention(*body, "entity", self.state_of[key], form="institution"))
            else:
                mentions.append(Mention(span.start, span.end, "entity", key, form=extra))
        taken |= {i for m in mentions for i in range(m.start, m.end)}
        mentions.extend(self._compounds(doc, taken))
        doc._.nw_mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        return doc

    def _one_owner(self, doc: Doc, found: list[Span]) -> list[Span]:
        """A surface shared by a country and a person (French "Hollande": the Netherlands and
        François Hollande) names the country after an article or a preposition ("la Hollande",
        "en Hollande"), the person otherwise ("le président Hollande", "Hollande a dit")."""
        strings = doc.vocab.strings
        by_extent: dict[tuple[int, int], list[Span]] = {}
        for span in found:
            by_extent.setdefault((span.start, span.end), []).append(span)
        kept: list[Span] = []
        for (start, _), spans in by_extent.items():
            country = [s for s in spans if strings[s.label].split("|", 2)[1] in self.countries]
            if country and len(country) < len(spans):
                placed = start > 0 and doc[start - 1].pos_ in ("DET", "ADP")
                spans = country if placed else [s for s in spans if s not in country]
            kept.extend(spans)
        return kept

    def _compounds(self, doc: Doc, taken: set[int]) -> list[Mention]:
        """ "EU-Außenminister", "US-Sanktionen": a watched acronym joined by a hyphen to a noun
        is one word to the tokenizer; it says whose ministers or sanctions, as "European"
        does in "the European Commission": the body acts for it."""
        found: list[Mention] = []
        for token in doc:
            head, dash, rest = token.text.partition("-")
            if dash and rest[:1].isupper() and len(rest) > 2 and token.i not in taken:
                key = self.acronyms.get(head)
                if key is not None:
                    found.append(Mention(token.i, token.i + 1, "entity", key, form="institution"))
        return found

    def _inside_a_name(self, span: Span) -> bool:
        """ "Paris Saint-Germain", "Atlético de Madrid", "Washington Post": a capital inside
        another proper name is a club, a paper, a court, never the state."""
        form = self.nlp.vocab.strings[span.label].rsplit("|", 1)[-1]
        if form != "metonym":
            return False
        doc = span.doc
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and self._name_word(after) and not after.is_sent_start:
            return True
        j = span.start - 1
        if j >= 0 and doc[j].lower_ in _NAME_PARTICLES:
            j -= 1
        return (
            j >= 0 and j < span.start - 0 and self._name_word(doc[j]) and not doc[j].is_sent_start
        )

    def _institution(
        self, span: Span, key: str, form: str, institutions: list[Span]
    ) -> tuple[int, int] | None:
        """The extent of "gouvernement sénégalais" / "Senegal's government" / "US Treasury"
        when a country's name or adjective sits right next to an institution word."""
        if key not in self.countries or form not in ("name", "short", "demonym"):
            return None
        return _next_to(span, institutions)

    def _named(
        self, doc: Doc, title: Mention, entities: list[Span], taken: set[int]
    ) -> Mention | None:
        """The unwatched person a title names: "le président sénégalais Bassirou Diomaye Faye",
        "Mexico's foreign minister Juan Pérez", "Juan Pérez, Mexico's foreign minister",
        "President Gabriel Boric of Chile". Without a country the title places nobody."""
        after = title.end + (title.end < len(doc) and doc[title.end].text == ",")
        span = self._name_run(doc, after, taken)
        country = title.country
        if span is None:
            # "le ministre français du Commerce extérieur, Franck Riester", "le porte-parole de
            # la diplomatie iranienne, Abbas Moussavi": a portfolio or a body, a comma, the name.
            for gap in range(2, 7):
                comma = title.end + gap
                if comma < len(doc) and doc[comma].text == ",":
                    if doc[title.end].lower_ in _OF:
                        span = self._name_run(doc, comma + 1, taken)
                        country = country or self._country_within(title.end, comma, entities)
                    break
        if span is not None and country is None:
            country = self._country_after(doc, span[1], entities)
        if span is None and title.country is not None and title.start >= 2:
            # "Juan Pérez, le ministre mexicain": a name, a comma, maybe a determiner, the title.
            j = title.start - 1
            if doc[j].lower_ in self.not_names and j >= 1:
                j -= 1
            if doc[j].text == ",":
                span = self._name_run_before(doc, j, taken)
        if span is None or country is None or title.key == "counterpart":
            return None
        start, end = span
        if end - start <= 2 and self._surname_at(end, entities):
            # "канцлером Германии Олафом Шольцем": a first name (and patronymic) in a case form
            # the watchlist does not hold, before the watched surname it belongs to.
            return None
        name = doc[start:end].text
        return Mention(start, end, "person", f"name:{fold(name)}", "local", country, name)

    def _surname_at(self, i: int, entities: list[Span]) -> bool:
        strings = self.nlp.vocab.strings
        for span in entities:
            if span.start == i:
                _, key, form = strings[span.label].split("|", 2)
                return key in self.persons and form == "short"
        return False

    def _name_word(self, token: Any) -> bool:
        text = token.text
        return (
            len(text) > 1
            and text[0].isupper()
            and any(c.isalpha() for c in text)
            and token.lower_ not in self.not_names
            and not (text.isupper() and len(text) > 3)  # "AFP", "OTAN": not a name
        )

    def _name_run(self, doc: Doc, i: int, taken: set[int]) -> tuple[int, int] | None:
        j = i
        while j < len(doc) and j - i < _MAX_NAME and j not in taken:
            if self._name_word(doc[j]):
                j += 1
            elif j > i and doc[j].lower_ in _NAME_PARTICLES:
                k = j  # "de la Fuente", "bin Abdulaziz": particles, then a name word
                while k < len(doc) and doc[k].lower_ in _NAME_PARTICLES and k - j < 2:
                    k += 1
                if k < len(doc) and k not in taken and self._name_word(doc[k]):
                    j = k
                else:
                    break
            else:
                break
        return (i, j) if j > i and self._name_word(doc[i]) else None

    def _name_run_before(self, doc: Doc, end: int, taken: set[int]) -> tuple[int, int] | None:
        i = end
        while i > 0 and end - i < _MAX_NAME and (i - 1) not in taken:
            word = doc[i - 1]
            if self._name_word(word) and not word.is_sent_start:
                i -= 1
            elif word.is_sent_start and self._name_word(word):
                i -= 1
                break
            else:
                break
        return (i, end) if end - i >= 2 else None  # one capitalised word before a comma: no

    def _country_within(self, start: int, end: int, entities: list[Span]) -> str | None:
        for span in entities:
            tag, key, _ = self.nlp.vocab.strings[span.label].split("|", 2)
            if tag == "E" and key in self.countries and start <= span.start and span.end <= end:
                return self.countries[key]
        return None

    def _country_after(self, doc: Doc, end: int, entities: list[Span]) -> str | None:
        """ "President Gabriel Boric of Chile": the country after 'of'."""
        for span in entities:
            tag, key, form = self.nlp.vocab.strings[span.label].split("|", 2)
            gap = doc[end : span.start].text.lower()
            if tag == "E" and key in self.countries and form == "name" and gap in _OF:
                return self.countries[key]
        return None

    def _country(self, title: Span, entities: list[Span]) -> tuple[str | None, Span | None]:
        """The country a title belongs to (a country or demonym in it or next to it), and where."""
        best: tuple[int, str, Span] | None = None
        for span in entities:
            tag, key, form = self.nlp.vocab.strings[span.label].split("|", 2)
            if tag != "E" or key not in self.countries or form not in ("name", "short", "demonym"):
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
        self.dependencies = DependencyMatcher(nlp.vocab)
        self.events: dict[str, str] = {}
        self.stacking: set[str] = set()
        self.anaphoric: set[str] = set()
        self.beside: dict[str, set[str]] = {}
        self.values: dict[str, set[str]] = {}
        self.place_next: set[str] = set()
        self.after_gathering: set[str] = set()
        self.gathering_words: tuple[str, ...] = ()

    def configure(self, patterns: LanguagePatterns) -> None:
        self.matcher = Matcher(self.nlp.vocab)
        self.phrases = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.dependencies = DependencyMatcher(self.nlp.vocab)
        self.events = {t.id: t.event for t in patterns.triggers}
        self.stacking = {t.id for t in patterns.triggers if t.stacks}
        self.anaphoric = {t.id for t in patterns.triggers if t.anaphoric}
        self.beside = {t.id: set(t.beside) for t in patterns.triggers if t.beside}
        self.values = {t.id: set(t.attributes.values()) for t in patterns.triggers}
        self.place_next = {t.id for t in patterns.triggers if t.place_next}
        self.after_gathering = {t.id for t in patterns.triggers if t.after_gathering}
        self.gathering_words = tuple(w.lower() for w in patterns.cues.get("gathering"))
        for trigger in patterns.triggers:
            if trigger.patterns:
                self.matcher.add(trigger.id, trigger.patterns)
            if trigger.phrases:
                self.phrases.add(trigger.id, [self.nlp.make_doc(p) for p in trigger.phrases])
            if trigger.dependencies:
                self.dependencies.add(trigger.id, trigger.dependencies)

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, s, e, label=m) for m, s, e in self.matcher(doc)]
        spans += [Span(doc, s, e, label=m) for m, s, e in self.phrases(doc)]
        spans = [
            s
            for s in spans
            if (s.label_ not in self.place_next or _name_follows(s))
            and (s.label_ not in self.after_gathering or self._gathering_before(s))
        ]
        if len(self.dependencies) and doc.has_annotation("DEP"):
            # "a dénoncé jeudi comme un acte de « terrorisme économique » les sanctions": the
            # verb and its object, however far apart; the span runs from the first to the last.
            for label, ids in self.dependencies(doc):
                spans.append(Span(doc, min(ids), max(ids) + 1, label=label))
        # Overlapping triggers of one event: the longest reading wins ("levée des sanctions" over
        # "sanctions", "视频会晤" over "会晤"). Across events both stay, and the taxonomy's
        # ``yields_to`` decides ("held a virtual meeting": a video call, not a meeting).
        by_event: dict[str, list[Span]] = {}
        kept = [s for s in spans if s.label_ in self.stacking]
        for span in spans:
            if span.label_ not in self.stacking:
                by_event.setdefault(self.events.get(span.label_, ""), []).append(span)
        for group in by_event.values():
            # A reading that names its own parties beats a longer one that only refers back
            # ("denounced Western sanctions" over "sanctions on Russia as illegal").
            full = filter_spans([s for s in group if s.label_ not in self.anaphoric])
            covered = {i for s in full for i in range(s.start, s.end)}
            kept += full + filter_spans(
                [
                    s
                    for s in group
                    if s.label_ in self.anaphoric and covered.isdisjoint(range(s.start, s.end))
                ]
            )
            kept += filter_spans([s for s in group if self._stands_beside(s, full)])
        doc.spans["nw_triggers"] = sorted(kept, key=lambda s: (s.start, s.end))
        return doc

    def _gathering_before(self, span: Span) -> bool:
        """A summit, an inauguration or a funeral named before the span in its sentence."""
        return bool(gatherings([t.lower_ for t in span.doc[: span.start]], self.gathering_words))

    def _stands_beside(self, span: Span, winners: list[Span]) -> bool:
        """A reading lost to a longer one that it may stand beside ("a dénoncé les nouvelles
        sanctions américaines": the condemnation, and the imposition it reports; "die neuen
        Sanktionen … verurteilt" shares only its last word with the verdict)."""
        wanted = self.beside.get(span.label_, set())
        return (
            bool(wanted)
            and span not in winners
            and any(
                w.start < span.end
                and span.start < w.end
                and self.values.get(w.label_, set()) & wanted
                for w in winners
            )
        )


def _name_follows(span: Span) -> bool:
    """A name right after the span, or after a short article ("est à l'Élysée"): the place of
    "est en Chine"; "est en colère contre la Russie" names none."""
    after = span.doc[span.end : span.end + 2]
    if not len(after):
        return False
    first = after[0]
    return first.is_title or (
        len(after) == 2 and len(first) <= 3 and first.is_lower and after[1].is_title
    )


# Between a body word and the name it governs: "gobierno de Chile", "Senegal's government".
_OF_BEFORE = ("", "de", "du", "of", "des", "d'", "del", "di", "von")
_OF_AFTER = ("", "'s", "’s")


def _next_to(span: Span, bodies: list[Span]) -> tuple[int, int] | None:
    """The extent of ``span`` and a body word right before it ("gobierno de Chile", "le
    gouvernement sénégalais") or right after it ("the Senegalese government", "Senegal's")."""
    doc = span.doc
    for body in bodies:
        before = 0 <= span.start - body.end <= 1
        if before and doc[body.end : span.start].text.lower() in _OF_BEFORE:
            return body.start, span.end
        after = 0 <= body.start - span.end <= 1
        if after and doc[span.end : body.start].text.lower() in _OF_AFTER:
            return span.start, body.end
    return None
