"""Hostile input at the two doors: ``decode_article`` (bytes) and ``Engine.tag`` (any text).

The decoder's promise: for any bytes, an Article that can be written out again, or InvalidArticle
with a reason from the bounded set, never another exception (a stray ValueError or
RecursionError would kill the agent, and with it the partition). The engine's promise: any article
the decoder accepts is tagged without raising, with evidence offsets that point into the text.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any, get_args

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from newswatch.contracts import Article, InvalidArticle, RejectReason, decode_article, schema_errors
from newswatch.settings import Settings
from support import hostile

if TYPE_CHECKING:
    from newswatch.engine import Engine

# engine_error is the worker's, after decoding; the decoder itself never gives it.
DECODE_REASONS = frozenset(get_args(RejectReason)) - {"engine_error"}
DEFAULTS = Settings()
LIMITS = hostile.Limits(DEFAULTS.max_message_bytes, DEFAULTS.max_text_chars)
SMALL = hostile.Limits(max_bytes=4_096, max_text_chars=1_000)
FIELDS = ("id", "text", "title", "url", "source", "language", "published_at", "ingested_at")


def decode(raw: bytes | None, limits: hostile.Limits = LIMITS) -> Article:
    return decode_article(raw, max_bytes=limits.max_bytes, max_text_chars=limits.max_text_chars)


def reason_of(raw: bytes | None, limits: hostile.Limits = LIMITS) -> RejectReason | None:
    """The rejection reason, or None when accepted; any other exception propagates (and fails)."""
    try:
        decode(raw, limits)
    except InvalidArticle as exc:
        assert exc.reason in DECODE_REASONS
        assert exc.message
        return exc.reason
    return None


# -- the generator's categories -------------------------------------------------------------------


@cache
def _rejected(limits: hostile.Limits) -> tuple[hostile.Sample, ...]:
    return tuple(hostile.rejected(8 * len(hostile.REJECTED), seed=1, limits=limits))


@pytest.mark.parametrize("limits", [LIMITS, SMALL], ids=["default-limits", "small-limits"])
@pytest.mark.parametrize("category", sorted(hostile.REJECTED))
def test_every_hostile_category_is_rejected_with_its_reason(
    category: str, limits: hostile.Limits
) -> None:
    mine = [s for s in _rejected(limits) if s.category == category]
    assert len(mine) == 8
    for sample in mine:
        assert reason_of(sample.raw, limits) == sample.reason, (
            sample.raw[:120] if sample.raw else None
        )


@pytest.mark.parametrize("limits", [LIMITS, SMALL], ids=["default-limits", "small-limits"])
def test_odd_but_valid_articles_are_accepted(limits: hostile.Limits) -> None:
    for sample in hostile.valid_but_weird(200, seed=2, limits=limits):
        assert reason_of(sample.raw, limits) is None, (sample.category, sample.raw)


def test_size_is_judged_before_anything_else() -> None:
    garbage = b"\xff" * (SMALL.max_bytes + 1)
    assert reason_of(garbage, SMALL) == "oversize"
    assert reason_of(garbage[:-1], SMALL) == "encoding"


def test_python_number_limits_are_json_errors_not_crashes() -> None:
    """Python refuses ints of more than 4300 digits with a bare ValueError; it must not escape."""
    assert reason_of(b"1" * 4_301) == "json"
    assert reason_of(b'{"id": "a", "text": "x", "n": ' + b"9" * 5_000 + b"}") == "json"


def test_lone_surrogate_escapes_are_encoding_errors() -> None:
    """``"\\ud800"`` parses into a str that can never be encoded: spaCy and the alert would fail."""
    assert reason_of(b'{"id": "a", "text": "Xi \\ud800 Jinping"}') == "encoding"
    assert reason_of(b'{"id": "\\udfff", "text": "x"}') == "encoding"
    assert reason_of(b'{"id": "a", "text": "\\ud83d\\ude42"}') is None  # a real pair is text


# -- properties of the decoder --------------------------------------------------------------------


def any_text(min_size: int = 0, max_size: int = 40) -> st.SearchStrategy[str]:
    """Any str, now and then with lone surrogates: st.text() never draws them, JSON escapes them."""
    with_surrogates = st.lists(
        st.characters() | st.characters(categories=["Cs"]), min_size=min_size, max_size=max_size
    ).map("".join)
    return st.text(min_size=min_size, max_size=max_size) | with_surrogates


json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),  # past 4300 digits json.dumps itself refuses; see the explicit test above
    st.floats(),
    any_text(),
)
json_values = st.recursive(
    json_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(FIELDS), any_text()), children, max_size=6),
    ),
    max_leaves=12,
)


def article_docs(text: Callable[..., st.SearchStrategy[str]]) -> st.SearchStrategy[dict[str, Any]]:
    """Article-shaped documents; the only flaws drawn are bad language or date values."""
    return st.fixed_dictionaries(
        {"id": text(min_size=1, max_size=60), "text": text(min_size=1, max_size=200)},
        optional={
            "title": st.none() | text(max_size=40),
            "source": st.none() | text(max_size=40),
            "language": st.none() | st.sampled_from(["fr", "en", "zz", "FR", "french"]),
            "published_at": st.none() | st.sampled_from(["2024-03-01T10:00:00Z", "yesterday"]),
        },
    )


def _serialise(document: Any, ascii_only: bool, codec: str) -> bytes:
    text = json.dumps(document, ensure_ascii=ascii_only)  # a huge int is written, not parsed
    return text.encode(codec, errors="surrogatepass")


def _assert_usable(article: Article) -> None:
    """An accepted Article writes out as UTF-8 JSON and reads back as itself."""
    again = decode(article.model_dump_json(exclude_none=True).encode("utf-8"))
    assert again == article


@settings(max_examples=300)
@given(st.binary(max_size=2_048))
def test_any_bytes_give_an_article_or_a_bounded_reason(raw: bytes) -> None:
    try:
        article = decode(raw)
    except InvalidArticle as exc:
        assert exc.reason in DECODE_REASONS
    else:
        _assert_usable(article)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    json_values | article_docs(any_text),
    st.booleans(),
    st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-8-sig"]),
)
def test_any_json_document_gives_an_article_or_a_bounded_reason(
    document: Any, ascii_only: bool, codec: str
) -> None:
    try:
        article = decode(_serialise(document, ascii_only, codec), SMALL)
    except InvalidArticle as exc:
        assert exc.reason in DECODE_REASONS
    else:
        _assert_usable(article)


def _has_surrogate(document: dict[str, Any]) -> bool:
    return any(
        isinstance(v, str) and any(unicodedata.category(c) == "Cs" for c in v)
        for v in document.values()
    )


def _has_surrogate_pair(document: dict[str, Any]) -> bool:
    """A high then a low surrogate: JSON's \\ud800\\udc00 escape joins them into one character."""
    pair = re.compile("[\ud800-\udbff][\udc00-\udfff]")
    return any(isinstance(v, str) and pair.search(v) for v in document.values())


