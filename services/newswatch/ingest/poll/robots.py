"""robots.txt, per origin, cached; read as RFC 9309 says.

4xx (none published): everything allowed. 5xx or unreachable: everything disallowed until the
next look, since the site may be struggling. ``Crawl-delay`` widens that host's request gap.
"""

from __future__ import annotations

import asyncio
import time
import urllib.robotparser
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from newswatch.ingest.poll.fetch import Fetcher

MAX_ROBOTS_BYTES = 512_000  # Google reads the first 500 KiB
_RETRY_UNREACHABLE_S = 300.0


class Robots:
    def __init__(self, fetcher: Fetcher, user_agent: str, ttl_s: float) -> None:
        self._fetcher = fetcher
        self._agent = user_agent.split("/", 1)[0]  # the product token matches robots groups
        self._ttl = ttl_s
        self._cache: dict[str, tuple[float, urllib.robotparser.RobotFileParser | bool]] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def allowed(self, url: str, allow_private: bool, open_hop: bool) -> bool:
        parsed = httpx.URL(url)
        origin = f"{parsed.scheme}://{parsed.netloc.decode('ascii', 'replace')}"
        lock = self._locks.setdefault(origin, asyncio.Lock())
        async with lock:
            cached = self._cache.get(origin)
            if cached is None or cached[0] < time.monotonic():
                cached = await self._load(
                    origin, parsed.netloc.decode("ascii", "replace"), allow_private, open_hop
                )
                self._cache[origin] = cached
        rules = cached[1]
        if isinstance(rules, bool):
            return rules
        return rules.can_fetch(self._agent, url)

    async def _load(
        self, origin: str, netloc: str, allow_private: bool, open_hop: bool
    ) -> tuple[float, urllib.robotparser.RobotFileParser | bool]:
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
            return now + self._ttl, rules
        if fetched.outcome == "http_error" and fetched.status is not None and fetched.status < 500:
            return now + self._ttl, True
        if fetched.outcome == "too_large":
            return now + self._ttl, True
        return now + min(self._ttl, _RETRY_UNREACHABLE_S), False
