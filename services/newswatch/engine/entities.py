"""From mentions to parties: watched entities, resolved titles, named groups and NER leftovers.

A title ("le ministre chinois des Affaires étrangères", "son homologue ukrainien") becomes a party
only when exactly one watched holder of that role in that country is *named* somewhere in the
article: the text then tells us who it is. Otherwise a title is dropped rather than guessed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from newswatch.contracts import EntityKind, Participant
from newswatch.engine.components import Mention
from newswatch.engine.watchlist import WatchedEntity, Watchlist

if TYPE_CHECKING:
    from newswatch.engine.discourse import Discourse

# Roles a bare "counterpart" may stand for, when the sentence names no other role.
_LEADING_ROLES = ("head_of_state", "head_of_government", "foreign_minister")
# What a "leader" title with a country ("le dirigeant nord-coréen") may stand for.
_LEADER_ROLES = ("leader", "head_of_state", "head_of_government")
_NER_KINDS: dict[str, EntityKind] = {
    "PER": "person",
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "country",
    "LOC": "location",
}
# Forms that name an entity outright (a demonym or a capital alone does not name a person).
NAMING_FORMS = frozenset({"name", "short"})


@dataclass(frozen=True)
class Party:
    """A participant candidate with where it sits in the sentence's Doc."""

    participant: Participant
    start: int
    end: int
    surface: str
    form: str  # name | short | demonym | metonym | title | group | ner

    @property
    def key(self) -> str:
        return self.participant.key


class TitleResolver:
    """Names the holder of a title among the people the article names.

    A watched holder must be named somewhere in the article; an unwatched person introduced
    with that title ("le président sénégalais Bassirou Diomaye Faye") counts too, through the
    article's ``discourse`` (set by the pipeline, with the current ``sentence``).
    """

    def __init__(self, watchlist: Watchlist, named: set[str], year: int | None) -> None:
        self.watchlist = watchlist
        self.named = named
        self.year = year
        self.discourse: Discourse | None = None
        self.sentence = 0

    def country(self, code: str | None) -> WatchedEntity | None:
        """The watched country with ISO code ``code``."""
        return self.watchlist.country(code)

    def country_participant(self, code: str) -> Participant | None:
        entity = self.country(code)
        return entity.participant() if entity is not None else None

    def holders(self, role: str, country: str) -> list[WatchedEntity]:
        if self.year is not None:
            return self.watchlist.holders(role, country, self.year)
        # No date: any holder ever; the article naming them is what decides.
        return [
            e
            for e in self.watchlist
            if any(r.role == role and r.country == country for r in e.roles)
        ]

    def resolve(self, role: str, country: str | None, context: Iterable[str]) -> Participant | None:
        roles = (list(context) or list(_LEADING_ROLES)) if role == "counterpart" else [role]
        if role == "leader":
            if country is None:
                return None  # "the leader", "the opposition leader": nobody in particular
            # "le dirigeant nord-coréen", "the Chinese leader": the one the article names
            roles = list(_LEADER_ROLES)
        if country is None:
            # "le président", "the foreign minister": the last person named with that role.
            if role == "counterpart" or self.discourse is None:
                return None
            return self.discourse.holder(role, None, self.sentence)
        found = {e.id: e for r in roles for e in self.holders(r, country) if e.id in self.named}
        if len(found) == 1:
            return next(iter(found.values())).participant()
        if not found and self.discourse is not None:
            for r in roles:
                local = self.discourse.holder(r, country, self.sentence, watched=False)
                if local is not None:
                    return local
        return None


# The words introducing an official ("Russia's ambassador to London,") span at most this many
# tokens before the name when there is no parse.
_TITLE_REACH = 7


