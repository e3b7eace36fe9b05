"""Trigger spans to event mentions: who did it to whom, whether it happened, and its status.

Roles come from syntax where a parse exists (the grammatical subject of the trigger verb, or of the
light verb governing a trigger noun) and from role markers in every language (the preposition or
phrase just before a party: "en Russie" is a destination, "avec Kuleba" the other side of a call,
"à l'invitation de Poutine" the host). Without a subject, the nearest unmarked party before the
trigger is the actor. ``modality`` decides whether the mention is an event at all, and its status.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from newswatch.contracts import Participant
from newswatch.engine.discourse import Discourse, people_before
from newswatch.engine.entities import Party
from newswatch.engine.modality import Modality
from newswatch.engine.patterns import LanguagePatterns, Trigger
from newswatch.engine.phrases import (
    CLAUSE_BREAKS,
    contains,
    ends_at,
    gatherings,
    phrase_words,
    starts_at,
)
from newswatch.engine.places import homeland
from newswatch.engine.taxonomy import EventType, Taxonomy
from newswatch.engine.timeline import Anchor, Timeline

_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "nsubjpass", "csubj")
_PASSIVE_AUX = ("aux:pass", "auxpass")
_ACTING_KINDS = ("person", "country", "organisation")
_CLIMB_DEPS = ("xcomp", "aux", "aux:pass", "conj")
# The kinds of party that a list of states may hold ("Britain, Canada and the EU").
_STATE_KINDS = ("country", "organisation")
# Words that may sit between two names of one list besides punctuation, conjunctions and
# determiners: "Sall of Senegal, Ruto of Kenya", "Kaboré du Burkina Faso".
# Words that may stand between two listed names besides punctuation, conjunctions, determiners
# and titles: "le Sénégalais Macky Sall, actuel président de l'UA, et le Nigérian ...".
# "El-Sisi, followed by Mahmoud Abbas and Kais Saied": an order of arrival is a list too
_LIST_GLUE = frozenset(
    {"of", "de", "du", "des", "d'", "von", "del", "di", "actuel", "actuelle", "current"}
    | {"followed", "by", "suivi", "suivie", "seguido", "seguida", "seguito", "seguita"}
    | {"'s", "’s"}  # "France's Hollande and Germany's Merkel"
)
_ADJUNCT_DEPS = ("obl", "obl:mod", "obl:arg", "prep", "npadvmod", "advcl")
# Within this many tokens after a trigger, an owner-marked party owns the sanctions.
_OWNER_REACH = 4
# The object of a trigger verb starts within this many tokens after it ("a reçu mardi à l'Élysée
# le chancelier Scholz").
_OBJECT_REACH = 5
# A summit's place sits within this many tokens of the summit word.
_VENUE_REACH = 10
_HOST_REACH = 6  # "X es sede de la XXVIII Cumbre": from the host to the summit word


# An event dated a week or more before publication is history, not news ("last week").
BACKGROUND_DAYS = 6
# The sides of a call sit within this many tokens of its trigger.
_SIDE_REACH = 20


@dataclass(frozen=True)
class Context:
    """What a sentence is read against: the publication date and the article's people."""

    today: date
    dated: bool  # ``today`` is the article's publication date (not only when it was ingested)
    discourse: Discourse
    sentence: int


@dataclass
class EventMention:
    event: str
    trigger: Span
    attributes: dict[str, str]
    actors: list[Party]
    targets: list[Party]
    strength: float
    syntactic: bool
    parties: list[Party] = field(default_factory=list)
    anchor: Anchor | None = None
    background: bool = False
    ended: bool = False  # a visit explicitly over: "a quitté", "wrapped up", "returned from"
    certainty: int = 2  # how strongly the status was read (0 default .. 3 explicit)
    weak_actor: bool = False  # the actor is only the first party after the trigger
    anaphoric: bool = False  # named only by reference ("the measures"): needs the event elsewhere
    invited: bool = False  # a trip offered ("invited X to visit"): news once it is accepted
    denied: bool = False  # "dismissed reports that X had travelled": never news, and see merge
    stay: int | None = None  # the trip's length in days, where the sentence says ("three-day")
    separate: bool = False  # "held calls with X and Y": one call per partner, not one with both
    planned: bool = False  # talks still ahead: no news, though each guest's trip is (``abroad``)
    # "Moscou répondra aux sanctions": the states that answer the measures, which they condemn
    responders: list[Party] = field(default_factory=list)

    @property
    def sentence(self) -> Span:
        return self.trigger.doc[:]


