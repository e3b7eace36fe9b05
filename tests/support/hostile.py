"""Seeded hostile input: what the open web and careless producers put on ``news.articles``.

Every sample says what ``decode_article`` must make of it: a rejection ``reason`` (the DLQ's
``x-error-reason``), or ``None`` for a valid article that must be tagged, not rejected. The same
seed gives the same bytes, so a failure found at volume can be replayed in a unit test.

Decisions the samples encode (and the worker is held to):

- Size is checked first: anything above ``max_bytes`` is ``oversize`` whatever else is wrong.
- A UTF-8 byte-order mark is rejected as ``json`` (Python's parser refuses it; producers send plain
  UTF-8). UTF-16/32 with a BOM is ``encoding``; UTF-16 without a BOM of ASCII text is valid UTF-8
  full of NUL bytes, hence ``json``.
- A lone UTF-16 surrogate escaped in JSON (``"\\ud800"``) is ``encoding``: it is not text.
- Whitespace-only, one-character, emoji-only, escaped control characters (``"\\u0000"``), bidi
  controls, combining floods and homoglyphs are *valid*: the schema asks for a non-empty string,
  and judging content is the engine's job (it returns no alerts), not the dead-letter topic's.
- Duplicate keys are valid, the last one wins (RFC 8259 leaves it open; Python's rule).
"""

from __future__ import annotations

import gzip
import json
import random
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from newswatch.contracts import RejectReason


@dataclass(frozen=True)
class Limits:
    """The worker's input limits the samples are built against."""

    max_bytes: int
    max_text_chars: int

    def __post_init__(self) -> None:
        if self.max_bytes < self.max_text_chars + 1024:
            raise ValueError("max_bytes must leave room for a text of max_text_chars + 1 (ASCII)")


@dataclass(frozen=True)
class Sample:
    category: str
    raw: bytes | None
    reason: RejectReason | None  # None: valid, must be tagged


@dataclass(frozen=True)
class Passage:
    """Short text the engine must tag with ``event_type``: the good messages in a corpus."""

    text: str
    language: str
    event_type: str


GOOD_PASSAGES: tuple[Passage, ...] = (
    Passage(
        "Xi Jinping se rendra en Russie la semaine prochaine à l'invitation de Vladimir Poutine.",
        "fr",
        "state_visit",
    ),
    Passage(
        "Emmanuel Macron s'est entretenu au téléphone avec Volodymyr Zelensky mardi.",
        "fr",
        "phone_call",
    ),
    Passage(
        "L'Union européenne a imposé de nouvelles sanctions contre la Russie.", "fr", "sanctions"
    ),
    Passage("Emmanuel Macron a rencontré Olaf Scholz à Genève vendredi.", "fr", "meeting"),
    Passage(
        "Xi Jinping will visit Russia next week at the invitation of Vladimir Putin.",
        "en",
        "state_visit",
    ),
    Passage("Joe Biden spoke by phone with Emmanuel Macron on Tuesday.", "en", "phone_call"),
    Passage("The United States imposed new sanctions on Iran on Monday.", "en", "sanctions"),
    Passage("Olaf Scholz met Emmanuel Macron in Geneva on Friday.", "en", "meeting"),
)

# Filler with accents (so Latin-1 differs from UTF-8) and no watched name, no trigger.
_FILLER = (
    "Le marché a été très calme à Genève, déclaré le porte-parole.",
    "Les prévisions météo annoncent un été chaud et sec.",
    "The committee published its quarterly report on regional trade.",
    "Der Bericht wurde am Montag veröffentlicht.",
    "El informe se publicó el lunes en Madrid.",
)
# Declared languages: with patterns, and without (valid per the schema, tagged with no alert).
_DECLARED = ("fr", "en", "de", "es", "ru", "it", "ar")
_INVALID_UTF8 = (
    b"\xff",
    b"\xfe",
    b"\xc3\x28",  # lead byte without its continuation
    b"\xa0\xa1",  # continuation bytes with no lead
    b"\xed\xa0\x80",  # a UTF-16 surrogate encoded as UTF-8 (CESU-8)
    b"\xc0\xaf",  # overlong '/'
    b"\xf8\x88\x80\x80\x80",  # five-byte sequence
    b"\xf4\x90\x80\x80",  # above U+10FFFF
    b"\xe2\x82",  # truncated three-byte sequence
)
_BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_HOMOGLYPHS = str.maketrans("aceopxyiABCEHKMOPTXJ", "асеорхуіАВСЕНКМОРТХЈ")  # Cyrillic lookalikes


