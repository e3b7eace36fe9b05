"""A feed entry, and its page when we could get it, to an Article for ``news.articles``.

The article's URL is canonical: the page's own ``<link rel=canonical>`` when it names the same
site (a page cannot claim another site's identity, and with it another article's id), else the
URL the page was finally served from, else the entry's link; tracking parameters dropped
(``ids.canonical_url``). The id is derived from that URL exactly as ``ingest`` derives it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from newswatch.contracts import Article, TextFrom
from newswatch.ingest.html import Page
from newswatch.ingest.ids import canonical_url, id_from_content, id_from_guid, id_from_url
from newswatch.ingest.poll.entries import Entry
from newswatch.ingest.poll.sources import Source


def entry_key(entry: Entry) -> str | None:
    """The seen-key of an entry before its page is fetched: its link's id, else its guid's."""
    if entry.link:
        return id_from_url(entry.link)
    if entry.guid:
        return id_from_guid(entry.guid)
    return None


def _site(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def article_url(entry: Entry, page: Page | None, served_from: str | None) -> str | None:
    fetched = served_from or entry.link
    if (
        page is not None
        and page.url
        and fetched
        and _site(page.url) == _site(fetched)
        and urlsplit(page.url).scheme in ("http", "https")
    ):
        return canonical_url(page.url)
    return canonical_url(fetched) if fetched else None


def _same_day_but_finer(page_time: str | None, entry_time: str | None) -> str | None:
    """The page's date, unless it is only a day (midnight) and the entry gives the time."""
    if page_time is None:
        return entry_time
    if entry_time and page_time.endswith("T00:00:00Z") and entry_time[:10] == page_time[:10]:
        return entry_time
    return page_time


def build_article(
    entry: Entry,
    source: Source,
    feed_title: str | None,
    page: Page | None,
    served_from: str | None,
) -> Article | None:
    """None when neither the page nor the entry has any text."""
    text_from: TextFrom
    if page is not None:
        text, text_from = page.text, "page"
    elif entry.content:
        text, text_from = entry.content, "entry_content"
    elif entry.summary:
        text, text_from = entry.summary, "entry_summary"
    else:
        return None
    url = article_url(entry, page, served_from)
    if url:
        identity = id_from_url(url)
    elif entry.guid:
        identity = id_from_guid(entry.guid)
    else:
        identity = id_from_content(text)
    # Clipped to the contract's limits: a page's overlong byline must not cost its article.
    return Article(
        id=identity,
        text=text,
        title=_clip((page.title if page else None) or entry.title, 2000),
        url=url if url is None or len(url) <= 4000 else None,
        source=_clip(source.outlet or (page.sitename if page else None) or feed_title, 256),
        language=(page.language if page else None) or entry.language or source.language,
        published_at=_same_day_but_finer(page.published_at if page else None, entry.published_at),
        author=_clip((page.author if page else None) or entry.author, 1000),
        text_from=text_from,
    )


def _clip(value: str | None, limit: int) -> str | None:
    return value[:limit] if value else None