class RoleReader:
    """Reads one sentence's triggers with one language's markers and cues."""

    def __init__(
        self,
        patterns: LanguagePatterns,
        make_doc: Callable[[str], Doc],
        city_country: Callable[[str], Participant | None] = lambda name: None,
        country_named: Callable[[str], Participant | None] = lambda name: None,
    ) -> None:
        self.patterns = patterns
        self.city_country = city_country
        self.country_named = country_named
        self.markers = {
            k: [phrase_words(make_doc, p) for p in v] for k, v in patterns.markers.items()
        }
        # For marker_in, once: the longest marker first ("gira por" marks the destination, "por"
        # an owner), markers of one length in the order of the kinds (a stable sort keeps it).
        self.markers_by_length = {
            places: sorted(
                ((phrase, kind) for kind in kinds for phrase in self.markers.get(kind, ())),
                key=lambda marker: -len(marker[0]),
            )
            for places, kinds in ((False, _MARKER_KINDS), (True, _MARKER_KINDS_WITH_PLACES))
        }
        # For _after_preposition, once: every word of a marker of place, owner, agent or host,
        # and the one-word markers of place, agent or host (the only ones that open a clause)
        self.preposition_words = frozenset(
            w
            for kind in ("target", "owner", "agent", "host")
            for p in self.markers[kind]
            for w in p
        )
        self.clause_opening_prepositions = frozenset(
            p[0] for kind in ("target", "agent", "host") for p in self.markers[kind] if len(p) == 1
        )
        self.modality = Modality(patterns.cues, make_doc)
        self.timeline = Timeline(patterns.time, make_doc)
        self.capital_words = frozenset(w.lower() for w in patterns.cues.get("capital"))
        self.gathering_words = tuple(w.lower() for w in patterns.cues.get("gathering"))
        self.locatives = frozenset(w.lower() for w in patterns.cues.get("locative"))
        self.gathering_of = frozenset(w.lower() for w in patterns.cues.get("gathering_of"))
        self.country_nouns = frozenset(w.lower() for w in patterns.cues.get("country_nouns"))
        self.gathering_hosts = [
            phrase_words(make_doc, p) for p in patterns.cues.get("gathering_host")
        ]
        self.definite = [phrase_words(make_doc, p) for p in patterns.references.definite]
        self.possessives = [phrase_words(make_doc, p) for p in patterns.references.possessives]
        heads = "|".join(re.escape(w.lower()) for w in patterns.cues.get("compound_trip"))
        # "Deutschlandbesuch", "China-Reise": a trip noun with its destination inside the word
        self.compound_trip = re.compile(rf"^(.+?)-?(?:{heads})(?:s|es|e|en|n)?$") if heads else None

    # --- markers -------------------------------------------------------------------------------

    def marker_in(self, tokens: list[str], start: int, places: bool = False) -> str | None:
        """The role a marker right before ``start`` gives (host, agent, owner, target), if any.
        With ``places`` (sanctions), a locative ("en Ukraine", "in Crimea") says "place": where
        the sanctions were earned, not whom they hit. For a visit it marks the destination."""
        positions = [start]
        j = start
        while j > 0 and tokens[j - 1] in self.patterns.determiners:
            j -= 1
            positions.append(j)
        markers = self.markers_by_length[places]
        for position in positions:
            for phrase, kind in markers:
                n = len(phrase)
                if n <= position and tuple(tokens[position - n : position]) == phrase:
                    if kind == "owner" and (
                        position == n or tokens[position - n - 1] in CLAUSE_BREAKS
                    ):
                        # "Der Kreml hat ... kritisiert", "er sagte, der Kreml bedauere": an
                        # owner's article that opens a clause is the subject's (no tagger tells
                        # "der" apart)
                        continue
                    return kind
        return None

    def _mark(self, tokens: list[str], start: int, places: bool, through: bool) -> str | None:
        """The marker's role, passed on ``through`` one noun: in "gegen das Finanzsystem des
        Iran", Iran owns the system and the whole phrase is the sanctions' target."""
        kind = self.marker_in(tokens, start, places)
        if kind != "owner" or not through:
            return kind
        for phrase in self.markers.get("owner", ()):
            head = start - len(phrase) - 1
            if head > 0 and tuple(tokens[head + 1 : start]) == phrase and tokens[head].isalpha():
                passed = self.marker_in(tokens, head, places)
                if passed in ("target", "place", "host"):
                    return passed
        return kind

    def told_before(self, trigger: Span) -> bool:
        """A definite or demonstrative word opens the trigger or stands at most two words before
        it ("La llamada", "ce premier échange", "the first call"): an event already introduced."""
        return contains(_lead_in(trigger, 2), self.definite)

    def _possessed(self, trigger: Span) -> bool:
        """A possessive word stands at most three words before the trigger, in its clause ("sa
        première visite", "his first state visit", "sein erster echter Staatsbesuch")."""
        before = _lead_in(trigger, 3)
        return contains(before, self.possessives) and not any(w in CLAUSE_BREAKS for w in before)

    # --- roles ---------------------------------------------------------------------------------

    def subject(
        self,
        trigger: Span,
        parties: list[Party],
        people_first: bool = False,
        first_named: bool = False,
    ) -> tuple[Party | None, bool]:
        """The party that is the grammatical subject of the trigger, and whether it is passive;
        ``people_first`` for trips, which people make ("Saudi minister Adel al-Jubeir made a
        visit": he travels, not Saudi Arabia); ``first_named`` for calls, whose actor is the
        first of the people who spoke ("Trump and Russian President Putin spoke", however the
        parser heads the pair)."""
        if not trigger.doc.has_annotation("DEP"):
            return None, False
        anchor = trigger.root
        if anchor.pos_ not in ("VERB", "AUX"):
            # A noun counts through a light verb ("effectuer une visite") or as an adjunct of the
            # verb ("spoke by phone", "dans une conversation téléphonique ... a déclaré"); as an
            # object ("a annoncé la visite") its verb's subject only reported it.
            if anchor.dep_ == "pobj":
                anchor = anchor.head
            if anchor.dep_ == "nmod" and anchor.head.dep_ in _ADJUNCT_DEPS:
                anchor = anchor.head  # "a quitté Abuja au terme d'une visite": the visit's verb
            head = anchor.head
            light = head.lemma_ in self.patterns.support_verbs
            if head is anchor or not (light or anchor.dep_ in _ADJUNCT_DEPS):
                return None, False
            anchor = head
        # "arrived ... and was received by Murugan": the shared subject is found on the first
        # verb, but the trigger's own auxiliary makes it passive.
        own_passive = any(c.dep_ in _PASSIVE_AUX for c in anchor.children)
        raised = False  # "is set to visit", "was invited to call": the head's passive is not ours
        for _ in range(4):
            for child in anchor.children:
                if child.dep_ in _SUBJECT_DEPS:
                    span = {t.i for t in child.subtree}
                    found = [p for p in parties if span.intersection(range(p.start, p.end))]
                    # Watched first ("Iran's foreign ministry": Iran); then the subject word
                    # itself ("Germany's Olaf Scholz": Scholz); then people.
                    found.sort(
                        key=lambda p: (
                            (people_first or first_named) and p.participant.kind != "person",
                            not p.participant.watched,
                            p.start if first_named else p.start > child.i or p.end <= child.i,
                            p.participant.kind != "person",
                        )
                    )
                    if found:
                        return found[0], own_passive or (
                            not raised and child.dep_ != "nsubj" and "pass" in child.dep_
                        )
            if anchor.dep_ not in _CLIMB_DEPS or anchor.head is anchor:
                break
            raised = raised or anchor.dep_ == "xcomp"
            anchor = anchor.head
        return None, False

    def read(
        self,
        trigger: Span,
        spec: Trigger,
        etype: EventType,
        parties: list[Party],
        context: Context | None = None,
    ) -> EventMention | None:
        doc = trigger.doc
        tokens = [t.lower_ for t in doc]
        modality = self.modality
        if (history := modality.history_from(trigger, tokens)) is not None:
            # "The trip comes six weeks after Modi's visit to Moscow": what follows tells an
            # earlier event; none of its words or people are this trigger's.
            tokens = tokens[:history]
            parties = [p for p in parties if p.end <= history]
        denied = False
        negated = modality.negated(trigger, tokens)
        dropped = negated and "status" in etype.attributes and modality.dropped(trigger, tokens)
        if negated and not dropped:
            if not modality.denied(trigger):
                return None
            # Read on: who was said to travel or call tells which other mentions of the
            # article retell the same refuted report ("no such visit was planned").
            denied = True
        if "status" in etype.attributes and modality.has(
            "travel_papers", modality.clause_before(tokens, trigger.start)[-2:]
        ):
            return None  # "las visas de viaje", "une agence de voyage": no trip
        if spec.subject == "target" and modality.received_thing(trigger, tokens):
            return None  # "a reçu un appel téléphonique de Macron": a call, not a guest
        said = (
            modality.predicate(trigger) if etype.realised or "status" in etype.attributes else None
        )
        if said == "pending" or (said == "negated" and etype.realised):
            return None  # "a call between them is being discussed", "the call did not happen"
        # Talks still ahead are no news, but talks abroad are each guest's trip, announced:
        # "Trump et Poutine doivent se rencontrer en Hongrie". ``abroad`` keeps only the trips.
        planned = etype.realised and said == "planned"
        if planned and not etype.abroad:
            return None  # "the call will be on Monday"
        if spec.excluded_children and any(
            c.dep_ in spec.excluded_children for t in trigger for c in t.children
        ):
            return None  # "called Putin a war criminal", "a appelé Kiev à négocier"
        if etype.realised and modality.has(
            "threatened_after", modality.clause_after(tokens, trigger.end)
        ):
            return None  # "un entretien pourrait avoir lieu"
        if etype.realised and modality.has(
            "announced", modality.clause_before(tokens, trigger.start)
        ):
            if not etype.abroad:
                return None  # "are expected to speak by phone"
            planned = True
        anchor = None
        if context is not None:
            anchor = self.timeline.anchor(
                _without_names(tokens, parties),
                trigger.start,
                trigger.end,
                context.today,
                context.dated,
                attached=_attached(trigger) if doc.has_annotation("DEP") else None,
            )
        if anchor is not None and anchor.opening and modality.intended(trigger, tokens):
            anchor = None  # "In January, the Kremlin said Putin would visit": the saying's date
        if anchor is not None and anchor.weekday and modality.forward(trigger, tokens):
            anchor = anchor.ahead()  # "se rendra jeudi", "flies on Monday": the coming one
        elif (
            anchor is not None
            and modality.backward(trigger)
            and not modality.called_off(trigger, tokens)
        ):
            # "ont tenue fin décembre", read in early December; not "has postponed her March
            # 28-31 visit", whose date is the plan's, still ahead
            anchor = anchor.behind()
        if etype.realised and anchor is not None and anchor.future:
            if not etype.abroad:
                return None  # "a videoconference next week": not held yet
            planned = True
        if (etype.realised or "status" in etype.attributes) and modality.speculated(
            trigger, tokens
        ):
            return None  # "Trump could make an unannounced visit", "la paire pourrait se voir"
        if modality.alleged(trigger):
            return None  # "selon ces rumeurs, il se serait rendu à Abou Dhabi"
        attributes = dict(etype.defaults)
        attributes.update(spec.attributes)
        strength = 2
        if "status" in etype.attributes:
            attributes["status"], strength = self._status(trigger, spec, etype, tokens, anchor)
            if said == "negated" or dropped:
                attributes["status"], strength = "cancelled", 3  # "la visite n'aura pas lieu"
            elif said == "planned" and strength < 3:
                attributes["status"], strength = "announced", 2  # "the visit will be in June"
        if modality.has("hoax", tokens):
            return None  # "tratta in inganno al telefono da un personaggio": a prank, no call
        if etype.actor_kinds and modality.non_diplomatic(trigger, tokens):
            return None  # a party's, a court's or a federation's sanctions
        if etype.actor_kinds and modality.blocked(trigger, tokens):
            return None  # "Russia vetoed new sanctions on North Korea": nothing was decided
        if attributes.get("action") in ("lift", "extend") and modality.opposed(trigger, tokens):
            return None  # "s'opposent à une levée des sanctions": nothing was lifted
        if attributes.get("action") == "lift" and modality.asked_for(trigger, tokens):
            return None  # "deben levantarse las sanciones": a demand, nothing was lifted
        if attributes.get("action") == "impose" and modality.existing(trigger, tokens):
            # the effects or the upkeep of sanctions already in force: nothing new (an extension
            # is always of sanctions in force: "verlängert die bestehenden Sanktionen")
            return None
        if attributes.get("action") == "impose" and (
            modality.has("threatened", modality.clause_before(tokens, trigger.start))
            or modality.conditional(trigger, tokens)
            or modality.litotes(trigger, tokens)
            or (modality.planned(trigger, tokens) and not modality.taking_effect(trigger, tokens))
        ):
            attributes["action"] = "threaten"  # "prêt à sanctionner", "ready to impose sanctions"
        if etype.actor_kinds and modality.relief_weighed(trigger, tokens, attributes.get("action")):
            return None
        if etype.foreign_targets:
            parties = [self._capital(p, tokens) for p in parties]
        eligible = [p for p in parties if p.form != "demonym" or self._owns(p, trigger)]
        responders: list[Party] = []
        if etype.actor_kinds and attributes.get("action") not in etype.criticism:
            responding = modality.responder_before(trigger, tokens)
            if responding is not None:  # "Москва ответит на новые санкции": not Moscow's
                responders = [
                    p
                    for p in eligible
                    if p.start < responding and p.participant.kind in etype.actor_kinds
                ][-1:]
                eligible = [p for p in eligible if p.start >= responding]
        if not etype.actor_kinds:
            # A spokesperson neither travels nor calls on anyone's behalf; "the government" as
            # the state last named acts only where states act (sanctions).
            eligible = [p for p in eligible if p.form not in ("spokesperson", "body")]
        if etype.party_kinds:
            preferred = [p for p in eligible if p.participant.kind in etype.party_kinds]
            if len(preferred) >= 2:
                eligible = preferred
        owner_mode = spec.targets == "owner"
        places = bool(etype.actor_kinds)
        # without a parse, a sanctioned state may stand behind a noun ("gegen das Finanzsystem
        # des Iran"); a parse tells such owners itself
        through = places and not doc_has_pos(trigger)
        marks = {id(p): self._mark(tokens, p.start, places, through) for p in eligible}
        if not owner_mode:  # "la visite de Xi": "de" marks an owner only of sanctions
            marks = {k: (None if v == "owner" else v) for k, v in marks.items()}
        if etype.actor_kinds:
            # "el Gobierno de Nicolás Maduro rechazó": the leader's government is his state
            # speaking, not the owner of the sanctions
            for party in eligible:
                if self._under_a_government_word(party, tokens):
                    marks[id(party)] = None
        weak = False
        if etype.symmetric:
            actors, targets = self._sides(trigger, eligible, marks, tokens)
            if targets and (
                modality.has("requested", modality.clause_before(tokens, trigger.start))
                or modality.received_call(trigger, tokens)
            ):
                actors, targets = targets, actors  # "应约同…通电话": the other side called
                # "received a call from X, who congratulated him": "him" is the one called
                actors = [a for a in actors if a.key not in {t.key for t in targets}]
            syntactic = False
        else:
            actors, targets, syntactic, weak = self._directed(trigger, spec, etype, eligible, marks)
            if (
                etype.actor_kinds
                and not targets
                and attributes.get("action") not in etype.criticism
            ):
                # "sanctions on four Chinese officials": unnamed targets stand for their country.
                targets = [
                    p
                    for p in parties
                    if self._targeted_people(p, tokens, trigger)
                    or (p.form == "demonym" and _in_object(trigger, p))
                ] or [
                    # "sanctions on 12 firms in China": the place is the target when no one
                    # else is ("… on Russia for its role in Ukraine" has one)
                    p
                    for p in eligible
                    if marks[id(p)] == "place" and p.start >= trigger.start and p not in actors
                ]
        if etype.actor_kinds and attributes.get("action") == "threaten" and not actors and targets:
            # "The White House warned Russia that Moscow would face tougher sanctions": a threat
            # whose words name only who would bear it is made by the one who speaks before it.
            actors = self._warner(trigger, [p for p in eligible if marks[id(p)] is None], targets)
        if (
            attributes.get("action") in ("impose", "extend")
            and actors
            and all(a.participant.wikidata in etype.proposers for a in actors)
        ):
            # "Еврокомиссия согласовала 19-й пакет санкций": the Council has still to adopt it
            attributes["action"] = "threaten"
        if etype.foreign_targets and not targets:
            targets = self._host_in_word(trigger) or self._host_before_noun(
                trigger, eligible, actors
            )
        if spec.visitors == "people" and actors:
            # a country or a body named "in" another country is a presence, no trip; an
            # unnamed office holder ("le président chinois", a demonym) still travels
            actors = [
                a for a in actors if a.participant.kind == "person" or a.form not in _NAMED_FORMS
            ]
            if not actors:
                return None
        if etype.foreign_targets:
            private = [
                a
                for a in actors
                if self._private_travellers(a, tokens) or self._head_of_travellers(a, tokens)
            ]
            if private and len(private) == len(actors):
                return None  # "citizens of Israel travel to Mecca", "des patrons français"
            actors = [a for a in actors if a not in private]
            # A trip inside one's own country is not a state visit; a destination is on the list.
            home = homeland(p.participant.country for p in actors)
            targets = [
                t for t in targets if t.participant.country not in home and t.participant.watched
            ]
        if (
            etype.symmetric
            and not etype.yields_to
            and context is not None
            and len(actors + targets) == 1
            and self.told_before(trigger)
        ):
            # "Lors de ce premier échange téléphonique, le président français ...", "La llamada
            # se ha producido este miércoles": the call the article introduced with its two
            # people; the other side is the one named with him before, from another country.
            one = (actors + targets)[0].participant
            pair = context.discourse.group(context.sentence, 2, before=[one])
            if pair is not None and pair[1].country not in (None, one.country):
                other = Party(pair[1], trigger.start, trigger.start, "", "reference")
                actors, targets = (actors, [other]) if actors else ([other], targets)
        if (
            context is not None
            and not etype.actor_kinds
            and (not actors or (etype.symmetric and len({p.key for p in actors + targets}) == 1))
            and self._possessed(trigger)
        ):
            # "Es ist aber sein erster Staatsbesuch in Österreich", "lors de son entretien
            # téléphonique avec Poutine": the person the sentence, else the article, last named.
            people = people_before(parties, trigger.start)
            person = context.discourse.pronoun(context.sentence, people[-1:])
            if person is not None and person.key not in {p.key for p in actors + targets}:
                own = Party(person, trigger.start, trigger.start, "", "reference")
                if etype.symmetric and actors:
                    # the owner of "son entretien avec Poutine" is its first-named side
                    actors, targets = [own], [p for p in actors + targets if p.key != own.key][:1]
                else:
                    actors = [own]
                    if etype.foreign_targets:
                        home = homeland([person.country])
                        targets = [t for t in targets if t.participant.country not in home]
        if context is not None and not actors:
            # "Viajó a Pekín": a pro-drop language leaves the subject unwritten; "Une heure au
            # téléphone avec Poutine." has no verb at all.
            verbless = _verbless(doc)
            person = (
                context.discourse.subject(context.sentence, verbless)
                if _verbal(trigger) or verbless
                else None
            )
            if person is not None and person.key not in {t.key for t in targets}:
                actors = [Party(person, trigger.start, trigger.start, "", "reference")]
                if etype.foreign_targets:  # "giungerà a Mantova", said of Mattarella: home
                    home = homeland([person.country])
                    targets = [t for t in targets if t.participant.country not in home]
        if spec.departure and spec.object == "origin":
            # "will leave Tehran for Doha": the place left is this trigger's; the next stop,
            # marked, belongs to the leave-for trigger, with a status of its own.
            # A place right after the trigger is its object, whatever preposition the trigger
            # ends with ("вилетів із США": "із" also marks targets).
            # Nor is a name listed after a marked one: "departed the island for visits to
            # Namibia and South Africa" left neither.
            marked = [
                t.start for t in targets if marks.get(id(t)) is not None and t.start > trigger.end
            ]
            targets = [
                t
                for t in targets
                if t.start == trigger.end
                or (marks.get(id(t)) is None and not any(m < t.start for m in marked))
            ]
            # "a quitté vendredi soir Sotchi": a city the watchlist does not know, left by
            # someone (not "the first grain ship left Odesa"), abroad
            travellers = [a for a in actors if a.participant.kind == "person"]
            city = self._city_left(trigger) if not targets and travellers else None
            if city is not None and city.participant.country not in homeland(
                a.participant.country for a in actors
            ):
                targets = [city]
            if not targets:
                return None  # leaving home says nothing of the trip; "for Doha" does
        if (
            etype.actor_kinds
            and not targets
            and modality.has("countermeasures", tokens[trigger.start : trigger.end])
        ):
            return None  # "took necessary countermeasures": against no one named, no sanctions
        actor_keys = {a.key for a in actors}
        told = max([trigger.end, *(p.end for p in (*actors, *targets))])  # trigger and sides
        starts = [p.start for p in (*actors, *targets) if p.form != "reference"]
        return EventMention(
            event=etype.name,
            trigger=trigger,
            attributes=attributes,
            actors=_unique(actors),
            targets=_unique([t for t in targets if t.key not in actor_keys]),
            strength=spec.strength,
            syntactic=syntactic,
            parties=parties,
            anchor=anchor,
            planned=planned,
            responders=responders,
            # "ya no viajará": the "ya" of a withdrawn plan tells no history
            background=not dropped
            and (
                self._background(trigger, etype, tokens, anchor, context, attributes)
                or any(
                    modality.former_office(p.start, tokens)
                    for p in (*actors, *targets)
                    if p.participant.kind == "person" and p.form != "reference"
                )
            ),
            ended=attributes.get("status") == "completed"
            and (
                spec.attributes.get("status") == "completed"
                or modality.ended(trigger, tokens)
                or (spec.departure and spec.object == "origin")
            ),
            certainty=strength,
            weak_actor=weak,
            anaphoric=spec.anaphoric,
            invited="status" in etype.attributes and modality.invited(trigger),
            denied=denied,
            # "телефонные разговоры с Х, Y и Z", "avec X ainsi qu'avec Y": a call per partner
            separate=etype.symmetric
            and etype.realised
            and modality.has("separate_calls", tokens[min([trigger.start, *starts]) : told]),
            stay=self.timeline.stay(
                modality.clause_before(tokens, trigger.start) + modality.told_from(trigger, tokens)
            )
            if "status" in etype.attributes
            else None,
        )

    def _status(
        self,
        trigger: Span,
        spec: Trigger,
        etype: EventType,
        tokens: list[str],
        anchor: Anchor | None,
    ) -> tuple[str, int]:
        """A trip's status and how strongly it was read, as of publication."""
        modality = self.modality
        status, strength = modality.status(
            trigger,
            tokens,
            etype.defaults.get("status", ""),
            anchor,
            fixed=spec.attributes.get("status"),
        )
        # Said to be over ("wrapped up his trip", "left for home after ending his visit"): read
        # once, and only for a trip told in a past tense.
        over = status == "completed" and modality.ended(trigger, tokens)
        if spec.departure:
            # "a quitté Riyad" is over; "doit quitter Moscou mercredi" means still there;
            # "left for Doha", "s'est envolé pour Singapour": on the way, or already there.
            status = {"announced": "ongoing" if spec.object == "origin" else "announced"}.get(
                status, status
            )
            if spec.object != "origin" and status == "completed" and not over:
                status = "ongoing"
            if spec.object == "origin" and status == "completed":
                return status, strength  # "a quitté N'Djamena vendredi soir", read that Friday
        if status != "completed" or over:
            return status, strength
        if (
            anchor is not None
            and anchor.days is not None
            and (anchor.days == 0 or (spec.subject == "target" and anchor.days == -1))
            and not modality.has("trip_before", modality.clause_before(tokens, trigger.start)[-6:])
        ):
            # "a effectué jeudi son premier voyage", read on Thursday; "a été accueilli hier":
            # a trip of the day (a welcome of the day before) is still under way. Not "arrived
            # early today after a visit to Portugal": that trip came before the day's arrival.
            return "ongoing", strength
        return status, strength

    def abroad(self, talks: EventMention, etype: EventType) -> list[EventMention]:
        """Talks held in one side's country are the other side's trip there: "Mondino met her
        Brazilian counterpart in Brasília", "À Yaoundé, Macron s'est entretenu avec Biya".
        Talks in a third country ("À Antalya, Lavrov a rencontré Kuleba") are talks, and each
        side's trip to that country."""
        trigger = talks.trigger
        tokens = [t.lower_ for t in trigger.doc]
        places = [
            p
            for p in talks.parties
            if p.participant.kind == "country"
            and (
                (p.form in ("metonym", "place") and self.marker_in(tokens, p.start) == "target")
                # "dans le sud de la Turquie", "in Turkey": a country named as the place
                or (p.form == "name" and p.start > 0 and tokens[p.start - 1] in self.locatives)
                # "À Antalya, dans le sud de la Turquie, Lavrov a rencontré ..."
                or (p.form == "name" and tokens[0] in self.locatives and _fronted(p, trigger))
            )
            and (_same_clause(trigger, p) or _fronted(p, trigger))
            and not self._scene_of_a_conflict(p, tokens)
        ]
        city = self._city_after(trigger)
        if city is not None:
            places.append(city)
        if talks.planned:
            # where talks ahead will be held, not where someone goes after them: "to meet Raab
            # on Thursday before flying back to Nairobi"
            places = [p for p in places if p.start > 0 and tokens[p.start - 1] in self.locatives]
        if not places:
            return []
        place = min(places, key=lambda p: _distance(trigger, p))
        host = place.participant.country
        sides = [p for p in talks.actors + talks.targets if p.participant.kind == "person"]
        hosts = [p for p in sides if p.participant.country == host]
        guests = [p for p in sides if p.participant.country not in (None, host)]
        if not guests:
            return []
        if not hosts and (
            len(guests) < 2
            or not (
                (place.start > 0 and tokens[place.start - 1] in self.locatives)
                or place.form == "name"
            )
        ):
            return []  # a third country must be named as the place: "in Munich", "en Turquie"
        if talks.planned:
            # Talks still ahead: each guest's trip is a plan, read weakly as a guest may already
            # be there ("will meet Abe later on Wednesday"), and only a watched guest's (a name
            # read near a title may be a word of it); the talks are no news of their own.
            status, strength, ended = "announced", 1, False
            guests = [g for g in guests if g.participant.watched]
        else:
            spec = Trigger(id="abroad", event=etype.name, patterns=[], phrases=(), attributes={})
            status, strength = self._status(trigger, spec, etype, tokens, talks.anchor)
            ended = status == "completed" and self.modality.ended(trigger, tokens)
        trips = [
            replace(
                talks,
                event=etype.name,
                attributes={**etype.defaults, "status": status},
                actors=[guest],
                targets=[place, *(h for h in hosts if h.participant.watched)],
                certainty=strength,
                ended=ended,
                planned=False,
            )
            for guest in guests
        ]
        return trips if hosts or talks.planned else [talks, *trips]

    def _background(
        self,
        trigger: Span,
        etype: EventType,
        tokens: list[str],
        anchor: Anchor | None,
        context: Context | None,
        attributes: dict[str, str],
    ) -> bool:
        """History, not news: dated well before publication, told as history ("sa dernière
        visite", "had visited"), or, for a call or sanctions, a running count ("so far"). A
        presence is no history for an "already" before it: "ya se encuentra en El Salvador"."""
        historical = attributes.get("status") != "ongoing" and self.modality.historical(
            trigger, tokens
        )
        if historical or self.modality.earlier(trigger, tokens):
            return True
        if self.modality.anniversary(trigger, tokens):
            return True  # "the 50th anniversary of Nixon's visit to China"
        if (
            "status" not in etype.attributes
            and context is not None
            and self.modality.tally(trigger, tokens, self.timeline, context.today)
        ):
            return True
        if anchor is None or anchor.days is None or context is None:
            return False
        if anchor.days >= -BACKGROUND_DAYS:
            return False
        # A bare month or day needs the real publication date to tell its year; an explicit year
        # or "three years ago" does not.
        return anchor.year is not None or anchor.relative or context.dated

    def _sides(
        self, trigger: Span, eligible: list[Party], marks: dict[int, str | None], tokens: list[str]
    ) -> tuple[list[Party], list[Party]]:
        """A call or meeting: "entre X et Y"; a caller named before an infix "and" that opens a
        list ("习近平与普京和特朗普通电话"); else who is 'with' whom, the caller being the subject
        (or the nearest side before); else the first-named side near the trigger."""
        between = [p for p in eligible if self.marker_in(tokens, p.start) == "between"]
        infix = [p for p in between if tokens[p.start - 1] in self.patterns.conjunctions]
        first = next((p for p in reversed(infix) if p.start < trigger.start), None)
        listed = self._with_conjoined([first] if first is not None else [], eligible, tokens)
        if len(listed) >= 2:
            # "习近平(先后)与普京和特朗普通电话": an infix "and" (与) follows the caller; the list
            # after it is the other side.
            before = [
                p
                for p in eligible
                if p.end < listed[0].start and p not in between and marks[id(p)] != "target"
            ]
            if before:
                subject, _ = self.subject(trigger, before, first_named=True)
                return ([subject] if subject is not None else before[-1:]), listed
        if between:
            # "entre Emmanuel Macron et le président nigérien Issoufou"
            sides = self._with_conjoined(between[:1], eligible, tokens)
            if len(sides) >= 2:
                return sides[:1], sides[1:]
        # In a long sentence the sides sit near the trigger; a party named far away ("Le Drian
        # est arrivé ..., au lendemain d'un entretien entre Macron et Issoufou") is not one.
        pool = [p for p in eligible if _distance(trigger, p) <= _SIDE_REACH] or eligible
        with_marked = [p for p in pool if marks[id(p)] == "target"]
        subject, _ = self.subject(trigger, pool, first_named=True)
        if not with_marked:
            if subject is not None:
                return [subject], [p for p in pool if p is not subject]
            return pool[:1], pool[1:]
        # "avec Xi et le chancelier Scholz": the conjoined join them
        targets = self._with_conjoined(with_marked, pool, tokens)
        if subject is not None and subject not in targets:
            return [subject], targets
        before = [p for p in pool if p not in targets and p.end <= trigger.start]
        others = [p for p in pool if p not in targets]
        return (before[-1:] or others[:1]), targets

    def _head_of_travellers(self, party: Party, tokens: list[str]) -> bool:
        """A leader named as the head of the people who travel: "funcionarios de la administración
        de Joe Biden viajaron", "Biden administration officials flew" (cue ``administration``)."""
        phrases = self.modality.cues.get("administration", ())
        return self._under_a_government_word(party, tokens) or (
            party.participant.kind == "person" and starts_at(tokens, party.end, phrases)
        )

    def _under_a_government_word(self, party: Party, tokens: list[str]) -> bool:
        """A leader named right after "gobierno de", "administration of", "émissaire de" (cue
        ``administration``): those who act or travel are his people, or his state."""
        phrases = self.modality.cues.get("administration", ())
        return party.participant.kind == "person" and ends_at(tokens, party.start, phrases)

    def _private_travellers(self, party: Party, tokens: list[str]) -> bool:
        """A country that only says whose people or firms travel: "citizens of Israel", "Chinese
        tourists", "des entreprises françaises" (cue ``travellers``). The word sits right before
        the country, or one short link word before it ("of", "d'"), or right after it."""
        if party.participant.kind == "person":
            return False
        phrases = self.modality.cues.get("travellers", ())
        if starts_at(tokens, party.end, phrases) or ends_at(tokens, party.start, phrases):
            return True
        link = tokens[party.start - 1] if party.start > 0 else ""
        short_link = (link.isalpha() and len(link) <= 5) or link.endswith(("'", "’"))
        return short_link and ends_at(tokens, party.start - 1, phrases)

    def _capital(self, party: Party, tokens: list[str]) -> Party:
        """ "dans la capitale libanaise", "in the Chinese capital": the demonym with its capital
        word is a place, the country's, that a trip can go to."""
        if party.form != "demonym" or party.participant.kind != "country":
            return party
        words = self.capital_words
        if party.start > 0 and tokens[party.start - 1] in words:
            start, end = party.start - 1, party.end
        elif party.end < len(tokens) and tokens[party.end] in words:
            start, end = party.start, party.end + 1
        else:
            return party
        return replace(party, start=start, end=end, form="place")

    def _targeted_people(self, party: Party, tokens: list[str], trigger: Span) -> bool:
        """A demonym on the people the trigger's object or a target marker names, after the
        trigger: "on four Chinese officials", "a sanctionné deux responsables iraniens"."""
        if party.form != "demonym" or party.start < trigger.end:
            return False
        doc = trigger.doc
        objects = [c for c in trigger.root.children if c.dep_ in ("obj", "dobj")]
        if any(o.left_edge.i <= party.start <= o.right_edge.i for o in objects):
            return True  # "a sanctionné deux hauts responsables iraniens"
        j = party.start
        for _ in range(4):  # back over "four", "senior", "responsables"
            if self.marker_in(tokens, j) == "target":
                return True
            if j <= trigger.end or doc[j - 1].is_punct:
                return False
            j -= 1
        return False

    def _listed_with(self, first: Party, parties: list[Party], trigger: Span) -> list[Party]:
        """The people (or the states) in one list with ``first``, on the same side of the
        trigger: "Macron, Scholz et Draghi", "les présidents Kaboré (Burkina Faso), Keïta (Mali)
        et Issoufou", "Presidents Sall of Senegal, Ruto of Kenya and Buhari of Nigeria",
        "Britain, Canada and the United States". Between two names only punctuation,
        conjunctions, determiners, "of", and the parties of another kind that place them."""
        kinds = ("person",) if first.participant.kind == "person" else _STATE_KINDS
        if first.participant.kind not in kinds:
            return []
        doc = trigger.doc
        before = first.end <= trigger.start
        side = [
            p
            for p in parties
            if p.participant.kind in kinds
            and p.end > p.start
            and (p.end <= trigger.start if before else p.start >= trigger.end)
        ]
        side.sort(key=lambda p: p.start)
        placing = {
            i for p in parties if p.participant.kind not in kinds for i in range(p.start, p.end)
        }
        # "Giorgia Meloni, le Premier ministre canadien Justin Trudeau, son homologue belge ...":
        # the titles that introduce the next name are part of the list.
        # "le Kényan William Ruto, le Sénégalais Macky Sall": so are the demonyms before them.
        placing |= {
            i
            for m in getattr(doc._, "nw_mentions", None) or ()
            if m.kind == "title" or (m.kind == "entity" and m.form == "demonym")
            for i in range(m.start, m.end)
        }
        glue = self.patterns.conjunctions | self.patterns.determiners | _LIST_GLUE

        def linked(left: Party, right: Party) -> bool:
            gap = doc[left.end : right.start]
            return 0 < len(gap) <= 12 and all(
                t.is_punct or t.lower_ in glue or t.i in placing for t in gap
            )

        at = next((i for i, p in enumerate(side) if p is first), None)
        if at is None:
            return []
        # "les quatre dirigeants": one phrase standing for several people, every one of them
        found: list[Party] = [
            p for p in side if p is not first and (p.start, p.end) == (first.start, first.end)
        ]
        for step in (1, -1):
            i = at
            while 0 <= i + step < len(side):
                left, right = (side[i], side[i + step]) if step == 1 else (side[i - 1], side[i])
                if not linked(left, right):
                    break
                i += step
                found.append(side[i])
        return found

    def _listed_after(self, first: Party, parties: list[Party], tokens: list[str]) -> list[Party]:
        """The countries listed after ``first`` ("Senegal, Rwanda and South Africa"): a chain of
        names joined by commas and conjunctions, up to its last conjunction (a comma alone
        may end the sentence's list: "to Senegal, Rwanda's president said")."""
        places = sorted(
            (p for p in parties if p.start >= first.end and p.participant.kind == "country"),
            key=lambda p: p.start,
        )
        chain: list[Party] = []
        closed = 0
        previous = first
        for party in places:
            if not self._conjoined(previous, party, tokens):
                gap = [t for t in tokens[previous.end : party.start] if t != ","]
                if gap and gap[0] in self.patterns.conjunctions:
                    # "Chile, Paraguay, Perú y Cúcuta, Colombia": the list ends with a city
                    # after its last "and"; the countries named before it are still stops
                    closed = len(chain)
                break
            chain.append(party)
            gap = tokens[previous.end : party.start]
            if any(t in self.patterns.conjunctions and t != "," for t in gap):  # "and", "、"
                closed = len(chain)
            previous = party
        return chain[:closed]

    def _with_conjoined(
        self, listed: list[Party], parties: list[Party], tokens: list[str]
    ) -> list[Party]:
        """``listed`` and, in order, each of ``parties`` joined to the last one listed by a
        comma or a conjunction ("Xi et le chancelier Scholz")."""
        listed = list(listed)
        for party in parties:
            if listed and party not in listed and self._conjoined(listed[-1], party, tokens):
                listed.append(party)
        return listed

    def _conjoined(self, first: Party, second: Party, tokens: list[str]) -> bool:
        gap = tokens[first.end : second.start]
        joiners = self.patterns.conjunctions | self.patterns.determiners
        return 0 < len(gap) <= 3 and second.start > first.end and all(t in joiners for t in gap)

    def _directed(
        self,
        trigger: Span,
        spec: Trigger,
        etype: EventType,
        eligible: list[Party],
        marks: dict[int, str | None],
    ) -> tuple[list[Party], list[Party], bool, bool]:
        """Visitor and host, imposer and target: syntax first, then markers, then word order.
        The last flag says the actor came from word order after the trigger alone."""
        owner_mode = spec.targets == "owner"
        weak = False
        roles: dict[int, str] = {}
        tokens = [t.lower_ for t in trigger.doc]
        subject, passive = self.subject(trigger, eligible, people_first=etype.foreign_targets)
        owner = self._owner_of_measures(trigger, etype, eligible) if not owner_mode else None
        if owner is not None:
            # "a promis une réponse aux nouvelles sanctions américaines": the sanctions are
            # America's, whoever the sentence's subject is.
            roles[id(owner)] = "actor"
        elif subject is not None and owner_mode and _under_the_trigger(trigger, subject):
            # "the US unilateral sanctions are illegal": the subject names the sanctions, whose
            # owner is the one condemned
            roles[id(subject)] = "target"
        elif subject is not None:
            # "Macron a été reçu par Modi", "Kerimov and Skoch are designated": the passive
            # subject takes the object's role (for sanctions, always the sanctioned).
            roles[id(subject)] = (
                _object_role(spec)
                if passive and (spec.object or etype.actor_kinds)
                else spec.subject
            )
        verbal = not doc_has_pos(trigger) or any(t.pos_ in ("VERB", "AUX") for t in trigger)
        for party in eligible:
            mark = marks[id(party)]
            if id(party) in roles:
                continue
            if owner_mode and mark == "agent" and _behind_a_participle(trigger, party):
                # "condemned the sanctions imposed by the United States": their author
                roles[id(party)] = "target"
                continue
            if mark == "agent" and not verbal:
                # "a planned visit by Japan's foreign minister": right after the noun, its agent;
                # further on, "par" belongs to some other verb.
                if (
                    not owner_mode
                    and party.start >= trigger.end
                    and (party.start - trigger.end <= 1 or _behind_a_participle(trigger, party))
                ):
                    # "sanctions imposed by the EU": a participle may stand between
                    roles[id(party)] = spec.subject
                continue
            if mark == "host" and etype.foreign_targets:
                if not self._scene_of_a_conflict(party, tokens):
                    roles[id(party)] = "target"
            elif mark == "agent" and _agent_of(trigger, party):
                # the doer of a passive: "reçu par Modi", "imposed by the EU"
                roles[id(party)] = "target" if owner_mode else spec.subject
            elif owner_mode and (
                (self._owns(party, trigger) and mark != "target")
                or (mark == "owner" and 0 <= party.start - trigger.end <= _OWNER_REACH)
            ):
                roles[id(party)] = "target"
        if etype.foreign_targets:
            # "a conference hosted by Turkey, Qatar and the United Nations": co-hosts receive
            # (states and bodies; people invite a guest to their own country)
            for host in [p for p in eligible if roles.get(id(p)) == "target"]:
                if host.participant.kind == "person":
                    continue
                later = [p for p in eligible if p.start >= host.end and id(p) not in roles]
                for party in self._with_conjoined([host], later, tokens)[1:]:
                    roles[id(party)] = "target"
        if not owner_mode:
            self._marked_targets(trigger, etype, eligible, marks, roles, tokens)
        unmarked = [p for p in eligible if id(p) not in roles and marks[id(p)] is None]
        if spec.object is not None:
            # "Biden recibió a Ruto": after a host verb, the personal "a" marks the guest, who
            # is the object, not a destination
            guests = _object_role(spec) == "actor"
            after = [
                p
                for p in eligible
                if id(p) not in roles
                and (p in unmarked or (guests and self._personal_object(p, trigger.doc)))
                and self._within_reach(trigger, p)
            ]
            if after:
                roles[id(after[0])] = _object_role(spec)
                if after[0] in unmarked:
                    unmarked.remove(after[0])
                if etype.foreign_targets and roles[id(after[0])] == "target":
                    # "will visit Namibia, Chad and Nigeria": each country listed with the
                    # first is a destination
                    for party in self._listed_after(after[0], eligible, tokens):
                        roles[id(party)] = "target"
                        if party in unmarked:
                            unmarked.remove(party)  # a stop, never the traveller
        if "actor" not in roles.values() and etype.actor_kinds and not owner_mode:
            # "added to the U.S. Entity List", "visés par des sanctions américaines": whoever
            # owns the sanctions named inside the trigger imposes them.
            inside = [
                p
                for p in eligible
                if trigger.start < p.start
                and p.end < trigger.end
                and trigger.doc[p.end - 1].dep_ in ("compound", "amod", "poss", "nmod:poss")
                and not _in_object(trigger, p)
            ]
            if inside:
                roles[id(inside[-1])] = "actor"
        if etype.foreign_targets:
            self._owner_travels(trigger, eligible, roles, tokens)
        if "actor" not in roles.values() and not owner_mode:
            # "la visite du ministre Wang Yi", "Xi's trip": the noun's owner is the one who acts;
            # the organisation that owns a summit ("participe au sommet du G20") is no visitor.
            summit = self._gatherings([trigger[-1].lower_])
            owners = [
                p
                for p in eligible
                if id(p) not in roles
                and p.participant.kind in _ACTING_KINDS
                and not (summit and p.participant.kind == "organisation")
                and self._owner_after(trigger, p, tokens, owner_next=spec.owner_next)
            ]
            if owners:
                roles[id(owners[0])] = "actor"
        if "actor" not in roles.values():
            reporters = set() if etype.announcer_acts else self._reporters(trigger)
            # A capital after a preposition is a place ("un tribunal de Paris a ordonné"), not
            # the state acting ("Pékin, qui dément ..., a dénoncé").
            candidates = [
                p
                for p in unmarked
                if not reporters & set(range(p.start, p.end))
                and not (p.form == "metonym" and self._after_preposition(p, trigger.doc))
                and not _in_object(trigger, p)
            ]
            if etype.foreign_targets:  # people travel, then countries; never organisations
                candidates = [p for p in candidates if p.participant.kind in ("person", "country")]
                people = [p for p in candidates if p.participant.kind == "person"]
                candidates = people or candidates
            before = [p for p in candidates if p.end <= trigger.start]
            after = [p for p in candidates if p.start >= trigger.start]
            if before and (spec.subject == "actor" or subject is None):
                # "Ramaphosa ..., où il sera reçu par Trump": a passive's pronoun subject stands
                # for the party before it, which takes the object's role.
                first = _object_role(spec) if _passive(trigger) and spec.object else spec.subject
                roles[id(before[-1])] = first if subject is None else "actor"
            if "actor" not in roles.values() and after:
                roles[id(after[0])] = "actor"
                weak = True  # only word order, after the trigger: often someone else's part
        if (
            spec.subject == "target"
            and etype.foreign_targets
            and not trigger.doc.has_annotation("DEP")
            and "target" not in roles.values()
        ):
            # "Meloni riceverà il primo ministro croato Plenković": with no parse to name the
            # host verb's subject, the last person or state named before it in its clause hosts
            # (the guest after it was taken as the object).
            hosts = [
                p
                for p in unmarked
                if id(p) not in roles
                and p.end <= trigger.start
                and p.participant.kind in ("person", "country")
                and _same_clause(trigger, p)
            ]
            if hosts:
                roles[id(hosts[-1])] = "target"
        actors = [p for p in eligible if roles.get(id(p)) == "actor"]
        if (etype.foreign_targets or etype.actor_kinds) and len(actors) == 1:
            # "Macron, Scholz et Draghi sont arrivés à Kiev": every listed person travels;
            # "Britain, Canada and the US imposed sanctions": every listed state acts.
            actors += [
                p for p in self._listed_with(actors[0], eligible, trigger) if id(p) not in roles
            ]
        if etype.foreign_targets and actors:
            # "Widodo, accompanied by Foreign Minister Retno Marsudi": she travels too.
            actors += [
                p
                for p in eligible
                if marks[id(p)] == "companion"
                and p.participant.kind == "person"
                and p not in actors
            ]
        targets = [p for p in eligible if roles.get(id(p)) == "target"]
        return actors, targets, subject is not None, weak

    def _personal_object(self, party: Party, doc: Doc) -> bool:
        """A person right after a one-word marker of a received guest (cue ``personal_object``:
        the Spanish personal "a")."""
        return (
            party.participant.kind == "person"
            and party.start > 0
            and doc[party.start - 1].lower_ in self.modality.personal_words
        )

    def _owner_after(
        self, trigger: Span, party: Party, tokens: list[str], owner_next: bool = False
    ) -> bool:
        """The party owns the trigger noun from right after it: "la visite du ministre X"; with
        ``owner_next`` (the trigger's flag: a case language read without a tagger), a person
        right after the noun, in the genitive: "визит Путина"."""
        if owner_next and party.start == trigger.end and party.participant.kind == "person":
            return True
        if self._relative_owner(trigger, party, tokens):
            return True
        return (
            trigger.root.pos_ in ("NOUN", "PROPN")
            and 0 <= party.start - trigger.end <= _OWNER_REACH
            and self.marker_in(tokens, party.start) == "owner"
        )

    def _relative_owner(self, trigger: Span, party: Party, tokens: list[str]) -> bool:
        """A person first named in a relative clause right on the trip noun: "la visita ufficiale
        che il capo dello Stato Sergio Mattarella effettuerà lunedì", "la visita que realizará el
        presidente X" (cue ``relative``; read as written, for languages without a parser)."""
        if party.participant.kind != "person" or trigger.doc.has_annotation("DEP"):
            return False
        opening = next(
            (
                i
                for i in range(trigger.end, min(trigger.end + 2, party.start))
                if tokens[i] in self.modality.relative_words
            ),
            None,
        )
        if opening is None or party.start - opening > 6:
            return False
        return not any(w in CLAUSE_BREAKS for w in tokens[opening + 1 : party.start])

    def _owner_travels(
        self, trigger: Span, eligible: list[Party], roles: dict[int, str], tokens: list[str]
    ) -> None:
        """ "Beijing and Islamabad postponed Xi's state visit", "Paris a confirmé la visite du
        président Lula": the person whose trip it is travels; the states that decide on it
        are no visitors."""
        if trigger.root.pos_ not in ("NOUN", "PROPN"):
            return
        acting = [p for p in eligible if roles.get(id(p)) == "actor"]
        if any(p.participant.kind == "person" for p in acting):
            return
        for party in eligible:
            if party.participant.kind != "person" or id(party) in roles:
                continue
            last = trigger.doc[party.end - 1]
            possessive = last.dep_ in ("poss", "nmod:poss") and last.head in trigger
            if possessive or self._owner_after(trigger, party, tokens):
                for state in acting:
                    del roles[id(state)]
                roles[id(party)] = "actor"
                return

    def _marked_targets(
        self,
        trigger: Span,
        etype: EventType,
        eligible: list[Party],
        marks: dict[int, str | None],
        roles: dict[int, str],
        tokens: list[str],
    ) -> None:
        """Marked parties as targets; a visit has one destination, the first after the trigger
        (else the last before it, for verb-final word order: "nach Russland reisen")."""
        marked = [p for p in eligible if id(p) not in roles and marks[id(p)] == "target"]
        if etype.foreign_targets:
            places = [
                p
                for p in marked
                if p.participant.kind != "person" and not self._scene_of_a_conflict(p, tokens)
            ]
            after = [
                p for p in places if p.start >= trigger.start and not _in_a_later_clause(trigger, p)
            ]
            # (not a place before a "that" that opens the trigger's clause: "В Пекине ожидают,
            # что визит укрепит доверие" names where the hopes are voiced)
            before = [
                p
                for p in places
                if p.end <= trigger.start
                and not self.modality.has("complementizers", tokens[p.end : trigger.start])
            ]
            if not after:
                city = self._city_after(trigger)
                if city is not None:
                    eligible.append(city)
                    marks[id(city)] = "target"
                    after = [city]
            if after or before:
                first = (after or before[::-1])[0]
                roles[id(first)] = "target"
                if not after:
                    # "nach Brunei und Singapur reisen": the places joined to the marked one
                    previous = first
                    for party in eligible:
                        if (
                            party.participant.kind != "person"
                            and previous.end <= party.start
                            and party.end <= trigger.start
                            and self._conjoined(previous, party, tokens)
                            and _same_clause(trigger, party)
                        ):
                            roles[id(party)] = "target"
                            previous = party
                # "visits to Poland, the G20 summit in Germany and Bastille Day in France": a
                # list of stops, each a destination.
                previous = first
                others = {t.start for t in trigger.doc.spans.get("nw_triggers", ()) if t != trigger}
                for party in after[1:]:
                    gap = trigger.doc[previous.end : party.start]
                    # "que viajará el martes a Polonia, efectuó este lunes una visita sorpresa a
                    # Ucrania": a place behind another trip word is that trip's (a verb says
                    # so where a parser tags one).
                    if (
                        len(gap) <= 8
                        and not any(t.pos_ == "VERB" for t in gap)
                        and not others & set(range(gap.start, gap.end))
                    ):
                        roles[id(party)] = "target"
                        previous = party
                if after and first.participant.kind == "country":
                    # "will travel to Indonesia and Australia", "viajará a Turquía y China":
                    # the places listed with the first destination, each a destination
                    for party in self._listed_after(first, eligible, tokens):
                        roles.setdefault(id(party), "target")
            return
        for party in marked:  # after the trigger, or right before it ("对俄罗斯实施制裁")
            if party.start >= trigger.start or trigger.start - party.end <= 1:
                roles[id(party)] = "target"

    def _scene_of_a_conflict(self, place: Party, tokens: list[str]) -> bool:
        """ "discussed the war in Ukraine", "la crisi in Ucraina", "der Krieg in der Ukraine",
        "the Ukraine war", "乌克兰危机": where a conflict is, not where anyone goes."""
        if self.modality.has("conflict", tokens[place.end : place.end + 1]):
            return True
        for gap in (1, 2):  # the locative right before the place, or before its article
            at = place.start - gap
            if at >= 1 and tokens[at] in self.locatives:
                return self.modality.has("conflict", tokens[max(0, at - 2) : at])
        return False

    def _city_after(self, trigger: Span) -> Party | None:
        """ "arrivé à Sotchi", "in Davos": a city the watchlist does not know, right after a
        destination marker near the trigger, names its country as the host."""
        singles = {p[0] for p in self.markers["target"] if len(p) == 1}
        tokens = [t.lower_ for t in trigger.doc]
        end = trigger.end + 8
        if (history := self.modality.history_from(trigger, tokens)) is not None:
            end = min(end, history)  # "comes weeks after his trip to Moscow": not this trip's
        city = self._city_between(trigger.doc, tokens, trigger.start, end, singles)
        if city is None:  # "à destination de Kigali": a marker of several words
            phrases = [p for p in self.markers["target"] if len(p) > 1]
            for j in range(trigger.start + 1, min(end, len(tokens))):
                if ends_at(tokens, j, phrases) and (city := self._city_at(trigger.doc, j)):
                    return city
        return city

    def _city_left(self, trigger: Span) -> Party | None:
        """The city a departure verb takes as its object, unmarked: soon after the verb ("left
        Sochi on Friday", "a quitté vendredi soir Sotchi") or, verb-final, its object before it
        ("hat am Montag Sotschi verlassen")."""
        doc = trigger.doc
        verbs = {t.i for t in trigger}
        # from the verb's next word: a pattern may hold the place ("abandonó Caracas")
        for j in range(trigger.start + 1, min(len(doc), trigger.end + _OBJECT_REACH)):
            if doc[j].text in CLAUSE_BREAKS or doc[j].pos_ == "ADP":
                break  # "left on Monday for Doha": a destination, not the place left
            if (city := self._city_at(doc, j)) is not None:
                return city
        for token in doc[max(0, trigger.start - _OBJECT_REACH) : trigger.start]:
            objected = token.head.i in verbs and token.dep_ in ("oa", "obj", "dobj")
            if objected and (city := self._city_at(doc, token.left_edge.i)) is not None:
                return city
        return None

    def _host_in_word(self, trigger: Span) -> list[Party]:
        """ "seinen Deutschlandbesuch beendet", "zu seiner China-Reise": the country (or a
        city it holds) that starts a compound trip noun (cue ``compound_trip``) is the host."""
        if self.compound_trip is None:
            return []
        for token in trigger:
            found = self.compound_trip.match(token.lower_)
            if found is None:
                continue
            name = token.text[: len(found.group(1))]
            participant = self.country_named(name) or self.city_country(name)
            if participant is not None:
                return [Party(participant, token.i, token.i + 1, token.text, "place")]
        return []

    @staticmethod
    def _host_before_noun(trigger: Span, eligible: list[Party], actors: list[Party]) -> list[Party]:
        """ "his two-day Sri Lanka visit", "Modi's US trip": a country set before the trip noun
        as its modifier is where the trip goes (the English form of "Deutschlandbesuch")."""
        root = trigger.root
        if root.pos_ not in ("NOUN", "PROPN"):
            return []
        for party in eligible:
            last = trigger.doc[party.end - 1]
            if (
                party not in actors
                and party.participant.kind == "country"
                and party.form != "demonym"
                and last.dep_ == "compound"
                and last.head.i == root.i
            ):
                return [party]
        return []

    def _city_at(self, doc: Doc, start: int) -> Party | None:
        """A city the gazetteer knows, named by capitalised words from ``start`` ("Rio de
        Janeiro", "Dar es Salaam": short lower-case links inside a name). Not the part of a
        longer name: "recibirá a Pedro Sánchez" names no trip to Pedro, Costa Rica; not a name
        the watchlist reads otherwise: "con Lula en Brasilia" is no Lula in Sweden."""
        names = [m for m in getattr(doc._, "nw_mentions", None) or () if m.kind != "title"]
        for n in (4, 3, 2, 1):
            words = doc[start : start + n]
            inside = any(
                m.start <= start and start + n <= m.end and m.end - m.start > n for m in names
            )
            if (
                len(words) == n
                and not inside
                and all(
                    w.text[:1].isupper() or (0 < k < n - 1 and w.is_lower and len(w) <= 3)
                    for k, w in enumerate(words)
                )
            ):
                participant = self.city_country(words.text)
                if participant is not None and not any(
                    (m.start, m.end) == (start, start + n) and m.key != participant.wikidata
                    for m in names
                ):
                    return Party(participant, words.start, words.end, words.text, "place")
        return None

    def names_gathering(self, doc: Doc) -> bool:
        """The sentence speaks of a summit ("sommet", "summit", "Gipfel")."""
        return bool(self._gatherings([t.lower_ for t in doc]))

    def _gatherings(self, tokens: list[str]) -> list[int]:
        """Where the summit words are."""
        return gatherings(tokens, self.gathering_words)

    def venue(self, doc: Doc, parties: list[Party]) -> Party | None:
        """Where a summit this sentence names meets: the city after a preposition of place
        nearest the summit word ("le sommet de l'Otan à Washington", "the summit in Astana"),
        or right after it ("la cumbre de Cartagena", cue ``gathering_of``)."""
        tokens = [t.lower_ for t in doc]
        at = self._gatherings(tokens)
        if not at:
            return None
        places = [
            p
            for p in parties
            if p.participant.kind == "country"
            and p.form in ("metonym", "place")
            and p.start > 0
            and tokens[p.start - 1] in self.locatives
        ]
        for i in at:
            city = self._city_between(
                doc, tokens, i - _VENUE_REACH, i + _VENUE_REACH, self.locatives
            )
            if city is not None:
                places.append(city)
            # "la cumbre de Cartagena", "il vertice di Pratica di Mare"
            after_of = i + 1 < len(doc) and tokens[i + 1] in self.gathering_of
            if after_of and (city := self._city_at(doc, i + 2)) is not None:
                places.append(city)
            # "La República Dominicana es sede de la cumbre", "Kazakhstan hosts the summit": the
            # country that hosts it, a few words before the summit word
            places += [
                p
                for p in parties
                if p.participant.kind == "country"
                and p.form != "reference"
                and 0 < i - p.end <= _HOST_REACH
                and contains(tokens[p.end : i], self.gathering_hosts)
            ]
        near = [p for p in places if min(abs(p.start - i) for i in at) <= _VENUE_REACH]
        return min(near, key=lambda p: min(abs(p.start - i) for i in at)) if near else None

    def _city_between(
        self, doc: Doc, tokens: list[str], start: int, end: int, markers: Collection[str]
    ) -> Party | None:
        """The first city the gazetteer knows right after one of ``markers`` in the range."""
        for j in range(max(0, start), min(len(doc) - 1, end)):
            if tokens[j] not in markers:
                continue
            if (city := self._city_at(doc, j + 1)) is not None:
                return city
        return None

    def _after_preposition(self, party: Party, doc: Doc) -> bool:
        if party.start == 0:
            return False
        before = doc[party.start - 1]
        if before.pos_ == "ADP":
            return True
        if before.is_sent_start or (before.i > 0 and before.nbor(-1).text in CLAUSE_BREAKS):
            # "Der Kreml hat ... kritisiert", "er sagte, der Kreml bedauere": an article that
            # opens the sentence or a clause is the subject's; only a one-word preposition of
            # place or agent stands there ("In Moskau")
            return before.lower_ in self.clause_opening_prepositions
        return before.lower_ in self.preposition_words

    def _within_reach(self, trigger: Span, party: Party) -> bool:
        """The object of a trigger verb: soon after it, no clause break in between, unless the
        break opens the list a noun for countries announces ("visitó cinco países: Francia, …",
        cue ``country_nouns``) or the country follows the city ("visitará Taskent, Uzbekistán")."""
        if not trigger.start <= party.start <= trigger.end + _OBJECT_REACH:
            return False
        between = trigger.doc[trigger.end : party.start]
        breaks = [t.i for t in between if t.text in CLAUSE_BREAKS]
        if not breaks:
            return True
        if len(breaks) > 1:
            return False
        (brk,) = breaks
        lead = trigger.doc[trigger.end : brk]  # the words between the trigger and the break
        if trigger.doc[brk].text == ",":
            # "visitará Taskent, Uzbekistán": a city, then the country it lies in
            return (
                party.participant.kind == "country"
                and party.start == brk + 1
                and 0 < len(lead) <= 3
                and all(t.text[:1].isupper() for t in lead)
            )
        return trigger.doc[brk].text in (":", "(") and any(
            t.lower_ in self.country_nouns for t in lead
        )

    @staticmethod
    def _warner(trigger: Span, eligible: list[Party], targets: list[Party]) -> list[Party]:
        """The nearest state, body or person named unmarked before the trigger ("in Ukraine" is
        a place) that is neither a target nor of a target's country ("President Obama urged
        Putin to support peace in Ukraine and said Moscow would face")."""
        threatened = {t.key for t in targets}
        their_countries = {t.participant.country for t in targets if t.participant.country}
        before = [
            p
            for p in eligible
            if p.end <= trigger.start
            and p.form != "demonym"
            and p.key not in threatened
            and p.participant.country not in their_countries
        ]
        return before[-1:]

    def _reporters(self, trigger: Span) -> set[int]:
        """Who announced it ("Le Kremlin a annoncé la visite"), not who does it: the subject of a
        reporting verb whose object is the trigger noun."""
        root = trigger.root
        if not trigger.doc.has_annotation("DEP") or root.dep_ not in ("obj", "dobj"):
            return set()
        if root.head.lemma_ not in self.patterns.reporting_verbs:
            return set()
        return {
            t.i
            for child in root.head.children
            if child.dep_ in _SUBJECT_DEPS
            for t in child.subtree
        }

    def _owner_of_measures(
        self, trigger: Span, etype: EventType, eligible: list[Party]
    ) -> Party | None:
        """The state a sanctions noun belongs to ("sanctions américaines", "US sanctions",
        "Western sanctions"), not one it is imposed on ("sanctions on Russian firms")."""
        if not etype.actor_kinds or not trigger.doc.has_annotation("POS"):
            return None
        if trigger.root.pos_ not in ("NOUN", "PROPN"):
            return None
        return next(
            (
                p
                for p in eligible
                if p.form in ("demonym", "group")
                and p.participant.kind != "person"
                and self._owns(p, trigger)
                and not _in_object(trigger, p)
                and (p.end == trigger.start or p.start == trigger.end or p.start > trigger.root.i)
                and abs(p.start - trigger.root.i) <= 2
            ),
            None,
        )

    @staticmethod
    def _owns(party: Party, trigger: Span) -> bool:
        """A demonym or group at the trigger noun: 'sanctions occidentales', 'US sanctions',
        and right before it: "denounced Western sanctions on Russia as illegal"."""
        if trigger.start <= party.start < trigger.end or party.start == trigger.end:
            return True
        return party.end == trigger.start and party.form in ("demonym", "group")


