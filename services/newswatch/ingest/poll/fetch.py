"""Polite, bounded HTTP for the poller (httpx, async).

Every request: a per-host slot (``HostLimiter``), robots.txt consulted, a User-Agent that is a
setting, connect/read timeouts plus a deadline for the whole body (a server that trickles a byte
a second cannot hold a slot forever), a decompressed size limit enforced while streaming, and
retries with full-jitter backoff for what may pass (timeouts, resets, 5xx, 429). Redirects are
followed by hand, at most ``poll_max_redirects`` hops, each hop checked like the first.

Addresses: the first hop of a feed URL the operator wrote in the sources file goes where it says;
everything a server tells us (redirects, entry links) goes through the guard unless the source
allows its private network. No outcome here raises: a fetch returns what happened.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, get_args
from urllib.parse import urljoin

import httpcore
import httpx

from newswatch.ingest.poll.decode import ACCEPT_ENCODING, BadEncoding, BoundedDecoder, TooLarge
from newswatch.ingest.poll.guard import (
    GuardedBackend,
    Refused,
    RefusedReason,
    check_addresses,
    check_scheme,
    resolve,
)
from newswatch.ingest.poll.limits import HostLimiter
from newswatch.notify.backoff import backoff_delay
from newswatch.observability.metrics import POLL_BYTES, POLL_FETCH_SECONDS, POLL_FETCHES
from newswatch.settings import Settings

Kind = Literal["feed", "page", "robots"]
KINDS: tuple[Kind, ...] = get_args(Kind)
Outcome = Literal[
    "ok",
    "not_modified",
    "http_error",
    "timeout",
    "too_large",
    "refused",
    "robots",
    "redirects",
    "network",
    "encoding",
    "bad_url",
]
OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)  # the closed set, for zeroed metric series
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_ACCEPT: dict[Kind, str] = {
    "feed": "application/rss+xml, application/atom+xml, application/feed+json, "
    "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5",
    "page": "text/html, application/xhtml+xml;q=0.9, */*;q=0.5",
    "robots": "text/plain, */*;q=0.5",
}


@dataclass(frozen=True)
class Fetched:
    outcome: Outcome
    url: str  # the last URL requested (after redirects)
    status: int | None = None
    body: bytes = b""
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    detail: str = ""
    refused: RefusedReason | None = None

    @property
    def ok(self) -> bool:
        return self.outcome == "ok"


@dataclass(frozen=True)
class _Attempt:
    """One network attempt: a response (maybe a redirect), or a failure and whether to retry."""

    fetched: Fetched
    retry: bool = False
    location: str | None = None
    retry_after: float | None = None


class _Transport(httpx.AsyncHTTPTransport):
    """httpx's transport over a connection pool with our network backend.

    httpx has no parameter for httpcore's ``network_backend``; the pool it builds is replaced.
    ``test_guard_applies_inside_the_client`` fails if a new httpx stops using ``_pool``.
    """

    def __init__(self, backend: httpcore.AsyncNetworkBackend | None, limits: httpx.Limits):
        super().__init__(trust_env=False, limits=limits)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(),  # httpx's own defaults (certifi)
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=backend,
        )


def _client(settings: Settings, backend: httpcore.AsyncNetworkBackend | None) -> httpx.AsyncClient:
    limits = httpx.Limits(max_connections=settings.poll_concurrency * 2, keepalive_expiry=30.0)
    timeout = httpx.Timeout(
        connect=settings.poll_connect_timeout_s,
        read=settings.poll_read_timeout_s,
        write=settings.poll_read_timeout_s,
        pool=settings.poll_fetch_timeout_s,
    )
    return httpx.AsyncClient(
        transport=_Transport(backend, limits),
        timeout=timeout,
        follow_redirects=False,
        trust_env=False,  # no proxy from the environment: it would bypass the guard
        headers={"User-Agent": settings.poll_user_agent, "Accept-Encoding": ACCEPT_ENCODING},
    )


class Fetcher:
    def __init__(self, settings: Settings, limiter: HostLimiter | None = None) -> None:
        from newswatch.ingest.poll.robots import Robots

        self.settings = settings
        self.limiter = limiter or HostLimiter(
            settings.poll_host_concurrency, settings.poll_host_interval_s
        )
        # Requests in flight over all hosts, taken after the host's own slot: a host's queue
        # of pages waiting for their turn never holds slots the other hosts could use.
        self._slots = asyncio.Semaphore(settings.poll_concurrency)
        self._open = _client(settings, None)
        self._guarded = _client(settings, GuardedBackend())
        self.robots = Robots(self, settings.poll_user_agent, settings.poll_robots_ttl_s)

    async def aclose(self) -> None:
        await self._open.aclose()
        await self._guarded.aclose()

    async def fetch(
        self,
        url: str,
        *,
        kind: Kind,
        max_bytes: int,
        allow_private: bool = False,
        trusted: bool = False,
        headers: Mapping[str, str] | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        robots: bool = True,
    ) -> Fetched:
        """GET ``url``; ``trusted``: its first hop is the operator's (the sources file)."""
        started = time.monotonic()
        result = await self._follow(
            url,
            kind=kind,
            max_bytes=max_bytes,
            allow_private=allow_private,
            trusted=trusted,
            headers=headers or {},
            etag=etag,
            last_modified=last_modified,
            robots=robots,
        )
        POLL_FETCHES.labels(kind=kind, outcome=result.outcome).inc()
        POLL_FETCH_SECONDS.labels(kind=kind).observe(time.monotonic() - started)
        return result

    async def _follow(
        self,
        url: str,
        *,
        kind: Kind,
        max_bytes: int,
        allow_private: bool,
        trusted: bool,
        headers: Mapping[str, str],
        etag: str | None,
        last_modified: str | None,
        robots: bool,
    ) -> Fetched:
        visited: set[str] = set()
        current = url
        for hop in range(self.settings.poll_max_redirects + 1):
            first = hop == 0
            open_hop = allow_private or (trusted and first)
            try:
                target = httpx.URL(current)
                check_scheme(target.scheme, current)
                if not target.host:
                    raise httpx.InvalidURL("no host")
                if not open_hop:
                    port = target.port or (443 if target.scheme == "https" else 80)
                    addresses = await asyncio.wait_for(
                        resolve(target.host, port), self.settings.poll_connect_timeout_s
                    )
                    check_addresses(target.host, addresses)
            except Refused as exc:
                return Fetched("refused", current, detail=str(exc), refused=exc.reason)
            except (httpx.InvalidURL, ValueError) as exc:
                return Fetched("bad_url", current, detail=str(exc))
            except TimeoutError:
                return Fetched("timeout", current, detail=f"resolving {target.host} timed out")
            except OSError as exc:  # the name does not resolve
                return Fetched("network", current, detail=f"cannot resolve: {exc}")
            if robots and (refusal := await self.robots.refusal(current, allow_private, open_hop)):
                return refusal
            request_headers = {"Accept": _ACCEPT[kind]}
            if first:
                request_headers |= dict(headers)
                if etag:
                    request_headers["If-None-Match"] = etag
                if last_modified:
                    request_headers["If-Modified-Since"] = last_modified
            client = self._open if open_hop else self._guarded
            attempt = await self._with_retries(client, target, request_headers, max_bytes, kind)
            if attempt.location is None:
                return attempt.fetched
            visited.add(current)
            current = urljoin(current, attempt.location)
            if current in visited:
                return Fetched("redirects", current, detail="redirect loop")
        return Fetched("redirects", current, detail="too many redirects")

    async def _with_retries(
        self,
        client: httpx.AsyncClient,
        url: httpx.URL,
        headers: dict[str, str],
        max_bytes: int,
        kind: Kind,
    ) -> _Attempt:
        settings = self.settings
        attempt = await self._once(client, url, headers, max_bytes, kind)
        for number in range(1, settings.poll_max_attempts):
            if not attempt.retry:
                break
            delay = backoff_delay(
                number - 1, base=settings.poll_backoff_base_s, cap=settings.poll_backoff_max_s
            )
            if attempt.retry_after is not None:
                delay = max(delay, min(attempt.retry_after, settings.poll_backoff_max_s))
            await asyncio.sleep(delay)
            attempt = await self._once(client, url, headers, max_bytes, kind)
        return attempt

    async def _once(
        self,
        client: httpx.AsyncClient,
        url: httpx.URL,
        headers: dict[str, str],
        max_bytes: int,
        kind: Kind,
    ) -> _Attempt:
        where = str(url)
        async with self.limiter.slot(url.netloc.decode("ascii", "replace")), self._slots:
            try:
                async with asyncio.timeout(self.settings.poll_fetch_timeout_s):
                    return await self._request(client, url, headers, max_bytes, kind)
            except Refused as exc:
                return _Attempt(Fetched("refused", where, detail=str(exc), refused=exc.reason))
            except (TimeoutError, httpx.TimeoutException) as exc:
                return _Attempt(Fetched("timeout", where, detail=str(exc) or "timed out"), True)
            except TooLarge as exc:
                return _Attempt(Fetched("too_large", where, detail=str(exc)))
            except BadEncoding as exc:
                return _Attempt(Fetched("encoding", where, detail=str(exc)))
            except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
                return _Attempt(Fetched("bad_url", where, detail=str(exc)))
            except httpx.TransportError as exc:
                detail = f"{type(exc).__name__}: {exc}"
                return _Attempt(Fetched("network", where, detail=detail), True)

    async def _request(
        self,
        client: httpx.AsyncClient,
        url: httpx.URL,
        headers: dict[str, str],
        max_bytes: int,
        kind: Kind,
    ) -> _Attempt:
        where = str(url)
        async with client.stream("GET", url, headers=headers) as response:
            status = response.status_code
            if status in _REDIRECTS and "location" in response.headers:
                return _Attempt(Fetched("ok", where, status), location=response.headers["location"])
            if status == 304:
                return _Attempt(
                    Fetched(
                        "not_modified",
                        where,
                        status,
                        etag=response.headers.get("etag"),
                        last_modified=response.headers.get("last-modified"),
                    )
                )
            if status >= 400:
                return _Attempt(
                    Fetched("http_error", where, status, detail=f"HTTP {status}"),
                    retry=status in _RETRY_STATUS,
                    retry_after=_seconds(response.headers.get("retry-after")),
                )
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise TooLarge(f"Content-Length {declared} above {max_bytes} bytes")
            decoder = BoundedDecoder(response.headers.get("content-encoding"), max_bytes)
            parts: list[bytes] = []
            try:
                async for chunk in response.aiter_raw():
                    parts.append(decoder.feed(chunk))
                parts.append(decoder.flush())
            finally:
                POLL_BYTES.labels(kind=kind).inc(sum(map(len, parts)))
            return _Attempt(
                Fetched(
                    "ok",
                    where,
                    status,
                    body=b"".join(parts),
                    content_type=response.headers.get("content-type"),
                    etag=response.headers.get("etag"),
                    last_modified=response.headers.get("last-modified"),
                )
            )


def _seconds(value: str | None) -> float | None:
    """``Retry-After`` in seconds (the HTTP-date form is ignored: the backoff applies)."""
    if value and value.strip().isdigit():
        return float(value.strip())
    return None
