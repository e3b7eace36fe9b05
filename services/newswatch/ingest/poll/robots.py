"""robots.txt, per origin, cached; read as RFC 9309 says.

4xx (none published): everything allowed. 5xx: everything disallowed until the next look, since
the site may be struggling. Unreachable (network error, timeout): disallowed too, and reported
as what it is, so a dead host reads "network", not "robots". ``Crawl-delay`` widens that
host's request gap.
"""

from __future__ import annotations

import asyncio
import time
import urllib.robotparser
from dataclasses import dataclass
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from newswatch.ingest.poll.fetch import Fetched, Fetcher

MAX_ROBOTS_BYTES = 512_000  # Google reads the first 500 KiB
_RETRY_FAILED_S = 300.0


@dataclass(frozen=True)
class _Entry:
    expires: float
    rules: urllib.robotparser.RobotFileParser | bool
    failure: Fetched | None = None  # why robots.txt could not be had


class Robots:
    def __init__(self, fetcher: Fetcher, user_agent: str, ttl_s: float) -> None:
        self._fetcher = fetcher
        self._agent = user_agent.split("/", 1)[0]  # the product token matches robots groups
        self._ttl = ttl_s
        self._cache: dict[str, _Entry] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def refusal(self, url: str, allow_private: bool, open_hop: bool) -> Fetched | None:
        """None when ``url`` may be fetched; else the outcome to report instead."""
        from newswatch.ingest.poll.fetch import Fetched

        parsed = httpx.URL(url)
        netloc = parsed.netloc.decode("ascii", "replace")
        origin = f"{parsed.scheme}://{netloc}"
        async with self._locks.setdefault(origin, asyncio.Lock()):
            entry = self._cache.get(origin)
            if entry is None or entry.expires < time.monotonic():
                entry = self._cache[origin] = await self._load(
                    origin, netloc, allow_private, open_hop
                )
        if entry.failure is not None:
            failed = entry.failure
            return Fetched(failed.outcome, url, detail=f"robots.txt: {failed.detail}")
        if entry.rules is True or (
            not isinstance(entry.rules, bool) and entry.rules.can_fetch(self._agent, url)
        ):
            return None
        return Fetched("robots", url, detail="disallowed by robots.txt")

    async def _load(self, origin: str, netloc: str, allow_private: bool, open_hop: bool) -> _Entry:
        fetched = await self._fetcher.fetch(
            f"{origin}/robots.txt",
            kind="robots",
            max_bytes=MAX_ROBOTS_BYTES,
            allow_private=allow_private,
            trusted=open_hop,
            robots=False,
        )
        now = time.monotonic()
        if fetched.ok:
            rules = urllib.robotparser.RobotFileParser()
            rules.parse(fetched.body.decode("utf-8", "replace").splitlines())
            delay = rules.crawl_delay(self._agent)
            if delay:
                self._fetcher.limiter.slow_down(netloc, float(delay))
            return _Entry(now + self._ttl, rules)
        status = fetched.status or 0
        if fetched.outcome == "too_large" or (fetched.outcome == "http_error" and status < 500):
            return _Entry(now + self._ttl, True)
        retry = now + min(self._ttl, _RETRY_FAILED_S)
        if fetched.outcome == "http_error":  # 5xx: the site asks us to stay away
            return _Entry(retry, False)
        return _Entry(retry, False, fetched)
