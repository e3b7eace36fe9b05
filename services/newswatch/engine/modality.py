"""Modality: did it happen, will it, was it called off, or was it only demanded or denied?

Cues are phrases from the patterns file, looked for in the trigger's clause: a window of tokens
before the trigger that stops at a clause break (so "Xi, qui ne cache pas son soutien, se rendra"
is not negated), plus a few lists read after it ("a été reportée", "next week"). Verb morphology
and, for languages without a tagger, verb endings ("se rendrait", "viajará") add the tense.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from newswatch.engine.patterns import Cues
from newswatch.engine.phrases import CLAUSE_BREAKS, contains, occurrences, phrase_words
from newswatch.engine.timeline import Anchor, Timeline

_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "nsubjpass")
# How "after" hangs on what it introduces: a clause (mark) or, in UD, a noun (case).
_INTRODUCING_DEPS = ("mark", "case")
# The longest sanctions noun phrase a "response to" can govern ("новые санкции", "new sanctions").
_RESPONSE_OBJECT = 3
# Without a parse, how near "after" its object starts: "nach dem letzten Besuch", "после визита".
_OBJECT_OF_AFTER = 5
# "The then Indian external affairs minister, X": how far before a name its past title may start.
_TITLE_REACH = 7
# "anniversary" -> "of" -> "visit": heads climbed from a trigger to its anniversary word; without
# a parser, how far before the trigger the word may stand ("el quinto aniversario de la visita")
# and, in Chinese, after it ("访华50周年")
_ANNIVERSARY_CLIMB = 3
_ANNIVERSARY_REACH = 8
_LINK_LENGTH = 4  # "de", "del", "des", "of", "the", "della": words that only link
_ANNIVERSARY_AFTER = 3
# How far back the clause of a denied report may open ("a démenti les informations selon
# lesquelles le président français et son homologue se seraient parlé au téléphone").
_REPORT_REACH = 24
# How a negation hangs on a verb: "not" (neg), "pas" (advmod), "didn't" (aux + neg).
_NEGATING_DEPS = ("neg", "advmod", "aux", "aux:pass", "auxpass")


class Modality:
    """One language's cues, ready to test against a sentence's tokens."""

    def __init__(self, cues: Cues, make_doc: Callable[[str], Doc]) -> None:
        self.cues_spec = cues
        self.cues = {k: [phrase_words(make_doc, p) for p in v] for k, v in cues.lists.items()}
        # One-word negations ("not", "pas", "nicht") that can hang on a predicate.
        self.negation_words = {p[0] for p in self.cues.get("negation", ()) if len(p) == 1}
        # One-word plan auxiliaries ("will", "va", "wird") that can hang on a predicate.
        self.plan_words = {p[0] for p in self.cues.get("announced", ()) if len(p) == 1}
        # "recibió a Ruto": the one-word markers of a person a host verb receives
        self.personal_words = {p[0] for p in self.cues.get("personal_object", ()) if len(p) == 1}
        # "la visita che Mattarella effettuerà": the pronouns opening a clause on a trip noun
        self.relative_words = {p[0] for p in self.cues.get("relative", ()) if len(p) == 1}
        # "appeler", "call": the verbs that call someone as well as call for something
        self.calling_verbs = {p[0] for p in self.cues.get("calling_verbs", ()) if len(p) == 1}

    def clause_before(self, tokens: list[str], start: int, width: int = 0) -> list[str]:
        """Up to ``window`` (or ``width``) tokens before ``start``, stopping at a clause break."""
        window: list[str] = []
        for j in range(start - 1, max(-1, start - 1 - (width or self.cues_spec.window)), -1):
            if tokens[j] in CLAUSE_BREAKS:
                break
            window.insert(0, tokens[j])
        return window

    def clause_after(self, tokens: list[str], end: int, width: int = 0) -> list[str]:
        window: list[str] = []
        for j in range(end, min(len(tokens), end + (width or self.cues_spec.window))):
            if tokens[j] in CLAUSE_BREAKS:
                break
            window.append(tokens[j])
        return window

    def _predicate_after(self, trigger: Span, tokens: list[str]) -> list[str]:
        """The clause after the trigger, only lower-case words counted against the window: the
        predicate of "Телефонных переговоров с канцлером Германии Олафом Шольцем и президентом
        США Джо Байденом нет в планах" stands behind a list of the call's parties."""
        doc = trigger.doc
        clause = self.clause_after(tokens, trigger.end, width=len(tokens))
        counted = 0
        for n, word in enumerate(doc[trigger.end : trigger.end + len(clause)]):
            if counted >= self.cues_spec.window:
                return clause[:n]
            counted += word.text[:1].islower()
        return clause

    def _clause_on(self, trigger: Span, tokens: list[str]) -> list[str]:
        """The clause after the trigger, or the relative clause that a comma sets off right
        after it ("визит, который Путин совершит в мае")."""
        end = trigger.end
        if end + 1 < len(tokens) and tokens[end] == "," and tokens[end + 1] in self.relative_words:
            end += 1
        return self.clause_after(tokens, end)

    def up_to(self, trigger: Span, tokens: list[str]) -> list[str]:
        """The trigger's clause before it and the trigger's own words ("en visite")."""
        return self.clause_before(tokens, trigger.start) + tokens[trigger.start : trigger.end]

    def around(self, trigger: Span, tokens: list[str]) -> list[str]:
        """The trigger's clause before it and after it, without its own words."""
        return self.clause_before(tokens, trigger.start) + self.clause_after(tokens, trigger.end)

    def told_from(self, trigger: Span, tokens: list[str]) -> list[str]:
        """The trigger's own words and its clause after it."""
        return tokens[trigger.start : trigger.end] + self.clause_after(tokens, trigger.end)

    def has(self, kind: str, window: list[str]) -> bool:
        return contains(window, self.cues.get(kind, ()))

    def non_diplomatic(self, trigger: Span, tokens: list[str]) -> bool:
        """ "party sanctions", "sanctions disciplinaires", "UEFA": not a state's sanctions."""
        window = (
            self.clause_before(tokens, trigger.start)[-4:]
            + tokens[trigger.start : trigger.end]
            + self.clause_after(tokens, trigger.end)[:4]
        )
        # "fueron sancionados por parte de la FIFA", "Verfehlungen gegen das Financial Fair Play
        # hart zu sanktionieren": a sports body or its rules anywhere in the sentence
        return self.has("non_diplomatic", window) or self.has("sport", tokens)

    def litotes(self, trigger: Span, tokens: list[str]) -> bool:
        """A negated doubt is a promise: "n'exclut pas de nouvelles sanctions", "would not
        hesitate to designate" (a threat, never a denial)."""
        return self.has("litotes", self.up_to(trigger, tokens))

    def planned(self, trigger: Span, tokens: list[str]) -> bool:
        """Said to come, not yet decided: "is expected to restore", "doit réintroduire",
        "will impose" (for sanctions: a threat until adopted)."""
        verb = self._verb(trigger)
        before = self.clause_before(tokens, trigger.start)
        return self.has("planned", before) or (verb is not None and self._future(verb))

    def taking_effect(self, trigger: Span, tokens: list[str]) -> bool:
        """ "Les nouvelles sanctions entreront en vigueur dans la journée": a decision taken,
        whose date of effect lies ahead; not a threat."""
        return self.has("in_force", self.told_from(trigger, tokens))

    def relief_weighed(self, trigger: Span, tokens: list[str], action: str | None) -> bool:
        """Relief only weighed, no decision: "a list of sanctions that could be eased" is no
        threat, and "could ease sanctions", "is considering lifting them" no lift."""
        if action == "threaten":
            return self.has("relief", self.told_from(trigger, tokens))
        return action == "lift" and self.has(
            "threatened", self.clause_before(tokens, trigger.start)
        )

    def negated(self, trigger: Span, tokens: list[str]) -> bool:
        if self.litotes(trigger, tokens):
            return self.denied(trigger) or self.appealed(trigger)
        before = self.clause_before(tokens, trigger.start)
        after = self._predicate_after(trigger, tokens)
        # "de nouvelles sanctions suivraient si la Russie ne change pas": a negation inside the
        # condition is the condition's
        condition = min(
            (i for i, _ in occurrences(after, self.cues.get("threatened_after", ()))), default=None
        )
        after = after if condition is None else after[:condition]
        return (
            self.has("negation", before)
            or self._report_denied(trigger.start, tokens)
            # "wird nicht verschoben": the negation is the cancellation's, the trip goes ahead
            or (self.has("negation_after", after) and not self._calling_off_denied(after))
            or self.denied(trigger)
            or self.appealed(trigger)
        )

    def _report_denied(self, start: int, tokens: list[str]) -> bool:
        """ "Der Kreml hat Berichte dementiert, wonach es ein Telefonat gegeben habe", "a démenti
        les informations selon lesquelles": the trigger's clause tells what a report says, and
        the words just before that clause deny the report."""
        before = self.clause_before(tokens, start, width=_REPORT_REACH)
        openings = sorted(occurrences(before, self.cues.get("report_clause", ())))
        if not openings:
            return False
        position = start - len(before) + openings[-1][0]
        if position > 0 and tokens[position - 1] in CLAUSE_BREAKS:
            position -= 1
        said_before = self.clause_before(tokens, position)[-5:]
        return self.has("negation", said_before) or self.has("report_rejected", said_before)

    def dropped(self, trigger: Span, tokens: list[str]) -> bool:
        """A plan withdrawn ("will no longer be visiting", "ne se rendra plus", "will not visit
        … as planned"): a negation that cancels a trip rather than denying one."""
        before = self.clause_before(tokens, trigger.start)[-self.cues_spec.window :]
        # "will not visit Ireland next month as planned": the plan may be named after the trip
        around = before + self.told_from(trigger, tokens)
        return self.has("dropped", around) or self.has(
            "dropped_after", tokens[trigger.start + 1 : trigger.end + 2]
        )

    def predicate(self, trigger: Span) -> str | None:
        """What the predicate of an event noun says of it: "negated" ("the call did not take
        place", "la visite n'aura pas lieu"), "planned" ("the visit will be later in the year"),
        "pending" ("un entretien téléphonique est évoqué", "a visit is being considered"), else
        None."""
        root = trigger.root
        if not trigger.doc.has_annotation("DEP") or root.dep_ not in _SUBJECT_DEPS:
            return None
        head = root.head
        if head.i < root.i or head in trigger:
            return None
        negations = self.negation_words
        if any(c.lower_ in negations for c in head.children if c.dep_ in _NEGATING_DEPS):
            calling_off = any(self.has(kind, [head.lower_]) for kind in _CALLING_OFF)
            # "la visite ne sera pas reportée": a plan kept, not a trip denied
            return "planned" if calling_off else "negated"
        if any(c.dep_ in _AUX_DEPS and c.lower_ in self.plan_words for c in head.children) or (
            head.pos_ in ("VERB", "AUX") and self._future(head)
        ):
            return "planned"  # "Trump's state visit will be later in the year"
        doc = trigger.doc
        around = [t.lower_ for t in doc[max(root.i + 1, head.i - 1) : head.i + 4]]
        return "pending" if self.has("pending", around) else None

    def invited(self, trigger: Span) -> bool:
        """Under a verb or noun of invitation ("a invité son homologue à se rendre à Moscou",
        "an invitation to visit Kenya"): offered. "à l'invitation de Poutine" governs nothing,
        it hangs on the trip."""
        lemmas = set(self.cues_spec.get("invitation"))
        if any(t.lemma_.lower() in lemmas or t.lower_ in lemmas for t in trigger):
            return True  # the trigger is the invitation: "invited Xi to visit"
        if trigger.doc.has_annotation("DEP"):
            return _governed_by(trigger, lemmas)
        # Without a parse: the invitation right before the trip word ("le reiteró la invitación
        # a visitarlo", "пригласил его посетить"), not the host's ("a invitación de Sánchez").
        words = [t.lower_ for t in trigger.doc[max(0, trigger.start - 3) : trigger.start + 1]]
        return any(
            self.has("invitation", [word]) and nxt not in _OF_HOST for word, nxt in pairwise(words)
        )

    def accepts(self, tokens: list[str]) -> bool:
        """The sentence says an invitation was accepted."""
        return self.has("accepted", tokens)

    def appealed(self, trigger: Span) -> bool:
        """Under a verb that asks for it, however far ("a appelé la communauté internationale à
        sanctionner", "called on Russia to return"), also as the second of the things asked
        ("urged Washington to extend the waivers and to renew them"): asked for, not done."""
        if self._phoned(trigger):
            return False
        return _governed_by(trigger, set(self.cues_spec.get("appeal")), infinitives=True)

    def _phoned(self, trigger: Span) -> bool:
        """ "a appelé au téléphone son homologue": the medium of the verb that calls (which also
        appeals, "appeler à"), so the call itself."""
        head = trigger.root.head
        return (
            head is not trigger.root
            and head.i < trigger.start
            and head.lemma_.lower() in self.calling_verbs
            and self.has("medium", [t.lower_ for t in trigger])
        )

    def asked_for(self, trigger: Span, tokens: list[str]) -> bool:
        """A demand or a condition written before it in its clause, or inside the trigger
        ("deben levantarse las sanciones", "pochten auf eine Aufhebung der Sanktionen", "une
        condition préalable à la levée"), or, where the verb comes last, after it ("die Aufhebung
        der Sanktionen befürwortet"): asked for, not done, in any language, parse or not."""
        inside = tokens[trigger.start : trigger.end]
        return self.has(
            "appeal_words", self.clause_before(tokens, trigger.start) + inside
        ) or self.has("appeal_after", self.clause_after(tokens, trigger.end))

    def opposed(self, trigger: Span, tokens: list[str]) -> bool:
        """Under a verb of opposition ("s'opposent à une levée des sanctions", "oppose lifting
        the sanctions"): a relief or an extension someone stands against has not happened."""
        if self.has("opposition", self.clause_before(tokens, trigger.start)[-3:]):
            return True  # "contre la levée", "против снятия": without a parse, the word before
        # not through a clause of time or cause: "rejected the sanctions a day after
        # Washington scrapped the old ones" tells of a real relief
        return _governed_by(trigger, set(self.cues_spec.get("opposition")), through=_ARGUMENT_DEPS)

    def blocked(self, trigger: Span, tokens: list[str]) -> bool:
        """A veto in its clause, before it or after it ("mit einem Veto … weitere Sanktionen
        verhindert"): a decision that was stopped, whatever it would have done."""
        return self.has("blocked", self.around(trigger, tokens))

    def speculated(self, trigger: Span, tokens: list[str]) -> bool:
        """Only said to be possible: "could", "pourrait" before the trigger, a verb-final modal
        right after it ("dass Scholz nach Moskau reisen könnte"), or "possible" right before it
        ("une éventuelle visite")."""
        return (
            self.has("speculative", self.clause_before(tokens, trigger.start))
            or self.has("speculative_after", tokens[trigger.end : trigger.end + 2])
            # "einem möglichen Telefonat", not "discussed a possible meeting during their call"
            or self.has("possible", self.clause_before(tokens, trigger.start)[-2:])
        )

    def received_thing(self, trigger: Span, tokens: list[str]) -> bool:
        """A reception verb whose object is a thing, not a guest: "a reçu un appel
        téléphonique", "received a letter", "welcomed the call for talks"; the date may stand
        between, set off by commas ("a reçu, ce jour, un appel")."""
        words = [t for t in tokens[trigger.end : trigger.end + 8] if t not in (",", "—", "–")]
        return self.has("received_things", words[:4])

    def received_call(self, trigger: Span, tokens: list[str]) -> bool:
        """ "a reçu hier un appel de son homologue", "received a phone call from": the subject
        took the call; the other side made it."""
        return self.has("received_call", self.clause_before(tokens, trigger.start)[-3:])

    def denied(self, trigger: Span) -> bool:
        """Under a denial verb, however far ("a démenti les informations selon lesquelles X
        aurait téléphoné", "dismissed as fabricated reports that X had phoned"). The climb stops
        at a coordination: "dismissed the idea and flew to Kyiv" is still a trip."""
        denials = set(self.cues_spec.get("denial"))
        if not denials or not trigger.doc.has_annotation("DEP"):
            return False
        reports = set(self.cues_spec.get("reports"))
        rejections = set(self.cues_spec.get("rejection"))
        reported = False  # the climb went through "reports", "rumeurs"
        token = trigger.root
        for _ in range(6):
            if token.dep_ in ("conj", "parataxis") or token.head is token:
                break
            token = token.head
            if token in trigger:
                continue
            lemma = token.lemma_.lower()
            if lemma in denials or (reported and lemma in rejections):
                return True
            reported = reported or lemma in reports
        # A misparse can hang the clause elsewhere: a trigger in a relative or complement
        # clause after a denial verb is still what was denied.
        if trigger.root.dep_ not in ("acl", "acl:relcl", "relcl", "ccomp"):
            return False
        before = trigger.doc[: trigger.start]
        return any(t.lemma_.lower() in denials and t.pos_ in ("VERB", "AUX") for t in before)

    def status(
        self,
        trigger: Span,
        tokens: list[str],
        default: str,
        anchor: Anchor | None = None,
        fixed: str | None = None,
    ) -> tuple[str, int]:
        """The status this mention gives, and how strongly (0 a default .. 3 explicit):
        a cancellation or an explicit end (3); the trigger's own meaning ("est arrivé": under
        way), a future verb or a plan, a date ahead (2); a past or present tense, cue words near
        a noun ("en visite", "on a tour"), a past date (1); else the default (0)."""
        before = self.up_to(trigger, tokens)
        after = tokens[trigger.end :]
        if self.called_off(trigger, tokens) or self.counterfactual(trigger, tokens):
            if self.rescheduled(before + after[: 2 * self.cues_spec.window]):
                return "announced", 3  # "put off until June": a new date, still ahead
            return "cancelled", 3
        if self._calling_off_denied(before + after[: self.cues_spec.window]):
            return "announced", 2  # "wird nicht verschoben", "will not be called off": still on
        verb = self._verb(trigger)
        future = verb is not None and self._future(verb)
        past = verb is not None and self._told_past(verb)
        # A trigger that says where the trip stands ("è arrivata in Giappone") keeps it against
        # a plan in the next clause ("..., dove ha in programma una visita").
        later = (
            after[: self.cues_spec.window]
            if fixed is None
            else self.clause_after(tokens, trigger.end)
        )
        # "la visite prévue du président", "the visit planned for": a plan, unless told as over
        soon = (
            self.has("announced_after", later)
            or (not past and self.has("planned_after", after[:1]))
            or (not past and self.has("future_after", self._clause_on(trigger, tokens)))
        )
        ahead = self._future_before(trigger, len(before) - len(trigger), past)
        if self.has("announced", before) or soon or future or ahead:
            return "announced", 2
        if (
            anchor is not None
            and anchor.future
            and not past
            and not self.has("trip_before", before[-6:])
        ):
            # "la visite de jeudi prochain", "Xi's trip on Monday" (ahead); not "Dopo la visita
            # in Oman, è atterrata a Tokyo dove venerdì ...", whose date is the next stop's
            return "announced", 2
        if fixed is not None:
            return fixed, 2  # "est arrivé": under way; "de retour de": over
        if self.ended(trigger, tokens) and not (verb is not None and _progressive_present(verb)):
            return "completed", 3  # not "is wrapping up his visit": there still
        if self.has("trip_before", before[-6:]):
            return "completed", 1  # "est arrivé au Laos après une visite au Vietnam": over
        if self.has("ongoing", before):
            return "ongoing", 1
        if (
            self.has("completed", before)
            or self.has("completed_after", after[: self.cues_spec.window])
            or past
        ):
            return "completed", 1 + past
        if verb is not None and (
            ("Pres" in verb.morph.get("Tense", []) and "Fin" in verb.morph.get("VerbForm", ["Fin"]))
            or _progressive_present(verb)
        ):
            return "ongoing", 1  # "Xi est en Russie", "is attending" (not "before heading to")
        if anchor is not None and anchor.days is not None:
            if anchor.days < 0:
                return "completed", 1
            if anchor.days == 0:
                return "ongoing", 1
        return default, 0

    def called_off(self, trigger: Span, tokens: list[str]) -> bool:
        """Cancelled or postponed. The trigger's own words count ("cancellation of"); the cue
        may come late in the sentence ("La visite ..., prévue la semaine prochaine, a été
        reportée"). A cue denied where it stands is none: "ne sera pas reportée", "will not
        be postponed"."""
        before = self.up_to(trigger, tokens)
        return self._asserted("cancelled", before) or self._asserted(
            "cancelled_after", tokens[trigger.end :]
        )

    def _calling_off_denied(self, window: list[str]) -> bool:
        """A cancellation cue with a one-word negation in the three words before it."""
        return any(self._negated_cues(window, *_CALLING_OFF))

    def _asserted(self, kind: str, window: list[str]) -> bool:
        """A cue of ``kind`` in ``window`` with no one-word negation in the three words before
        it."""
        return not all(self._negated_cues(window, kind))

    def _negated_cues(self, window: list[str], *kinds: str) -> list[bool]:
        """For each cue of ``kinds`` in ``window``: is a one-word negation among the three words
        before it ("ne sera pas reportée", "will not be postponed")?"""
        return [
            bool(self.negation_words.intersection(window[max(0, start - 3) : start]))
            for kind in kinds
            for start, _ in occurrences(window, self.cues.get(kind, ()))
        ]

    def rescheduled(self, window: list[str]) -> bool:
        """Postponed to a new date ("postponed until June", "reportée au printemps"), not
        to "a later date" or "sine die"."""
        vague = self.cues.get("rescheduled_vague", ())
        return any(
            j < len(window) and not contains(window[j : j + 3], vague)
            for _, j in occurrences(window, self.cues.get("rescheduled", ()))
        )

    def backward(self, trigger: Span) -> bool:
        """Told in a past tense: the trigger's verb (or the verb of its relative clause, as in
        "une vidéoconférence que les deux hommes ont tenue") is past."""
        verb = self._verb(trigger)
        if verb is not None and self._told_past(verb):
            return True
        root = trigger.root
        return any(
            c.dep_.startswith("acl") and "Past" in c.morph.get("Tense", []) for c in root.children
        )

    def intended(self, trigger: Span, tokens: list[str]) -> bool:
        """Told as a plan: a future or conditional verb or a plan cue (``announced``), never
        a past tense."""
        verb = self._verb(trigger)
        if verb is not None and self._told_past(verb):
            return False
        return self._plan(trigger, tokens, verb)

    def forward(self, trigger: Span, tokens: list[str]) -> bool:
        """Told as ahead of publication: a plan (``intended``) or a bare present ("flies to
        Luanda on Monday"), never a past tense."""
        verb = self._verb(trigger)
        if verb is not None and self._told_past(verb):
            return False
        if self._plan(trigger, tokens, verb):
            return True
        if verb is None:
            return False
        if verb.morph.get("Tense", []) == ["Pres"]:
            return not any(c.dep_ in ("aux", "aux:tense", "aux:pass") for c in verb.children)
        # "is expected in Islamabad on Friday": a present passive. Not French "est attendu",
        # which the parser cannot tell from the compound past "est arrivé".
        return any(
            c.dep_ == "auxpass" and "Pres" in c.morph.get("Tense", []) for c in verb.children
        ) and not any(c.dep_ == "aux" for c in verb.children)

    def _plan(self, trigger: Span, tokens: list[str], verb: Token | None) -> bool:
        """A plan cue before the trigger or a future verb (the caller has ruled out a past)."""
        before = self.clause_before(tokens, trigger.start)
        return self.has("announced", before) or (verb is not None and self._future(verb))

    def counterfactual(self, trigger: Span, tokens: list[str]) -> bool:
        """A plan that is off: "was to have visited", "aurait dû se rendre", and after a trip
        noun in its clause, "il viaggio di Meloni in Giappone sarebbe dovuto iniziare"."""
        return self.has("counterfactual", self.clause_before(tokens, trigger.start)) or self.has(
            "counterfactual", self.clause_after(tokens, trigger.end)
        )

    def ended(self, trigger: Span, tokens: list[str]) -> bool:
        """Said to be over: "a quitté Pékin au terme de sa visite", "wrapped up his trip"."""
        before = self.clause_before(tokens, trigger.start)
        after = self.clause_after(tokens, trigger.end)
        if self.has("ended_partial", before + after):
            return False  # "at the end of the first day of his visit": the day is over
        return self.has("ended", before) or self.has("ended", after)

    def existing(self, trigger: Span, tokens: list[str]) -> bool:
        """Sanctions already in force, their effects or their upkeep: "sous sanctions", "despite
        the sanctions", "maintain sanctions", "sanctions-hit"."""
        window = self.up_to(trigger, tokens)
        after = self.clause_after(tokens, trigger.end)
        if self.has("renewed", window + after):
            return False  # "de nouveau en vigueur", "back in force": imposed again
        return self.has("existing", window)

    def tally(self, trigger: Span, tokens: list[str], timeline: Timeline, today: date) -> bool:
        """A count of what has been done so far ("have so far sanctioned 1,200 people", "sono
        state imposte finora sanzioni", "have spoken four times since January"): history, unless
        it is the first such since or the toughest so far ("their first call since 2019", "die
        bislang schärfsten Sanktionen")."""
        clause = self.around(trigger, tokens)
        if self.has("record", clause):
            return False
        return self.has("tally", clause) or timeline.since(
            tokens, trigger.start, trigger.end, today, self.cues.get("since", ())
        )

    def former_office(self, start: int, tokens: list[str]) -> bool:
        """Named with a title held in the past ("the then foreign minister, X", "l'alors
        président X", "der damalige Kanzler X"): an appositive comma may part title and name."""
        end = start - 1 if start > 0 and tokens[start - 1] == "," else start
        return self.has("former_office", self.clause_before(tokens, end, width=_TITLE_REACH))

    def historical(self, trigger: Span, tokens: list[str]) -> bool:
        """Told as history: "lors de sa dernière visite", "his previous trip"; not the last stop
        of a tour ("un'ultima tappa a Tokyo", "the final leg")."""
        before = self.clause_before(tokens, trigger.start)[-3:]
        if self.has("final_leg", before + tokens[trigger.start : trigger.end]):
            return False
        return self.has("background", before)

    def anniversary(self, trigger: Span, tokens: list[str]) -> bool:
        """The event an anniversary marks is history: "the 50th anniversary of Nixon's visit to
        China", "el quinto aniversario de la visita de Obama", "尼克松访华50周年". With a parser
        the trigger must hang on the anniversary word ("for the anniversary of the alliance,
        Biden will visit Seoul" is news); without one, the word stands close before it (or
        right after it, in Chinese word order)."""
        words = self.cues.get("anniversary", ())
        if not words:
            return False
        doc = trigger.doc
        if doc.has_annotation("DEP"):
            token = trigger.root
            for _ in range(_ANNIVERSARY_CLIMB):
                if token.head is token:
                    return False
                token = token.head
                if contains([token.lower_], words):
                    return True
            return False
        before = self.clause_before(tokens, trigger.start)[-_ANNIVERSARY_REACH:]
        for _, end in occurrences(before, words):
            # only short linking words between: "aniversario de la visita", "Jahrestag des
            # Besuchs"; not "Zum Jahrestag des Kriegsbeginns verhängte die EU Sanktionen"
            if all(len(w) <= _LINK_LENGTH for w in before[end:]):
                return True
        return contains(self.clause_after(tokens, trigger.end)[:_ANNIVERSARY_AFTER], words)

    def earlier(self, trigger: Span, tokens: list[str]) -> bool:
        """Set back by a stretch of time: "six weeks after Modi's visit to Moscow", "trois mois
        après sa visite", "a week after Hipkins returned from China". The news is what comes
        after; the trip or call in the phrase is its background. The trigger must hang on the
        phrase's "after", inside what it introduces ("weeks after the election Macron called
        Biden" is today's call: the phrase only dates it), and a future clause ("will go two
        weeks after his trip to Moscow") tells no history."""
        before = self.clause_before(tokens, trigger.start, width=2 * self.cues_spec.window)
        if self.has("announced", before):
            return False
        at = _last_match(before, self.cues.get("interval_after", ()))
        if at is None:
            return False
        doc = trigger.doc
        after = doc[trigger.start - len(before) + at]
        if not doc.has_annotation("DEP"):  # no parser: the phrase's object comes right after it
            return trigger.start - after.i <= _OBJECT_OF_AFTER
        # Inside: the trigger (or what it hangs on) is the object of "after" ("after Modi's
        # visit"; German "nach" heads its noun), or "after" marks the trigger's own clause
        # ("after Hipkins returned", "après sa visite").
        token = trigger.root
        for _ in range(3):
            if token.head.i == after.i or (
                after.head.i == token.i and after.dep_ in _INTRODUCING_DEPS
            ):
                return True
            if token.head.i == token.i:
                return False
            token = token.head
        return False

    def conditional(self, trigger: Span, tokens: list[str]) -> bool:
        """Made to hang on a condition after it, in its clause or in the one a comma opens
        right after it ("sanctions if it attacks", "Sanktionen angekündigt, falls Russland
        angreift")."""
        if self.has("threatened_after", self.clause_after(tokens, trigger.end)):
            return True
        end = trigger.end
        return (
            end < len(tokens)
            and tokens[end] == ","
            and self.has("threatened_after", tokens[end + 1 : end + 3])
        )

    def responder_before(self, trigger: Span, tokens: list[str]) -> int | None:
        """Where a "response to" phrase before the trigger starts ("Москва ответит на новые
        санкции", "Moscow responded to new sanctions"): who is named before it answers the
        sanctions and did not impose them."""
        if len(trigger) > _RESPONSE_OBJECT:
            return None  # a whole verb phrase ("Sanktionen ein Einreiseverbot … verhängt")
        before = self.clause_before(tokens, trigger.start)
        found = [
            start
            for start, end in occurrences(before, self.cues.get("response", ()))
            # the phrase answers this trigger ("ответит на новые санкции", "responded to the
            # sanctions"), not other sanctions before it ("als Reaktion auf Sanktionen ein
            # Einreiseverbot verhängt": Russia's own ban)
            if len(before) - end <= 1
        ]
        return trigger.start - len(before) + min(found) if found else None

    def history_from(self, trigger: Span, tokens: list[str]) -> int | None:
        """Where a stretch-of-time phrase after the trigger starts ("The trip comes six weeks
        after Modi's visit to Moscow"): who is named beyond it belongs to the earlier event."""
        after = self.clause_after(tokens, trigger.end, width=2 * self.cues_spec.window)
        found = [
            (start, end)
            for start, end in occurrences(after, self.cues.get("interval_after", ()))
            # "reist nächste Woche nach China": a date ahead, no stretch of time
            if not (start > 0 and after[start - 1] in self.plan_words)
        ]
        return trigger.end + max(end for _, end in found) - 1 if found else None

    def alleged(self, trigger: Span) -> bool:
        """The conditional perfect of hearsay: "il se serait rendu à Abou Dhabi", "ils auraient
        eu un entretien": what others claim happened, not what the paper reports."""
        verb = next((t for t in trigger if t.pos_ == "VERB"), None) or self._verb(trigger)
        for _ in range(2):  # and the verb it depends on: "aurait souhaité se rendre"
            if verb is None:
                return False
            if "Part" in verb.morph.get("VerbForm", []) and any(
                c.dep_ in ("aux", "aux:tense", "aux:pass") and "Cnd" in c.morph.get("Mood", [])
                for c in verb.children
            ):
                return True
            verb = verb.head if verb.dep_ in ("xcomp", "ccomp") else None
        return False

    @staticmethod
    def _verb(trigger: Span) -> Token | None:
        """The verb whose tense tells the status: in the trigger, or governing a trigger noun
        ("effectuera une visite"); without a tagger, the trigger's first word past a clitic."""
        if not trigger.doc.has_annotation("POS"):
            # "lo porterà", "se trasladó": a short clitic before the verb tells no tense
            first = trigger[0]
            if len(trigger) > 1 and len(first) <= 3 and first.is_lower and trigger[1].is_lower:
                return trigger[1]
            return first
        # "s'est rendu jeudi": the participle, not its auxiliary, carries the tense
        verb = next((t for t in trigger if t.pos_ == "VERB"), None) or next(
            (t for t in trigger if t.pos_ == "AUX"), None
        )
        if verb is None and trigger.root.dep_ != "ROOT":
            head = trigger.root.head
            if head.pos_ != "VERB" and head.dep_ != "ROOT" and _a_frame(trigger.root, head):
                head = head.head  # "lors d'une visite", "au cours de sa visite": the frame's verb
            if head.pos_ == "VERB":
                verb = head
        return verb

    def _future_before(self, trigger: Span, reach: int, past: bool) -> bool:
        """Without a tagger, a trip noun after a verb in a future form among the ``reach`` words
        of its clause before it ("participará … durante la visita oficial", "incontrerà …
        durante la visita"): the trip is ahead too. A trigger told in the past keeps its tense."""
        suffixes = self.cues_spec.announced_suffixes
        if trigger.doc.has_annotation("POS") or past or not suffixes:
            return False
        return any(
            len(word) > 4 and word.text.islower() and word.lower_.endswith(suffixes)
            for word in trigger.doc[trigger.start - reach : trigger.start]
        )

    def _told_past(self, verb: Token) -> bool:
        """A past tense, from the tagger's morphology or, in a language without one, from the
        verb's ending ("visitó", "посетил"); a capitalised word (a German noun, "Visite") is
        no verb to read."""
        if verb.doc.has_annotation("MORPH"):
            return _past(verb)
        text = verb.text
        return (
            len(text) > 4
            and not text[0].isupper()
            and text.lower().endswith(self.cues_spec.past_suffixes)
        )

    def _future(self, verb: Token) -> bool:
        # "où il sera reçu": the participle is past, its auxiliary says when.
        auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "aux:pass", "aux:tense")]
        suffixes = self.cues_spec.announced_suffixes
        for word in (verb, *auxiliaries):
            tagged = "Fut" in word.morph.get("Tense", []) or "Cnd" in word.morph.get("Mood", [])
            # "où il effectue une visite": the small French model tags some presents as
            # futures; where a language's futures have endings, the form must show one.
            if tagged and (not suffixes or word.lower_.endswith(suffixes)):
                return True
        return verb.lower_.endswith(suffixes) and len(verb) > 4


