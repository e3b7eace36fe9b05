"""HTML pages: main text and metadata via trafilatura (boilerplate, menus and ads removed).

``extract_page`` is the one HTML extraction path: ``ingest`` reads files with it and the poller
reads fetched pages with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import trafilatura
from trafilatura.settings import set_date_params

from newswatch.contracts import Article
from newswatch.ingest.ids import article_id
from newswatch.ingest.records import Parsed, ReadResult, Unparsable

# htmldate's own defaults plus a time of day and offset when the page gives one.
_DATE_CONFIG = {**set_date_params(True), "outputformat": "%Y-%m-%dT%H:%M:%S%z"}
_LANGUAGE = re.compile(r"^\s*([A-Za-z]{2})(?:[-_][A-Za-z0-9]+)*\s*$")


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None = None
    url: str | None = None  # the page's own canonical URL (<link rel=canonical>, og:url)
    sitename: str | None = None
    published_at: str | None = None  # RFC 3339, UTC
    author: str | None = None
    language: str | None = None  # ISO 639-1, from <html lang> or Content-Language


def extract_page(data: bytes) -> Page | None:
    """The page's main text and metadata, or None when it has no main text."""
    # The page's bytes, not a str: trafilatura reads the declared charset (or guesses one), so a
    # windows-1252 or ISO-8859-1 page keeps its accents instead of failing as broken UTF-8.
    tree = trafilatura.load_html(data)
    if tree is None:
        return None
    text = trafilatura.extract(tree, include_comments=False, include_tables=False)
    if not text or not text.strip():
        return None
    meta = trafilatura.extract_metadata(tree, date_config=_DATE_CONFIG)
    if meta is None:
        return Page(text=text, language=_language(tree))
    return Page(
        text=text,
        title=meta.title or None,
        url=meta.url or None,
        sitename=meta.sitename or None,
        published_at=rfc3339(meta.date),
        author=meta.author or None,
        language=_language(tree),
    )


def _language(tree: object) -> str | None:
    """``<html lang="en-GB">`` or ``<meta http-equiv="content-language">``, as ``en``."""
    getter = getattr(tree, "get", None)
    candidates = [getter("lang")] if getter is not None else []
    xpath = getattr(tree, "xpath", None)
    if xpath is not None:
        candidates += xpath(
            "//meta[translate(@http-equiv,'CONTELANGU','contelangu')='content-language']/@content"
        )
    for value in candidates:
        if isinstance(value, str) and (match := _LANGUAGE.match(value)):
            return match.group(1).lower()
    return None


def rfc3339(value: str | None) -> str | None:
    """htmldate's ``2026-11-30T08:15:00+0100`` (or a bare date) as UTC RFC 3339; a date
    without a time stays midnight UTC."""
    if not value:
        return None
    for pattern in ("%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"):
        try:
            moment = datetime.strptime(value, pattern)
        except ValueError:
            continue
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return None


def read_html(data: bytes, origin: str, stem: str | None = None) -> Iterator[ReadResult]:
    page = extract_page(data)
    if page is None:
        yield Unparsable(data, "schema", "no main text found in the HTML page", origin)
        return
    article = Article(
        id=article_id(text=page.text, url=page.url, stem=stem),
        text=page.text,
        title=page.title,
        url=page.url,
        source=page.sitename,
        published_at=page.published_at,
        author=page.author,
    )
    yield Parsed(article, origin)