def _rid(rng: random.Random) -> str:
    return "h-" + "".join(rng.choices(string.hexdigits.lower(), k=16))


def _article(rng: random.Random, text: str | None = None) -> dict[str, Any]:
    """A schema-valid article with a random selection of the optional fields."""
    doc: dict[str, Any] = {"id": _rid(rng), "text": text or rng.choice(_FILLER)}
    if rng.random() < 0.5:
        doc["title"] = rng.choice(_FILLER)[:40]
    if rng.random() < 0.5:
        doc["url"] = f"https://example.org/{doc['id']}"
    if rng.random() < 0.3:
        doc["source"] = "example.org"
    if rng.random() < 0.3:
        doc["language"] = rng.choice(_DECLARED)
    if rng.random() < 0.5:
        doc["published_at"] = f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}T08:30:00Z"
    return doc


def _dump(doc: Any, *, ascii_only: bool = False) -> bytes:
    return json.dumps(doc, ensure_ascii=ascii_only).encode("utf-8")


def _boundary(raw: bytes, at: int) -> int:
    """``at`` moved back to the start of a UTF-8 character, so a cut never splits one."""
    while 0 < at < len(raw) and 0x80 <= raw[at] < 0xC0:
        at -= 1
    return at


def _splice(raw: bytes, rng: random.Random, insert: bytes, *, after: bytes = b'"text": "') -> bytes:
    """``insert`` at a random point inside the string that follows ``after``."""
    start = raw.index(after) + len(after)
    end = raw.index(b'"', start)
    at = _boundary(raw, rng.randint(start, end))
    return raw[:at] + insert + raw[at:]


