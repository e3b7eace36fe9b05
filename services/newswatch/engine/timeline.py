"""When did it happen? Time expressions near a trigger, read against the publication date.

Status and background are judged as of publication (``../shared/ANNOTATION.md``): "Thursday" in an
article of Saturday is two days ago, "in 2019" in a 2023 article is history, "next week" is ahead.
The words are data (``time:`` in ``patterns/<lang>.yaml``): weekdays, months, phrases with a day
offset ("hier" = -1), "N units ago", and anchors such as "depuis"/"since" after which a date is a
point of comparison ("the first visit since 2019"), not the event's own date.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from spacy.tokens import Doc

from newswatch.engine.phrases import CLAUSE_BREAKS, ends_at, phrase_words

_YEAR = re.compile(r"^(19[5-9]\d|20[0-4]\d)(年)?$")
_DAY = re.compile(r"^([1-9]|[12]\d|3[01])(\.|er|º|°|日|号)?$")
# Further than this from the trigger, a time expression belongs to some other part of the sentence.
_REACH = 14
# "On this day in 1985, ...": how many words may open a sentence before the date that dates it,
# and the rank of such a date among the candidates (after any date in the trigger's clause).
_OPENING = 4
_OPENING_RANK = 3
# Without a parse, a date across a comma may still be the trigger's if it is this close.
_ACROSS_BREAK = 4
# "since" a date at least this many days back makes a tally ("since February"), where "since
# Tuesday" only says how long a visit or a crisis has lasted.
_TALLY_DAYS = 14


@dataclass(frozen=True)
class TimeWords:
    """One language's time lexicon as the patterns file writes it (``time:``)."""

    weekdays: tuple[tuple[str, ...], ...] = ()  # seven groups of forms, Monday first
    months: tuple[tuple[str, ...], ...] = ()  # twelve groups of forms, January first
    offsets: tuple[tuple[str, int], ...] = ()  # phrase -> days from publication
    ago_before: tuple[str, ...] = ()  # "il y a" (before the number)
    ago_after: tuple[str, ...] = ()  # "ago", "назад" (after the unit)
    ahead_before: tuple[str, ...] = ()  # "tra", "dans", "через" (before the number): ahead
    # "la mañana de este miércoles": a time of day whose word is also a day ("mañana":
    # tomorrow); these phrases are no date
    not_dates: tuple[str, ...] = ()
    units: tuple[tuple[str, int], ...] = ()  # word -> days
    numbers: tuple[tuple[str, int], ...] = ()  # word -> value
    anchors: tuple[str, ...] = ()  # "depuis", "since": what follows is a comparison
    # "in July 2023, when it froze": after a date, these open a clause that the date dates
    when: tuple[str, ...] = ()
    cjk_dates: bool = False  # "2019年3月5日" in character-tokenised text
    # A trip's length: the word before "deux jours" ("une visite de deux jours"), and one-word
    # forms by their stem ("dreitägigen": 3); English writes "a three-day visit".
    stay_before: tuple[str, ...] = ()
    stay_words: tuple[tuple[str, int], ...] = ()
    # Words written next to a month or weekday that say which one: "le 23 avril prochain",
    # "next March", "el pasado 5 de marzo", "jeudi dernier".
    next_words: tuple[str, ...] = ()
    last_words: tuple[str, ...] = ()

    def names_a_day(self, text: str) -> bool:
        """Whether ``text`` is a weekday or a month ("Lundi," opening a sentence is no person)."""
        word = text.lower()
        return any(word in forms for forms in (*self.weekdays, *self.months))


@dataclass(frozen=True)
class TimeExpr:
    start: int
    end: int
    days: int | None  # offset from publication, when it resolves to a day
    year: int | None  # an explicit year, when given
    exact: bool  # a day was resolved (not only a month or a year)
    relative: bool = False  # "hier", "three years ago": right whatever the reference's year
    weekday: bool = False  # "jeudi": last Thursday or next Thursday, as the verb's tense says
    directed: bool = False  # "avril prochain", "last March": the words, not the tense, say which


