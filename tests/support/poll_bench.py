"""Polling throughput on this machine: feeds/s and pages/s from a local site (make bench-poll).

A local HTTP server in its own process (so it does not share the poller's interpreter) serves
``FEEDS`` RSS feeds of ``ENTRIES`` entries each, every entry linking its own article page (about
4 KB of HTML with navigation and footer; the text is generated, invented). Two rounds, each with
a fresh state directory:

- feeds: ``fetch_pages: false`` (fetch, parse, build and hand over the entries' own text);
- pages: every entry's page fetched and extracted with trafilatura.

Articles go to an in-memory publisher: this measures the poller, not the broker. The local site
is one host, so the per-host limits are lifted (``NEWSWATCH_POLL_HOST_CONCURRENCY``, interval 0);
on the real web the politeness settings, not the CPU, set the pace per host.

Not part of the test suite (it takes a minute). Knobs: POLL_BENCH_FEEDS, POLL_BENCH_ENTRIES.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import random
import resource
import sys
import tempfile
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

from newswatch.contracts import Article
from newswatch.ingest.poll.seen import SeenStore
from newswatch.ingest.poll.service import Poller
from newswatch.ingest.poll.sources import LiveSources
from newswatch.ingest.records import Unparsable
from newswatch.settings import Settings

FEEDS = int(os.environ.get("POLL_BENCH_FEEDS", "200"))
ENTRIES = int(os.environ.get("POLL_BENCH_ENTRIES", "10"))
WORDS = [
    *("harbour", "ferry", "council", "tide", "island", "keeper", "lamp", "storm", "granite"),
    *("crossing", "market", "fishing", "college", "timetable", "weather", "festival"),
    *("bridge", "road", "school", "museum", "vote", "budget", "mayor", "river"),
]


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 22))]
    return " ".join(words).capitalize() + "."


def _page(feed: int, entry: int) -> bytes:
    rng = random.Random(feed * 1000 + entry)
    paragraphs = "\n".join(f"<p>{' '.join(_sentence(rng) for _ in range(3))}</p>" for _ in range(8))
    nav = "".join(f'<li><a href="/section/{w}">{w.title()}</a></li>' for w in WORDS[:12])
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Story {feed}-{entry} | Bench Gazette</title></head><body>"
        f"<header><nav><ul>{nav}</ul></nav></header><main><article>"
        f"<h1>Story {feed}-{entry}</h1>{paragraphs}</article></main>"
        f"<footer><p>Bench Gazette. All rights reserved.</p></footer></body></html>"
    ).encode()


def _feed(base: str, feed: int) -> bytes:
    items = "".join(
        f"<item><title>Story {feed}-{j}</title><link>{base}/page/{feed}/{j}</link>"
        f"<description>Summary of story {feed}-{j}.</description>"
        f"<pubDate>Mon, 30 Nov 2026 07:00:00 GMT</pubDate></item>"
        for j in range(ENTRIES)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {feed}</title>'
        f"{items}</channel></rss>"
    ).encode()


def _serve(port_out: multiprocessing.connection.Connection) -> None:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            parts = self.path.strip("/").split("/")
            address = self.server.server_address
            assert isinstance(address, tuple)  # an AF_INET server: (host, port)
            base = f"http://127.0.0.1:{address[1]}"
            if parts[0] == "feed":
                body, ctype = _feed(base, int(parts[1])), "application/rss+xml"
            elif parts[0] == "page":
                body, ctype = _page(int(parts[1]), int(parts[2])), "text/html"
            else:
                body, ctype = b"", "text/plain"
                self.send_response(404)
            if body:
                self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    port_out.send(server.server_address[1])
    server.serve_forever()


class _Counting:
    def __init__(self) -> None:
        self.count = 0

    def send_article(self, article: Article) -> Unparsable | None:
        self.count += 1
        return None

    def flush(self) -> None:
        pass


def _round(base: str, fetch_pages: bool) -> tuple[float, int, int]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sources.yaml"
        sources = [
            {
                "name": f"feed-{i}",
                "url": f"{base}/feed/{i}",
                "fetch_pages": fetch_pages,
                "allow_private_network": True,
            }
            for i in range(FEEDS)
        ]
        path.write_text(yaml.safe_dump({"sources": sources}))
        settings = Settings(
            poll_state_dir=Path(tmp) / "state",
            poll_host_concurrency=32,
            poll_host_interval_s=0,
            poll_concurrency=32,
        )
        publisher = _Counting()

        async def main() -> tuple[float, int]:
            store = SeenStore(settings.poll_state_dir)
            poller = Poller(settings, LiveSources(path), publisher, store)
            started = time.perf_counter()
            report = await poller.poll_once()
            elapsed = time.perf_counter() - started
            await poller.aclose()
            store.close()
            return elapsed, report.read

        elapsed, read = asyncio.run(main())
        return elapsed, read, publisher.count


def main() -> int:
    receive, send = multiprocessing.Pipe(duplex=False)
    server = multiprocessing.Process(target=_serve, args=(send,), daemon=True)
    server.start()
    try:
        base = f"http://127.0.0.1:{receive.recv()}"
        _round(base, fetch_pages=False)  # warm up: imports, connections, caches
        feeds_s, read, articles = _round(base, fetch_pages=False)
        print(
            f"feeds only: {read} feeds, {articles} articles in {feeds_s:.2f} s: "
            f"{read / feeds_s:.1f} feeds/s"
        )
        pages_s, read, articles = _round(base, fetch_pages=True)
        print(
            f"with pages: {read} feeds, {articles} pages in {pages_s:.2f} s: "
            f"{articles / pages_s:.1f} pages/s ({read / pages_s:.1f} feeds/s)"
        )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS of the poller process: {peak:.0f} MiB; CPUs: {os.cpu_count()}")
    finally:
        server.terminate()
        server.join(timeout=5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