@cache
def _gzip_bomb(expanded: int) -> bytes:
    """An HTML page that inflates ~1000-fold; the worker must never decompress it."""
    page = b"<html><body>" + b"<div>" * (expanded // 5) + b"</body></html>"
    return gzip.compress(page, compresslevel=9, mtime=0)


# -- rejected: json -------------------------------------------------------------------------------


def _truncated(rng: random.Random, limits: Limits) -> bytes:
    raw = _dump(_article(rng))
    return raw[: _boundary(raw, rng.randrange(len(raw)))]  # a proper prefix lacks its '}'


def _broken(rng: random.Random, limits: Limits) -> bytes:
    raw = _dump(_article(rng))
    mutations: list[Callable[[bytes], bytes]] = [
        lambda r: r[:-1] + b",}",  # trailing comma
        lambda r: r.replace(b'"id"', b"'id'", 1),  # single quotes
        lambda r: r.replace(b'"text"', b"text", 1),  # bare key
        lambda r: r.replace(b'": ', b'" ', 1),  # missing colon
        lambda r: b"// comment\n" + r,
        lambda r: r + b"}",  # extra data
        lambda r: r + r,  # two documents
        lambda r: b"\x00" + r,
        lambda r: b"{" * rng.randint(1, 5),
        lambda r: r.replace(b'"text": "', b'"text": "\\x41', 1),  # invalid escape
        lambda r: r.replace(b'"text": "', b'"text": "\\u12G', 1),  # short \u escape
    ]
    return rng.choice(mutations)(raw)


def _raw_control(rng: random.Random, limits: Limits) -> bytes:
    """Control bytes (NUL, ESC, TAB, newline...) unescaped inside a JSON string."""
    control = bytes([rng.choice([*range(0x00, 0x20)])])
    return _splice(_dump(_article(rng)), rng, control)


def _html(rng: random.Random, limits: Limits) -> bytes:
    text = rng.choice(_FILLER)
    return f"<!doctype html><html><head><title>x</title></head><p>{text}</p></html>".encode()


def _empty(rng: random.Random, limits: Limits) -> bytes | None:
    return rng.choice([b"", None, b" ", b"\n"])


def _utf8_bom(rng: random.Random, limits: Limits) -> bytes:
    return b"\xef\xbb\xbf" + _dump(_article(rng))


def _deep_nesting(rng: random.Random, limits: Limits) -> bytes:
    depth = rng.randint(1_500, min(20_000, limits.max_bytes // 2))
    return b"[" * depth + b"]" * rng.choice([0, depth])


def _huge_int(rng: random.Random, limits: Limits) -> bytes:
    """More digits than Python converts (``sys.int_info.default_max_str_digits``, 4300)."""
    digits = str(rng.randint(1, 9)).encode() * rng.randint(4_301, 8_000)
    doc = _dump(_article(rng))
    where = rng.choice(["top", "text", "extra"])
    if where == "top":
        return digits
    if where == "text":
        return doc.replace(b'"text": "', b'"text": ' + digits + b', "x": "', 1)
    return doc[:-1] + b', "n": ' + digits + b"}"


def _utf16_no_bom(rng: random.Random, limits: Limits) -> bytes:
    return json.dumps(_article(rng), ensure_ascii=True).encode("utf-16-le")


# -- rejected: encoding ---------------------------------------------------------------------------


def _latin1(rng: random.Random, limits: Limits) -> bytes:
    doc = _article(rng, text=rng.choice(_FILLER[:2]) + " Où ça ?")
    return json.dumps(doc, ensure_ascii=False).encode("latin-1")


def _utf16_bom(rng: random.Random, limits: Limits) -> bytes:
    return json.dumps(_article(rng), ensure_ascii=False).encode(rng.choice(["utf-16", "utf-32"]))


def _invalid_utf8(rng: random.Random, limits: Limits) -> bytes:
    return _splice(_dump(_article(rng)), rng, rng.choice(_INVALID_UTF8))


def _gzip(rng: random.Random, limits: Limits) -> bytes:
    return _gzip_bomb(rng.choice([1 << 20, 4 << 20, 8 << 20]))


def _lone_surrogate(rng: random.Random, limits: Limits) -> bytes:
    doc = _article(rng)
    surrogate = chr(rng.randint(0xD800, 0xDFFF))
    field = rng.choice(["text", "id", "title"])
    value = str(doc.get(field) or "x")
    at = rng.randint(0, len(value))
    doc[field] = value[:at] + surrogate + value[at:]
    return _dump(doc, ascii_only=True)  # ensure_ascii escapes it as "\udXXX"


# -- rejected: schema -----------------------------------------------------------------------------


def _wrong_type(rng: random.Random, limits: Limits) -> bytes:
    doc = _article(rng)
    field, value = rng.choice(
        [
            ("text", 42),
            ("text", 3.14),
            ("text", ["Xi Jinping", "Russie"]),
            ("text", {"body": "x"}),
            ("text", True),
            ("text", None),
            ("id", 12345),
            ("id", None),
            ("title", ["a", "b"]),
            ("language", 12),
            ("published_at", 1_700_000_000),
        ]
    )
    doc[field] = value
    return _dump(doc)


def _nan_text(rng: random.Random, limits: Limits) -> bytes:
    """Python's parser takes NaN and Infinity (not JSON); the schema still wants a string."""
    number = rng.choice([b"NaN", b"Infinity", b"-Infinity"])
    return _dump(_article(rng)).replace(b'"text": "', b'"text": ' + number + b', "x": "', 1)


def _missing(rng: random.Random, limits: Limits) -> bytes:
    doc = _article(rng)
    for field in rng.choice([["id"], ["text"], ["id", "text"]]):
        del doc[field]
    return _dump(doc)


def _extra(rng: random.Random, limits: Limits) -> bytes:
    doc = _article(rng)
    doc[rng.choice(["body", "Text", "byline", "tags", "__proto__", "", "\u202etext"])] = "x"
    return _dump(doc)


def _empty_value(rng: random.Random, limits: Limits) -> bytes:
    doc = _article(rng)
    doc[rng.choice(["text", "id"])] = ""
    return _dump(doc)


def _top_level(rng: random.Random, limits: Limits) -> bytes:
    doc = _article(rng)
    return _dump(rng.choice([[doc], [], doc["text"], 42, 1.5, True, False, None, [1, 2, 3]]))


def _bad_field_value(rng: random.Random, limits: Limits) -> bytes:
    doc = _article(rng)
    field, value = rng.choice(
        [
            ("language", "french"),
            ("language", "FR"),
            ("language", "f"),
            ("published_at", "yesterday"),
            ("published_at", "2023-13-45T00:00:00Z"),
            ("published_at", "17/03/2023"),
            ("id", "x" * 257),
            ("source", "s" * 300),
        ]
    )
    doc[field] = value
    return _dump(doc)


def _deep_in_field(rng: random.Random, limits: Limits) -> bytes:
    # Parses (well below the recursion limit, whatever the caller's stack), then fails the schema.
    depth = rng.randint(50, 400)
    doc = _dump(_article(rng))
    return doc.replace(b'"text": "', b'"text": ' + b"[" * depth + b"]" * depth + b', "x": "', 1)


# -- rejected: limits -----------------------------------------------------------------------------


def _oversize(rng: random.Random, limits: Limits) -> bytes:
    target = limits.max_bytes + rng.randint(1, max(1, limits.max_bytes // 2))
    if rng.random() < 0.5:  # a valid article, only too big
        doc = _article(rng)
        raw = _dump(doc)
        doc["text"] += " " * (target - len(raw))
        return _dump(doc)
    return bytes(rng.getrandbits(8) for _ in range(64)) * (target // 64 + 1)  # garbage, too big


def _text_too_long(rng: random.Random, limits: Limits) -> bytes:
    filler = _FILLER[2]  # ASCII, so characters and bytes agree
    text = (filler * (limits.max_text_chars // len(filler) + 2))[
        : limits.max_text_chars + rng.randint(1, 100)
    ]
    return _dump(_article(rng, text=text))


# -- valid, however odd ---------------------------------------------------------------------------


def _weird_text(rng: random.Random, limits: Limits) -> str:
    passage = rng.choice(GOOD_PASSAGES).text
    at = rng.randint(0, len(passage))
    kind = rng.choice(
        [
            "emoji",
            "rtl",
            "bidi",
            "zero_width",
            "combining",
            "homoglyph",
            "short",
            "whitespace",
            "escaped_control",
            "cjk",
            "astral",
            "noncharacter",
        ]
    )
    if kind == "emoji":
        return "".join(rng.choices("🇨🇳🇷🇺🙂👍🏽👨‍👩‍👧🔥", k=rng.randint(1, 40)))
    if kind == "rtl":
        return "قال المتحدث باسم الوزارة إن الزيارة ستتم. " + "הנשיא ייפגש מחר."
    if kind == "bidi":
        return passage[:at] + "".join(rng.choices(_BIDI, k=3)) + passage[at:]
    if kind == "zero_width":
        return passage[:at] + "".join(rng.choices(_ZERO_WIDTH, k=4)) + passage[at:]
    if kind == "combining":
        # Within both limits even when every mark is escaped as \u0301 (six bytes).
        room = min(limits.max_text_chars - len(passage) - 2, (limits.max_bytes - 1_024) // 6)
        return "e" + "\u0301" * rng.randint(min(100, room), min(2_000, room)) + " " + passage
    if kind == "homoglyph":
        return passage.translate(_HOMOGLYPHS)
    if kind == "short":
        return rng.choice(["x", ".", "é", "Xi", "1"])
    if kind == "whitespace":
        return "".join(rng.choices(" \t\n\r\u00a0\u2028\u3000", k=rng.randint(1, 50)))
    if kind == "escaped_control":
        return passage[:at] + "".join(map(chr, rng.sample(range(0x20), 5))) + passage[at:]
    if kind == "cjk":
        return "习近平下周将应普京邀请访问俄罗斯。"
    if kind == "astral":
        return "𝕏𝕚 𝕁𝕚𝕟𝕡𝕚𝕟𝕘 " + passage
    return "\ufffe\uffff\U0010ffff\ue000 " + passage  # noncharacters and private use


def _weird_valid(rng: random.Random, limits: Limits) -> bytes:
    doc = _article(rng, text=_weird_text(rng, limits))
    return _dump(doc, ascii_only=rng.random() < 0.3)  # escaped control chars stay "\u0000"


def _text_at_limit(rng: random.Random, limits: Limits) -> bytes:
    filler = _FILLER[2]
    text = (filler * (limits.max_text_chars // len(filler) + 1))[: limits.max_text_chars]
    return _dump(_article(rng, text=text))


def _duplicate_keys(rng: random.Random, limits: Limits) -> bytes:
    raw = _dump(_article(rng))
    return raw.replace(b"{", b'{"text": 42, ', 1)  # the later, valid "text" wins


def _explicit_nulls(rng: random.Random, limits: Limits) -> bytes:
    doc = _article(rng)
    doc.update(title=None, url=None, source=None, language=None, published_at=None)
    return _dump(doc)


Builder = Callable[[random.Random, Limits], bytes | None]

REJECTED: dict[str, tuple[RejectReason, Builder]] = {
    "truncated_json": ("json", _truncated),
    "broken_json": ("json", _broken),
    "raw_control_char": ("json", _raw_control),
    "html_not_json": ("json", _html),
    "empty_or_tombstone": ("json", _empty),
    "utf8_bom": ("json", _utf8_bom),
    "deep_nesting": ("json", _deep_nesting),
    "huge_int": ("json", _huge_int),
    "utf16_no_bom": ("json", _utf16_no_bom),
    "latin1": ("encoding", _latin1),
    "utf16_32_bom": ("encoding", _utf16_bom),
    "invalid_utf8": ("encoding", _invalid_utf8),
    "gzip_bomb": ("encoding", _gzip),
    "lone_surrogate": ("encoding", _lone_surrogate),
    "wrong_type": ("schema", _wrong_type),
    "nan_text": ("schema", _nan_text),
    "missing_field": ("schema", _missing),
    "extra_field": ("schema", _extra),
    "empty_value": ("schema", _empty_value),
    "top_level_not_object": ("schema", _top_level),
    "bad_field_value": ("schema", _bad_field_value),
    "deep_in_field": ("schema", _deep_in_field),
    "oversize": ("oversize", _oversize),
    "text_too_long": ("text_too_long", _text_too_long),
}

VALID: dict[str, Builder] = {
    "weird_text": _weird_valid,
    "text_at_limit": _text_at_limit,
    "duplicate_keys": _duplicate_keys,
    "explicit_nulls": _explicit_nulls,
}


def rejected(n: int, *, seed: int, limits: Limits) -> Iterator[Sample]:
    """``n`` messages that must all be dead-lettered, every category in turn."""
    rng = random.Random(seed)
    names = sorted(REJECTED)
    for i in range(n):
        name = names[i % len(names)]
        reason, build = REJECTED[name]
        raw = build(rng, limits)
        if raw is not None and len(raw) > limits.max_bytes:
            reason = "oversize"  # size is checked before anything else
        yield Sample(name, raw, reason)


def valid_but_weird(n: int, *, seed: int, limits: Limits) -> Iterator[Sample]:
    """``n`` odd but valid articles: tagged (maybe with no alert), never dead-lettered."""
    rng = random.Random(seed)
    names = sorted(VALID)
    for i in range(n):
        name = names[i % len(names)]
        raw = VALID[name](rng, limits)
        if raw is None or len(raw) > limits.max_bytes:
            raise ValueError(f"{name} built an invalid sample for {limits}")  # a generator bug
        yield Sample(name, raw, None)


def good(n: int, *, seed: int) -> Iterator[tuple[Sample, str, Passage]]:
    """``n`` articles built on ``GOOD_PASSAGES``, each with its id and the passage it must tag."""
    rng = random.Random(seed)
    for i in range(n):
        passage = GOOD_PASSAGES[i % len(GOOD_PASSAGES)]
        doc = _article(rng, text=passage.text)
        doc["id"] = f"good-{seed}-{i}"
        doc["language"] = passage.language if rng.random() < 0.5 else None
        yield Sample("good", _dump(doc), None), doc["id"], passage