@settings(max_examples=200)
@given(article_docs(any_text), st.booleans())
def test_an_article_document_decodes_to_itself_unless_it_holds_a_surrogate(
    document: dict[str, Any], ascii_only: bool
) -> None:
    assume(not _has_surrogate_pair(document))
    raw = _serialise(document, ascii_only, "utf-8")
    reason = reason_of(raw, LIMITS)
    if reason is None:
        assert not _has_surrogate(document)
        assert decode(raw).model_dump(exclude_none=True) == {
            k: v for k, v in document.items() if v is not None
        }
    elif reason == "encoding":
        assert _has_surrogate(document)
    else:  # a bad language or date is the only other flaw the strategy can draw
        assert reason == "schema"
        assert document.get("language") in {"zz", "FR", "french"} or (
            document.get("published_at") == "yesterday"
        )


@settings(max_examples=150)
@given(article_docs(st.text), st.data())
def test_every_proper_prefix_of_an_article_is_rejected(
    document: dict[str, Any], data: st.DataObject
) -> None:
    raw = _serialise(document, False, "utf-8")
    cut = data.draw(st.integers(min_value=0, max_value=len(raw) - 1))
    assert reason_of(raw[:cut]) in {"json", "encoding"}  # encoding: a cut inside a character


@settings(max_examples=60)
@given(st.integers(min_value=1, max_value=60_000), st.sampled_from([b"[", b'{"a":', b"[{}, "]))
def test_any_nesting_depth_is_a_json_rejection(depth: int, opener: bytes) -> None:
    assert reason_of(opener * depth) == "json"  # unterminated; deep ones hit the recursion limit


@settings(max_examples=50)
@given(st.integers(min_value=100, max_value=5_000))
def test_text_length_limit_is_exact(max_text_chars: int) -> None:
    limits = hostile.Limits(max_bytes=max_text_chars * 4 + 1_024, max_text_chars=max_text_chars)
    at_limit = json.dumps({"id": "a", "text": "é" * max_text_chars}, ensure_ascii=False).encode()
    assert reason_of(at_limit, limits) is None
    over = json.dumps({"id": "a", "text": "é" * (max_text_chars + 1)}, ensure_ascii=False).encode()
    assert reason_of(over, limits) == "text_too_long"