_MARKER_KINDS = ("companion", "between", "host", "agent", "owner", "target")
_MARKER_KINDS_WITH_PLACES = ("companion", "between", "host", "agent", "owner", "place", "target")


def join_talks(
    mentions: list[EventMention], yielded: list[EventMention], taxonomy: Taxonomy
) -> None:
    """Talks held during a trip reported in the same sentence are part of the visit: the people
    the visitor met ("held talks with Prime Minister Modi") join the visit's hosts. Trips are the
    types with ``foreign_targets``; talks the types that count as a trip ``abroad``."""
    for visit in (m for m in mentions if taxonomy[m.event].foreign_targets and m.actors):
        visitors = {a.key for a in visit.actors}
        home = {a.participant.country for a in visit.actors}
        # "held talks with Japanese Prime Minister Abe ... on day 2 of his visit to Russia": a
        # third country's leader met during the trip is no host of it
        hosting = {t.participant.country for t in visit.targets if t.participant.country}
        for talks in (m for m in yielded if taxonomy[m.event].abroad == visit.event):
            sides = talks.actors + talks.targets
            if not visitors & {p.key for p in sides}:
                continue
            known = visitors | {t.key for t in visit.targets}
            # "came to Kinshasa from South Africa, where he held talks with Pandor": a country
            # the sentence names as a place may be where the talks were
            named = {
                p.participant.country
                for p in talks.parties
                if p.participant.kind == "country" and p.form in ("name", "metonym", "place")
            }
            for party in sides:
                if (
                    party.key not in known
                    and party.participant.kind == "person"
                    and party.participant.watched
                    and party.participant.country not in home
                    and (
                        not hosting
                        or party.participant.country in hosting
                        or party.participant.country in named
                    )
                ):
                    visit.targets.append(party)
                    known.add(party.key)


