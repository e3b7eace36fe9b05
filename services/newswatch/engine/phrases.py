"""Phrases as token tuples, the way running text tokenises them, and the clause breaks that
bound a cue's reach. Shared by the modality, role and time readers."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc

# Not the Chinese enumeration comma "、": it separates the items of a list
# ("对柬埔寨、马来西亚、老挝进行访问"), and a plan cue before the list still governs the trigger.
CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "—", "–", "，", "；", "："})


def phrase_words(make_doc: Callable[[str], Doc], phrase: str) -> tuple[str, ...]:
    """A phrase as the lower-cased tokens running text gives (alone, "n'" splits as n + ')."""
    result: list[str] = []
    for token in make_doc(phrase):
        if token.text == "'" and result and token.i > 0 and not token.nbor(-1).whitespace_:
            result[-1] += "'"
        else:
            result.append(token.lower_)
    return tuple(result)


def occurrences(window: list[str], phrases: Iterable[tuple[str, ...]]) -> Iterator[tuple[int, int]]:
    """Every place a phrase occurs in ``window``, as (start, end), phrase by phrase."""
    for phrase in phrases:
        n = len(phrase)
        for i in range(len(window) - n + 1):
            if tuple(window[i : i + n]) == phrase:
                yield i, i + n


def contains(window: list[str], phrases: Iterable[tuple[str, ...]]) -> bool:
    return next(occurrences(window, phrases), None) is not None


def ends_at(tokens: list[str], end: int, phrases: Iterable[tuple[str, ...]]) -> bool:
    """One of ``phrases`` ends right before ``end`` ("citizens of | Israel")."""
    return any(end >= len(p) and tuple(tokens[end - len(p) : end]) == p for p in phrases)


def starts_at(tokens: list[str], start: int, phrases: Iterable[tuple[str, ...]]) -> bool:
    """One of ``phrases`` starts at ``start`` ("Chinese | tourists")."""
    return any(tuple(tokens[start : start + len(p)]) == p for p in phrases)


def gatherings(tokens: list[str], words: Iterable[str]) -> list[int]:
    """Where a summit, an inauguration or a funeral is named: the tokens holding a gathering
    word (cue ``gathering``, matched inside the word: "gipfel" in "Gipfeltreffen")."""
    return [i for i, token in enumerate(tokens) if any(w in token for w in words)]
