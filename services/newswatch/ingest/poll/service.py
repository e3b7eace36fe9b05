"""The poller: each source's feed, its new entries' pages, the articles published, the keys kept.

One source's failure (unreachable, unparsable, a bug in a corner of a parser) is that source's
report and never touches the others: each source runs in its own task and its errors become its
report. Seen keys are recorded only after the broker acknowledged the round's articles.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, Protocol

from newswatch.contracts import Article
from newswatch.ingest.html import Page, extract_page
from newswatch.ingest.poll.articles import build_article, entry_key
from newswatch.ingest.poll.entries import Entry, Feed, FeedKind, NotAFeed, parse_feed
from newswatch.ingest.poll.fetch import KINDS, OUTCOMES, Fetched, Fetcher
from newswatch.ingest.poll.guard import REFUSED_REASONS, SCHEMES, RefusedReason
from newswatch.ingest.poll.seen import SeenStore, Validators
from newswatch.ingest.poll.sources import LiveSources, Source
from newswatch.ingest.records import Unparsable
from newswatch.observability.metrics import (
    POLL_ARTICLES,
    POLL_ENTRIES_REFUSED,
    POLL_FEED_POLLS,
    POLL_FETCHES,
    POLL_FRESHNESS_SECONDS,
    POLL_SOURCE_LAST_ARTICLE,
    POLL_SOURCE_LAST_OK,
    POLL_SOURCES,
    zero_series,
)
from newswatch.settings import Settings

log = logging.getLogger(__name__)

FeedOutcome = Literal["ok", "not_modified", "unreadable", "unparsable", "unpublished"]
_HTML_TYPES = ("html", "xml", "text/plain")
_PRUNE_EVERY_S = 6 * 3600.0
SEEN_RETENTION_S = 90 * 86400.0


class Publisher(Protocol):
    """What the poller needs from ``ArticleProducer`` (thread-safe use is the caller's job)."""

    def send_article(self, article: Article) -> Unparsable | None: ...

    def flush(self) -> None: ...


@dataclass
class SourceReport:
    source: str
    outcome: FeedOutcome
    detail: str = ""
    kind: FeedKind | None = None
    entries: int = 0
    new: int = 0
    published: int = 0
    refused: int = 0
    rejected: int = 0  # dead-lettered by the worker's own limits

    @property
    def read(self) -> bool:
        return self.outcome in ("ok", "not_modified", "unpublished")

    def line(self) -> str:
        if not self.read:
            return f"{self.source}: {self.outcome}: {self.detail}"
        return (
            f"{self.source}: {self.outcome} ({self.kind or 'unchanged'}), {self.entries} entries, "
            f"{self.new} new, {self.published} published, {self.refused} refused"
            + (f", {self.rejected} dead-lettered" if self.rejected else "")
            + (f": {self.detail}" if self.detail else "")
        )


@dataclass
class RoundReport:
    sources: list[SourceReport] = field(default_factory=list)

    @property
    def read(self) -> int:
        return sum(r.read for r in self.sources)

    @property
    def published(self) -> int:
        return sum(r.published for r in self.sources)

    @property
    def refused(self) -> int:
        return sum(r.refused for r in self.sources)

    @property
    def unpublished(self) -> bool:
        return any(r.outcome == "unpublished" for r in self.sources)

    def line(self) -> str:
        return (
            f"polled {len(self.sources)} sources ({len(self.sources) - self.read} unreadable), "
            f"published {self.published} articles, refused {self.refused} entries"
        )


@dataclass(frozen=True)
class _Done:
    key: str
    article: Article | None = None
    refused: RefusedReason | None = None


def _refused_key(source: Source, key: str) -> str:
    return f"refused/{source.name}/{key}"


def zero_poller_series() -> None:
    zero_series(POLL_FETCHES, kind=KINDS, outcome=OUTCOMES)
    zero_series(POLL_ENTRIES_REFUSED, reason=REFUSED_REASONS)
    zero_series(POLL_FEED_POLLS, outcome=("ok", "not_modified", "unreadable", "unparsable"))
    zero_series(POLL_ARTICLES, text_from=("page", "entry_content", "entry_summary"))


class Poller:
    def __init__(
        self,
        settings: Settings,
        sources: LiveSources,
        publisher: Publisher,
        store: SeenStore,
        *,
        fetcher: Fetcher | None = None,
    ) -> None:
        self.settings = settings
        self.sources = sources
        self.publisher = publisher
        self.store = store
        self.fetcher = fetcher or Fetcher(settings)
        self._publish_lock = asyncio.Lock()
        self.polls_done = 0
        self._tracked: set[str] = set()
        self._in_flight: dict[tuple[str, bool], asyncio.Future[tuple[Fetched, Page | None]]] = {}
        zero_poller_series()

    def mine(self) -> list[Source]:
        """This poller's share of the sources (``poll_shard_index`` of ``poll_shard_count``)."""
        count, index = self.settings.poll_shard_count, self.settings.poll_shard_index
        return [s for s in self.sources.current if s.shard(count) == index]

    async def aclose(self) -> None:
        await self.fetcher.aclose()

    async def poll_once(self) -> RoundReport:
        await asyncio.to_thread(self.store.prune, older_than_s=SEEN_RETENTION_S)
        mine = self.mine()
        self._track(mine)
        reports = await asyncio.gather(*(self.poll_source(s) for s in mine))
        return RoundReport(list(reports))

    async def run(self, stop: asyncio.Event) -> None:
        """Poll each source every ``interval``, the file re-read as it changes, until ``stop``.

        First polls are spread over ``poll_start_spread_s`` so a restart does not hit every site
        at once.
        """
        due: dict[str, float] = {}
        running: dict[str, asyncio.Task[SourceReport]] = {}
        next_prune = 0.0
        spread = self.settings.poll_start_spread_s
        try:
            while not stop.is_set():
                # A changed file: new sources start now, the others keep their schedule.
                self.sources.refresh()
                mine = self.mine()
                self._track(mine)
                names = {s.name for s in mine}
                due = {name: at for name, at in due.items() if name in names}  # removed sources
                now = time.monotonic()
                if now >= next_prune:
                    await asyncio.to_thread(self.store.prune, older_than_s=SEEN_RETENTION_S)
                    next_prune = now + _PRUNE_EVERY_S
                for source in mine:
                    first = due.setdefault(
                        source.name,
                        now + random.random() * min(source.interval_s, spread),
                    )
                    if source.name not in running and first <= now:
                        running[source.name] = asyncio.create_task(self.poll_source(source))
                        due[source.name] = now + source.interval_s
                for name in [n for n, t in running.items() if t.done()]:
                    report = running.pop(name).result()
                    log.info("polled %s", report.line(), extra={"source": name})
                waits = [d - now for n, d in due.items() if n not in running]
                timeout = max(0.05, min([self.settings.reload_interval_s, *waits]))
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout)
        finally:
            for task in running.values():
                task.cancel()
            await asyncio.gather(*running.values(), return_exceptions=True)

    def _track(self, mine: Sequence[Source]) -> None:
        POLL_SOURCES.set(len(mine))
        # A source gone from the file takes its series with it: a stale last-article time would
        # make NewswatchSourceSilent fire for an outlet nobody follows any more.
        for name in self._tracked - {s.name for s in mine}:
            self._tracked.discard(name)
            for gauge in (POLL_SOURCE_LAST_ARTICLE, POLL_SOURCE_LAST_OK):
                with contextlib.suppress(KeyError):
                    gauge.remove(name)
        for source in mine:
            if source.name not in self._tracked:  # first sight: the stored time, else now
                self._tracked.add(source.name)
                last = self.store.last_article_at(source.name) or time.time()
                POLL_SOURCE_LAST_ARTICLE.labels(source=source.name).set(last)

    async def poll_source(self, source: Source) -> SourceReport:
        try:
            report = await self._poll_source(source)
        except Exception as exc:  # a bug must cost one source one round, not the poller
            log.exception("polling %s failed", source.name, extra={"source": source.name})
            report = SourceReport(source.name, "unreadable", f"internal error: {exc!r}")
        self.polls_done += 1
        if report.outcome != "unpublished":
            POLL_FEED_POLLS.labels(outcome=report.outcome).inc()
        return report

    async def _poll_source(self, source: Source) -> SourceReport:
        settings = self.settings
        stored = self.store.validators(source.name, source.url)
        fetched = await self.fetcher.fetch(
            source.url,
            kind="feed",
            max_bytes=settings.poll_max_feed_bytes,
            allow_private=source.allow_private_network,
            trusted=True,
            headers=source.headers,
            etag=stored.etag,
            last_modified=stored.last_modified,
        )
        if fetched.outcome == "not_modified":
            POLL_SOURCE_LAST_OK.labels(source=source.name).set(time.time())
            return SourceReport(source.name, "not_modified")
        if not fetched.ok:
            status = f" (HTTP {fetched.status})" if fetched.status else ""
            detail = f"{fetched.outcome}{status}: {fetched.detail}"
            return SourceReport(source.name, "unreadable", detail)
        try:
            feed = await asyncio.to_thread(parse_feed, fetched.body, fetched.url)
        except NotAFeed as exc:
            return SourceReport(source.name, "unparsable", str(exc))
        POLL_SOURCE_LAST_OK.labels(source=source.name).set(time.time())
        report = SourceReport(source.name, "ok", kind=feed.kind, entries=len(feed.entries))
        new = self._new_entries(source, feed.entries[: settings.poll_max_entries])
        report.new = len(new)
        done = await asyncio.gather(*(self._entry(source, feed, e, k) for k, e in new))
        # A refusal is this source's policy: another source allowing that network may still
        # publish the article, so the refused key is kept under this source's name.
        keys = [_refused_key(source, d.key) if d.refused else d.key for d in done]
        try:
            # Check, publish and record under one lock: two sources of this poller listing one
            # article publish it once.
            async with self._publish_lock:
                articles = self._unseen_articles(done)
                sent = await asyncio.to_thread(self._publish, articles)
                # Validators only once the round is safe: a 304 next time must not hide
                # entries that were never sent.
                self.store.save_validators(
                    source.name, source.url, Validators(fetched.etag, fetched.last_modified)
                )
                keys += [a.id for a in articles]
                await asyncio.to_thread(self.store.mark, source.name, keys)
        except Exception as exc:  # the broker: nothing is marked seen, the next round retries
            log.error("publishing %s failed: %s", source.name, exc, extra={"source": source.name})
            report.outcome, report.detail = "unpublished", f"publishing failed: {exc}"
            return report
        for item in done:
            if item.refused is not None:
                POLL_ENTRIES_REFUSED.labels(reason=item.refused).inc()
        report.refused = sum(d.refused is not None for d in done)
        report.rejected = len(articles) - len(sent)
        report.published = len(sent)
        self._count_published(source, sent)
        return report

    def _new_entries(self, source: Source, entries: Sequence[Entry]) -> list[tuple[str, Entry]]:
        keyed = {}
        for entry in entries:
            key = entry_key(entry)
            if key is not None and key not in keyed:
                keyed[key] = entry
        fresh = self.store.unseen([*keyed, *(_refused_key(source, k) for k in keyed)])
        return [(k, e) for k, e in keyed.items() if k in fresh and _refused_key(source, k) in fresh]

    def _unseen_articles(self, done: Sequence[_Done]) -> list[Article]:
        """An article reached through two entries (or already published under another link,
        the page's canonical URL being the same) goes out once."""
        candidates = [d.article for d in done if d.article is not None]
        fresh = self.store.unseen(a.id for a in candidates)
        articles: dict[str, Article] = {}
        for article in candidates:
            if article.id in fresh:
                articles.setdefault(article.id, article)
        return list(articles.values())

    async def _entry(self, source: Source, feed: Feed, entry: Entry, key: str) -> _Done:
        link = entry.link
        if link and link.split(":", 1)[0].lower() not in SCHEMES:
            return _Done(key, refused="scheme")
        page: Page | None = None
        served_from = None
        if link and source.fetch_pages:
            fetched, page = await self._page(link, key, source.allow_private_network)
            if fetched.outcome == "refused":
                log.warning(
                    "refused %s from %s: %s",
                    link,
                    source.name,
                    fetched.detail,
                    extra={"source": source.name, "reason": fetched.refused},
                )
                return _Done(key, refused=fetched.refused or "reserved")
            served_from = fetched.url if page is not None else None
        return _Done(key, build_article(entry, source, feed.title, page, served_from))

    async def _page(self, link: str, key: str, allow_private: bool) -> tuple[Fetched, Page | None]:
        """One fetch per page in flight: an outlet's section feeds often list the same article,
        and each would otherwise spend the host's politeness budget on it."""
        share = (key, allow_private)
        task = self._in_flight.get(share)
        if task is None:
            task = asyncio.ensure_future(self._fetch_page(link, allow_private))
            self._in_flight[share] = task
            task.add_done_callback(lambda _: self._in_flight.pop(share, None))
        # Shielded: one waiter cancelled (its source's task stopped) leaves the others theirs.
        return await asyncio.shield(task)

    async def _fetch_page(self, link: str, allow_private: bool) -> tuple[Fetched, Page | None]:
        fetched = await self.fetcher.fetch(
            link,
            kind="page",
            max_bytes=self.settings.poll_max_page_bytes,
            allow_private=allow_private,
        )
        content_type = (fetched.content_type or "text/html").lower()
        if fetched.ok and any(t in content_type for t in _HTML_TYPES):
            return fetched, await asyncio.to_thread(extract_page, fetched.body)
        return fetched, None

    def _publish(self, articles: Sequence[Article]) -> list[Article]:
        """Send and wait for the acknowledgements; the articles that went to the topic (the
        others failed the worker's own limits and were dead-lettered)."""
        sent = [a for a in articles if self.publisher.send_article(a) is None]
        self.publisher.flush()
        return sent

    def _count_published(self, source: Source, articles: Sequence[Article]) -> None:
        if not articles:
            return
        now = time.time()
        POLL_SOURCE_LAST_ARTICLE.labels(source=source.name).set(now)
        for article in articles:
            POLL_ARTICLES.labels(text_from=article.text_from or "page").inc()
            if article.published_at:
                published = datetime.fromisoformat(article.published_at.replace("Z", "+00:00"))
                POLL_FRESHNESS_SECONDS.observe(max(0.0, now - published.timestamp()))
