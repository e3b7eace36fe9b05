"""/metrics, /healthz and /readyz on the Faust worker's own web server, and nothing else.

Faust serves more by default: ``/router`` (the cluster's worker URLs), ``/table`` (every table,
readable key by key: story state), and, in debug, ``/graph`` and its statistics at ``/``. The
worker needs none of them (no ``table_route``), so ``web_options`` turns each off and a
middleware answers 404 for any other path, whatever a Faust environment variable such as
``APP_WEB_TABLES_ENABLED`` turns back on.
"""

from __future__ import annotations

from typing import Any

import faust
from aiohttp import web as aiohttp_web
from aiohttp.typedefs import Handler
from faust.web import Request, Response, View
from prometheus_client import generate_latest
from prometheus_client.exposition import CONTENT_TYPE_PLAIN_0_0_4

from newswatch.observability.metrics import WORKER_REGISTRY
from newswatch.settings import Settings
from newswatch.stream.health import Health

ENDPOINTS = frozenset({"/metrics", "/healthz", "/readyz"})


@aiohttp_web.middleware
async def only_our_endpoints(
    request: aiohttp_web.Request, handler: Handler
) -> aiohttp_web.StreamResponse:
    """404 before any handler runs for a path that is not one of ours."""
    if request.path not in ENDPOINTS:
        return aiohttp_web.Response(status=404, text="404: Not Found")
    return await handler(request)


def web_options(settings: Settings) -> dict[str, Any]:
    """``faust.App`` keyword arguments for the web server.

    ``web_bind`` is the address the server listens on (Faust's default is 0.0.0.0, whatever
    ``web_host`` says); ``web_host`` only names it in URLs Faust generates. Both come from
    ``NEWSWATCH_WEB_HOST``: 127.0.0.1 unless a container sets 0.0.0.0.
    """
    return {
        "web_enabled": True,
        "web_bind": settings.web_host,
        "web_host": settings.web_host,
        "web_port": settings.web_port,
        "web_router_enabled": False,
        "web_tables_enabled": False,
        "web_graph_enabled": False,
        "web_stats_enabled": False,
        "web_metrics_enabled": False,
        "web_application_options": {"middlewares": [only_our_endpoints]},
    }


def register_views(app: faust.App, health: Health) -> None:
    @app.page("/metrics")
    async def metrics(self: View, request: Request) -> Response:
        # 0.0.4 text format: what every Prometheus 2.x scraper understands.
        # aiohttp refuses a charset in ``content_type=``; a plain header is passed through.
        headers = {"Content-Type": CONTENT_TYPE_PLAIN_0_0_4}
        return self.bytes(generate_latest(WORKER_REGISTRY), headers=headers)

    @app.page("/healthz")
    async def healthz(self: View, request: Request) -> Response:
        return self.json({"alive": True})

    @app.page("/readyz")
    async def readyz(self: View, request: Request) -> Response:
        return self.json(health.report(), status=200 if health.ready else 503)
