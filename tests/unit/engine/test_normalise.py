"""Normalisation cleans typography and never moves an offset in the original text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newswatch.engine.normalise import normalise, normalise_slowly


def test_french_typography_becomes_ascii_tokens() -> None:
    result = normalise("l’invasion\u00a0« Pékin »\u202f!")
    assert result.text == "l'invasion « Pékin » !"


def test_invisible_characters_are_dropped_and_offsets_follow() -> None:
    original = "Pou\u200btine et Xi"
    result = normalise(original)
    assert result.text == "Poutine et Xi"
    start = result.text.index("Xi")
    assert original[slice(*result.span(start, start + 2))] == "Xi"
    assert original[slice(*result.span(0, 7))] == "Pou\u200btine"


def test_combining_accents_compose_and_map_back() -> None:
    original = "Pe\u0301kin a dit"
    result = normalise(original)
    assert result.text == "Pékin a dit"
    assert original[slice(*result.span(0, 5))] == original[:6]


def test_control_characters_become_spaces() -> None:
    assert normalise("a\x07b\tc\r\nd").text == "a b c\n\nd"


@given(st.text(alphabet=st.sampled_from("ab’\u00a0\u200b\u0301\u00ad\n«é ")))
def test_every_kept_character_maps_to_its_source(text: str) -> None:
    result = normalise(text)
    assert len(result.starts) == len(result.text)
    for i, char in enumerate(result.text):
        begin, end = result.span(i, i + 1)
        source = text[begin:end]
        assert source, (text, i)
        if char.isalpha() and len(source) == 1:
            assert source == char
    assert list(result.starts) == sorted(result.starts)


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(codec=None), max_size=80))
def test_the_fast_path_agrees_with_the_slow_one(text: str) -> None:
    fast, slow = normalise(text), normalise_slowly(text)
    assert fast.text == slow.text
    assert list(fast.starts) == list(slow.starts)
    assert list(fast.ends) == list(slow.ends)


def test_typographic_text_takes_the_fast_path_and_keeps_offsets() -> None:
    text = "l\u2019invasion\u00a0: «\u202fsans limites\u202f»"
    result = normalise(text)
    assert isinstance(result.starts, range)  # no per-character lists for ordinary text
    assert result.text == "l'invasion : « sans limites »"
    assert result.span(2, 10) == (2, 10)
