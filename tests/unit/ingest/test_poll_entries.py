"""Feed kinds detected from the body and read into entries (the texts are invented)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newswatch.ingest.poll.entries import NotAFeed, parse_feed
from support.feed_site import rss, site_feeds

BASE = "http://news.test"


def test_rss_entries_have_absolute_links_text_and_times() -> None:
    feed = parse_feed(site_feeds(BASE)["/feeds/two.xml"], f"{BASE}/feeds/two.xml")
    assert (feed.kind, feed.title, len(feed.entries)) == ("rss", "The Wendle Gull", 2)
    first = feed.entries[0]
    assert first.link == f"{BASE}/news/harbour-reopens?utm_source=rss&utm_medium=feed"
    assert first.summary == "Repairs to the breakwater are done."
    assert first.published_at == "2026-11-30T07:00:00Z"
    assert first.language == "en"


def test_atom_relative_links_are_resolved_against_the_feed() -> None:
    feed = parse_feed(site_feeds(BASE)["/feeds/atom.xml"], f"{BASE}/feeds/atom.xml")
    assert feed.kind == "atom"
    (entry,) = feed.entries
    assert entry.link == f"{BASE}/news/lighthouse-keeper"
    assert entry.author == "Mira Quell"
    assert entry.guid == "urn:skerrow:1"


def test_json_feed() -> None:
    feed = parse_feed(site_feeds(BASE)["/feeds/feed.json"], f"{BASE}/feeds/feed.json")
    assert (feed.kind, feed.title) == ("json", "Gull Briefs")
    (entry,) = feed.entries
    assert entry.content == "Greyhaven Lines adds a Friday night crossing."
    assert entry.published_at == "2026-12-01T17:40:00Z"
    assert entry.guid == "brief-1"


def test_news_sitemap() -> None:
    feed = parse_feed(site_feeds(BASE)["/sitemaps/news.xml"], f"{BASE}/sitemaps/news.xml")
    assert (feed.kind, feed.title) == ("sitemap", "The Wendle Gull")
    (entry,) = feed.entries
    assert entry.link == f"{BASE}/news/harbour-reopens"
    assert entry.title == "Harbour reopens after storm repairs"
    assert entry.published_at == "2026-11-30T07:15:00Z"
    assert entry.language == "en"


def test_malformed_xml_still_gives_the_entries_before_the_break() -> None:
    feed = parse_feed(site_feeds(BASE)["/feeds/broken.xml"], f"{BASE}/feeds/broken.xml")
    assert [e.link for e in feed.entries][:1] == [f"{BASE}/news/ferry-timetable"]


@pytest.mark.parametrize(
    "body",
    [
        b"\x00\x01 this is no feed \xff" * 20,
        b"<html><body><p>A web page, not a feed.</p></body></html>",
        b'{"version": "1.0", "items": []}',
        b"{not json",
        b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<sitemap><loc>http://news.test/s1.xml</loc></sitemap></sitemapindex>",
        b"",
    ],
)
def test_what_is_not_a_feed_says_so(body: bytes) -> None:
    with pytest.raises(NotAFeed):
        parse_feed(body, f"{BASE}/x")


def test_a_body_that_looks_like_a_path_is_never_opened(tmp_path: Path) -> None:
    """feedparser reads a str or bytes argument that names a file; the poller hands it a
    stream, so a feed saying '/etc/passwd' is just those bytes."""
    secret = tmp_path / "secret.xml"
    secret.write_bytes(rss(BASE, [(f"{BASE}/leak", "Leaked", "From a local file.")]))
    with pytest.raises(NotAFeed):
        parse_feed(str(secret).encode(), f"{BASE}/x")


def test_sitemap_entities_are_not_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("do-not-read")
    body = (
        f'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>http://news.test/a&x;</loc></url></urlset>"
    ).encode()
    feed = parse_feed(body, f"{BASE}/s.xml")
    assert all("do-not-read" not in (e.link or "") for e in feed.entries)


def test_json_feed_items_of_the_wrong_type_are_skipped() -> None:
    body = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "items": ["x", 3, {"id": 7, "url": "/a", "content_html": "<p>Tide tables.</p>"}],
        }
    ).encode()
    (entry,) = parse_feed(body, f"{BASE}/f.json").entries
    assert (entry.link, entry.guid, entry.content) == (f"{BASE}/a", "7", "Tide tables.")