@dataclass(frozen=True)
class Anchor:
    """The time of one event mention relative to publication."""

    days: int | None  # negative: before publication
    year: int | None
    exact: bool
    known_reference: bool  # the reference is a real publication date, not an ingest time
    relative: bool = False
    weekday: bool = False
    opening: bool = False  # only the date that opens the sentence ("In 1985, ...")
    directed: bool = False

    def behind(self) -> Anchor:
        """A month or day told in the past tense ("tenue fin décembre", read on 4 December):
        last year's, not the coming one; unless the date says so itself ("a accepté
        l'invitation pour le 23 avril prochain")."""
        if self.relative or self.directed or self.year is not None:
            return self
        if self.days is None or self.days <= 0:
            return self
        return Anchor(self.days - 365, None, self.exact, self.known_reference)

    def ahead(self) -> Anchor:
        """The same weekday read forward ("On Monday Pompeo flies to Luanda"): next week's."""
        if not self.weekday or self.directed or self.days is None or self.days >= 0:
            return self
        return Anchor(self.days + 7, self.year, self.exact, self.known_reference, True, True)

    @property
    def past(self) -> bool:
        return self.days is not None and self.days < 0

    @property
    def future(self) -> bool:
        return self.days is not None and self.days > 0


def reference_date(published_at: str | None, fallback: datetime) -> tuple[date, bool]:
    """The date statuses are judged against, and whether it is a real publication date."""
    if published_at:
        try:
            return datetime.fromisoformat(published_at.replace("Z", "+00:00")).date(), True
        except ValueError:
            pass
    return fallback.date(), False


