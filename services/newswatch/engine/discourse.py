"""Who the article has named so far, for the references a sentence makes to them.

Real copy names a leader once and then says "il", "the two leaders", "le chef de l'État", "his
Kenyan counterpart" or only the surname. A sentence read alone loses those participants; this
module keeps the article's people in order of mention and answers, for a position in the text:
the person a subject pronoun stands for (the most recent person, the first-named of the latest
sentence that names one), the pair "the two leaders" stands for, the holder of a bare title, and
where an unwatched person named earlier with a title reappears by surname. The words are data
(``references:`` in ``patterns/<lang>.yaml``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newswatch.contracts import Participant
from newswatch.engine.components import fold
from newswatch.engine.entities import Party
from newswatch.engine.patterns import ReferenceWords
from newswatch.engine.phrases import phrase_words
from newswatch.engine.watchlist import Watchlist

# A subject pronoun stands for someone named at most this many sentences earlier.
_PRONOUN_REACH = 3
# "The two leaders" stands for two people named at most this many sentences earlier.
_PAIR_REACH = 4
# A verbless lede takes the first person named in the next this many sentences.
_LEDE_REACH = 2
# Sentences around a mention that a reference could tie to it: the cascade parses a sentence
# without a name of its own only inside this window.
REACH = (max(_PRONOUN_REACH, _PAIR_REACH), _LEDE_REACH)
# French "il y a", "il faut": impersonal, nobody.
_IMPERSONAL_NEXT = frozenset({"y", "faut", "semble", "s'agit", "convient", "reste", "paraît"})


@dataclass
class Person:
    participant: Participant
    roles: frozenset[str]
    surname: str | None = None  # for unwatched people: how later sentences may name them


@dataclass
class _Sighting:
    sentence: int
    position: int
    person: Person


@dataclass
class Discourse:
    """The article's people in order of mention, and the references that point back to them."""

    pronouns: set[tuple[str, ...]]
    pairs: list[tuple[tuple[str, ...], int]]  # "les trois dirigeants": the phrase, how many
    zero_subject: bool
    sightings: list[_Sighting] = field(default_factory=list)
    local: dict[str, Person] = field(default_factory=dict)  # participant key -> unwatched person
    states: list[tuple[int, Participant]] = field(default_factory=list)  # countries, in order
    bodies: list[tuple[str, ...]] = field(default_factory=list)  # "the junta", "le régime"
    places: list[tuple[str, ...]] = field(default_factory=list)  # "ese país", "that country"
    latter: list[tuple[str, ...]] = field(default_factory=list)  # "the latter", "celui-ci"
    # Watched people by surname as the article writes it ("Wong" for Penny Wong).
    surnames: dict[str, set[Participant]] = field(default_factory=dict)
    watchlist: Watchlist | None = None
    # ISO code -> the watched country ("ese país" after a Brazilian names Brazil)
    country_of: Callable[[str], Participant | None] = lambda code: None

    @classmethod
    def start(
        cls,
        words: ReferenceWords,
        make_doc: Callable[[str], Doc],
        watchlist: Watchlist,
        numbers: dict[str, int] | None = None,
        institutions: Sequence[str] = (),
        country_of: Callable[[str], Participant | None] = lambda code: None,
    ) -> Discourse:
        """An empty discourse; the pipeline ``add``s the article's sentences in order, so that a
        bare title ("le chef de l'État") resolves against the people named before it."""
        return cls(
            pronouns={_folded(phrase_words(make_doc, p)) for p in words.pronouns},
            pairs=sorted(
                (
                    (phrase, _count(phrase, numbers or {}))
                    for phrase in (_folded(phrase_words(make_doc, p)) for p in words.pairs)
                ),
                key=lambda p: -len(p[0]),
            ),
            zero_subject=words.zero_subject,
            bodies=sorted(
                (_folded(phrase_words(make_doc, p)) for p in institutions), key=lambda p: -len(p)
            ),
            latter=[_folded(phrase_words(make_doc, p)) for p in words.latter],
            places=[_folded(phrase_words(make_doc, p)) for p in words.places],
            watchlist=watchlist,
            country_of=country_of,
        )

    def add(self, index: int, parties: list[Party], titles_of: dict[int, str]) -> None:
        """Sentence ``index``'s parties (tokenizer-only pass), with the title role sitting right
        before each party (``titles_of[party.start]``)."""
        for party in parties:
            participant = party.participant
            if participant.kind == "country" and party.form in ("name", "short", "institution"):
                self.states.append((index, participant))
            if participant.kind != "person":
                continue
            if participant.watched:
                entity = self.watchlist.get(participant.wikidata or "") if self.watchlist else None
                roles = frozenset(r.role for r in entity.roles) if entity else frozenset()
                person = Person(participant, roles)
                if party.form in ("name", "short"):
                    for name in (participant.name, party.surface):
                        self.surnames.setdefault(fold(name.split()[-1]), set()).add(participant)
                        if participant.country in _FAMILY_NAME_FIRST and len(name.split()) > 1:
                            # "Hu" after "Hu Jintao": the family name comes first
                            self.surnames.setdefault(fold(name.split()[0]), set()).add(participant)
            else:
                # the party may hold its title ("Egyptian President Mohamed Mursi")
                role = next(
                    (titles_of[i] for i in range(party.start, party.end) if i in titles_of), None
                )
                known = self.local.get(participant.key)
                if known is None and party.form == "local":
                    surname = participant.name.split()[-1]
                    known = Person(participant, frozenset({role} if role else ()), surname)
                    self.local[participant.key] = known
                if known is None:
                    continue
                person = known
            self.sightings.append(_Sighting(index, party.start, person))

    # --- what a sentence refers to ---------------------------------------------------------------

    def references(self, doc: Doc, sentence: int, parties: list[Party]) -> list[Party]:
        """Parties for the references in ``doc`` (sentence number ``sentence``) that the
        sentence's own parties do not already cover."""
        taken = {i for p in parties for i in range(p.start, p.end)}
        tokens = [fold(t.lower_) for t in doc]  # "chefs d'Etat" as "chefs d'état"
        extra: list[Party] = []
        for local in self.local.values():  # "Faye" alone, after "le président ... Faye"
            if local.surname is None:
                continue
            for word in doc:
                if word.text == local.surname and word.i not in taken:
                    extra.append(_party(local.participant, word.i, word.i + 1, word.text))
                    taken.add(word.i)
        for word in doc:  # "M. Champagne" after "François-Philippe Champagne"
            known = self.surnames.get(fold(word.text), set()) if _surname_like(word) else set()
            if len(known) == 1 and word.i not in taken:
                extra.append(_party(next(iter(known)), word.i, word.i + 1, word.text))
                taken.add(word.i)
        for phrase, count in self.pairs:
            n = len(phrase)
            for i in _free_at(tokens, phrase, taken):
                group = self.group(sentence, count, before=people_before(parties, i))
                if group:
                    surface = doc[i : i + n].text
                    extra += [_party(p, i, i + n, surface) for p in group]
                    taken.update(range(i, i + n))
        for body in self.bodies:  # "the junta denounced": the state last named
            n = len(body)
            for i in _free_at(tokens, body, taken):
                state = self.state(sentence)
                if state is not None:
                    extra.append(Party(state, i, i + n, doc[i : i + n].text, "body"))
                    taken.update(range(i, i + n))
        for place in self.places:  # "visitará ese país": the state last named, before the words
            n = len(place)
            for i in _free_at(tokens, place, taken):
                named = self._state_before(sentence, parties, i)
                if named is not None:
                    extra.append(Party(named, i, i + n, doc[i : i + n].text, "place"))
                    taken.update(range(i, i + n))
        for phrase in self.latter:  # "Celui-ci rencontrera …": the one named last
            # compared without the token breaks: "Celui-ci" splits where "celui-ci" does not
            written = "".join(phrase)
            for i in range(len(tokens)):
                n = next((k for k in range(1, 5) if "".join(tokens[i : i + k]) == written), 0)
                if not n or taken.intersection(range(i, i + n)):
                    continue
                if i + n < len(doc) and doc[i + n].pos_ in ("NOUN", "ADJ"):
                    continue  # "ce dernier voyage": a determiner
                person = self.last_named(sentence, people_before(parties, i))
                if person is not None:
                    extra.append(_party(person, i, i + n, doc[i : i + n].text))
                    taken.update(range(i, i + n))
                    self._seen_again(sentence, i, person)
        for i, token in enumerate(tokens):
            if (token,) in self.pronouns and i not in taken and not _impersonal(tokens, i):
                person = self.pronoun(sentence, before=people_before(parties, i))
                if person is not None:
                    extra.append(_party(person, i, i + 1, doc[i].text))
                    taken.add(i)
                    self._seen_again(sentence, i, person)
        return extra

    def _seen_again(self, sentence: int, position: int, participant: Participant) -> None:
        """ "Xi attended 27 events. He met Obama and Biden. He also visited a farm": the person
        a pronoun stood for is the one the sentence is about, ahead of those named after it."""
        known = next(
            (s.person for s in self.sightings if s.person.participant.key == participant.key), None
        )
        if known is not None:
            self.sightings.append(_Sighting(sentence, position, known))

    def named_again(self, party: Party) -> Party:
        """A person the parser found ("Ms. Wong is due in...") who is a watched person the
        article named in full: that person, when only one of them has the surname."""
        if party.form != "ner" or party.participant.kind != "person":
            return party
        surname = fold(party.surface.split()[-1])
        known = self.surnames.get(surname, set())
        if not known:
            # "Mursi" after "Egyptian President Mohamed Mursi", whom no list knows: the same man
            known = {
                local.participant
                for local in self.local.values()
                if local.surname is not None
                and fold(local.surname) == surname
                and fold(local.participant.name).endswith(fold(party.surface))
            }
        if not known:
            # "Hu" after "Chinese President Hu Jintao": the family name comes first
            known = {
                local.participant
                for local in self.local.values()
                if local.participant.country in _FAMILY_NAME_FIRST
                and fold(local.participant.name).split()[0] == fold(party.surface)
            }
        if len(known) != 1:
            return party
        return _party(next(iter(known)), party.start, party.end, party.surface)

    def state(self, sentence: int) -> Participant | None:
        """The country a bare "the government", "la junte" stands for: the last one named, at
        most ``_PRONOUN_REACH`` sentences back."""
        for index, participant in reversed(self.states):
            if sentence - _PRONOUN_REACH <= index <= sentence:
                return participant
        return None

    def _state_before(
        self, sentence: int, parties: list[Party], position: int
    ) -> Participant | None:
        """The country last named before ``position``, or the country of the person last named:
        in this sentence past its first party ("Boric … con su homólogo brasileño, Lula, …
        visitará ese país"; the first is mostly the one who goes), else in the sentences before.
        A country named by its name in this sentence comes first: "se encuentra en Lima, Perú, el
        presidente Duque, ... una visita de Estado a ese país"."""
        before = [p for p in parties if p.end <= position and p.form != "place"]
        named = [p for p in before if p.participant.kind == "country" and p.form == "name"]
        if named:
            return named[-1].participant  # a country named by its name outranks a home
        for party in reversed(before[1:]):
            participant = party.participant
            if participant.kind == "country":
                return participant
            if participant.kind == "person" and participant.country:
                home = self.country_of(participant.country)
                if home is not None:
                    return home
        for index in range(sentence - 1, sentence - _PRONOUN_REACH - 1, -1):
            people = [s.person.participant for s in self.sightings if s.sentence == index]
            homes = [self.country_of(p.country) for p in people if p.country]
            states = [p for i, p in self.states if i == index]
            if found := [h for h in homes if h is not None] or states:
                return found[-1]
        return None

    def pronoun(self, sentence: int, before: list[Participant] | None = None) -> Participant | None:
        """The person a subject pronoun at ``sentence`` stands for: the first named ("Xi a
        déclaré qu'il se rendrait...": the sentence's own subject)."""
        return self._named_before(sentence, before, last=False)

    def last_named(
        self, sentence: int, before: list[Participant] | None = None
    ) -> Participant | None:
        """The person "the latter", "celui-ci" stands for: the last one named before it."""
        return self._named_before(sentence, before, last=True)

    def _named_before(
        self, sentence: int, before: list[Participant] | None, last: bool
    ) -> Participant | None:
        """The first (or last) person named before, in the sentence itself or else in the
        nearest sentence, at most ``_PRONOUN_REACH`` back, that names one."""
        at = -1 if last else 0
        if before:
            return before[at]
        for index in range(sentence - 1, max(-1, sentence - 1 - _PRONOUN_REACH), -1):
            seen = sorted((s for s in self.sightings if s.sentence == index), key=_in_order)
            if seen:
                return seen[at].person.participant
        return None

    def group(
        self, sentence: int, count: int, before: list[Participant] | None = None
    ) -> list[Participant] | None:
        """The people "les deux dirigeants", "the three leaders" stand for: the most recently
        named, as many as the phrase says."""
        chosen: list[Participant] = []

        def take(people: Iterable[Participant]) -> None:
            for person in people:
                if len(chosen) < count and person.key not in {c.key for c in chosen}:
                    chosen.append(person)

        for person in before or []:  # the sentence's own, each once, however many
            if person.key not in {c.key for c in chosen}:
                chosen.append(person)
        for index in range(sentence, max(-1, sentence - 1 - _PAIR_REACH), -1):
            if index == sentence and before is not None:
                continue
            take(s.person.participant for s in self.sightings if s.sentence == index)
        if not chosen and sentence == 0:
            # "La conversation tant attendue entre les deux présidents a eu lieu. … le
            # dirigeant américain …": an opening that names nobody yet speaks of the people
            # the next sentences name.
            later = [s for s in self.sightings if 0 < s.sentence <= _LEDE_REACH + 2]
            take(
                s.person.participant for s in sorted(later, key=lambda s: (s.sentence, s.position))
            )
        return chosen if len(chosen) == count else None

    def subject(self, sentence: int, verbless: bool = False) -> Participant | None:
        """Who an unwritten subject most likely is: in a pro-drop language, or in a sentence
        without a finite verb ("Une heure et demie au téléphone avec Poutine."), the person the
        story is about; at the very start, the first person named next."""
        if not (self.zero_subject or verbless):
            return None
        found = self.pronoun(sentence)
        if found is None and verbless:
            later = [s for s in self.sightings if sentence < s.sentence <= sentence + _LEDE_REACH]
            found = later[0].person.participant if later else None
        return found

    def holder(
        self, role: str, country: str | None, sentence: int, *, watched: bool | None = None
    ) -> Participant | None:
        """A bare or country title ("le président", "le chef de l'État sénégalais") for a person
        named before with that role (and country, when given); ``watched`` narrows the search.

        With a country, the last one named. A bare title is the story's own: "Macron est arrivé
        au Caire, où il est reçu par le président égyptien. Le chef de l'État venait d'Amman"
        is Macron again, so the holder named most often wins, then the first named."""
        seen: dict[str, tuple[int, int, Participant]] = {}  # key -> (count, -first, who)
        for order, sighting in enumerate(s for s in self.sightings if s.sentence < sentence):
            person = sighting.person
            if watched is not None and person.participant.watched != watched:
                continue
            if role not in person.roles:
                continue
            if country is not None:
                if person.participant.country == country:
                    seen = {"": (0, 0, person.participant)}  # the last one wins
                continue
            count, first, _ = seen.get(person.participant.key, (0, -order, person.participant))
            seen[person.participant.key] = (count + 1, first, person.participant)
        if not seen:
            return None
        return max(seen.values(), key=lambda v: (v[0], v[1]))[2]


