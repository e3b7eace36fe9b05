"""/metrics, /healthz and /readyz of the poller, on its own port (``poll_metrics_port``).

The poller's own registry only (never the worker's readiness gauge), like the notifier's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiohttp import web
from prometheus_client import generate_latest
from prometheus_client.exposition import CONTENT_TYPE_PLAIN_0_0_4

from newswatch.observability.metrics import POLLER_REGISTRY

ENDPOINTS = frozenset({"/metrics", "/healthz", "/readyz"})


def make_app(readiness: Callable[[], dict[str, Any]]) -> web.Application:
    """``readiness()`` returns a report with a boolean ``ready``."""

    async def metrics(request: web.Request) -> web.Response:
        return web.Response(
            body=generate_latest(POLLER_REGISTRY),
            headers={"Content-Type": CONTENT_TYPE_PLAIN_0_0_4},
        )

    async def healthz(request: web.Request) -> web.Response:
        return web.json_response({"alive": True})

    async def readyz(request: web.Request) -> web.Response:
        report = readiness()
        return web.json_response(report, status=200 if report["ready"] else 503)

    app = web.Application()
    app.router.add_get("/metrics", metrics)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    return app


async def serve(
    readiness: Callable[[], dict[str, Any]], host: str, port: int
) -> tuple[web.AppRunner, int]:
    """Start serving; returns the runner (``await runner.cleanup()`` to stop) and the port
    (port 0 picks a free one)."""
    runner = web.AppRunner(make_app(readiness), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    server = site._server
    sockets = getattr(server, "sockets", None) or []
    bound = int(sockets[0].getsockname()[1]) if sockets else port
    return runner, bound
