"""The poller against a real local HTTP server (127.0.0.1) serving feeds and pages we wrote.

No broker here: articles are collected as the producer would be handed them (the Kafka path is
``test_poll_kafka.py``). Every test bounds its own time: the pytest timeout below, and a
``wait_for`` around each round.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from poll_support import Collected, poll_round, poll_settings, sample, write_sources

from newswatch.ingest.ids import id_from_url
from support.feed_site import FOOTER, NAV, PAGES, FeedSite, rss

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def site() -> Iterator[FeedSite]:
    with FeedSite() as running:
        yield running


def _source(site: FeedSite, name: str, path: str, **extra: object) -> dict[str, object]:
    return {"name": name, "url": site.url(path), "allow_private_network": True, **extra}


def test_two_new_entries_give_two_articles_with_main_text_and_canonical_urls(
    site: FeedSite, tmp_path: Path
) -> None:
    settings = poll_settings(poll_state_dir=tmp_path / "state")
    sources = write_sources(tmp_path / "s.yaml", [_source(site, "gull", "/feeds/two.xml")])
    collected = Collected()
    report = poll_round(settings, sources, collected)
    assert report.published == 2, report.line()
    by_url = {a.url: a for a in collected.articles}
    harbour = by_url[site.url("/news/harbour-reopens")]  # utm_* dropped
    assert harbour.id == id_from_url(site.url("/news/harbour-reopens"))
    assert harbour.text_from == "page"
    assert (harbour.title, harbour.author, harbour.language) == (
        "Harbour reopens after storm repairs",
        "Mira Quell",
        "en",
    )
    assert harbour.published_at == "2026-11-30T07:15:00Z"  # the page's time, in UTC
    assert harbour.source == "The Wendle Gull"
    for article in collected.articles:
        path = article.url.removeprefix(site.base) if article.url else ""
        for paragraph in PAGES[path][3]:
            assert paragraph in article.text
        assert "Sign in" not in article.text and NAV not in article.text
        assert FOOTER not in article.text and "Copyright" not in article.text

    # Again: nothing new, and the feed was asked for conditionally (ETag) and answered 304.
    again = Collected()
    second = poll_round(settings, sources, again)
    assert (second.published, again.articles) == (0, [])
    assert second.sources[0].outcome == "not_modified"
    assert site.conditional_hits["/feeds/two.xml"] == 1
    assert site.hits["/news/harbour-reopens"] == 1  # its page was fetched once, ever


def test_a_restart_without_validators_still_publishes_nothing_seen(
    site: FeedSite, tmp_path: Path
) -> None:
    settings = poll_settings(poll_state_dir=tmp_path / "state")
    sources = write_sources(tmp_path / "s.yaml", [_source(site, "gull", "/feeds/two.xml")])
    assert poll_round(settings, sources, Collected()).published == 2
    # Same state dir, a source renamed (so no stored ETag): the feed is read in full again.
    renamed = write_sources(tmp_path / "r.yaml", [_source(site, "gull-2", "/feeds/two.xml")])
    report = poll_round(settings, renamed, Collected())
    assert (report.sources[0].outcome, report.sources[0].new, report.published) == ("ok", 0, 0)


def test_every_kind_is_read_and_misbehaving_sources_never_stop_the_others(
    site: FeedSite, tmp_path: Path
) -> None:
    settings = poll_settings(poll_state_dir=tmp_path / "state")
    plan = {
        "gull": ("/feeds/two.xml", "ok"),
        "skerrow-atom": ("/feeds/atom.xml", "ok"),
        "briefs-json": ("/feeds/feed.json", "ok"),
        "sitemap": ("/sitemaps/news.xml", "ok"),
        "broken-xml": ("/feeds/broken.xml", "ok"),
        "garbage": ("/feeds/garbage.xml", "unparsable"),
        "server-error": ("/feeds/error.xml", "unreadable"),
        "redirect-loop": ("/loop/a", "unreadable"),
        "huge-body": ("/huge", "unreadable"),
        "stalls": ("/stall", "unreadable"),
        "trickles": ("/trickle", "unreadable"),
        "dead": ("/feeds/no-such-feed.xml", "unreadable"),
    }
    sources = write_sources(
        tmp_path / "s.yaml", [_source(site, name, path) for name, (path, _) in plan.items()]
    )
    before = {
        outcome: sample("newswatch_poll_fetches_total", kind="feed", outcome=outcome)
        for outcome in ("http_error", "redirects", "too_large", "timeout")
    }
    started = time.monotonic()
    collected = Collected()
    report = poll_round(settings, sources, collected, timeout_s=30)
    elapsed = time.monotonic() - started
    outcomes = {r.source: r.outcome for r in report.sources}
    assert outcomes == {name: outcome for name, (_, outcome) in plan.items()}
    kinds = {r.source: r.kind for r in report.sources if r.kind}
    assert kinds == {
        "gull": "rss",
        "skerrow-atom": "atom",
        "briefs-json": "json",
        "sitemap": "sitemap",
        "broken-xml": "rss",
    }
    details = {r.source: r.detail for r in report.sources}
    assert details["server-error"].startswith("http_error (HTTP 500)")
    assert details["dead"].startswith("http_error (HTTP 404)")
    assert details["redirect-loop"].startswith("redirects")
    assert details["huge-body"].startswith("too_large")
    assert details["stalls"].startswith("timeout") and details["trickles"].startswith("timeout")
    # 500 is retried (max_attempts), 404 is not; the loop is cut after one lap.
    assert site.hits["/feeds/error.xml"] == 2 and site.hits["/feeds/no-such-feed.xml"] == 1
    assert site.hits["/loop/a"] == 1 and site.hits["/loop/b"] == 1
    # The good ones all arrived: three distinct pages among five readable feeds.
    assert {a.url for a in collected.articles} == {
        site.url("/news/harbour-reopens"),
        site.url("/news/ferry-timetable"),
        site.url("/news/lighthouse-keeper"),
    }
    assert len(collected.articles) == 3  # listed by several feeds, published once
    # Bounded: the stalled and trickling servers cost their timeouts (2 attempts), no more.
    assert elapsed < 15, elapsed
    for outcome, count in before.items():
        after = sample("newswatch_poll_fetches_total", kind="feed", outcome=outcome)
        assert after > count, outcome


def test_a_passing_failure_is_retried_and_the_feed_read(site: FeedSite, tmp_path: Path) -> None:
    settings = poll_settings(poll_state_dir=tmp_path / "state")
    sources = write_sources(tmp_path / "s.yaml", [_source(site, "flaky", "/feeds/flaky.xml")])
    report = poll_round(settings, sources, Collected())
    assert (report.sources[0].outcome, report.published) == ("ok", 2)
    assert site.hits["/feeds/flaky.xml"] == 2


def test_a_page_listed_by_two_feeds_is_fetched_once(site: FeedSite, tmp_path: Path) -> None:
    link = site.url("/news/slow/lighthouse-keeper")
    for name in ("world", "europe"):
        site.extra[f"/feeds/{name}.xml"] = rss(site.base, [(link, "Keeper", f"From {name}.")])
    # The page takes half a second: a read timeout of 0.5 s would race it and retry.
    settings = poll_settings(
        poll_state_dir=tmp_path / "state", poll_read_timeout_s=3.0, poll_fetch_timeout_s=5.0
    )
    sources = write_sources(
        tmp_path / "s.yaml",
        [_source(site, n, f"/feeds/{n}.xml") for n in ("world", "europe")],
    )
    collected = Collected()
    report = poll_round(settings, sources, collected)
    assert [r.new for r in report.sources] == [1, 1]
    assert site.hits["/news/slow/lighthouse-keeper"] == 1
    assert [a.url for a in collected.articles] == [link]


def test_a_50_mb_body_is_abandoned_at_the_limit(site: FeedSite, tmp_path: Path) -> None:
    settings = poll_settings(poll_state_dir=tmp_path / "state", poll_max_feed_bytes=1_000_000)
    sources = write_sources(
        tmp_path / "s.yaml",
        [_source(site, "huge", "/huge"), _source(site, "bomb", "/gzip-bomb")],
    )
    before = sample("newswatch_poll_bytes_total", kind="feed")
    started = time.monotonic()
    report = poll_round(settings, sources, Collected())
    assert [r.outcome for r in report.sources] == ["unreadable", "unreadable"]
    assert all(r.detail.startswith("too_large") for r in report.sources)
    assert time.monotonic() - started < 10
    # Never more than the limit (plus one chunk) was kept of either body.
    assert sample("newswatch_poll_bytes_total", kind="feed") - before <= 2 * 1_100_000


def test_links_to_private_addresses_are_refused_and_counted(site: FeedSite, tmp_path: Path) -> None:
    settings = poll_settings(poll_state_dir=tmp_path / "state")
    sources = write_sources(
        tmp_path / "s.yaml",
        [
            {"name": "ssrf", "url": site.url("/feeds/ssrf.xml")},
            {"name": "to-metadata", "url": site.url("/feeds/to-metadata")},
            {"name": "to-localhost", "url": site.url("/feeds/to-localhost")},
        ],
    )
    reasons = ("loopback", "private", "metadata", "scheme")
    before = {r: sample("newswatch_poll_entries_refused_total", reason=r) for r in reasons}
    collected = Collected()
    report = poll_round(settings, sources, collected)
    ssrf, to_metadata, to_localhost = report.sources
    assert (ssrf.outcome, ssrf.entries, ssrf.refused, ssrf.published) == ("ok", 5, 5, 0)
    assert collected.articles == []
    delta = {
        r: sample("newswatch_poll_entries_refused_total", reason=r) - before[r] for r in reasons
    }
    assert delta == {"loopback": 2, "private": 1, "metadata": 1, "scheme": 1}
    # Nothing reached the pages: refused before any connection.
    assert site.hits["/news/harbour-reopens"] == 0 and site.hits["/news/ferry-timetable"] == 0
    # A trusted feed URL is still checked on every redirect it answers with.
    assert to_metadata.outcome == "unreadable" and "refused (metadata)" in to_metadata.detail
    assert to_localhost.outcome == "unreadable" and "refused (loopback)" in to_localhost.detail
    # A second round does not count them again.
    again = poll_round(settings, sources, Collected())
    assert again.refused == 0


def test_a_source_allowing_its_private_network_gets_those_links(
    site: FeedSite, tmp_path: Path
) -> None:
    settings = poll_settings(poll_state_dir=tmp_path / "state")
    sources = write_sources(
        tmp_path / "s.yaml",
        [{"name": "ssrf", "url": site.url("/feeds/ssrf.xml"), "allow_private_network": True}],
    )
    # Allowed, a test must not really connect to 10.x or to a cloud's metadata service: those
    # two links point at a closed local port instead.
    site.extra["/feeds/ssrf.xml"] = (
        site.feeds["/feeds/ssrf.xml"]
        .replace(b"http://10.1.2.3/", b"http://127.0.0.1:9/")
        .replace(b"http://169.254.169.254/", b"http://127.0.0.1:9/")
    )
    collected = Collected()
    report = poll_round(settings, sources, collected)
    (ssrf,) = report.sources
    assert ssrf.refused == 1  # file:// is never allowed
    texts = {a.url: a.text_from for a in collected.articles}
    assert texts[f"http://127.0.0.1:{site.port}/news/harbour-reopens"] == "page"
    assert texts[f"http://localhost:{site.port}/news/ferry-timetable"] == "page"
    # The closed port: fetched, failed, the entry's summary published and marked as such.
    assert texts["http://127.0.0.1:9/internal/report"] == "entry_summary"
    assert site.hits["/news/harbour-reopens"] == 1 and site.hits["/news/ferry-timetable"] == 1


def test_robots_txt_and_missing_pages_fall_back_to_the_entry_and_say_so(
    site: FeedSite, tmp_path: Path
) -> None:
    settings = poll_settings(poll_state_dir=tmp_path / "state")
    sources = write_sources(
        tmp_path / "s.yaml",
        [_source(site, "private", "/feeds/private.xml"), _source(site, "gone", "/feeds/gone.xml")],
    )
    collected = Collected()
    report = poll_round(settings, sources, collected)
    assert report.published == 2
    assert {(a.text, a.text_from) for a in collected.articles} == {
        ("The board met on Tuesday.", "entry_summary"),
        ("Only this summary.", "entry_summary"),
    }
    assert site.hits["/private/board-minutes"] == 0  # disallowed by robots.txt
    assert site.hits["/news/missing-page"] == 1  # 404: not retried
    assert site.hits["/robots.txt"] == 1  # cached for the origin


def test_two_pollers_split_the_sources_and_never_publish_the_same_entry(
    site: FeedSite, tmp_path: Path
) -> None:
    for n in range(8):
        site.extra[f"/feeds/outlet-{n}.xml"] = site.feeds["/feeds/gone.xml"].replace(
            b"missing-page", f"missing-{n}".encode()
        )
    sources = write_sources(
        tmp_path / "s.yaml",
        [_source(site, f"outlet-{n}", f"/feeds/outlet-{n}.xml") for n in range(8)],
    )
    published = []
    for index in range(2):
        settings = poll_settings(
            poll_state_dir=tmp_path / f"state-{index}", poll_shard_index=index, poll_shard_count=2
        )
        collected = Collected()
        poll_round(settings, sources, collected)
        published.append({a.id for a in collected.articles})
    assert published[0] and published[1]
    assert not published[0] & published[1]
    assert len(published[0] | published[1]) == 8


def test_service_mode_serves_its_endpoints_polls_and_follows_file_changes(
    site: FeedSite, tmp_path: Path
) -> None:
    import asyncio
    import threading

    import httpx

    from newswatch.ingest.poll.run import poll_forever
    from newswatch.ingest.poll.sources import LiveSources
    from newswatch_dev.broker import free_port
    from support.feed_site import wait_until

    port = free_port()
    settings = poll_settings(poll_state_dir=tmp_path / "state", poll_metrics_port=port)
    path = write_sources(tmp_path / "s.yaml", [_source(site, "gull", "/feeds/two.xml")])
    collected = Collected()
    loop = asyncio.new_event_loop()
    stop = asyncio.Event()
    failures: list[BaseException] = []

    def serve() -> None:
        try:
            loop.run_until_complete(poll_forever(settings, LiveSources(path), collected, stop))
        except BaseException as exc:
            failures.append(exc)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    try:
        assert wait_until(lambda: len(collected.articles) == 2, 15), failures
        assert httpx.get(f"{base}/healthz", timeout=5).json() == {"alive": True}
        assert wait_until(lambda: httpx.get(f"{base}/readyz", timeout=5).status_code == 200, 5)
        metrics = httpx.get(f"{base}/metrics", timeout=5).text
        assert 'newswatch_poll_fetches_total{kind="feed",outcome="ok"}' in metrics
        assert 'newswatch_build_info{role="poller"' in metrics
        assert "newswatch_ready" not in metrics and "newswatch_notify_" not in metrics
        assert httpx.get(f"{base}/table", timeout=5).status_code == 404

        # A new source in the file is picked up without a restart.
        write_sources(
            path,
            [_source(site, "gull", "/feeds/two.xml"), _source(site, "atom", "/feeds/atom.xml")],
        )
        assert wait_until(lambda: len(collected.articles) == 3, 15)
        assert collected.articles[-1].url == site.url("/news/lighthouse-keeper")
        assert 'source="atom"' in httpx.get(f"{base}/metrics", timeout=5).text

        # A source removed from the file takes its series along (no silent-source alert for it).
        write_sources(path, [_source(site, "gull", "/feeds/two.xml")])
        assert wait_until(
            lambda: 'source="atom"' not in httpx.get(f"{base}/metrics", timeout=5).text, 10
        )
    finally:
        loop.call_soon_threadsafe(stop.set)
        thread.join(timeout=10)
        if not thread.is_alive():
            loop.close()  # its self-pipe sockets, else left to the collector in a later test
    assert not thread.is_alive() and not failures
