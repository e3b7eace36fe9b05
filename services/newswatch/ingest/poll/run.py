"""``newswatch poll SOURCES.yaml [--once]``: the command around the poller.

``--once`` polls this poller's sources one time, publishes what is new and exits: 0 when at
least one source could be read (the others are named on stderr), 66 when none could. Without it,
the poller runs until SIGTERM or Ctrl-C, serving /metrics, /healthz and /readyz on
``NEWSWATCH_POLL_METRICS_PORT``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from pathlib import Path
from typing import Any

from newswatch import __version__
from newswatch.exits import NO_INPUT, OK, UNAVAILABLE
from newswatch.ingest.poll.seen import SeenStore
from newswatch.ingest.poll.service import Poller, Publisher, RoundReport
from newswatch.ingest.poll.sources import LiveSources
from newswatch.ingest.poll.web import serve
from newswatch.observability.metrics import BUILD_INFO
from newswatch.settings import Settings

log = logging.getLogger(__name__)


def once_status(report: RoundReport) -> int:
    if report.unpublished:
        return UNAVAILABLE
    if report.sources and report.read == 0:
        return NO_INPUT
    return OK


async def poll_once(settings: Settings, sources: LiveSources, publisher: Publisher) -> RoundReport:
    store = SeenStore(settings.poll_state_dir)
    poller = Poller(settings, sources, publisher, store)
    try:
        return await poller.poll_once()
    finally:
        await poller.aclose()
        store.close()


async def poll_forever(
    settings: Settings, sources: LiveSources, publisher: Publisher, stop: asyncio.Event
) -> None:
    BUILD_INFO.info({"version": __version__, "role": "poller"})
    store = SeenStore(settings.poll_state_dir)
    poller = Poller(settings, sources, publisher, store)

    def readiness() -> dict[str, Any]:
        missing = [] if poller.polls_done else ["no feed polled yet"]
        if stop.is_set():
            missing.append("shutting down")
        return {"ready": not missing, "missing": missing, "polls": poller.polls_done}

    runner, port = await serve(readiness, settings.web_host, settings.poll_metrics_port)
    log.info("poller serving /metrics", extra={"port": port, "sources": len(poller.mine())})
    try:
        await poller.run(stop)
    finally:
        await runner.cleanup()
        await poller.aclose()
        store.close()


def run_poll(path: Path, settings: Settings, *, once: bool) -> int:
    from newswatch.ingest.producer import ArticleProducer
    from newswatch.kafka import ensure_topics

    sources = LiveSources(path)  # a bad file: SourcesError, reported by the CLI with its line
    ensure_topics(settings, ())
    with ArticleProducer(settings) as producer:
        if once:
            report = asyncio.run(poll_once(settings, sources, producer))
            for source in report.sources:
                print(f"newswatch poll: {source.line()}", file=sys.stderr)
            print(f"newswatch poll: {report.line()}", file=sys.stderr)
            return once_status(report)
        asyncio.run(_serve_until_signal(settings, sources, producer))
        return OK


async def _serve_until_signal(
    settings: Settings, sources: LiveSources, publisher: Publisher
) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, stop.set)
    await poll_forever(settings, sources, publisher, stop)