def _in_object(trigger: Span, party: Party) -> bool:
    """The party qualifies the object of a verb inside the trigger ("designated seven Russian
    oligarchs"): it names whom the measures hit, not whose they are."""
    if not trigger.doc.has_annotation("DEP"):
        return False
    token = trigger.doc[party.end - 1]
    if party.end <= trigger.start and token.head in trigger:
        # before the trigger's verb a name is its subject, whatever the small model says:
        # "Emmanuel Macron participera au sommet", parsed with "Macron" as the object
        return False
    for _ in range(4):
        if token.dep_ in ("dobj", "obj") and token.head.pos_ == "VERB":
            return True
        if token.head.i == token.i or not trigger.start <= token.head.i < trigger.end:
            return False
        token = token.head
    return False


def _under_the_trigger(trigger: Span, party: Party) -> bool:
    """The party hangs on the trigger's own subject ("the US sanctions are illegal"), not on
    its verb ("Iran's ministry condemned the sanctions")."""
    head = trigger.doc[party.start]
    inside = range(trigger.start, trigger.end)
    if head.i in inside:
        return False
    word = next((a for a in head.ancestors if a.i in inside), None)
    return word is not None and word.dep_ in _SUBJECT_DEPS and word.head.i in inside


# How a country or body is named outright, rather than through a title or a demonym.
_NAMED_FORMS = frozenset({"name", "short", "metonym", "place", "institution", "ner"})


