"""A real local news site for the poller's tests: feeds, pages, robots.txt and misbehaviour.

Everything served is invented for these tests (the towns, papers and people do not exist). The
server listens on 127.0.0.1 only, on a free port, in a daemon thread; ``hits`` counts requests
per path so tests can see retries and conditional GETs.

Misbehaving paths: ``/feeds/error.xml`` (500 every time), ``/feeds/flaky.xml`` (503 once),
``/loop/a`` <-> ``/loop/b`` (a redirect loop), ``/huge`` (a 50 MB body generated as it is sent,
never stored), ``/gzip-bomb``, ``/stall`` (headers never come), ``/trickle`` (a byte a second),
``/feeds/broken.xml`` (malformed XML with entries), ``/feeds/garbage.xml`` (not a feed at all).
"""

from __future__ import annotations

import contextlib
import email.utils
import gzip
import hashlib
import json
import threading
import time
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType

HUGE_BYTES = 50 * 1024 * 1024
NAV = "Home | World | Harbour News | Weather | Sign in"
FOOTER = "Copyright The Wendle Gull. All rights reserved. Subscribe to our newsletter."
LAST_MODIFIED = email.utils.formatdate(1_764_000_000, usegmt=True)

PAGES: dict[str, tuple[str, str, str, list[str]]] = {
    # path: (title, author, published, paragraphs)
    "/news/harbour-reopens": (
        "Harbour reopens after storm repairs",
        "Mira Quell",
        "2026-11-30T08:15:00+01:00",
        [
            "The eastern harbour of Port Wendle reopened on Monday after three weeks of repairs "
            "to the breakwater that the October storm had split in two places.",
            "Fishing crews took their boats out before dawn, and the harbour master, Osric Penn, "
            "said the new granite blocks would hold against waves twice as high as last month's.",
            "The town council meets on Thursday to decide how the cost, about four million "
            "crowns, will be shared between the port authority and the fishing cooperative.",
        ],
    ),
    "/news/ferry-timetable": (
        "Winter ferry timetable adds a night crossing",
        "Tobiah Lark",
        "2026-12-01T17:40:00Z",
        [
            "The ferry between Port Wendle and the island of Skerrow will run a night crossing "
            "on Fridays from January, the operator Greyhaven Lines announced on Tuesday.",
            "Islanders had asked for a late boat for years so that students at the mainland "
            "college could come home for the weekend without staying an extra night in town.",
            "The crossing takes ninety minutes and fares stay the same until the spring review.",
        ],
    ),
    "/news/lighthouse-keeper": (
        "Last lighthouse keeper of Skerrow retires",
        "Mira Quell",
        "2026-12-02T09:00:00Z",
        [
            "Edda Marrow climbed the one hundred and twelve steps of the Skerrow light for the "
            "last time on Wednesday, ending forty-one years as its keeper.",
            "The lamp has been automatic since the spring, but Marrow stayed on to look after "
            "the building and the small museum that visitors reach by the coastal path.",
        ],
    ),
    "/private/board-minutes": (
        "Board minutes",
        "Clerk",
        "2026-12-02T10:00:00Z",
        ["These minutes are behind a robots.txt rule and must never be fetched by the poller."],
    ),
}


