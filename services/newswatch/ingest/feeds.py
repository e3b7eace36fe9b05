"""RSS and Atom files: each entry becomes an article (its content, else its summary)."""

from __future__ import annotations

import calendar
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import feedparser
import lxml.html

from newswatch.contracts import Article
from newswatch.ingest.ids import article_id, id_from_guid
from newswatch.ingest.records import Parsed, ReadResult, Unparsable


def html_to_text(fragment: str) -> str:
    """Feed bodies are HTML fragments; keep the words, one paragraph per line."""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return fragment.strip()
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3", "h4"):
        block.tail = "\n" + (block.tail or "")
    lines = (line.strip() for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _rfc3339(parsed: time.struct_time | None) -> str | None:
    if parsed is None:
        return None
    moment = datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _body(entry: Any) -> str:
    contents = entry.get("content") or []
    if contents:
        return html_to_text(str(contents[0].get("value", "")))
    return html_to_text(str(entry.get("summary", "")))


def read_feed(data: bytes, origin: str) -> Iterator[ReadResult]:
    feed = feedparser.parse(data)
    if feed.get("bozo") and not feed.entries:
        reason = feed.get("bozo_exception")
        yield Unparsable(data, "schema", f"not an RSS/Atom feed: {reason}", origin)
        return
    source = feed.feed.get("title") or None
    for index, entry in enumerate(feed.entries, start=1):
        where = f"{origin}#{index}"
        text = _body(entry)
        if not text:
            raw = str(entry.get("link") or entry.get("id") or "").encode("utf-8")
            yield Unparsable(raw, "schema", "feed entry without text", where)
            continue
        url = entry.get("link") or None
        entry_id = article_id(text=text, url=url)
        if not url and entry.get("id"):
            entry_id = id_from_guid(str(entry["id"]))
        yield Parsed(
            Article(
                id=entry_id,
                text=text,
                title=entry.get("title") or None,
                url=url,
                source=source,
                published_at=_rfc3339(entry.get("published_parsed") or entry.get("updated_parsed")),
            ),
            where,
        )