def _object_role(spec: Trigger) -> str:
    """The role of the trigger's object: the place left ('origin') is the visit's host."""
    return "target" if spec.object == "origin" else spec.object or "target"


def _distance(trigger: Span, party: Party) -> int:
    if party.start >= trigger.end:
        return party.start - trigger.end
    return max(0, trigger.start - party.end)


def _attached(trigger: Span) -> set[int]:
    """Tokens of time expressions the parse hangs on the trigger's verb (or the trigger)."""
    if not trigger.doc.has_annotation("DEP"):
        return set()
    root = trigger.root
    heads = {root.i}
    if root.pos_ not in ("VERB", "AUX") and root.head.pos_ in ("VERB", "AUX"):
        heads.add(root.head.i)
    found: set[int] = set()
    for token in trigger.doc:
        if token.head.i in heads and token.i not in heads and token.dep_ in _TIME_DEPS:
            found.update(_own_words(token))
    return found


def _own_words(token: Token) -> list[int]:
    """A phrase's words short of any clause inside it: "on two executives ..., under a regime
    the bloc set up last year" does not date the verb with "last year"."""
    words = [token.i]
    for child in token.children:
        if child.pos_ not in ("VERB", "AUX"):
            words += _own_words(child)
    return words


_TIME_DEPS = (
    "obl",
    "obl:mod",
    "obl:tmod",
    "nmod",
    "npadvmod",
    "nmod:tmod",
    "obj",
    "advmod",
    "pobj",
    "prep",
)


