"""Politeness per host: at most N requests in flight, and a minimum gap between their starts."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field


@dataclass
class _Host:
    slots: asyncio.Semaphore
    next_start: float = 0.0
    interval: float = 0.0
    last_used: float = field(default_factory=time.monotonic)


class HostLimiter:
    """Shared by every source: two feeds on one site share that site's budget."""

    def __init__(self, concurrency: int, interval_s: float, *, max_interval_s: float = 60.0):
        self._concurrency = concurrency
        self._interval = interval_s
        self._max_interval = max_interval_s
        self._hosts: dict[str, _Host] = {}

    def _host(self, host: str) -> _Host:
        state = self._hosts.get(host)
        if state is None:
            if len(self._hosts) > 10_000:
                self._forget_idle()
            state = self._hosts[host] = _Host(
                asyncio.Semaphore(self._concurrency), interval=self._interval
            )
        return state

    def slow_down(self, host: str, interval_s: float) -> None:
        """A robots.txt ``Crawl-delay`` widens the gap for its host (never narrows it)."""
        state = self._host(host)
        state.interval = max(self._interval, min(interval_s, self._max_interval))

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        state = self._host(host)
        async with state.slots:
            now = time.monotonic()
            start = max(now, state.next_start)
            state.next_start = start + state.interval
            if start > now:
                await asyncio.sleep(start - now)
            state.last_used = time.monotonic()
            yield

    def _forget_idle(self) -> None:
        cutoff = time.monotonic() - 3600
        for host in [h for h, s in self._hosts.items() if s.last_used < cutoff]:
            del self._hosts[host]
