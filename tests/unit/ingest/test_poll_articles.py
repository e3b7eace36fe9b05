"""An entry and its page to an Article: canonical URL and id, fallbacks said out loud."""

from __future__ import annotations

from newswatch.ingest.html import Page
from newswatch.ingest.ids import id_from_url
from newswatch.ingest.poll.articles import article_url, build_article, entry_key
from newswatch.ingest.poll.entries import Entry
from newswatch.ingest.poll.sources import Source

SOURCE = Source(name="gull", url="https://gull.example/rss", language="en")
ENTRY = Entry(
    link="https://gull.example/news/harbour?utm_source=rss&utm_medium=feed&page=2",
    guid="g-1",
    title="Harbour reopens",
    published_at="2026-11-30T07:00:00Z",
    summary="Repairs are done.",
)
PAGE = Page(
    text="The eastern harbour reopened on Monday.",
    title="Harbour reopens after storm repairs",
    url="https://www.gull.example/news/harbour",
    sitename="The Wendle Gull",
    published_at="2026-11-30T00:00:00Z",
    author="Mira Quell",
    language="en",
)


def test_page_text_and_metadata_win_and_the_canonical_url_gives_the_id() -> None:
    article = build_article(ENTRY, SOURCE, "Gull feed", PAGE, ENTRY.link)
    assert article is not None
    assert article.text_from == "page"
    assert article.url == "https://www.gull.example/news/harbour"
    assert article.id == id_from_url("https://www.gull.example/news/harbour")
    assert (article.title, article.author, article.source) == (
        "Harbour reopens after storm repairs",
        "Mira Quell",
        "The Wendle Gull",
    )
    # The page gives only the day; the entry the time on that day.
    assert article.published_at == "2026-11-30T07:00:00Z"


def test_tracking_parameters_are_dropped_from_the_url() -> None:
    article = build_article(ENTRY, SOURCE, None, None, None)
    assert article is not None
    assert article.url == "https://gull.example/news/harbour?page=2"
    assert entry_key(ENTRY) == article.id


def test_a_page_cannot_claim_another_sites_canonical_url() -> None:
    hostile = Page(text="x", url="https://victim.example/their-article")
    assert article_url(ENTRY, hostile, ENTRY.link) == "https://gull.example/news/harbour?page=2"


def test_fallbacks_say_where_the_text_came_from() -> None:
    with_content = Entry(link=ENTRY.link, content="Full text in the feed.", summary="Teaser.")
    article = build_article(with_content, SOURCE, None, None, None)
    assert article is not None and article.text_from == "entry_content"
    article = build_article(ENTRY, SOURCE, "Gull feed", None, None)
    assert article is not None
    assert (article.text_from, article.text, article.source) == (
        "entry_summary",
        "Repairs are done.",
        "Gull feed",
    )
    assert article.language == "en"  # the source's default
    assert build_article(Entry(link=ENTRY.link), SOURCE, None, None, None) is None


def test_entries_without_links_are_keyed_by_guid() -> None:
    entry = Entry(link=None, guid="urn:gull:42", summary="A note without a page.")
    article = build_article(entry, SOURCE, None, None, None)
    assert article is not None and article.url is None
    assert article.id == entry_key(entry) and article.id.startswith("guid-")
    assert entry_key(Entry(link=None)) is None


def test_overlong_metadata_is_clipped_to_the_contract() -> None:
    page = Page(text="Body.", title="t" * 5000, author="a" * 5000, sitename="s" * 500)
    article = build_article(ENTRY, Source(name="x", url="https://x/"), None, page, ENTRY.link)
    assert article is not None
    assert (len(article.title or ""), len(article.author or ""), len(article.source or "")) == (
        2000,
        1000,
        256,
    )