def _behind_a_participle(trigger: Span, party: Party) -> bool:
    """ "sanctions imposed by the EU", "the measures announced by Washington": a participle,
    maybe a marker and a determiner, between the trigger and the party."""
    gap = trigger.doc[trigger.end : party.start]
    return party.start >= trigger.end and 1 < len(gap) <= 3 and gap[0].pos_ == "VERB"


def _verbless(doc: Doc) -> bool:
    """A sentence with no finite verb (a lede fragment); unknown without a tagger."""
    if not doc.has_annotation("MORPH"):
        return False
    return not any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm", []) for t in doc)


def _verbal(trigger: Span) -> bool:
    if not trigger.doc.has_annotation("POS"):
        return True
    return any(t.pos_ in ("VERB", "AUX") for t in trigger)


def _agent_of(trigger: Span, party: Party) -> bool:
    """ "imposed by the EU", "reçu par Modi": the 'by' phrase belongs to the trigger's verb (not
    to "waters claimed by Cyprus" further on). Without a parse: the same clause."""
    doc = trigger.doc
    if not doc.has_annotation("DEP"):
        return _same_clause(trigger, party)
    token = doc[party.end - 1].head if party.end > party.start else doc[party.start]
    heads = {t.i for t in trigger} | {trigger.root.head.i}
    for _ in range(3):
        if token.i in heads:
            return True
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            # "arrivé à Pékin, où il a été reçu par Xi": the 'par' is the other verb's
            return False
        token = token.head
    return False