def _a_frame(noun: Token, head: Token) -> bool:
    """A word that only frames the trip in time for a verb above it: an adverb ("lors
    d'une visite") or an adverbial noun ("au cours de sa visite", "à l'occasion de")."""
    if head.pos_ in ("ADV", "ADP"):
        return True
    return head.pos_ == "NOUN" and noun.dep_ == "nmod" and head.dep_ in ("obl:mod", "obl", "advmod")


def _past(verb: Token) -> bool:
    """A past tense; a participle in the present passive ("is expected", "est prévue") is not
    one, while a compound past ("has been received", "a été reçu", "est arrivé") is."""
    if "Past" not in verb.morph.get("Tense", []):
        return False
    if any(_future_or_modal(c) for c in verb.children if c.dep_ in _AUX_DEPS):
        return False  # "will be received", "sera reçu": the participle is past, not the event
    deps = {c.dep_: c for c in verb.children}
    passive = deps.get("auxpass") or deps.get("aux:pass")
    if passive is None or "aux" in deps or "aux:tense" in deps:
        return True
    return "Pres" not in passive.morph.get("Tense", [])


_AUX_DEPS = ("aux", "aux:pass", "aux:tense", "auxpass")
# The cue lists that call a trip off, before the trigger and after it.
_CALLING_OFF = ("cancelled", "cancelled_after")