def _in_order(sighting: _Sighting) -> int:
    return sighting.position


def _count(phrase: tuple[str, ...], numbers: dict[str, int]) -> int:
    return next((numbers[w] for w in phrase if w in numbers), 2)


def _folded(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(fold(w) for w in words)


def _party(participant: Participant, start: int, end: int, surface: str) -> Party:
    return Party(participant, start, end, surface, "reference")


def people_before(parties: list[Party], position: int) -> list[Participant]:
    """People named earlier in the same sentence, first-named first."""
    return [
        p.participant
        for p in sorted(parties, key=lambda p: p.start)
        if p.end <= position and p.participant.kind == "person"
    ]


# Where a person's family name is written first ("Hu Jintao", "Moon Jae-in", "Kim Yo Jong").
_FAMILY_NAME_FIRST = frozenset({"CN", "TW", "HK", "MO", "KR", "KP"})


def _surname_like(word: Token) -> bool:
    """A proper noun that could be someone's surname: not a function word ("Un" of Kim Jong Un)
    nor a short token."""
    return word.pos_ == "PROPN" and word.is_title and not word.is_stop and len(word.text) > 3


def _impersonal(tokens: list[str], i: int) -> bool:
    return i + 1 < len(tokens) and tokens[i + 1] in _IMPERSONAL_NEXT


def title_roles(span: Span, mentions: Sequence[object]) -> dict[int, str]:
    """For each party start in ``span``: the role of a title right before it (one token gap at
    most), so "le président sénégalais Faye" gives Faye the head_of_state role."""
    roles: dict[int, str] = {}
    titles = [m for m in mentions if getattr(m, "kind", None) == "title"]
    for mention in mentions:
        start = getattr(mention, "start", -1)
        if getattr(mention, "kind", None) not in ("person", "entity"):
            continue
        for title in titles:
            if 0 <= start - title.end <= 1:  # type: ignore[attr-defined]
                roles[start] = title.key  # type: ignore[attr-defined]
    return roles


def _free_at(tokens: list[str], phrase: tuple[str, ...], taken: set[int]) -> Iterator[int]:
    """Where ``phrase`` stands in ``tokens`` on words no party holds yet; ``taken`` is read as
    the caller fills it, so a match never overlaps one found before it."""
    n = len(phrase)
    for i in range(len(tokens) - n + 1):
        if tuple(tokens[i : i + n]) == phrase and not taken.intersection(range(i, i + n)):
            yield i