def acting_for(
    party: Party, kinds: tuple[str, ...], watchlist: Watchlist, year: int | None
) -> Party:
    """The organisation a person leads (that year), else their country, when only ``kinds`` may
    act: "Borrell a annoncé des sanctions" is the EU acting."""
    participant = party.participant
    if not kinds or participant.kind in kinds or participant.kind != "person":
        return party
    entity = watchlist.get(participant.wikidata or "")
    if entity is not None and "organisation" in kinds:
        for role in entity.roles:
            if role.org and role.held_in(year) and (org := watchlist.get(role.org)) is not None:
                return Party(org.participant(), party.start, party.end, party.surface, "acting")
    if "country" in kinds and participant.country:
        for candidate in watchlist:
            if candidate.kind == "country" and candidate.country == participant.country:
                return Party(
                    candidate.participant(), party.start, party.end, party.surface, "acting"
                )
    return party


def speaking_for(party: Party, found: list[Party], doc: Doc, kinds: tuple[str, ...]) -> Party:
    """The state or body an unlisted official speaks for, from the words that introduce them:
    "Russia's ambassador to London, Andrei Kelin", "Kremlin spokesman Dmitry Peskov". The first
    one named there is theirs (the second is where they serve)."""
    if party.participant.kind in kinds or party.participant.kind != "person":
        return party
    start = max(0, party.start - _TITLE_REACH)
    if doc.has_annotation("DEP"):
        token = doc[party.end - 1]
        for _ in range(3):  # from the name up to the noun it names: "ambassador", "spokesman"
            if token.dep_ not in ("appos", "compound", "flat", "flat:name") or token.head is token:
                break
            token = token.head
        start = min(token.left_edge.i, party.start)
    owners = [
        p
        for p in found
        if start <= p.start
        and p.end <= party.start
        and p.participant.kind in kinds
        and p.form != "ner"
    ]
    if not owners:
        return party
    owner = owners[0]
    return Party(owner.participant, party.start, party.end, party.surface, "acting")


_OF = frozenset({"of", "de", "du", "des", "d'", "del", "della", "von", "der", "di"})
_ARTICLES = frozenset({"the", "la", "le", "l'", "les", "el", "die", "des", "dell'"})


def _introduces(doc: Doc, end: int, name: int) -> bool:
    """The words from a title's ``end`` to a ``name`` make an apposition: none, one, or lower-case
    words then a comma ("président congolais, Félix Tshisekedi")."""
    if name < end:
        return False
    gap = doc[end:name]
    if len(gap) <= 1:
        return True
    return (
        len(gap) <= 3 and gap[-1].text == "," and all(t.is_lower and t.is_alpha for t in gap[:-1])
    )


def _heads(doc: Doc, end: int, name: int) -> bool:
    """ "président de l'UA", "head of the AU": an of-word (and an article) joins the title to
    the name."""
    gap = [t.lower_ for t in doc[end:name]]
    return 1 <= len(gap) <= 2 and gap[0] in _OF and (len(gap) == 1 or gap[1] in _ARTICLES)


def _a_body(mention: Mention, watchlist: Watchlist) -> bool:
    entity = watchlist.get(mention.key)
    return entity is not None and entity.kind == "organisation"


