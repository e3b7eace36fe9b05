"""Typographic clean-up that keeps evidence offsets pointing into the article as published.

French elisions only tokenise when the apostrophe is ASCII (``l’invasion`` is one token,
``l'invasion`` two), and non-breaking or zero-width characters split or glue words in ways the
matchers do not expect. Every change is either a same-length substitution or a deletion recorded in
an offset map, so a span of the normalised text maps back to the original characters.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

# One character in, one character out.
_SUBSTITUTE: dict[str, str] = {
    "\u2019": "'",  # right single quotation mark (the usual French apostrophe)
    "\u2018": "'",
    "\u02bc": "'",  # modifier letter apostrophe
    "\u00b4": "'",
    "`": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00a0": " ",  # no-break space (before « : ; ? ! in French typography)
    "\u202f": " ",  # narrow no-break space
    "\u2007": " ",
    "\u2009": " ",  # thin space
    "\u200a": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u3000": " ",  # ideographic space
    "\u2010": "-",
    "\u2011": "-",
    "\u2028": "\n",
    "\u2029": "\n",
    "\u0085": "\n",
    "\t": " ",
    "\r": "\n",
}
# Invisible format characters (Unicode category Cf: zero-width joiners and spaces, soft hyphen,
# BOM, bidi marks and isolates) glue onto names or split them: dropped, with the offset map noting
# the gap. Bidi controls matter most: "\u200eXi Jinping" must still be Xi Jinping.
_FORMAT = "Cf"
# Full-width ASCII (U+FF01..U+FF5E) folds onto ASCII one for one: "Ｘｉ" is "Xi".
_FULLWIDTH = range(0xFF01, 0xFF5F)
_FULLWIDTH_SHIFT = 0xFEE0


# Characters only the slow path handles: format characters, full-width ASCII, and control
# characters that no substitution covers. Text without them (and already NFC, so no combining
# mark can compose) changes one character for one character: ``str.translate`` does it.
def _slow_path_class() -> str:
    codes = [
        code
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) in {"Cf", "Cc"}
        and chr(code) not in _SUBSTITUTE
        and chr(code) != "\n"
    ] + list(_FULLWIDTH)
    runs: list[tuple[int, int]] = []
    for code in sorted(codes):  # contiguous runs keep the character class small and fast
        if runs and code == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], code)
        else:
            runs.append((code, code))
    return "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in runs)


_SLOW = re.compile(f"[{_slow_path_class()}]")
_TRANSLATE = str.maketrans(_SUBSTITUTE)


@dataclass(frozen=True)
class Normalised:
    """The cleaned text and, per character, the original ``[start, end)`` it came from."""

    text: str
    starts: Sequence[int]
    ends: Sequence[int]
    original_length: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of ``text`` to the same span of the original text."""
        if start >= len(self.starts):
            return self.original_length, self.original_length
        begin = self.starts[start]
        return begin, (self.ends[end - 1] if end > start else begin)


def normalise(text: str) -> Normalised:
    """Clean ``text`` for tokenisation; see the module docstring for what changes."""
    if unicodedata.is_normalized("NFC", text) and not _SLOW.search(text):
        # Most articles: same length out, so the offset maps are the identity (ranges, no lists).
        size = len(text)
        return Normalised(text.translate(_TRANSLATE), range(size), range(1, size + 1), size)
    return normalise_slowly(text)


def normalise_slowly(text: str) -> Normalised:
    """Character by character: deletions and compositions recorded in the offset maps."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for index, char in enumerate(text):
        if unicodedata.category(char) == _FORMAT:
            continue
        if unicodedata.combining(char) and chars:
            # Compose e + U+0301 into é so "Pe\u0301kin" matches "Pékin"; the pair maps to one.
            composed = unicodedata.normalize("NFC", chars[-1] + char)
            if len(composed) == 1:
                chars[-1] = composed
                ends[-1] = index + 1
                continue
        char = _SUBSTITUTE.get(char, char)
        if ord(char) in _FULLWIDTH:
            char = chr(ord(char) - _FULLWIDTH_SHIFT)
        if unicodedata.category(char) == "Cc" and char != "\n":
            char = " "
        chars.append(char)
        starts.append(index)
        ends.append(index + 1)
    return Normalised("".join(chars), tuple(starts), tuple(ends), len(text))
