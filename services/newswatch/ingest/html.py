"""HTML pages: main text and title via trafilatura (boilerplate, menus and ads removed)."""

from __future__ import annotations

from collections.abc import Iterator

import trafilatura

from newswatch.contracts import Article
from newswatch.ingest.ids import article_id
from newswatch.ingest.records import Parsed, ReadResult, Unparsable


def read_html(data: bytes, origin: str, stem: str | None = None) -> Iterator[ReadResult]:
    # The page's bytes, not a str: trafilatura reads the declared charset (or guesses one), so a
    # windows-1252 or ISO-8859-1 page keeps its accents instead of failing as broken UTF-8.
    tree = trafilatura.load_html(data)
    text = None
    if tree is not None:
        text = trafilatura.extract(tree, include_comments=False, include_tables=False)
    if tree is None or not text or not text.strip():
        yield Unparsable(data, "schema", "no main text found in the HTML page", origin)
        return
    meta = trafilatura.extract_metadata(tree)
    title = meta.title if meta is not None else None
    url = meta.url if meta is not None else None
    source = meta.sitename if meta is not None else None
    published = _date(meta.date if meta is not None else None)
    article = Article(
        id=article_id(text=text, url=url, stem=stem),
        text=text,
        title=title,
        url=url,
        source=source,
        published_at=published,
    )
    yield Parsed(article, origin)


def _date(value: str | None) -> str | None:
    """trafilatura gives a bare date (YYYY-MM-DD); the schema wants RFC 3339."""
    if not value or len(value) != len("2000-01-01"):
        return None
    return f"{value}T00:00:00Z"