def parties(
    sentence: Span, mentions: list[Mention], watchlist: Watchlist, titles: TitleResolver
) -> list[Party]:
    """Party candidates in ``sentence``, left to right; a title merges with the name after it."""
    inside = [m for m in mentions if m.start >= sentence.start and m.end <= sentence.end]
    doc = sentence.doc
    context_roles = _context_roles(inside, watchlist)
    result: list[Party] = []
    for mention in inside:
        surface = doc[mention.start : mention.end].text
        if mention.kind == "group":
            kind: EntityKind = mention.form if mention.form in _NER_KINDS.values() else "unknown"  # type: ignore[assignment]
            participant = Participant(name=mention.key, kind=kind)
            result.append(Party(participant, mention.start, mention.end, surface, "group"))
        elif mention.kind == "person":  # named with a title and a country, not watched
            participant = Participant(
                name=mention.name, kind="person", country=mention.country, watched=False
            )
            result.append(Party(participant, mention.start, mention.end, surface, "local"))
        elif mention.kind == "entity":
            entity = watchlist.get(mention.key)
            if entity is not None:
                result.append(
                    Party(entity.participant(), mention.start, mention.end, surface, mention.form)
                )
        else:
            others = (
                [r for r in context_roles if r != "counterpart"]
                if mention.key == "counterpart"
                else []
            )
            # "le président Xi Jinping", "le président congolais, Félix Tshisekedi": a title
            # right before a name (or an adjective and a comma before it) introduces that name.
            named_next = any(
                m.kind in ("entity", "person") and _introduces(doc, mention.end, m.start)
                for m in inside
            )
            # "actuel président de l'UA": the head of a body, no state's president.
            of_body = any(
                m.kind == "entity" and _heads(doc, mention.end, m.start) and _a_body(m, watchlist)
                for m in inside
            )
            holder = (
                None
                if (named_next and mention.country is None) or of_body
                else titles.resolve(mention.key, mention.country, others)
            )
            country = titles.country(mention.country)
            if holder is not None:
                result.append(Party(holder, mention.start, mention.end, surface, "title"))
            elif country is not None:  # "the Chinese foreign minister", nobody named: China
                result.append(
                    Party(country.participant(), mention.start, mention.end, surface, "unresolved")
                )
            else:
                result.append(
                    Party(
                        Participant(name=surface), mention.start, mention.end, surface, "unresolved"
                    )
                )
    result = _absorb_titles(result)
    # A spokesperson speaks for their state ("a réagi le porte-parole iranien, Abbas Moussavi"):
    # marked, so that only an event whose actor is a state takes them (as that state).
    voices = [(m.start, m.end) for m in inside if m.kind == "title" and m.key == "spokesperson"]
    result = [
        Party(p.participant, p.start, p.end, p.surface, "spokesperson")
        if any(s <= p.start < e + 2 for s, e in voices)
        and (p.participant.watched or p.participant.country)
        else p
        for p in result
    ]
    taken = {i for p in result for i in range(p.start, p.end)}
    for ent in sentence.ents:
        ner_kind = _NER_KINDS.get(ent.label_)
        # Unwatched people and named bodies (a sanctioned firm) may take part; an unwatched
        # place ("Niamey", "Etat") is not a party, and a one-word "organisation" is mostly noise.
        useful = ner_kind == "person" or (ner_kind == "organisation" and len(ent) > 1)
        if (
            useful
            and ner_kind is not None
            and not taken.intersection(range(ent.start, ent.end))
            and any(c.isalpha() for c in ent.text)
            # "made telephonic calls to": a phrase in lower case is no name (in a script with
            # capitals; Chinese has none)
            and not ent.text.islower()
        ):
            result.append(
                Party(
                    Participant(name=ent.text, kind=ner_kind), ent.start, ent.end, ent.text, "ner"
                )
            )
    return sorted(
        (p for p in result if p.form != "unresolved" or p.participant.watched),
        key=lambda p: p.start,
    )


def _context_roles(mentions: list[Mention], watchlist: Watchlist) -> list[str]:
    """Roles present in the sentence, to read 'counterpart' as the same role in another country."""
    roles = [m.key for m in mentions if m.kind == "title"]
    for m in mentions:
        entity = watchlist.get(m.key) if m.kind == "entity" else None
        if entity is not None and entity.kind == "person":
            roles.extend(r.role for r in entity.roles)
    return list(dict.fromkeys(roles))


def _absorb_titles(items: list[Party]) -> list[Party]:
    """'le président russe Vladimir Poutine' is one party: the title joins the adjacent name."""
    titles = [p for p in items if p.form in ("title", "unresolved")]
    inside = [  # "ukrainien" in "le président ukrainien": kept as a mention, not in the way
        p
        for p in items
        if p not in titles and any(t.start <= p.start and p.end <= t.end for t in titles)
    ]
    merged: list[Party] = []
    for party in sorted((p for p in items if p not in inside), key=lambda p: p.start):
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.form in ("title", "unresolved")
            and party.participant.kind == "person"
            and party.start - previous.end <= 1
            and (
                previous.form == "unresolved" or previous.key == party.key or party.form == "local"
            )
        ):
            merged[-1] = Party(
                party.participant, previous.start, party.end, party.surface, party.form
            )
            continue
        merged.append(party)
    return merged + inside