def page_html(path: str, base: str) -> bytes:
    title, author, published, paragraphs = PAGES[path]
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>{title} | The Wendle Gull</title>
<link rel="canonical" href="{base}{path}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{published}">
<meta property="og:site_name" content="The Wendle Gull">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/harbour">Harbour News</a></li><li><a href="/weather">Weather</a></li>
<li><a href="/signin">Sign in</a></li></ul></nav></header>
<main><article><h1>{title}</h1>
{body}
</article></main>
<footer><p>{FOOTER}</p></footer>
</body></html>""".encode()


def rss(base: str, items: list[tuple[str, str, str]], title: str = "The Wendle Gull") -> bytes:
    """items: (link, title, summary)."""
    entries = "\n".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid>"
        f"<description>{s}</description><pubDate>Mon, 30 Nov 2026 07:00:00 GMT</pubDate></item>"
        for link, t, s in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>{title}</title><link>{base}/</link><language>en</language>\n{entries}\n"
        f"</channel></rss>"
    ).encode()


def site_feeds(base: str) -> dict[str, bytes]:
    two = [
        (
            f"{base}/news/harbour-reopens?utm_source=rss&utm_medium=feed",
            "Harbour reopens",
            "Repairs to the breakwater are done.",
        ),
        (f"{base}/news/ferry-timetable", "Night ferry", "A Friday night crossing from January."),
    ]
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Skerrow Notes</title><id>urn:skerrow</id>
<updated>2026-12-02T09:00:00Z</updated>
<entry><title>Keeper retires</title><id>urn:skerrow:1</id>
<link href="/news/lighthouse-keeper"/><updated>2026-12-02T09:00:00Z</updated>
<author><name>Mira Quell</name></author>
<summary>Forty-one years at the Skerrow light.</summary></entry></feed>"""
    json_feed = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Gull Briefs",
            "language": "en",
            "items": [
                {
                    "id": "brief-1",
                    "url": f"{base}/news/ferry-timetable",
                    "title": "Night ferry",
                    "content_text": "Greyhaven Lines adds a Friday night crossing.",
                    "date_published": "2026-12-01T17:40:00Z",
                }
            ],
        }
    ).encode()
    sitemap = f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>{base}/news/harbour-reopens</loc><news:news><news:publication>
