"""A fetched feed to its entries, whatever its kind: RSS, Atom, JSON Feed or a news sitemap.

The kind is read from the body, not trusted from Content-Type (servers label feeds text/html or
application/octet-stream all the time): a JSON object is a JSON Feed, an XML ``urlset`` a
sitemap, anything else goes to feedparser, which knows every RSS and Atom dialect and forgives
broken XML as long as it can still find entries.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import urljoin

import feedparser
from lxml import etree

from newswatch.errors import NewswatchError
from newswatch.ingest.feeds import _rfc3339, html_to_text
from newswatch.ingest.html import rfc3339

FeedKind = Literal["rss", "atom", "json", "sitemap"]
FEED_KINDS: tuple[FeedKind, ...] = ("rss", "atom", "json", "sitemap")
_SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
_NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
# No DTDs, no entities, no network: a feed cannot make the parser read files or explode.
_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


class NotAFeed(NewswatchError, ValueError):
    """The body is none of the kinds we read (or too broken to find a single entry in)."""


@dataclass(frozen=True)
class Entry:
    link: str | None  # absolute
    guid: str | None = None
    title: str | None = None
    published_at: str | None = None
    content: str | None = None  # plain text of the entry's full content, when it carries one
    summary: str | None = None  # plain text of its summary or description
    author: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Feed:
    kind: FeedKind
    title: str | None
    entries: tuple[Entry, ...]


def parse_feed(data: bytes, url: str) -> Feed:
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"{":
        return _json_feed(data, url)
    if b"<urlset" in data[:2048] or b"<sitemapindex" in data[:2048]:
        return _sitemap(data, url)
    return _feedparser(data, url)


def _text(html: Any) -> str | None:
    text = html_to_text(str(html)) if html else ""
    return text or None


def _language(value: Any) -> str | None:
    code = str(value or "").strip().lower()[:3].rstrip("-_")
    return code if len(code) == 2 and code.isalpha() else None


def _feedparser(data: bytes, url: str) -> Feed:
    # A stream, never bytes or str: feedparser would treat a path- or URL-like string as a
    # place to read from.
    parsed = feedparser.parse(io.BytesIO(data), response_headers={"content-location": url})
    version = str(parsed.get("version") or "")
    if not parsed.entries and (parsed.get("bozo") or not version):
        reason = parsed.get("bozo_exception") or "no RSS or Atom root element"
        raise NotAFeed(f"not a feed: {reason}")
    kind: FeedKind = "atom" if version.startswith("atom") else "rss"
    language = _language(parsed.feed.get("language"))
    return Feed(
        kind=kind,
        title=parsed.feed.get("title") or None,
        entries=tuple(_feedparser_entries(parsed.entries, url, language)),
    )


def _feedparser_entries(entries: list[Any], url: str, language: str | None) -> Iterator[Entry]:
    for entry in entries:
        contents = entry.get("content") or []
        content = _text(contents[0].get("value")) if contents else None
        summary = _text(entry.get("summary"))
        link = entry.get("link")
        yield Entry(
            link=urljoin(url, str(link)) if link else None,
            guid=str(entry.get("id")) if entry.get("id") else None,
            title=entry.get("title") or None,
            published_at=_rfc3339(entry.get("published_parsed") or entry.get("updated_parsed")),
            content=content,
            summary=summary if summary != content else None,
            author=entry.get("author") or None,
            language=language,
        )


def _json_feed(data: bytes, url: str) -> Feed:
    try:
        document = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise NotAFeed(f"not JSON: {exc}") from None
    if not isinstance(document, dict) or not str(document.get("version", "")).startswith(
        "https://jsonfeed.org/version/"
    ):
        raise NotAFeed("JSON, but not a JSON Feed (no jsonfeed.org version)")
    items = document.get("items")
    if not isinstance(items, list):
        raise NotAFeed("JSON Feed without an items list")
    language = _language(document.get("language"))
    entries = []
    for item in items:
        if not isinstance(item, dict):
            continue
        link = item.get("url") or item.get("external_url")
        authors = item.get("authors") or ([item["author"]] if item.get("author") else [])
        author = next(
            (str(a["name"]) for a in authors if isinstance(a, dict) and a.get("name")), None
        )
        html = item.get("content_html")
        entries.append(
            Entry(
                link=urljoin(url, str(link)) if link else None,
                guid=str(item["id"]) if item.get("id") is not None else None,
                title=str(item["title"]) if item.get("title") else None,
                published_at=_iso(item.get("date_published") or item.get("date_modified")),
                content=_text(html) if html else _plain(item.get("content_text")),
                summary=_plain(item.get("summary")),
                author=author,
                language=_language(item.get("language")) or language,
            )
        )
    title = document.get("title")
    return Feed(kind="json", title=str(title) if title else None, entries=tuple(entries))


def _plain(value: Any) -> str | None:
    return str(value).strip() or None if value else None


def _iso(value: Any) -> str | None:
    """RFC 3339 from a JSON Feed or sitemap date (``2026-11-30T08:15:00+01:00`` or a day)."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("Z", "+00:00").replace("z", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return rfc3339(value.strip()[:10])
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _sitemap(data: bytes, url: str) -> Feed:
    try:
        root = etree.fromstring(data, parser=_XML)
    except etree.XMLSyntaxError as exc:
        raise NotAFeed(f"sitemap is not well-formed XML: {exc}") from None
    if etree.QName(root).localname == "sitemapindex":
        raise NotAFeed("a sitemap index: list its news sitemaps as sources instead")
    if root.tag != f"{{{_SITEMAP_NS}}}urlset":
        raise NotAFeed(f"unexpected sitemap root {root.tag!r}")
    ns = {"s": _SITEMAP_NS, "n": _NEWS_NS}
    entries = []
    title = None
    for node in root.iterfind("s:url", ns):
        loc = (node.findtext("s:loc", namespaces=ns) or "").strip()
        if not loc:
            continue
        news = node.find("n:news", ns)
        published = news.findtext("n:publication_date", namespaces=ns) if news is not None else None
        published = published or node.findtext("s:lastmod", namespaces=ns)
        if news is not None:
            title = title or news.findtext("n:publication/n:name", namespaces=ns)
        language = (
            news.findtext("n:publication/n:language", namespaces=ns) if news is not None else None
        )
        headline = news.findtext("n:title", namespaces=ns) if news is not None else None
        entries.append(
            Entry(
                link=urljoin(url, loc),
                guid=loc,
                title=headline.strip() if headline else None,
                published_at=_iso(published),
                language=_language(language),
            )
        )
    return Feed(kind="sitemap", title=title.strip() if title else None, entries=tuple(entries))