def _in_a_later_clause(trigger: Span, party: Party) -> bool:
    """A place inside a clause with its own subject that hangs on the trigger's: "was received
    ... before the two leaders discussed the war in Ukraine" names no destination. A purpose or
    a shared-subject verb ("arrived to attend the summit in Brussels") keeps its place, and so
    does a relative clause on the trip noun."""
    doc = trigger.doc
    if not doc.has_annotation("DEP"):
        return False
    inside = set(range(trigger.start, trigger.end)) | {a.i for a in trigger.root.ancestors}
    token = doc[party.end - 1]
    for _ in range(8):
        if token.i in inside or token.head is token:
            return False
        if token.pos_ in ("VERB", "AUX") and any(c.dep_ in _SUBJECT_DEPS for c in token.children):
            # "a tour that will take him to Rwanda": a clause on the trip noun tells the trip
            return not (token.dep_ in ("relcl", "acl", "acl:relcl") and token.head.i in inside)
        token = token.head
    return False


def _fronted(party: Party, trigger: Span) -> bool:
    """A place set before the clause: "À Yaoundé, le chef de l'Etat s'était entretenu avec
    Biya" (no other verb in between)."""
    if party.end > trigger.start or not trigger.doc.has_annotation("POS"):
        return False
    return not any(
        t.pos_ in ("VERB", "AUX") and not (t.dep_.startswith("aux") and t.head in trigger)
        for t in trigger.doc[party.end : trigger.start]
    )