class Timeline:
    """Finds and resolves one language's time expressions in tokenised sentences."""

    def __init__(self, words: TimeWords, make_doc: Callable[[str], Doc]) -> None:
        def tokens(phrase: str) -> tuple[str, ...]:
            return phrase_words(make_doc, phrase)

        self._weekday = {w.lower(): i for i, forms in enumerate(words.weekdays) for w in forms}
        self._month = {w.lower(): i + 1 for i, forms in enumerate(words.months) for w in forms}
        self._cjk = words.cjk_dates
        # Character-tokenised languages write a weekday in several tokens (周四): as phrases.
        self._offsets_extra = [
            (tokens(w), ("weekday", i))
            for i, forms in enumerate(words.weekdays)
            for w in forms
            if len(tokens(w)) > 1
        ]
        self._units = {w.lower(): n for w, n in words.units}
        self._numbers = {w.lower(): n for w, n in words.numbers}
        self._offsets = sorted(
            ((tokens(p), days) for p, days in words.offsets), key=lambda o: -len(o[0])
        )
        self._ago_before = [tokens(p) for p in words.ago_before]
        self._ago_after = [tokens(p) for p in words.ago_after]
        self._ahead_before = [tokens(p) for p in words.ahead_before]
        self._not_dates = [tokens(p) for p in words.not_dates]
        self._anchors = [tokens(p) for p in words.anchors]
        self._when = frozenset(w.lower() for w in words.when)
        self._stay_before = frozenset(w.lower() for w in words.stay_before)
        self._stay_words = tuple((w.lower(), n) for w, n in words.stay_words)
        self._direction = {w.lower(): 1 for w in words.next_words} | {
            w.lower(): -1 for w in words.last_words
        }

    def stay(self, tokens: list[str]) -> int | None:
        """How many days a trip told in ``tokens`` lasts ("a three-day visit", "une visite de
        deux jours", "dreitägigen Besuch"), if the words say."""
        for i, token in enumerate(tokens):
            for stem, days in self._stay_words:
                if token.startswith(stem):
                    return days
            amount = self._amount(tokens, i)
            if amount is None or not 0 < amount <= 31:
                continue
            j = i + 1 + (i + 1 < len(tokens) and tokens[i + 1] == "-")
            unit = self._units.get(tokens[j]) if j < len(tokens) else None
            if unit not in (1, 7):
                continue
            if j > i + 1 or (i > 0 and tokens[i - 1] in self._stay_before):
                return amount * unit  # "three-day", "two-week", "de deux jours"; not "days ago"
        return None

    def expressions(self, tokens: list[str], today: date) -> list[TimeExpr]:
        """Every time expression in ``tokens`` (lower-cased), resolved against ``today``."""
        found: list[TimeExpr] = []
        taken: set[int] = set()
        if self._cjk:
            for expr in _cjk_expressions(tokens, today):
                found.append(expr)
                taken.update(range(expr.start, expr.end))
        for phrase in self._not_dates:
            for i in _find(tokens, phrase):
                taken.update(range(i, i + len(phrase)))
        for phrase, (_, weekday) in self._offsets_extra:
            for i in _find(tokens, phrase):
                if not taken.intersection(range(i, i + len(phrase))):
                    back = (today.weekday() - weekday) % 7
                    found.append(TimeExpr(i, i + len(phrase), -back, None, True, True, True))
                    taken.update(range(i, i + len(phrase)))
        for phrase, days in self._offsets:
            for i in _find(tokens, phrase):
                if not taken.intersection(range(i, i + len(phrase))):
                    found.append(TimeExpr(i, i + len(phrase), days, None, True, True))
                    taken.update(range(i, i + len(phrase)))
        for i in range(len(tokens)):
            if i in taken:
                continue
            dated = self._ago(tokens, i) or self._date(tokens, i, today)
            if dated is not None:
                found.append(dated)
                taken.update(range(dated.start, dated.end))
        return sorted(found, key=lambda e: e.start)

    def _ago(self, tokens: list[str], i: int) -> TimeExpr | None:
        """'il y a trois ans', 'three years ago', 'два года назад'; and ahead: 'tra un mese',
        'dans deux semaines', 'через месяц'."""
        for phrases, sign in ((self._ago_before, -1), (self._ahead_before, 1)):
            for phrase in phrases:
                if tuple(tokens[i : i + len(phrase)]) == phrase:
                    j = i + len(phrase)
                    amount = self._amount(tokens, j)
                    if amount is None and sign > 0 and j < len(tokens) and tokens[j] in self._units:
                        amount, j = 1, j - 1  # "через неделю", "dans l'année": one unit
                    if amount is not None and j + 1 < len(tokens) and tokens[j + 1] in self._units:
                        days = amount * self._units[tokens[j + 1]]
                        return TimeExpr(i, j + 2, sign * days, None, days < 30, True)
        amount = self._amount(tokens, i)
        if amount is not None and i + 1 < len(tokens) and tokens[i + 1] in self._units:
            for phrase in self._ago_after:
                if tuple(tokens[i + 2 : i + 2 + len(phrase)]) == phrase:
                    days = amount * self._units[tokens[i + 1]]
                    return TimeExpr(i, i + 2 + len(phrase), -days, None, days < 30, True)
        return None

    def _amount(self, tokens: list[str], i: int) -> int | None:
        if i >= len(tokens):
            return None
        if tokens[i].isdecimal() and len(tokens[i]) <= 3:
            return int(tokens[i])
        return self._numbers.get(tokens[i])

    def _date(self, tokens: list[str], i: int, today: date) -> TimeExpr | None:
        token = tokens[i]
        expr: TimeExpr | None = None
        if token in self._weekday:
            expr = self._weekday_expr(i, self._weekday[token], today, tokens)
        elif token in self._month:
            expr = self._month_expr(tokens, i, self._month[token], today)
        if expr is not None:
            return self._directed(tokens, expr, today)
        year = _YEAR.match(token)
        if year and not _in_number(tokens, i):
            value = int(year.group(1))
            # The year of publication alone says neither before nor after ("Expo 2025", "the
            # 2025 summit" read in August 2025); another year lies wholly on one side.
            days = None if value == today.year else _days(date(value, 7, 1), today)
            return TimeExpr(i, i + 1, days, value, False)
        return None

    def _directed(self, tokens: list[str], expr: TimeExpr, today: date) -> TimeExpr:
        """A month or weekday with "prochain"/"next" or "dernier"/"last" beside it: the next one
        after publication or the last one before it, whatever the nearest would be ("en
        octobre prochain" read in March is seven months ahead, not five back)."""
        if expr.year is not None or expr.days is None:
            return expr
        before = tokens[expr.start - 1] if expr.start > 0 else ""
        after = tokens[expr.end] if expr.end < len(tokens) else ""
        direction = self._direction.get(before) or self._direction.get(after)
        if direction is None:
            return expr
        unit = tokens[expr.end + 1] if expr.end + 1 < len(tokens) else ""
        if self._direction.get(after) and self._units.get(unit) == 365 and not expr.weekday:
            # "in March next year", "im Mai vergangenen Jahres": that year's, not the nearest
            when = shift(today, expr.days)
            try:
                when = when.replace(year=today.year + direction)
            except ValueError:  # 29 February
                when = when.replace(year=today.year + direction, day=28)
            return replace(expr, end=expr.end + 2, days=_days(when, today), directed=True)
        period = 7 if expr.weekday else 365
        days = expr.days
        if not expr.exact and shift(today, days).month == today.month:
            days += direction * period  # "mars prochain" read in March: next year's
        while direction > 0 and days <= 0:
            days += period
        while direction < 0 and days >= 0:
            days -= period
        return replace(expr, days=days, directed=True)

    def _weekday_expr(
        self, i: int, weekday: int, today: date, tokens: list[str]
    ) -> TimeExpr | None:
        if i + 1 < len(tokens) and _DAY.match(tokens[i + 1]):
            return None  # "lundi 3 mars": the date that follows says it all
        # Without the tense we cannot tell last Thursday from next Thursday; the nearer past day
        # is the common case in news ("a déclaré jeudi"); the status reader checks the tense.
        back = (today.weekday() - weekday) % 7
        return TimeExpr(i, i + 1, -back, None, True, True, True)

    def _month_expr(self, tokens: list[str], i: int, month: int, today: date) -> TimeExpr | None:
        start, end = i, i + 1
        day: int | None = None
        for j in (i - 1, i - 2):  # "14 juillet", "le 14 de julio", "14. Juli"
            if 0 <= j < len(tokens) and _DAY.match(tokens[j]):
                day, start = int(_DAY.match(tokens[j]).group(1)), j  # type: ignore[union-attr]
                break
            if 0 <= j < len(tokens) and tokens[j] not in ("de", "del"):
                break
        if day is None and end < len(tokens) and _DAY.match(tokens[end]):  # "July 14"
            day = int(_DAY.match(tokens[end]).group(1))  # type: ignore[union-attr]
            end += 1
        year: int | None = None
        for j in (end, end + 1, end + 2):
            match = _YEAR.match(tokens[j]) if j < len(tokens) else None
            if match:
                year, end = int(match.group(1)), j + 1
                break
            if j < len(tokens) and tokens[j] not in (",", "de", "del", "of", "года", "року"):
                break
        when = _closest(today, month, day or 15, year)
        if when is None:
            return None
        return TimeExpr(start, end, _days(when, today), year, day is not None)

    def anchor(
        self,
        tokens: list[str],
        start: int,
        end: int,
        today: date,
        known_reference: bool,
        attached: set[int] | None = None,
    ) -> Anchor | None:
        """The time expression that dates the trigger at ``start:end``: one the parse attaches
        to it (``attached`` token indices; None without a parse) or, failing that, the nearest
        in its clause, never one after an anchor word ("since 2019"). Across a clause break
        a date belongs to another verb ("the junta, which seized power last week, denounced")."""
        best: tuple[tuple[int, int], TimeExpr] | None = None
        for expr in self.expressions(tokens, today):
            if self._anchored(tokens, expr.start):
                continue
            if attached and attached.intersection(range(expr.start, expr.end)):
                rank = (0, 0)
            elif self._dates_clause_of(tokens, expr, start):
                rank = (0, start - expr.end)  # "date from July 2023, when it froze the assets"
            elif _opening(tokens, expr) and expr.end <= start:
                # "On this day in 1985, Reagan angers veterans by visiting Bitburg": a date
                # that opens the sentence dates its main clause, past the comma and far on.
                rank = (_OPENING_RANK, start - expr.end)
            else:
                distance = expr.start - end if expr.start >= end else start - expr.end
                if distance > _REACH:
                    continue
                lo, hi = (end, expr.start) if expr.start >= end else (expr.end, start)
                broken = any(t in CLAUSE_BREAKS for t in tokens[lo:hi])
                if broken and (attached is not None or distance > _ACROSS_BREAK):
                    continue
                rank = (1 + broken, distance)
            if best is None or rank < best[0]:
                best = (rank, expr)
        if best is None:
            return None
        rank, expr = best
        return Anchor(
            expr.days,
            expr.year,
            expr.exact,
            known_reference,
            expr.relative,
            expr.weekday,
            opening=rank[0] == _OPENING_RANK,
            directed=expr.directed,
        )

    def since(
        self,
        tokens: list[str],
        start: int,
        end: int,
        today: date,
        words: Sequence[tuple[str, ...]],
    ) -> bool:
        """A date after one of ``words`` ("since", "seit") in the trigger's clause that lies well
        back ("have designated 1,200 people since February", "seit 2014"): a tally of the past,
        not one new event."""
        for expr in self.expressions(tokens, today):
            if not _after_any(tokens, expr.start, words):
                continue
            lo, hi = (end, expr.start) if expr.start >= end else (expr.end, start)
            if hi - lo > _REACH or any(t in CLAUSE_BREAKS for t in tokens[lo:hi]):
                continue
            if expr.days is not None:
                days = expr.days
                if days > 0 and expr.year is None and not expr.relative and not expr.directed:
                    days -= 365  # "since February", read in December: the one gone by
                if days < -_TALLY_DAYS:
                    return True
            elif expr.year is not None and expr.year < today.year:
                return True
        return False

    def _dates_clause_of(self, tokens: list[str], expr: TimeExpr, start: int) -> bool:
        """The date is followed by "when" ("lorsque", "als") and the trigger sits in the clause
        that word opens: the date is the trigger's, across the comma."""
        if not self._when or expr.end > start:
            return False
        i = expr.end + 1 if expr.end < len(tokens) and tokens[expr.end] == "," else expr.end
        if i >= start or tokens[i] not in self._when:
            return False
        return not any(t in CLAUSE_BREAKS for t in tokens[i + 1 : start])

    def _anchored(self, tokens: list[str], start: int) -> bool:
        """Right after 'depuis', 'since', 'seit' (articles and prepositions may sit between)."""
        return _after_any(tokens, start, self._anchors)


