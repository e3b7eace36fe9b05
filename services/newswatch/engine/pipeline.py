"""The Engine: article in, alerts out, cheapest steps first.

1. normalise (offset-preserving) and identify the language;
2. split into sentences and run only the tokenizer and the watched-entity matcher over all of them
   (this also collects who the article names, for title resolution);
3. keep the sentences that mention a watched entity, title or group *and* contain a trigger keyword;
4. run the full spaCy pipeline on those sentences only, batched with ``nlp.pipe``;
5. read events from the triggers, merge them per article, build alerts.

Sentences are parsed one by one whatever the cascade does, so ``cascade=False`` (parse everything)
gives the same alerts, only slower; the tests hold that.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span

from newswatch.contracts import Alert, Article, Participant
from newswatch.contracts import Mention as EntityMention
from newswatch.engine import alerts as alert_builder
from newswatch.engine import patterns as pattern_files
from newswatch.engine.components import Mention, fold
from newswatch.engine.discourse import REACH, Discourse, title_roles
from newswatch.engine.entities import (
    NAMING_FORMS,
    Party,
    TitleResolver,
    acting_for,
    parties,
    speaking_for,
)
from newswatch.engine.events import Context, EventMention, RoleReader, join_talks
from newswatch.engine.language import LanguageDetector
from newswatch.engine.merge import Located, merge
from newswatch.engine.models import ENTITIES, Pipelines
from newswatch.engine.normalise import Normalised, normalise
from newswatch.engine.patterns import Trigger
from newswatch.engine.places import Places
from newswatch.engine.script import folder as script_folder
from newswatch.engine.taxonomy import EventType, Taxonomy
from newswatch.engine.timeline import reference_date
from newswatch.engine.watchlist import Watchlist
from newswatch.observability.metrics import CONFIG_RELOADS, STAGE_SECONDS, TAGGING_SECONDS
from newswatch.settings import Settings, get_settings


@dataclass
class _Segment:
    start: int  # into the normalised text
    text: str
    candidate: bool
    span: Span  # the sentence in the tokenizer-only pass (entity mentions, no parse)
    doc: Doc | None = None  # the parsed sentence, for candidates


@dataclass
class _Prepared:
    article: Article
    norm: Normalised
    lang: str
    segments: list[_Segment] = field(default_factory=list)
    named: set[str] = field(default_factory=set)
    lines: list[Doc] = field(default_factory=list)  # tokenizer + entity matcher only
    # where "PARIS, 3 mars (AFP) -" stands: at the start of the text or of the paragraph after
    # a standfirst
    dateline: tuple[int, int] = (0, 0)


@contextmanager
def _stage(name: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        STAGE_SECONDS.labels(stage=name).observe(time.perf_counter() - started)


def _headline(item: _Prepared) -> Article | None:
    """The title as an article of its own, in the body's language; None when there is none or
    the body opens with it (some feeds repeat it as the first line)."""
    title = (item.article.title or "").strip()
    if not title or item.article.text.lstrip().startswith(title[:30]):
        return None
    return item.article.model_copy(update={"text": title, "language": item.lang})


def _told_only_in_the_headline(headline: list[Alert], body: list[Alert]) -> list[Alert]:
    """The headline's alerts of the types the body gave none of, quoted from the title.

    "Xi arrives in Moscow on a state visit" over a body that only says "the Chinese leader's
    plane landed at Vnukovo": the headline is the one witness. Where the body tells an event of
    that type, its reading wins: a headline squeezes the story (present tense for the past,
    roles left out), and reading the same event twice would alert it twice.
    """
    told = {alert.event_type for alert in body}
    return [
        alert.model_copy(
            update={"evidence": [e.model_copy(update={"field": "title"}) for e in alert.evidence]}
        )
        for alert in headline
        if alert.event_type not in told
    ]


class Engine:
    """Tags articles with diplomatic events among watched entities (see the module docstring)."""

    def __init__(
        self,
        settings: Settings,
        watchlist: Watchlist,
        taxonomy: Taxonomy,
        patterns: dict[str, pattern_files.LanguagePatterns],
        *,
        cascade: bool = True,
    ) -> None:
        self.settings = settings
        self.cascade = cascade
        self._install(watchlist, taxonomy, patterns)
        self.pipelines = Pipelines(settings, watchlist, patterns)
        self._sentencizer = Sentencizer()
        self.places = Places.load(settings.places_path)

    @classmethod
    def from_settings(cls, settings: Settings | None = None, *, cascade: bool = True) -> Engine:
        settings = settings or get_settings()
        watchlist, taxonomy, patterns = cls._read(settings)
        engine = cls(settings, watchlist, taxonomy, patterns, cascade=cascade)
        for lang in engine.pipelines.patterns:
            if engine.pipelines.parsed(lang):
                engine.pipelines.get(lang)  # the slow loads happen now, not on the first article
        return engine

    @staticmethod
    def _read(
        settings: Settings,
    ) -> tuple[Watchlist, Taxonomy, dict[str, pattern_files.LanguagePatterns]]:
        taxonomy = Taxonomy.load(settings.taxonomy_path)
        return (
            Watchlist.load(settings.watchlist_path),
            taxonomy,
            pattern_files.load_all(settings.patterns_dir, taxonomy),
        )

    def _install(
        self,
        watchlist: Watchlist,
        taxonomy: Taxonomy,
        patterns: dict[str, pattern_files.LanguagePatterns],
    ) -> None:
        self.watchlist = watchlist
        self.taxonomy = taxonomy
        self.detector = LanguageDetector(patterns)
        self._readers: dict[str, RoleReader] = {}
        self._countries = {
            e.country: e.participant() for e in watchlist if e.kind == "country" and e.country
        }
        self._country_names: dict[str, dict[str, Participant]] = defaultdict(dict)
        for lang in watchlist.languages:
            for alias in watchlist.alias_patterns(lang):
                entity = watchlist.get(alias.entity_id)
                if entity is not None and entity.kind == "country" and alias.form != "demonym":
                    names = self._country_names[lang]
                    names.setdefault(fold(alias.text), entity.participant())
        # The words of each language's titles ("ministre des affaires étrangères"): a name made
        # of them only is an office or a portfolio ("aux Affaires étrangères"), nobody.
        self._office_words = {
            lang: frozenset(fold(w) for w in lang_patterns.title_words())
            for lang, lang_patterns in patterns.items()
        }

    def _seat(self, participant: Participant) -> str | None:
        entity = self.watchlist.get(participant.wikidata or "")
        return entity.seat if entity is not None else None

    def _not_a_person(self, surface: str, lang_patterns: pattern_files.LanguagePatterns) -> bool:
        """What the statistical NER took for a person and is not: a weekday or a month
        ("Mardi"), a town of several words ("Poza Rica", "San Miguel"), a portfolio
        ("Affaires étrangères")."""
        if lang_patterns.time.names_a_day(surface):
            return True
        words = fold(surface).split()
        if words and set(words) <= self._office_words.get(lang_patterns.language, frozenset()):
            return True
        return " " in surface.strip() and self.places.country(surface) is not None

    def _country_named(self, lang: str, name: str) -> Participant | None:
        """The watched country a name, short name or capital of this language stands for."""
        return self._country_names.get(lang, {}).get(fold(name))

    def _city_country(self, name: str) -> Participant | None:
        """The watched country a known city is in (``data/places.tsv``)."""
        code = self.places.country(name)
        return self._countries.get(code) if code else None

    @property
    def languages(self) -> list[str]:
        return sorted(self.pipelines.patterns)

    def reload(self) -> None:
        """Re-read watchlist, taxonomy and patterns; on any error the old data stays in use.

        Reading validates each file (schema, then every token and dependency pattern compiled by
        spaCy; errors read ``file:line: problem``). The engine's tables and the matchers are
        built next, all-or-nothing (``Pipelines.reconfigure`` builds before it swaps); if either
        fails, the engine's previous attributes are put back. A failure is counted in
        ``newswatch_config_reloads_total{kind="engine",outcome="error"}`` and re-raised for the
        caller to log (the worker: "engine data rejected; previous data kept").
        """
        try:
            watchlist, taxonomy, patterns = self._read(self.settings)
            previous = dict(vars(self))
            try:
                self._install(watchlist, taxonomy, patterns)
                self.pipelines.reconfigure(watchlist, patterns)
            except BaseException:
                vars(self).update(previous)
                raise
        except Exception:
            CONFIG_RELOADS.labels(kind="engine", outcome="error").inc()
            raise
        CONFIG_RELOADS.labels(kind="engine", outcome="ok").inc()

    def tag(self, article: Article, *, now: datetime | None = None) -> list[Alert]:
        return self.tag_many([article], now=now)[0]

    def tag_many(
        self, articles: Sequence[Article], *, now: datetime | None = None
    ) -> list[list[Alert]]:
        if not articles:
            return []
        started = time.perf_counter()
        now = now or datetime.now(UTC)
        prepared = [self._prepare(article) for article in articles]
        headlines = {
            i: self._prepare(headline)
            for i, item in enumerate(prepared)
            if (headline := _headline(item)) is not None
        }
        for i, told in headlines.items():
            # "Macron et Biden, vers une réconciliation" over "le président français": a title
            # in the body names the holder the headline named.
            prepared[i].named |= told.named
        with _stage("parse"):
            self._parse([*prepared, *headlines.values()])
        results = [self._alerts(item, now) for item in prepared]
        for i, item in headlines.items():
            results[i] += _told_only_in_the_headline(self._alerts(item, now), results[i])
        per_article = (time.perf_counter() - started) / len(articles)
        for _ in articles:
            TAGGING_SECONDS.observe(per_article)
        return results

    def link(self, article: Article) -> list[EntityMention]:
        """Watched entities the article names (aliases, capitals, demonyms, resolved titles).

        Only the cheap matcher runs, not the parser; the evaluation scores entity linking on it.
        """
        item = self._prepare(article)
        titles = TitleResolver(self.watchlist, item.named, _year(article.published_at))
        found: dict[str, tuple[Participant, list[str]]] = {}
        for doc in item.lines:
            for party in parties(doc[:], doc._.nw_mentions, self.watchlist, titles):
                if party.participant.watched:
                    _, surfaces = found.setdefault(party.key, (party.participant, []))
                    if party.surface not in surfaces:
                        surfaces.append(party.surface)
        return [
            EntityMention(
                name=p.name, wikidata=p.wikidata, kind=p.kind, country=p.country, mentions=s
            )
            for p, s in found.values()
        ]

    # --- stages --------------------------------------------------------------------------------

    def _prepare(self, article: Article) -> _Prepared:
        with _stage("normalise"):
            norm = normalise(article.text)
        with _stage("language"):
            lang = self.detector.detect(norm.text, article.language)
        patterns = self.pipelines.patterns.get(lang)
        if patterns is not None and patterns.fold_script:
            with _stage("normalise"):  # one character for one: the offsets still hold
                norm = replace(norm, text=script_folder(patterns.fold_script)(norm.text))
        item = _Prepared(article, norm, lang, dateline=dateline_at(norm.text))
        if lang not in self.pipelines.patterns:
            return item
        with _stage("match"):
            nlp = self.pipelines.get(lang)
            matcher = nlp.get_pipe(ENTITIES)
            offset = 0
            named: list[bool] = []  # per segment: does it name a watched entity or a person?
            for line in norm.text.split("\n"):
                if line.strip():
                    doc = matcher(self._sentencizer(nlp.make_doc(line)))
                    item.lines.append(doc)
                    mentions: list[Mention] = doc._.nw_mentions
                    item.named.update(
                        m.key for m in mentions if m.kind == "entity" and m.form in NAMING_FORMS
                    )
                    for sent in doc.sents:
                        text = sent.text.rstrip()
                        if text:
                            item.segments.append(
                                _Segment(offset + sent.start_char, text, True, sent)
                            )
                            named.append(
                                any(
                                    sent.start <= m.start < sent.end
                                    and m.kind in ("entity", "person")
                                    for m in mentions
                                )
                            )
                offset += len(line) + 1
            if self.cascade:
                self._skip_hopeless(item, named)
        return item

    def _skip_hopeless(self, item: _Prepared, named: list[bool]) -> None:
        """The cascade: only sentences that could hold an alert go to the parser.

        Such a sentence has a trigger keyword and a name in it or a few sentences around it,
        which a reference ("il", "the two leaders", "Faye" alone), an unwritten subject or an
        actorless decision ("the Treasury designated...") can stand for. A title alone ("a
        spokesperson") places nobody.
        """
        patterns = self.pipelines.patterns[item.lang]
        back, ahead = REACH
        for index, segment in enumerate(item.segments):
            nearby = any(named[max(0, index - back) : index + ahead + 1])
            segment.candidate = nearby and patterns.has_keyword(segment.text)

    def _parse(self, prepared: Sequence[_Prepared]) -> None:
        by_lang: dict[str, list[_Segment]] = defaultdict(list)
        for item in prepared:
            by_lang[item.lang].extend(s for s in item.segments if s.candidate)
        for lang, segments in by_lang.items():
            if not segments:
                continue
            nlp = self.pipelines.get(lang)
            for segment, doc in zip(segments, nlp.pipe(s.text for s in segments), strict=True):
                segment.doc = doc

    def _alerts(self, item: _Prepared, now: datetime) -> list[Alert]:
        if item.lang not in self.pipelines.patterns or not any(s.doc for s in item.segments):
            return []  # nothing was worth parsing, so nothing to read
        lang_patterns = self.pipelines.patterns[item.lang]
        reader = self._reader(item.lang)
        article = item.article
        today, dated = reference_date(article.published_at, now)
        if not dated and article.ingested_at:
            # When it reached us is today's date, but not when it was written: an article
            # without a publication date may be old, so its dates tell no history apart.
            today = reference_date(article.ingested_at, now)[0]
        year = _year(article.published_at)
        titles = TitleResolver(self.watchlist, item.named, year)
        discourse = self._discourse(item, titles)
        text = article.text
        located: list[Located] = []
        venue: tuple[int, Party] | None = None  # the summit last placed, and in which sentence
        filed_at: Party | None = None  # the dateline's place
        with _stage("events"):
            for index, segment in enumerate(item.segments):
                doc = segment.doc
                if doc is None:
                    continue
                titles.sentence = index
                found = parties(doc[:], doc._.nw_mentions, self.watchlist, titles)
                found = [
                    discourse.named_again(p)
                    for p in found
                    if not (p.form == "ner" and self._not_a_person(p.surface, lang_patterns))
                ]
                first, last = item.dateline
                if segment.start < last and segment.start + len(doc.text) > first:
                    # "ABUJA, Feb 25 -": where the story was filed, not a party to it.
                    filed = [p for p in found if first <= segment.start + doc[p.start].idx < last]
                    filed_at = next((p for p in filed if _a_place(p)), None)
                    # "Putin: Russia will respond" names a speaker, not a place; "WASHINGTON
                    # (Sputnik) —" names an agency, whatever the tagger took it for
                    speaker = text[first:last].rstrip().endswith(":")
                    found = [
                        p
                        for p in found
                        if p not in filed or (speaker and p.participant.kind == "person")
                    ]
                found = sorted(
                    found + discourse.references(doc, index, found), key=lambda p: p.start
                )
                here = reader.venue(doc, found)
                if here is None and reader.names_gathering(doc):
                    # A summit the sentence does not place meets where the story was filed
                    # ("WASHINGTON - la capitale fédérale accueille le sommet"), else where the
                    # article placed one before, however far back ("Al vertice pugliese
                    # partecipano anche ...").
                    here = filed_at
                    if here is None and venue is not None:
                        here = venue[1]
                venue = (index, here) if here is not None else venue
                context = Context(today, dated, discourse, index)
                triggers = [(t, lang_patterns.trigger(t.label_)) for t in doc.spans["nw_triggers"]]
                present = {spec.event for _, spec in triggers}
                read: list[tuple[Span, EventMention]] = []
                yielded: list[EventMention] = []
                for trigger, spec in triggers:
                    etype = self.taxonomy[spec.event]
                    mention = reader.read(trigger, spec, etype, found, context)
                    if mention is None:
                        continue
                    if etype.foreign_targets and not mention.targets and venue is not None:
                        _to_the_place(mention, *venue, index)
                    if (
                        index == 0
                        and etype.foreign_targets
                        and not mention.targets
                        and filed_at is not None
                        and not reader.told_before(trigger)
                    ):
                        # "ISLAMABAD: Wang Yi arrived on Wednesday for a three-day visit": the
                        # lead's trip that names no destination ends where the story was filed
                        # (not "that trip", told before with its own; later sentences tell of
                        # other places as often as of the dateline's).
                        _to_the_place(mention, 0, filed_at, index)
                    if etype.actor_kinds:
                        mention.actors, mention.responders = (
                            [
                                speaking_for(
                                    acting_for(
                                        a, etype.actor_kinds, self.watchlist, year or today.year
                                    ),
                                    found,
                                    doc,
                                    etype.actor_kinds,
                                )
                                for a in parties
                            ]
                            for parties in (mention.actors, mention.responders)
                        )
                    if mention.denied:
                        read.append((trigger, mention))  # only for merge to see what it denies
                        continue
                    answer = _answer(mention, etype)
                    if answer is not None:
                        read.append((trigger, answer))
                    if present.intersection(etype.yields_to) and not mention.planned:
                        yielded.append(mention)
                        continue
                    trips = (
                        reader.abroad(mention, self.taxonomy[etype.abroad]) if etype.abroad else []
                    )
                    if mention.planned and not trips:
                        continue  # talks still ahead, at home or nowhere named: no news yet
                    read.extend((trigger, m) for m in trips or [mention])
                _set_off_for(read, {t.start: spec for t, spec in triggers})
                join_talks([m for _, m in read], yielded, self.taxonomy)
                for trigger, mention in read:
                    start, end = item.norm.span(segment.start, segment.start + len(segment.text))
                    t_start, t_end = item.norm.span(
                        segment.start + trigger.start_char, segment.start + trigger.end_char
                    )
                    located.append(
                        Located(mention, (start, end), text[start:end], text[t_start:t_end], index)
                    )
        invited = [i.mention for i in located if i.mention.invited]
        if invited and any(
            reader.modality.accepts([t.lower_ for t in line]) for line in item.lines
        ):
            # "Ruto accepted an invitation to visit Indonesia": the invited trips are plans
            for mention in invited:
                mention.invited = False
        with _stage("alerts"):
            events = merge(located, self.taxonomy, titles.country_participant, self._seat)
            return alert_builder.build(events, article, item.lang, self.taxonomy, now)

    def _discourse(self, item: _Prepared, titles: TitleResolver) -> Discourse:
        """The article's people in order, from the cheap pass over every sentence."""
        lang_patterns = self.pipelines.patterns[item.lang]
        discourse = Discourse.start(
            lang_patterns.references,
            self.pipelines.get(item.lang).make_doc,
            self.watchlist,
            {fold(w): n for w, n in lang_patterns.time.numbers},
            lang_patterns.references.bodies,
            titles.country_participant,
        )
        titles.discourse = discourse
        for index, segment in enumerate(item.segments):
            titles.sentence = index
            mentions = segment.span.doc._.nw_mentions
            found = parties(segment.span, mentions, self.watchlist, titles)
            discourse.add(index, found, title_roles(segment.span, mentions))
        return discourse

    def _reader(self, lang: str) -> RoleReader:
        if lang not in self._readers:
            self._readers[lang] = RoleReader(
                self.pipelines.patterns[lang],
                self.pipelines.get(lang).make_doc,
                self._city_country,
                lambda name: self._country_named(lang, name),
            )
        return self._readers[lang]


# "NAIROBI, Feb 25 (Reuters) -", "DAKAR, 12 mars (AFP) –", "BRUSSELS -", "МОСКВА, 11 сентября.
# /ТАСС/.": a place in capitals, maybe a date and an agency, then a dash or the agency between
# slashes or a colon ("WASHINGTON:", "London:"): where the copy was filed.
_CAPITALS = "A-ZÀ-ÖØ-ÝА-ЯЁЄІЇҐ"
_CAPITAL_PLACE = (
    rf"[{_CAPITALS}][{_CAPITALS}'’.\- ]{{1,40}}(?:\([^)]{{0,40}}\))?"
    r"(?:,[^\n–—/:-]{0,40})?\s*(?:\([^)]{0,20}\))?\s*(?:[-–—]+\s|:\s|/[^/\n]{1,20}/\.?\s)"
)
# "Panamá, 11 abr (EFE).-", "Belgrado, 23 maggio 2015 –": a place as written, a comma, a date
# (a digit in it) or an agency in brackets, then a dash
_WRITTEN_PLACE = (
    rf"[{_CAPITALS}][a-zà-öø-ÿа-яёєіїґ'’\-]+"
    rf"(?: (?:de |del |di |da |la |el )?[{_CAPITALS}][a-zà-öø-ÿа-яёєіїґ'’\-]+){{0,2}}"
    r", (?=[^\n]{0,30}(?:\d|\([^)]{1,20}\)))[^\n()–—-]{0,25}(?:\([^)]{1,20}\))?\.?\s*[-–—]+\s?"
)
_DATELINE = re.compile(
    rf"^\s*(?:{_CAPITAL_PLACE}|{_WRITTEN_PLACE}"
    rf"|[{_CAPITALS}][a-zà-öø-ÿа-яёєіїґ'’\-]+(?: [{_CAPITALS}][a-zà-öø-ÿа-яёєіїґ'’\-]+)?:\s)"
)
# under a standfirst of at most _STANDFIRST characters, only a place in capitals
_CAPITAL_DATELINE = re.compile(rf"\s*{_CAPITAL_PLACE}")
_STANDFIRST = 400

# A summit's place holds for trips told at most this many sentences after it.
_SUMMIT_REACH = 3
# words between a departure "for" and the trip it sets off on: "for historic official visits"
_SET_OFF_GAP = 2


def _answer(mention: EventMention, etype: EventType) -> EventMention | None:
    """ "Москва ответит на новые санкции США", "Berlin reagiert auf die Sanktionen": the state
    that answers another's sanctions condemns them (read only where they are named)."""
    owners = {a.key for a in mention.actors}
    responders = [r for r in mention.responders if r.key not in owners]
    if not responders or not mention.actors or not etype.criticism:
        return None
    if mention.attributes.get("action") not in ("impose", "extend", "threaten"):
        return None
    return replace(
        mention,
        attributes={**mention.attributes, "action": min(etype.criticism)},
        actors=responders,
        targets=list(mention.actors),
        responders=[],
    )


def _a_place(party: Party) -> bool:
    return party.participant.kind == "country" and party.form in ("metonym", "place")


def _set_off_for(read: list[tuple[Span, EventMention]], specs: dict[int, Trigger]) -> None:
    """A trip named right after a departure for it ("departed the island yesterday for official
    visits to Namibia") is as far along as that departure says: the day's date belongs to
    the leaving, which begins the visits rather than ends them."""
    for leaving, departure in read:
        spec = specs.get(leaving.start)
        if spec is None or not spec.departure or spec.object == "origin":
            continue
        for trigger, trip in read:
            if (
                trip is not departure
                and trip.event == departure.event
                and 0 <= trigger.start - leaving.end <= _SET_OFF_GAP
            ):
                trip.attributes = {**trip.attributes, **departure.attributes}
                trip.certainty = departure.certainty
                trip.ended = departure.ended


def _to_the_place(trip: EventMention, placed_in: int, venue: Party, sentence: int) -> None:
    """A trip that names no destination, told after the article placed a summit ("Sull'isola
    sono arrivati Blinken, Cameron e Baerbock") or in the lead under a dateline, goes to that
    place's country; history and travellers from that country excepted."""
    if sentence - placed_in > _SUMMIT_REACH or trip.background:
        return
    if not trip.actors or any(a.participant.kind != "person" for a in trip.actors):
        return
    if venue.participant.country in {a.participant.country for a in trip.actors}:
        return
    trip.targets = [venue]


def dateline_end(text: str) -> int:
    match = _DATELINE.match(text)
    return match.end() if match else 0


def dateline_at(text: str) -> tuple[int, int]:
    """Where the dateline stands: the text's start, or the start of the second paragraph when
    a standfirst comes first ("… against North Korea.\n\nWASHINGTON (Sputnik) — On Tuesday");
    there only a place in capitals counts ("Putin: …" opens many a paragraph)."""
    if end := dateline_end(text):
        return 0, end
    first = text.find("\n\n")
    if 0 < first <= _STANDFIRST:
        start = first + 2
        match = _CAPITAL_DATELINE.match(text, start)
        if match:
            return start, match.end()
    return 0, 0


def _year(published_at: str | None) -> int | None:
    if published_at and len(published_at) >= 4 and published_at[:4].isdigit():
        return int(published_at[:4])
    return None