def _same_clause(trigger: Span, party: Party) -> bool:
    """No clause break between the trigger and the party."""
    doc = trigger.doc
    between = (
        doc[trigger.end : party.start]
        if party.start >= trigger.end
        else doc[party.end : trigger.start]
    )
    return not any(t.text in CLAUSE_BREAKS for t in between)


def _lead_in(trigger: Span, reach: int) -> list[str]:
    """The trigger's first word and the ``reach`` words before it, lower-cased."""
    return [t.lower_ for t in trigger.doc[max(0, trigger.start - reach) : trigger.start + 1]]


def _without_names(tokens: list[str], parties: list[Party]) -> list[str]:
    """The sentence's words with people's names blanked, so that no date is read in them:
    "Theresa May", "Mark Sunday" are no month or weekday."""
    blanked = list(tokens)
    for party in parties:
        if party.participant.kind == "person" and party.form in ("name", "ner"):
            blanked[party.start : party.end] = [""] * (party.end - party.start)
    return blanked


def _passive(trigger: Span) -> bool:
    if not trigger.doc.has_annotation("DEP"):
        return False
    # The auxiliary too: the small French model may break a name off its verb ("Macky | Sall a
    # été reçu") and lose the passive subject, but keeps "été" on "reçu".
    return any(c.dep_ in ("nsubj:pass", "nsubjpass", *_PASSIVE_AUX) for c in trigger.root.children)


def doc_has_pos(span: Span) -> bool:
    return bool(span.doc.has_annotation("POS"))


def _unique(items: list[Party]) -> list[Party]:
    seen: set[str] = set()
    result = []
    for item in items:
        if item.key not in seen:
            seen.add(item.key)
            result.append(item)
    return result