def _future_or_modal(aux: Token) -> bool:
    morph = aux.morph
    return (
        "Fut" in morph.get("Tense", [])
        or "Cnd" in morph.get("Mood", [])
        or "Mod" in morph.get("VerbType", [])
        or aux.tag_ == "MD"  # English "will", "would": the tagger marks no tense on them
    )


def _progressive_present(verb: Token) -> bool:
    """ "is attending", "are visiting": under way at the time of writing."""
    return "Prog" in verb.morph.get("Aspect", []) and any(
        c.dep_ in _AUX_DEPS and "Pres" in c.morph.get("Tense", []) for c in verb.children
    )


def _last_match(window: list[str], phrases: Iterable[tuple[str, ...]]) -> int | None:
    """Where the last word of the last phrase found in ``window`` sits."""
    return max((end - 1 for _, end in occurrences(window, phrases)), default=None)


# How an argument hangs on the verb or noun that takes it: "oppose lifting", "refused to
# lift", "s'opposent à une levée".
_ARGUMENT_DEPS = frozenset(
    ("obj", "dobj", "obl", "obl:arg", "nmod", "pobj", "prep", "xcomp", "case", "acl", "iobj")
)


# "à l'invitation de", "a invitación del", "auf Einladung von": the host's, governing nothing
_OF_HOST = frozenset({"de", "del", "di", "dello", "della", "von", "vom", "des", "of", "du"})


def _governed_by(
    trigger: Span,
    lemmas: set[str],
    infinitives: bool = False,
    through: frozenset[str] | None = None,
) -> bool:
    """A word of ``lemmas`` before the trigger heads it within three steps of the parse, short
    of a coordination ("called on Russia to return", "invited Xi to visit"). With
    ``infinitives``, an infinitive joined to another ("to extend … and to renew") is climbed
    through: it is asked for as much as the first. With ``through``, only those links are."""
    if not lemmas or not trigger.doc.has_annotation("DEP"):
        return False
    token = trigger.root
    for _ in range(3):
        joined_infinitive = (
            infinitives and token.dep_ == "conj" and "Inf" in token.morph.get("VerbForm", [])
        )
        if (token.dep_ in ("conj", "parataxis") and not joined_infinitive) or token.head is token:
            return False
        if through is not None and token.dep_ not in through:
            return False
        token = token.head
        if token.lemma_.lower() in lemmas and token.i < trigger.start:
            return True
    return False