<news:name>The Wendle Gull</news:name><news:language>en</news:language></news:publication>
<news:publication_date>2026-11-30T08:15:00+01:00</news:publication_date>
<news:title>Harbour reopens after storm repairs</news:title></news:news></url>
</urlset>""".encode()
    broken = (
        rss(base, two[1:]).replace(b"</channel></rss>", b"<item><title>cut off")
        + b"<<< not xml &&&"
    )
    private = rss(
        base,
        [(f"{base}/private/board-minutes", "Board minutes", "The board met on Tuesday.")],
    )
    gone = rss(base, [(f"{base}/news/missing-page", "A page that is gone", "Only this summary.")])
    return {
        "/feeds/two.xml": rss(base, two),
        "/feeds/atom.xml": atom,
        "/feeds/feed.json": json_feed,
        "/sitemaps/news.xml": sitemap,
        "/feeds/broken.xml": broken,
        "/feeds/garbage.xml": b"\x00\x01 this is no feed \xff" * 20,
        "/feeds/private.xml": private,
        "/feeds/gone.xml": gone,
    }


def ssrf_feed(base: str, port: int) -> bytes:
    """Entries whose links reach loopback, a private network, cloud metadata, and a name that
    resolves to loopback."""
    return rss(
        base,
        [
            (f"http://127.0.0.1:{port}/news/harbour-reopens", "Loopback", "Via 127.0.0.1."),
            ("http://10.1.2.3/internal/report", "Private", "A 10.x address."),
            ("http://169.254.169.254/latest/meta-data/", "Metadata", "The metadata service."),
            (f"http://localhost:{port}/news/ferry-timetable", "Named", "A name for loopback."),
            ("file:///etc/passwd", "File", "Not http at all."),
        ],
    )


class FeedSite:
    """``with FeedSite() as site: site.url("/feeds/two.xml")``."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.conditional_hits: Counter[str] = Counter()
        self.extra: dict[str, bytes] = {}
        self.release = threading.Event()  # lets /stall go at shutdown
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0]
                site.hits[path] += 1
                # The poller gives up on a body it does not want, as it should.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    site.route(self, path)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = int(self._server.server_address[1])
        self.base = f"http://127.0.0.1:{self.port}"
        self.feeds = site_feeds(self.base)
        self.feeds["/feeds/ssrf.xml"] = ssrf_feed(self.base, self.port)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    # -- routes ------------------------------------------------------------------------------

    def route(self, h: BaseHTTPRequestHandler, path: str) -> None:
        routes: dict[str, Callable[[BaseHTTPRequestHandler], None]] = {
            "/robots.txt": lambda r: self._send(r, 200, b"User-agent: *\nDisallow: /private/\n"),
            "/feeds/error.xml": lambda r: self._send(r, 500, b"internal error"),
            "/loop/a": lambda r: self._redirect(r, "/loop/b"),
            "/loop/b": lambda r: self._redirect(r, "/loop/a"),
            "/hop": lambda r: self._redirect(r, "/feeds/two.xml"),
            "/feeds/to-metadata": lambda r: self._redirect(r, "http://169.254.169.254/latest/"),
            "/feeds/to-localhost": lambda r: self._redirect(
                r, f"http://localhost:{self.port}/feeds/two.xml"
            ),
            "/feeds/flaky.xml": self._flaky,
            "/news/slow/lighthouse-keeper": self._slow_page,
            "/huge": self._huge,
            "/gzip-bomb": self._gzip_bomb,
            "/stall": self._stall,
            "/trickle": self._trickle,
        }
        if path in routes:
            routes[path](h)
        elif path in self.feeds or path in self.extra:
            self._feed(h, path, self.extra.get(path) or self.feeds[path])
        elif path in PAGES:
            self._send(h, 200, page_html(path, self.base), "text/html; charset=utf-8")
        else:
            self._send(h, 404, b"not found")

    def _send(
        self, h: BaseHTTPRequestHandler, status: int, body: bytes, ctype: str = "text/plain"
    ) -> None:
        h.send_response(status)
        h.send_header("Content-Type", ctype)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    def _redirect(self, h: BaseHTTPRequestHandler, location: str) -> None:
        h.send_response(302)
        h.send_header("Location", location)
        h.send_header("Content-Length", "0")
        h.end_headers()

    def _feed(self, h: BaseHTTPRequestHandler, path: str, body: bytes) -> None:
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if h.headers.get("If-None-Match") == etag:
            self.conditional_hits[path] += 1
            h.send_response(304)
            h.send_header("ETag", etag)
            h.send_header("Content-Length", "0")
            h.end_headers()
            return
        h.send_response(200)
        h.send_header("Content-Type", "application/xml")
        h.send_header("ETag", etag)
        h.send_header("Last-Modified", LAST_MODIFIED)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    def _slow_page(self, h: BaseHTTPRequestHandler) -> None:
        """A page that takes half a second, so two sources asking for it overlap."""
        self.release.wait(0.5)
        body = page_html("/news/lighthouse-keeper", self.base)
        self._send(
            h,
            200,
            body.replace(b"/news/lighthouse-keeper", b"/news/slow/lighthouse-keeper"),
            "text/html",
        )

    def _flaky(self, h: BaseHTTPRequestHandler) -> None:
        """503 with Retry-After the first time, the two-entry feed after that."""
        if self.hits["/feeds/flaky.xml"] == 1:
            h.send_response(503)
            h.send_header("Retry-After", "0")
            h.send_header("Content-Length", "0")
            h.end_headers()
            return
        self._feed(h, "/feeds/flaky.xml", self.feeds["/feeds/two.xml"])

    def _huge(self, h: BaseHTTPRequestHandler) -> None:
        """50 MB, chunked (no Content-Length to refuse early): generated as it is sent."""
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Transfer-Encoding", "chunked")
        h.end_headers()
        block = b"<p>" + b"w" * 65_530 + b"</p>"
        sent = 0
        while sent < HUGE_BYTES:
            h.wfile.write(b"%x\r\n%s\r\n" % (len(block), block))
            sent += len(block)
        h.wfile.write(b"0\r\n\r\n")

    def _gzip_bomb(self, h: BaseHTTPRequestHandler) -> None:
        body = gzip.compress(b"\0" * (20 * 1024 * 1024))  # ~20 KB that inflate to 20 MB
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Encoding", "gzip")
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    def _stall(self, h: BaseHTTPRequestHandler) -> None:
        self.release.wait(30)  # bounded even if a test forgets to stop the site

    def _trickle(self, h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/xml")
        h.send_header("Content-Length", "100000")
        h.end_headers()
        for _ in range(30):
            if self.release.wait(0.5):
                return
            h.wfile.write(b" ")
            h.wfile.flush()

    # -- lifecycle ---------------------------------------------------------------------------

    def __enter__(self) -> FeedSite:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)


def wait_until(check: Callable[[], bool], timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return check()
