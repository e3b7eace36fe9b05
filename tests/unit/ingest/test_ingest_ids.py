"""Article ids are stable: the same page or file always gets the same id."""

from __future__ import annotations

import pytest

from newswatch.ingest.ids import article_id, canonical_url, stem_as_id


def test_url_ids_ignore_trivial_url_differences_but_not_real_ones() -> None:
    a = article_id(text="x", url="HTTPS://Example.org/news/1#comments")
    assert a == article_id(text="different text", url="https://example.org/news/1")
    assert a != article_id(text="x", url="https://example.org/news/2")
    assert a.startswith("url-")
    assert canonical_url("https://Example.org") == "https://example.org/"


@pytest.mark.parametrize(
    "variant",
    [
        "https://example.org/news/1?utm_source=newsletter&utm_medium=email",
        "https://example.org/news/1?fbclid=IwAR0abc",
        "https://example.org:443/news/1?gclid=xyz#top",
    ],
)
def test_tracking_parameters_do_not_make_another_article(variant: str) -> None:
    assert article_id(text="x", url=variant) == article_id(
        text="y", url="https://example.org/news/1"
    )


def test_query_parameters_that_name_the_page_still_count_in_any_order() -> None:
    one = article_id(text="x", url="https://example.org/read?id=1&lang=fr&utm_campaign=c")
    assert one == article_id(text="x", url="https://example.org/read?lang=fr&id=1")
    assert one != article_id(text="x", url="https://example.org/read?id=2&lang=fr")


def test_without_a_url_the_content_decides() -> None:
    assert article_id(text="un texte") == article_id(text="un texte")
    assert article_id(text="un texte") != article_id(text="un autre texte")
    assert article_id(text="un texte").startswith("sha-")


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("000_23de67fa4f7c9070", "000_23de67fa4f7c9070"),
        ("article-0123456789abcdef", "article-0123456789abcdef"),
        ("notes", None),
        ("my_article_2023", None),
        ("23de67fa4f7c", None),  # a digest alone has no prefix: could be anything
    ],
)
def test_file_stems_that_look_like_ids_are_kept(stem: str, expected: str | None) -> None:
    assert stem_as_id(stem) == expected


def test_url_wins_over_an_id_like_stem() -> None:
    got = article_id(text="t", url="https://e.org/a", stem="000_23de67fa4f7c9070")
    assert got.startswith("url-")