def _opening(tokens: list[str], expr: TimeExpr) -> bool:
    """The expression is the sentence's opening phrase: at most ``_OPENING`` words before it
    ("On this day in", "Last") and a comma right after it."""
    return (
        expr.start <= _OPENING
        and expr.end < len(tokens)
        and tokens[expr.end] == ","
        and not any(t in CLAUSE_BREAKS for t in tokens[: expr.start])
    )


def _after_any(tokens: list[str], start: int, phrases: Sequence[tuple[str, ...]]) -> bool:
    """One of ``phrases`` ends at most two words before ``start``."""
    return any(ends_at(tokens, start - gap, phrases) for gap in range(3))


_CJK_NUMBER = "一二两三四五六七八九十几"
_CJK_DATE = re.compile(
    r"(?P<year>\d{4})年(?:(?P<m1>\d{1,2})月(?:(?P<d1>\d{1,2})[日号])?)?"
    r"|(?P<m2>\d{1,2})月(?P<d2>\d{1,2})[日号]"
    r"|(?P<n>\d+|[" + _CJK_NUMBER + r"]+)(?P<unit>天|周|个月|年)(?:前|以前)"
)
_CJK_UNITS = {"天": 1, "周": 7, "个月": 30, "年": 365}


def _cjk_expressions(tokens: list[str], today: date) -> list[TimeExpr]:
    """Dates in character-tokenised text: 2019年3月5日, 3月5日, 三年前."""
    text, owner = "", []
    for i, token in enumerate(tokens):
        text += token
        owner += [i] * len(token)
    found = []
    for match in _CJK_DATE.finditer(text):
        start, end = owner[match.start()], owner[match.end() - 1] + 1
        if match["unit"]:
            n = match["n"]
            amount = int(n) if n.isdecimal() else max(1, _CJK_NUMBER.find(n[0]) + 1)
            days = amount * _CJK_UNITS[match["unit"]]
            found.append(TimeExpr(start, end, -days, None, days < 30, True))
            continue
        year = int(match["year"]) if match["year"] else None
        month = int(match["m1"] or match["m2"] or 7)
        day_text = match["d1"] or match["d2"]
        when = _closest(today, month, int(day_text) if day_text else 15, year)
        if when is not None:
            exact = day_text is not None
            found.append(TimeExpr(start, end, _days(when, today), year, exact))
    return found


def _find(tokens: list[str], phrase: tuple[str, ...]) -> list[int]:
    n = len(phrase)
    return [i for i in range(len(tokens) - n + 1) if tuple(tokens[i : i + n]) == phrase]


def _in_number(tokens: list[str], i: int) -> bool:
    """'2 000 soldats', '2019-2020' budgets: a year-like token inside a bigger number."""
    before = tokens[i - 1] if i > 0 else ""
    after = tokens[i + 1] if i + 1 < len(tokens) else ""
    return before.isdigit() or after.isdigit() or after in ("%", "$", "€", "dollars", "euros")


def _closest(today: date, month: int, day: int, year: int | None) -> date | None:
    """The date with that month and day nearest to ``today`` (or in ``year`` when given)."""
    candidates = [year] if year else [today.year - 1, today.year, today.year + 1]
    best: date | None = None
    for y in candidates:
        try:
            when = date(y, month, day)
        except ValueError:
            when = date(y, month, 28)
        if best is None or abs((when - today).days) < abs((best - today).days):
            best = when
    return best


def _days(when: date, today: date) -> int:
    return (when - today).days


def shift(today: date, days: int) -> date:
    return today + timedelta(days=days)
