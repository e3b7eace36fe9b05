"""``newswatch poll --once`` end to end: the local feed site, the real broker, the exit codes.

On a feed with two new entries, two articles reach ``news.articles`` keyed by their ids, with
the pages' main text and canonical URLs; a second ``--once`` publishes none; a dead source is
named on stderr while the others still arrive; no readable source at all exits 66.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from poll_support import poll_settings, write_sources
from worker_support import read_topic, settings_env

from newswatch.cli import main
from newswatch.contracts import decode_article
from newswatch.exits import NO_INPUT, OK
from newswatch.settings import Settings, get_settings
from support.feed_site import FOOTER, PAGES, FeedSite

pytestmark = [pytest.mark.integration, pytest.mark.timeout(120)]


@pytest.fixture
def site() -> Iterator[FeedSite]:
    with FeedSite() as running:
        yield running


@pytest.fixture
def poll_env(kafka_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    """The CLI reads its settings from the environment, as in production."""
    settings = poll_settings(kafka_settings)
    for name, value in settings_env(settings).items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    yield settings
    get_settings.cache_clear()


def test_poll_once_publishes_new_articles_once_and_reports_the_dead(
    site: FeedSite,
    poll_env: Settings,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    sources = write_sources(
        tmp_path / "sources.yaml",
        [
            {"name": "gull", "url": site.url("/feeds/two.xml"), "allow_private_network": True},
            {"name": "dead", "url": "http://127.0.0.1:9/feed.xml", "allow_private_network": True},
            {"name": "failing", "url": site.url("/feeds/error.xml")},
        ],
    )
    assert main(["poll", str(sources), "--once"]) == OK
    err = capsys.readouterr().err
    assert "dead: unreadable: network" in err
    assert "failing: unreadable: http_error (HTTP 500)" in err
    assert "published 2 articles" in err

    records = read_topic(poll_env, poll_env.topic_articles, expected=2, timeout_s=30)
    assert len(records) == 2
    articles = [decode_article(r.value, max_bytes=10**6, max_text_chars=10**5) for r in records]
    assert {r.key for r in records} == {a.id.encode() for a in articles}
    assert {a.url for a in articles} == {
        site.url("/news/harbour-reopens"),
        site.url("/news/ferry-timetable"),
    }
    for article in articles:
        assert article.text_from == "page" and article.ingested_at
        path = (article.url or "").removeprefix(site.base)
        assert all(paragraph in article.text for paragraph in PAGES[path][3])
        assert FOOTER not in article.text and "Sign in" not in article.text

    # A second --once: nothing already published goes out again.
    assert main(["poll", str(sources), "--once"]) == OK
    assert "published 0 articles" in capsys.readouterr().err
    assert len(read_topic(poll_env, poll_env.topic_articles, expected=3, timeout_s=3)) == 2


def test_poll_once_exits_66_when_no_source_could_be_read(
    site: FeedSite, poll_env: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sources = write_sources(
        tmp_path / "sources.yaml",
        [
            {"name": "garbage", "url": site.url("/feeds/garbage.xml")},
            {"name": "loop", "url": site.url("/loop/a"), "allow_private_network": True},
        ],
    )
    assert main(["poll", str(sources), "--once"]) == NO_INPUT
    err = capsys.readouterr().err
    assert "garbage: unparsable" in err and "loop: unreadable: redirects" in err
