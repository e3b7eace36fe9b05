"""An article's event mentions to events: one per real-world event, as true at publication.

Real copy reports one visit in several sentences ("will travel" in the lede, "the visit, the first
since 2019" later, "he arrived on Monday" further down): those mentions are one event, and the
status that holds at publication wins (``_status``). Mentions told as history (``background``)
are kept out: they are true, but not news. Mentions that name no actor ("la visite, à l'invitation
de Poutine") join the event of their type reported just before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from newswatch.contracts import Participant
from newswatch.engine.entities import Party
from newswatch.engine.events import EventMention
from newswatch.engine.taxonomy import EventType, Taxonomy

# Which status holds at publication when mentions of one visit disagree: an explicit end beats a
# visit under way, which beats a plan, which beats a bare past tense (often the reporting verb's).
_STATUS_RANK = {"cancelled": 5, "ended": 4, "ongoing": 3, "announced": 2, "completed": 1}
# A visit reported as under way whose date is further back than this is over by publication.
_ONGOING_DAYS = 4
# A mention dated this many days back or more is history, and so is its sentence's retelling.
_HISTORY_DAYS = 60
# An actorless decision continues the state that acted at most this many sentences before.
_CONTINUITY = 3


@dataclass
class Located:
    """An event mention with the original-text offsets of its sentence and trigger."""

    mention: EventMention
    sentence: tuple[int, int]  # into the original article text
    sentence_text: str
    trigger_text: str
    index: int = 0  # the sentence's number in the article


@dataclass
class Event:
    event: str
    attributes: dict[str, str]
    actors: list[Party]
    targets: list[Party]
    evidence: list[Located] = field(default_factory=list)
    best: float = 0.0

    def keys(self) -> set[str]:
        return {p.key for p in self.actors} | {p.key for p in self.targets}

    def sentences(self) -> set[tuple[int, int]]:
        return {e.sentence for e in self.evidence}


def score(mention: EventMention) -> float:
    """How surely a mention names its event (see ``alerts`` for the confidence it feeds)."""
    parties = mention.actors + mention.targets
    value = mention.strength + (0.1 if mention.syntactic else 0.0)
    if parties and all(p.participant.watched for p in parties):
        value += 0.05
    return value


def merge(
    located: Sequence[Located],
    taxonomy: Taxonomy,
    country_of: Callable[[str], Participant | None] = lambda code: None,
    seat_of: Callable[[Participant], str | None] = lambda participant: None,
) -> list[Event]:
    """Fold the mentions of one article into events (see the module docstring);
    ``country_of`` names the watched country of an ISO code (a visit's host country)."""
    every_mention = list(located)  # before filtering: history names the sanctioned too
    named = {item.mention.event for item in located if not item.mention.anaphoric}
    located = [i for i in located if not i.mention.anaphoric or i.mention.event in named]
    denials = [i.mention for i in located if i.mention.denied]
    located = [
        i for i in located if not i.mention.denied and not _retells(i.mention, denials, taxonomy)
    ]
    located = _history_of_sentence(located, taxonomy)
    located = _plans_of_sentence(located)
    current = [_not_its_own_target(i) for i in located if not i.mention.background]
    current = _drop_critics_as_imposers(_condemned_impositions(current))
    events: list[Event] = []
    hostless: list[Located] = []  # a named traveller's step with no place: "Xi est arrivé"
    for item in current:
        mention = item.mention
        etype = taxonomy[mention.event]
        complete = (
            len(mention.actors) >= max(1, etype.min_actors)
            and len(mention.targets) >= etype.min_targets
        )
        match = next((e for e in reversed(events) if _same(e, mention, etype)), None)
        if match is None and mention.weak_actor and not _people(mention.actors, etype):
            # "Also added to the blacklist were ... tankers that carried oil to Cuba": an actor
            # found only by word order is doubtful; the mention continues the event before it.
            match = next((e for e in reversed(events) if _continues(e, mention, etype)), None)
        if mention.invited and match is None:
            # "Poutine a invité Xi à se rendre en Russie": an offer joins the trip the article
            # reports, and alone is no news.
            continue
        if not complete:
            # "Le Kremlin a annoncé la visite, à l'invitation de Poutine": no visitor named, so it
            # is the visit just reported; it adds its host and its sentence. Alone, it is nothing.
            if mention.actors or not any(e.event == mention.event for e in events):
                if mention.actors and etype.foreign_targets:
                    hostless.append(item)
                continue
            same_kind = next((e for e in reversed(events) if _continues(e, mention, etype)), None)
            if same_kind is not None and item.index - _last_named(same_kind) > _CONTINUITY:
                # "the Australian cricket team arrived in India" six sentences after the prime
                # minister's trip was announced: a stranger's trip, not the next step of his.
                same_kind = None
            acting = [e for e in events if e.event == mention.event and not _critic(e, etype)]
            previous = next(iter(reversed(acting)), None) or next(
                e for e in reversed(events) if e.event == mention.event
            )
            if match is None and same_kind is None and etype.actor_kinds and etype.key_attribute:
                # "De nouvelles sanctions pourraient être adoptées": another decision of the
                # state that acted just before (it threatens what it imposed).
                if item.index - previous.evidence[-1].index <= _CONTINUITY:
                    previous_actors = {a.key for a in previous.actors}
                    targets = [t for t in mention.targets if t.key not in previous_actors]
                    if not targets and _continues(previous, mention, etype):
                        _absorb(previous, item, etype)  # the same decision, told again
                    else:
                        events.append(
                            Event(
                                mention.event,
                                dict(mention.attributes),
                                list(previous.actors),
                                targets,
                                [item],
                                score(mention),
                            )
                        )
                continue
            near = item.index - _last_named(previous) <= _CONTINUITY
            match = match or same_kind or (previous if near else None)
            if match is None:
                continue
        if not (mention.actors + mention.targets) and match is None:
            continue
        if match is None:
            events.append(
                Event(
                    mention.event,
                    dict(mention.attributes),
                    list(mention.actors),
                    list(mention.targets),
                    [item],
                    score(mention),
                )
            )
        else:
            if etype.foreign_targets and (joining := _fellow_travellers(match, mention)):
                # "Le Premier ministre mauricien et les présidents malgache et rwandais arrivent
                # à Addis-Abeba", then each by name: the travellers added make trips of their own.
                events.append(
                    Event(
                        mention.event,
                        dict(mention.attributes),
                        joining,
                        list(mention.targets or match.targets),
                        [item],
                        score(mention),
                    )
                )
            _absorb(match, item, etype)
    _name_the_criticised(events, taxonomy)
    _name_the_sanctioned(events, every_mention, taxonomy)
    events = _yield(events, taxonomy)
    found: list[Event] = []
    for event in events:
        etype = taxonomy[event.event]
        if etype.foreign_targets:
            found += _one_per_trip(event, country_of, seat_of)
        elif etype.actor_kinds and not _critic(event, etype) and len(event.actors) > 1:
            # "Britain, Canada and the US imposed sanctions": each state's own decision. Critics
            # speak together ("China and Russia condemned"): one event.
            found += [
                replace(event, actors=[a], attributes=dict(event.attributes)) for a in event.actors
            ]
        elif any(item.mention.separate for item in event.evidence):
            found += _one_per_partner(event)
        else:
            found.append(event)
    found = _no_mirror_trips(_one_per_visitor_and_host(found, taxonomy), taxonomy)
    _join_steps_of_one_trip(found, hostless)
    found += _arrivals_where_all_go(found, hostless, taxonomy)
    for event in found:
        if "status" in event.attributes:
            event.attributes["status"] = _status(event)
    _stops_of_a_planned_tour(found)
    _later_stops_ahead(found)
    return [e for e in found if _reportable(e)]


def _retells(mention: EventMention, denials: Sequence[EventMention], taxonomy: Taxonomy) -> bool:
    """ "The ministry dismissed reports that the President would fly to China. [...] The reports
    claimed he would travel to Chengdu": a refuted report told again elsewhere in the article is
    no more news than where it is denied. Same type, same traveller or caller, and no other
    destination or other side named."""
    symmetric = taxonomy[mention.event].symmetric
    for denial in denials:
        if denial.event != mention.event:
            continue
        if symmetric:
            mine = {p.key for p in mention.actors + mention.targets}
            theirs = {p.key for p in denial.actors + denial.targets}
            if mine and theirs and len(mine & theirs) >= min(2, len(mine), len(theirs)):
                return True
            continue
        if not {a.key for a in mention.actors} & {a.key for a in denial.actors}:
            continue
        mine = {t.key for t in mention.targets}
        theirs = {t.key for t in denial.targets}
        if not mine or not theirs or mine & theirs:
            return True
    return False


def _not_its_own_target(item: Located) -> Located:
    """No state sanctions, calls or visits itself: a side read on both ends ("the assets the
    officials hold in the United States", the United States acting by reference) is only the
    actor. (Dropping such mentions instead lost more true events than it saved.)"""
    mention = item.mention
    acting = {a.key for a in mention.actors}
    if not any(t.key in acting for t in mention.targets):
        return item
    targets = [t for t in mention.targets if t.key not in acting]
    return replace(item, mention=replace(mention, targets=targets))


def _one_per_partner(event: Event) -> list[Event]:
    """ "held phone calls with Starmer, Michal and Frederiksen", "s'est entretenu avec X ainsi
    qu'avec Y": one call with each partner (with that partner's country, if named), each
    keeping the article's evidence."""
    people = [t for t in event.targets if t.participant.kind == "person"]
    if len(people) < 2:
        return [event]
    calls = []
    for person in people:
        country = person.participant.country
        others = [
            t
            for t in event.targets
            if t.participant.kind != "person" and country and t.participant.country == country
        ]
        calls.append(
            Event(
                event.event,
                dict(event.attributes),
                list(event.actors),
                [person, *others],
                list(event.evidence),
                event.best,
            )
        )
    return calls


def _one_per_visitor_and_host(events: list[Event], taxonomy: Taxonomy) -> list[Event]:
    """Two trips of one visitor to one country in one article are one trip told twice ("arrived
    in Congo", then "came to Kinshasa from South Africa"): one alert with all the evidence, so
    its status is read once and never contradicts itself."""
    kept: list[Event] = []
    by_trip: dict[tuple[str, str], Event] = {}
    for event in events:
        if not taxonomy[event.event].foreign_targets or len(event.actors) != 1:
            kept.append(event)
            continue
        host = next((t.participant.country for t in event.targets if t.participant.country), None)
        key = (event.actors[0].key, host or "")
        first = by_trip.get(key) if host else None
        if first is None:
            by_trip[key] = event
            kept.append(event)
            continue
        first.evidence += [e for e in event.evidence if e not in first.evidence]
        first.targets += [t for t in event.targets if t.key not in {x.key for x in first.targets}]
    return kept


def _no_mirror_trips(events: list[Event], taxonomy: Taxonomy) -> list[Event]:
    """ "Santos landed in Madrid to meet King Felipe and Rajoy ... on a state visit": the hosts
    named before the noun are not travellers to the visitor's country. Of two trips told in one
    sentence, each going to the other's traveller, the one read less surely (its status a
    default rather than "aterrizó"), or told less often, is a misreading."""

    def sureness(event: Event) -> tuple[int, int]:
        return max(e.mention.certainty for e in event.evidence), len(event.evidence)

    trips = [e for e in events if taxonomy[e.event].foreign_targets]
    dropped: set[int] = set()
    for first in trips:
        for second in trips:
            if (
                first is second
                or id(first) in dropped
                or not first.sentences() & second.sentences()
            ):
                continue
            if sureness(second) >= sureness(first):
                continue
            firsts = {p.participant.country for p in first.actors} - {None}
            seconds = {p.participant.country for p in second.actors} - {None}
            if any(t.participant.country in firsts for t in second.targets) and any(
                t.participant.country in seconds for t in first.targets
            ):
                dropped.add(id(second))
    return [e for e in events if id(e) not in dropped]


# How a person is named when the name itself is in the sentence.
_WRITTEN_OUT = frozenset({"name", "short", "title", "ner"})


def _fellow_travellers(event: Event, mention: EventMention) -> list[Party]:
    """The people a mention of ``event`` names as travellers besides its own, when the event
    knew its traveller only by a title ("Le Premier ministre mauricien et les présidents de
    Madagascar et du Rwanda arrivent à Addis-Abeba", then each by name): a list of names written
    out, the titled traveller among them, each newcomer from a known country not the host's."""
    if not all(a.participant.kind == "person" and a.form == "title" for a in event.actors):
        return []
    written = [
        p for p in mention.actors if p.participant.kind == "person" and p.form in _WRITTEN_OUT
    ]
    travellers = {p.key for p in event.actors}
    if len(written) < 2 or not any(p.key in travellers for p in written):
        return []
    known = event.keys()
    hosts = {t.participant.country for t in event.targets + mention.targets}
    return [
        p
        for p in written
        if p.key not in known
        and p.participant.country is not None
        and p.participant.country not in hosts
    ]


def _people(actors: list[Party], etype: EventType) -> bool:
    """A list of travellers ("in Astana they expect the presidents of Uzbekistan, Kyrgyzstan
    and Tajikistan") is a trip of its own, wherever it sits in the sentence; one name found by
    word order alone is often someone else's part."""
    people = [a for a in actors if a.participant.kind == "person"]
    return bool(etype.foreign_targets) and len(people) >= 2


def _last_named(event: Event) -> int:
    """The last sentence that named a side of ``event``: a sentence naming nobody ("the visit
    was postponed") joins the event but does not carry it further down the article."""
    named = [e.index for e in event.evidence if e.mention.actors or e.mention.targets]
    return max(named, default=event.evidence[-1].index)


def _critic(event: Event | EventMention, etype: EventType) -> bool:
    """An event (or a mention) whose targets are those who acted (a condemnation of someone's
    sanctions)."""
    return etype.key_attribute is not None and event.attributes.get(etype.key_attribute) in (
        etype.criticism
    )


def _name_the_criticised(events: list[Event], taxonomy: Taxonomy) -> None:
    """ "Téhéran a dénoncé une décision « illégale »": the decision is the one the article
    reported, so its author is the target of the condemnation."""
    for i, event in enumerate(events):
        etype = taxonomy[event.event]
        if event.targets or not _critic(event, etype):
            continue
        critics = {p.key for p in event.actors}
        for earlier in [*reversed(events[:i]), *events[i + 1 :]]:
            if earlier.event == event.event and not _critic(earlier, etype):
                authors = [a for a in earlier.actors if a.key not in critics]
                if authors:
                    event.targets = list(authors)
                    break


def _name_the_sanctioned(
    events: list[Event], located: Sequence[Located], taxonomy: Taxonomy
) -> None:
    """ "Le Conseil a prorogé les sanctions" in an article about sanctions on Russia: a decision
    that names no target is against the party the article's decisions name most, in any sentence,
    history included ("la Russie, frappée par des sanctions", "sanctions against Moscow")."""
    named: dict[str, list[Party]] = {}
    for item in located:
        mention = item.mention
        etype = taxonomy[mention.event]
        if not etype.actor_kinds or _critic(mention, etype):
            continue
        for party in mention.targets:
            if party.participant.watched:
                named.setdefault(party.key, []).append(party)
    ranked = sorted(named.values(), key=len, reverse=True)  # stable: first named wins a tie
    for event in events:
        etype = taxonomy[event.event]
        if event.targets or not etype.actor_kinds or _critic(event, etype):
            continue
        if not all(p.participant.watched for p in event.actors):
            continue  # "James Butty said the sanctions were lifted": a speaker, not a state
        acting = {p.key for p in event.actors}
        target = next((p[0] for p in ranked if p[0].key not in acting), None)
        target = target or _state_in_its_sentences(event, acting)
        if target is None or any(
            other.event == event.event
            and acting & {p.key for p in other.actors}
            and target.key in {p.key for p in other.targets}
            and etype.contradicts(event.attributes, other.attributes)
            for other in events
        ):
            continue  # a lift beside an imposition on the same state is not its undoing
        event.targets = [target]


def _state_in_its_sentences(event: Event, acting: set[str]) -> Party | None:
    """With no sanctioned party named anywhere, the state its sentences name nearest to the
    trigger, besides the actors and their own ("easing some restrictions on Syria", "санкції
    проти пропагандистів РФ", "wegen der Menschenrechtsverletzungen im Iran"): the labelling
    rules make unnamed targets their country."""
    home = {a.participant.country for a in event.actors}
    for item in event.evidence:
        mention = item.mention
        states = [
            p
            for p in mention.parties
            if p.participant.kind == "country"
            and p.participant.watched
            and p.key not in acting
            and p.participant.country not in home
        ]
        if states:
            return min(states, key=lambda p: abs(p.start - mention.trigger.start))
    return None


def _yield(events: list[Event], taxonomy: Taxonomy) -> list[Event]:
    """Talks that a visit or call of the same article covers are part of it, wherever they are
    reported ("Pompeo ... held talks with Sall": the talks of Pompeo's visit to Senegal). The
    people met join the visit when they belong to the host country."""
    kept = []
    for event in events:
        etype = taxonomy[event.event]
        sides = {p.key for p in event.actors + event.targets}
        countries = {p.participant.country for p in event.actors + event.targets}
        # A trip covers talks with its host's people; talks in a third country ("met Wang Yi in
        # Munich") are the trip's occasion, not part of it, and stay talks.
        covering = [
            other
            for other in events
            if other.event in etype.yields_to
            and (
                countries & {p.participant.country for p in other.targets}
                or (
                    not taxonomy[other.event].foreign_targets
                    and sides & {p.key for p in other.actors + other.targets}
                )
            )
        ]
        if not covering:
            # Talks that stand alone need two people: "the US and Senegal met" is no meeting.
            if not etype.yields_to or _enough_kinds(event, etype.party_kinds):
                kept.append(event)
            continue
        for other in covering:
            if taxonomy[other.event].foreign_targets:
                hosts = {t.participant.country for t in other.targets}
                known = {p.key for p in other.actors + other.targets}
                other.targets += [
                    p
                    for p in event.actors + event.targets
                    if p.key not in known
                    and p.participant.kind == "person"
                    and p.participant.country in hosts
                ]
    return kept


def _enough_kinds(event: Event, kinds: tuple[str, ...]) -> bool:
    """Talks need two people (or the kinds the taxonomy asks for) on opposite sides."""
    sides = [p for p in event.actors + event.targets if p.participant.kind in kinds]
    return len({p.key for p in sides}) >= 2


def _one_per_trip(
    event: Event,
    country_of: Callable[[str], Participant | None],
    seat_of: Callable[[Participant], str | None],
) -> list[Event]:
    """A visit is one visitor in one host country: "Macron, Scholz et Draghi sont arrivés à
    Kiev" is three visits, a tour of Luanda and Brazzaville two. The host leader joins the visit
    to their own country, and the host country is always named."""
    # People travel; a country stands for a leader the text does not name ("the presidents of
    # Ghana and Togo will travel to Bamako").
    visitors = [a for a in event.actors if a.participant.kind == "person"] or event.actors
    hosts: dict[str, list[Party]] = {}
    for target in event.targets:
        code = target.participant.country
        if code is None and target.form == "metonym":
            code = seat_of(target.participant)  # "à Bruxelles pour le sommet": Belgium hosts
        if code is not None:
            hosts.setdefault(code, []).append(target)
    if not hosts:
        return [event]
    trips = []
    for visitor in visitors:
        home = visitor.participant.country
        for code, targets in hosts.items():
            if code == home:
                continue
            named = [t for t in targets if t.participant.kind == "country"]
            country = country_of(code)
            if not named and country is not None:
                first = targets[0]
                named = [Party(country, first.start, first.end, first.surface, "host")]
            others = [t for t in targets if t.participant.kind != "country"]
            # Each leg keeps the sentences about it (and those that name no place), so that
            # "concluded his visit to Pakistan" does not end the trip to Sri Lanka.
            evidence = [
                e
                for e in event.evidence
                if not e.mention.targets
                or any(t.participant.country == code for t in e.mention.targets)
            ]
            trips.append(
                Event(
                    event.event,
                    dict(event.attributes),
                    [visitor],
                    named + others,
                    evidence or list(event.evidence),
                    event.best,
                )
            )
    return trips or [event]


def _reportable(event: Event) -> bool:
    """Someone on the watchlist takes part, or a person placed in a watched country."""
    return any(
        p.participant.watched or (p.participant.kind == "person" and p.participant.country)
        for p in event.actors + event.targets
    )


def _same(event: Event, mention: EventMention, etype: EventType) -> bool:
    """Whether a mention reports an event already found: same type, same key attribute (a
    sanctions action, a call's medium; a visit's status may move on), the same sides."""
    if event.event != mention.event:
        return False
    key = etype.key_attribute
    if key and etype.compared(event.attributes) != etype.compared(mention.attributes):
        return False
    if etype.symmetric:
        return _same_sides(event, mention)
    actors = {p.key for p in mention.actors}
    if not actors & {p.key for p in event.actors}:
        return False
    return _targets_agree(event.targets, mention.targets)


def _continues(event: Event, mention: EventMention, etype: EventType) -> bool:
    return event.event == mention.event and (
        not etype.key_attribute
        or etype.compared(event.attributes) == etype.compared(mention.attributes)
    )


def _same_sides(event: Event, mention: EventMention) -> bool:
    """A call or meeting: the people on both sides agree (countries count when no person)."""
    theirs = _people_or_all(event.actors + event.targets)
    mine = _people_or_all(mention.actors + mention.targets)
    shared = theirs & mine
    if len(shared) >= 2 or (len(shared) == 1 and min(len(theirs), len(mine)) == 1):
        return True
    # "Президенты России и Украины пообщались по телефону" after the call of Putin and
    # Zelensky: a telling that names only the states is the same call when its states are the
    # people's.
    ours, yours = event.actors + event.targets, mention.actors + mention.targets
    if _has_person(ours) == _has_person(yours):
        return False
    people, states = (ours, yours) if _has_person(ours) else (yours, ours)
    homes = {p.participant.country for p in people if p.participant.kind == "person"}
    named = {p.participant.country for p in states}
    return len(named) >= 2 and named <= homes


def _has_person(parties: list[Party]) -> bool:
    return any(p.participant.kind == "person" for p in parties)


def _people_or_all(parties: list[Party]) -> set[str]:
    people = {p.key for p in parties if p.participant.kind == "person"}
    return people or {p.key for p in parties}


def _targets_agree(first: list[Party], second: list[Party]) -> bool:
    """Two trips of one visitor are one when they go to the same country (or one says no
    destination); two sanctions decisions of one actor when their targets meet."""
    if not first or not second:
        return True
    keys = {p.key for p in first}
    countries = {p.participant.country for p in first if p.participant.country}
    return any(
        p.key in keys or (p.participant.country and p.participant.country in countries)
        for p in second
    )


def _absorb(event: Event, item: Located, etype: EventType) -> None:
    mention = item.mention
    actor_keys = {p.key for p in event.actors}
    known = event.keys()
    home = {p.participant.country for p in event.actors} if etype.foreign_targets else set()
    event.targets += [
        p
        for p in mention.targets
        if p.key not in known and p.key not in actor_keys and p.participant.country not in home
    ]
    event.evidence.append(item)
    value = score(mention)
    if value > event.best and mention.actors:
        status = event.attributes.get("status")
        event.attributes.update(mention.attributes)
        if status is not None:
            event.attributes["status"] = status  # decided over all mentions in ``_status``
    event.best = max(event.best, value)


def _status(event: Event) -> str:
    """The visit's status at publication, from every mention of it: the most certain reading
    wins (an explicit "will travel" over a noun near "on a tour"); among equally certain ones,
    ``_STATUS_RANK`` (an explicit end beats a visit under way, which beats a plan)."""
    best, key = "completed", (-1, 0)
    labels: set[str] = set()
    here = False
    planned = {i.index for i in event.evidence if i.mention.attributes.get("status") == "announced"}
    stay = max((item.mention.stay or 0 for item in event.evidence), default=0)
    for item in event.evidence:
        mention = item.mention
        status = mention.attributes.get("status", "completed")
        anchor = mention.anchor
        over = False
        if (
            status == "ongoing"
            and anchor is not None
            and anchor.known_reference
            and anchor.days is not None
            and anchor.days < 0
        ):
            # "arrived in Beijing on March 3", read on March 20; "arrived on Monday for a
            # two-day visit", read on Thursday: over by publication.
            over = -anchor.days >= stay if stay else anchor.days < -_ONGOING_DAYS
        if over:
            status = "completed"
        elif status == "ongoing" and anchor is not None and anchor.days is not None:
            # "is in Bern today", "arrived on Sunday"; not "will leave today on a tour"
            here = here or (anchor.days <= 0 and item.index not in planned)
        label = (
            "ended" if status == "completed" and (mention.ended or bool(stay and over)) else status
        )
        labels.add(label)
        rank = (mention.certainty, _STATUS_RANK[label])
        if rank > key:
            best, key = status, rank
    if best == "completed" and "ongoing" in labels and not labels & {"ended", "cancelled"}:
        # "arrivé mardi, il a été reçu mercredi par son homologue": a reception or talks held
        # during the trip are over, the trip is not.
        return "ongoing"
    if best == "announced" and here:
        # "Stubb is in Bern today. He will be received by the Federal Council": what lies
        # ahead is the program of a trip already under way.
        return "ongoing"
    return best


# A stop told with no mark of time belongs to a tour announced at most this many sentences before.
_TOUR_REACH = 3


def _stops_of_a_planned_tour(found: list[Event]) -> None:
    """A traveller's trip whose status nothing in the text marks ("习近平主席访问卢旺达是…首次访卢":
    Chinese has no tense), told just after the article announced a tour of the same traveller,
    is a stop of that tour."""
    ahead: dict[str, set[int]] = {}
    for e in found:
        if len(e.actors) == 1 and e.attributes.get("status") == "announced":
            told = {i.index for i in e.evidence if i.mention.certainty >= 2}
            ahead.setdefault(e.actors[0].key, set()).update(told)
    for event in found:
        announced_at = ahead.get(event.actors[0].key, set()) if len(event.actors) == 1 else set()
        if (
            announced_at
            and event.attributes.get("status") == "completed"
            and all(i.mention.certainty == 0 for i in event.evidence)
            and all(
                any(0 < i.index - at <= _TOUR_REACH for at in announced_at) for i in event.evidence
            )
        ):
            event.attributes["status"] = "announced"


def _arrivals_where_all_go(
    found: list[Event], hostless: list[Located], taxonomy: Taxonomy
) -> list[Event]:
    """ "All G20 leaders have arrived in Brisbane [...] Renzi also arrived for the summit":
    where every trip the article reports goes to one country, an arrival or a plan that names
    no place, of a traveller with no trip of their own, is a trip there."""
    trips = [e for e in found if taxonomy[e.event].foreign_targets]
    hosts = {t.participant.country for e in trips for t in e.targets if t.participant.country}
    if len(hosts) != 1:
        return []
    place = next((t for e in trips for t in e.targets if t.participant.kind == "country"), None)
    if place is None:
        return []
    host = place.participant.country
    told = {id(i) for e in found for i in e.evidence}
    travelling = {a.key for e in trips for a in e.actors}
    added: list[Event] = []
    for item in hostless:
        mention = item.mention
        if id(item) in told or mention.certainty < 2:
            continue
        if mention.attributes.get("status") not in ("ongoing", "announced"):
            continue
        for actor in mention.actors:
            if (
                actor.participant.kind != "person"
                or actor.key in travelling
                or actor.participant.country in (None, host)
            ):
                continue
            travelling.add(actor.key)
            added.append(
                Event(
                    mention.event,
                    dict(mention.attributes),
                    [actor],
                    [place],
                    [item],
                    score(mention),
                )
            )
    return added


def _hosts(mention: EventMention) -> set[str]:
    return {c for t in mention.targets if (c := t.participant.country) is not None}


def _later_stops_ahead(found: list[Event]) -> None:
    """ "a quitté Pékin pour une visite en Nouvelle-Zélande, en Australie et en Malaisie": a
    traveller is in one country at a time. Where the only sign that a stop is under way is the
    sentence listing the whole tour, the first stop listed is the one under way (unless another
    stop is told under way on its own), and the later ones still lie ahead."""
    by_visitor: dict[str, list[Event]] = {}
    for event in found:
        if len(event.actors) == 1 and event.attributes.get("status") == "ongoing":
            by_visitor.setdefault(event.actors[0].key, []).append(event)
    for trips in by_visitor.values():
        if len(trips) < 2:
            continue
        told_alone = [
            e
            for e in trips
            if any(len(_hosts(i.mention)) == 1 for i in e.evidence if _ongoing(i.mention))
        ]
        listed = [e for e in trips if e not in told_alone]
        if not listed:
            continue
        keep = told_alone[:1] or [min(listed, key=lambda e: min(t.start for t in e.targets))]
        for event in listed:
            if event not in keep:
                event.attributes["status"] = "announced"


def _ongoing(mention: EventMention) -> bool:
    return mention.attributes.get("status") == "ongoing"


def _join_steps_of_one_trip(found: list[Event], hostless: list[Located]) -> None:
    """ "Xi a quitté Pékin pour Bali [...] L'avion du président chinois s'est posé à 14 h":
    an arrival, a cancellation or a plan dated to a day ahead that names no place is a step of
    the traveller's trip when the article reports exactly one, begun before it or named in the
    next sentence. Only such explicit steps join: they say where the trip stands, and a bare "la
    visite" may be another trip."""
    for item in hostless:
        mention = item.mention
        status = mention.attributes.get("status")
        # "La visita de Estado tendrá lugar los días 30 y 31 de marzo": a plan with its date
        # ahead is a step too, where the traveller has one trip.
        anchor = mention.anchor
        dated_plan = status == "announced" and anchor is not None and anchor.exact and anchor.future
        if mention.certainty < 2 or (status not in ("ongoing", "cancelled") and not dated_plan):
            continue  # an end read from "по итогам визита" or "visited" may be any trip's
        actors = {a.key for a in mention.actors}
        trips = [
            e for e in found if e.event == mention.event and actors & {a.key for a in e.actors}
        ]
        if len(trips) > 1 and mention.attributes.get("status") == "ongoing":
            # "landed on Sunday" in an article of a tour whose next stops are announced: the
            # arrival is at the one stop that is not still ahead.
            trips = [e for e in trips if _status(e) != "announced"]
        # begun before it, or named in the very next sentence ("Xi llegó el miércoles. Su
        # visita a Madrid durará dos días")
        if len(trips) == 1 and trips[0].evidence[0].index <= item.index + 1:
            trips[0].evidence = [*trips[0].evidence, item]  # split events share lists


def _history_of_sentence(items: list[Located], taxonomy: Taxonomy) -> list[Located]:
    """ "Last year, foreign minister X travelled to Goa, for a meeting hosted by India, the
    first visit ...": one dated mention makes the sentence history, and the undated mentions of
    the same event in it (same type, actor and key attribute; a trip's, over) are that history
    told again."""

    def keys(item: Located) -> set[tuple[int, str, str, str | None]]:
        mention = item.mention
        key = taxonomy[mention.event].key_attribute
        value = mention.attributes.get(key) if key else None
        if mention.attributes.get("status", "completed") != "completed":
            return set()  # a plan or a trip under way is no history, whatever its neighbour
        return {(item.index, mention.event, a.key, value) for a in mention.actors}

    history = set().union(*(keys(i) for i in items if _long_past(i.mention)))
    # "Ya tenía previsto visitar España a finales de mayo, pero se vio obligado a cancelar el
    # viaje": the calling off told after a plan that is history is history too (not "La visite,
    # attendue en avril, n'aura pas lieu", where the news is told first).
    old_plans: dict[tuple[int, str, str], int] = {}  # -> where the first such plan is told
    for i in items:
        if _long_past(i.mention) and i.mention.attributes.get("status") == "announced":
            for a in i.mention.actors:
                key = (i.index, i.mention.event, a.key)
                old_plans[key] = min(
                    old_plans.get(key, i.mention.trigger.start), i.mention.trigger.start
                )

    def plan_called_off(item: Located) -> bool:
        mention = item.mention
        told = [old_plans.get((item.index, mention.event, a.key)) for a in mention.actors]
        return mention.attributes.get("status") == "cancelled" and any(
            start is not None and start < mention.trigger.start for start in told
        )

    return [
        replace(item, mention=replace(item.mention, background=True))
        if not item.mention.background
        and (item.mention.anchor is None or item.mention.anchor.days is None)
        and (keys(item) & history or plan_called_off(item))
        else item
        for item in items
    ]


def _plans_of_sentence(items: list[Located]) -> list[Located]:
    """ "Widodo will fly to Dar es Salaam, then on to Maputo before heading to Johannesburg":
    a stop whose own words give no status (a default reading) is a step of the plan its
    traveller's sentence states."""
    plans = {
        (item.index, item.mention.event, a.key)
        for item in items
        if item.mention.attributes.get("status") == "announced" and item.mention.certainty >= 2
        for a in item.mention.actors
    }
    return [
        replace(
            item,
            mention=replace(
                item.mention, attributes={**item.mention.attributes, "status": "announced"}
            ),
        )
        if item.mention.certainty == 0
        and item.mention.attributes.get("status") not in (None, "announced")
        and any((item.index, item.mention.event, a.key) in plans for a in item.mention.actors)
        else item
        for item in items
    ]


def _long_past(mention: EventMention) -> bool:
    """Background told by its words ("his last visit", "the then minister") or dated long
    before publication; not a stop made twelve days ago on the tour still under way."""
    anchor = mention.anchor
    return mention.background and (
        anchor is None or anchor.days is None or anchor.days <= -_HISTORY_DAYS
    )


def _condemned_impositions(items: list[Located]) -> list[Located]:
    """ "Iran condemned the imposition of new sanctions on Tehran by the EU": new sanctions read
    inside a condemnation are the condemned party's, whoever the sentence's subject is. An
    imposition read there with no author, or with the critic as author, takes the condemnation's
    targets as its actors."""
    condemnations = [item for item in items if item.mention.attributes.get("action") == "condemn"]
    kept: list[Located] = []
    for item in items:
        mention = item.mention
        if mention.attributes.get("action") != "impose":
            kept.append(item)
            continue
        trigger = mention.trigger
        host = next(
            (
                c.mention
                for c in condemnations
                if c.index == item.index
                and c.mention.trigger.start < trigger.end
                and trigger.start < c.mention.trigger.end
            ),
            None,
        )
        if host is None or not host.targets:
            kept.append(item)
            continue
        critics = {a.key for a in host.actors}
        if mention.actors and not any(a.key in critics for a in mention.actors):
            kept.append(item)  # "les nouvelles sanctions des Etats-Unis": it names its author
            continue
        authors = {a.key for a in host.targets}
        targets = [t for t in mention.targets if t.key not in authors]
        kept.append(replace(item, mention=replace(mention, actors=host.targets, targets=targets)))
    return kept


def _drop_critics_as_imposers(items: list[Located]) -> list[Located]:
    """ "Pékin a condamné les sanctions imposées par Washington": the critic of sanctions is not
    also their author. An impose or extend mention whose actor condemns sanctions in the same
    sentence is the condemnation read twice."""
    critics = {
        (item.index, a.key)
        for item in items
        if item.mention.attributes.get("action") == "condemn"
        for a in item.mention.actors
    }
    return [
        item
        for item in items
        if item.mention.attributes.get("action") not in ("impose", "extend")
        or not any((item.index, a.key) in critics for a in item.mention.actors)
    ]
