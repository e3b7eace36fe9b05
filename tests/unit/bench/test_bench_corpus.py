"""The synthetic stream: reproducible, the mix it promises, and valid articles."""

from __future__ import annotations

import pytest

from newswatch.contracts import decode_article
from newswatch_dev.bench import corpus, phrases

WATCHED = {leader.written(lang) for leader in phrases.LEADERS for lang in ("en", "fr")} | {
    name
    for country in phrases.COUNTRIES.values()
    for name in (country.en.removeprefix("the "), country.fr_in.split(" ", 1)[1])
}


def test_same_seed_same_stream_other_seed_other_stream() -> None:
    first = corpus.generate(50, seed=3)
    assert corpus.generate(50, seed=3) == first
    other = corpus.generate(50, seed=4)
    assert [a.article.text for a in other] != [a.article.text for a in first]


def test_any_slice_is_regenerated_identically() -> None:
    whole = corpus.generate(40, relevant_share=0.25, seed=1)
    assert corpus.generate(10, relevant_share=0.25, seed=1, start=30) == whole[30:]


@pytest.mark.parametrize(
    ("n", "share", "expected"), [(1000, 0.1, 100), (300, 0.01, 3), (200, 0.0, 0), (200, 1.0, 200)]
)
def test_relevant_share_is_exact(n: int, share: float, expected: int) -> None:
    assert sum(a.relevant for a in corpus.stream(n, relevant_share=share)) == expected


def test_relevant_articles_are_spread_evenly() -> None:
    flags = [a.relevant for a in corpus.stream(1000, relevant_share=0.1)]
    assert all(sum(flags[i : i + 100]) == 10 for i in range(0, 1000, 100))


def test_rejects_an_impossible_share() -> None:
    with pytest.raises(ValueError, match="relevant_share"):
        corpus.generate(1, relevant_share=1.5)


def test_wire_length_articles_in_both_languages() -> None:
    items = corpus.generate(400, seed=2)
    lengths = [corpus.count_tokens(a.article.text) for a in items]
    assert min(lengths) >= corpus.TOKENS[0] - 10
    assert max(lengths) <= corpus.TOKENS[1] + 60  # the last filler sentence may overshoot
    assert 420 <= sum(lengths) / len(lengths) <= 480
    languages = [a.language for a in items]
    assert 0.4 <= languages.count("fr") / len(languages) <= 0.6


def test_relevant_articles_lead_with_an_event_about_watched_leaders_or_countries() -> None:
    for item in corpus.generate(200, relevant_share=1.0, seed=5):
        lead = item.article.text.split("\n")[0]
        assert any(name in lead for name in WATCHED), lead


def test_irrelevant_articles_include_hard_negatives() -> None:
    negatives = {
        t.split("{")[0][:25] for lang in ("en", "fr") for t in phrases.HARD_NEGATIVES[lang]
    }
    items = [a for a in corpus.generate(300, relevant_share=0.0, seed=6)]
    with_negative = [a for a in items if any(p and p in a.article.text for p in negatives)]
    assert 0.15 <= len(with_negative) / len(items) <= 0.5


def test_every_slot_is_filled() -> None:
    for item in corpus.generate(300, relevant_share=0.5, seed=8):
        assert "{" not in item.article.text and "}" not in item.article.text


def test_payload_is_a_valid_article_message() -> None:
    for item in corpus.generate(20, relevant_share=0.5):
        decoded = decode_article(item.payload(), max_bytes=2_000_000, max_text_chars=200_000)
        assert decoded == item.article
        assert decoded.language is None  # left to the engine's language id