# -- the engine on whatever the decoder lets through ----------------------------------------------


@pytest.fixture(scope="session")
def engine() -> Engine:
    from newswatch.engine import Engine  # spaCy loads only when an engine test runs

    return Engine.from_settings(DEFAULTS)


def _assert_alerts_sound(article: Article, engine: Engine) -> list[str]:
    alerts = engine.tag(article)
    for alert in alerts:
        assert schema_errors("alert.v1", json.loads(alert.to_json())) == []
        for evidence in alert.evidence:
            assert article.text[evidence.start : evidence.end] == evidence.text
            assert evidence.trigger is None or evidence.trigger in evidence.text
    return sorted(a.event_type for a in alerts)


@pytest.mark.parametrize("passage", hostile.GOOD_PASSAGES, ids=lambda p: p.text[:30])
def test_good_passages_give_their_event(engine: Engine, passage: hostile.Passage) -> None:
    """The volume test's good messages count only if each really gives its alert."""
    article = Article(id="good", text=passage.text, language=passage.language)
    assert passage.event_type in _assert_alerts_sound(article, engine)
    assert passage.event_type in _assert_alerts_sound(Article(id="good", text=passage.text), engine)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(min_size=1, max_size=300),
    st.sampled_from([None, "fr", "en", "de", "es", "ru", "uk", "zh", "it"]),
)
def test_engine_tags_any_unicode_text_without_raising(
    engine: Engine, text: str, language: str | None
) -> None:
    _assert_alerts_sound(Article(id="p", text=text, language=language), engine)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(hostile.GOOD_PASSAGES),
    st.text(max_size=80),
    st.text(max_size=80),
)
def test_hostile_text_around_a_passage_keeps_offsets_true(
    engine: Engine, passage: hostile.Passage, before: str, after: str
) -> None:
    text = f"{before}\n{passage.text}\n{after}"
    _assert_alerts_sound(Article(id="p", text=text, language=passage.language), engine)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(hostile.GOOD_PASSAGES), st.data())
def test_invisible_characters_and_decomposed_accents_change_nothing(
    engine: Engine, passage: hostile.Passage, data: st.DataObject
) -> None:
    """The normaliser drops zero-width characters and composes accents: same events either way."""
    text = unicodedata.normalize("NFD", passage.text)
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        at = data.draw(st.integers(min_value=0, max_value=len(text)))
        text = (
            text[:at]
            + data.draw(st.sampled_from("\u200b\u200c\u200d\u2060\ufeff\u00ad"))
            + text[at:]
        )
    plain = _assert_alerts_sound(Article(id="p", text=passage.text), engine)
    assert _assert_alerts_sound(Article(id="p", text=text), engine) == plain


@pytest.mark.parametrize("control", ["\u200e", "\u200f", "\u202e", "\u2066", "\u061c"])
def test_bidi_controls_around_a_name_change_nothing(engine: Engine, control: str) -> None:
    passage = hostile.GOOD_PASSAGES[0].text
    marked = passage.replace("Xi Jinping", f"{control}Xi Jinping{control}")

    def parties(text: str) -> list[tuple[str, list[str], list[str]]]:
        return sorted(
            (a.event_type, [p.name for p in a.actors], [p.name for p in a.targets])
            for a in engine.tag(Article(id="p", text=text, language="fr"))
        )

    assert parties(marked) == parties(passage)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # spaCy merges the special case "EE. UU." across its space; in a doc no parser has seen
        # the merged token's edges pointed outside the doc and reading them crashed the process.
        (
            "es",
            "El Departamento de Estado de EE. UU. revocó las visas de viaje de 49 funcionarios.",
        ),
        ("ru", "В т.ч. министр заявил, что визит в Пекин состоится в н.в. или позже."),
        # A superscript is a digit to str.isdigit() but not to int().
        ("fr", "Le 19⁰ sommet s'est tenu il y a ² ans, et le 3⁰ il y a 12 ans."),
        ("en", "The ¹⁰ days ago call was reported ³ years ago."),
    ],
)
def test_texts_that_once_crashed_the_engine_are_tagged(
    engine: Engine, language: str, text: str
) -> None:
    _assert_alerts_sound(Article(id="p", text=text, language=language), engine)


def test_a_spaced_abbreviation_is_still_one_name_and_ends_no_sentence(engine: Engine) -> None:
    text = "EE. UU. impuso el viernes sanciones a Venezuela."
    [alert] = engine.tag(Article(id="p", text=text, language="es"))
    assert (alert.event_type, [a.name for a in alert.actors]) == ("sanctions", ["United States"])
