"""/metrics, /healthz and /readyz on the Faust worker's own web server."""

from __future__ import annotations

import faust
from faust.web import Request, Response, View
from prometheus_client import generate_latest
from prometheus_client.exposition import CONTENT_TYPE_PLAIN_0_0_4

from newswatch.observability.metrics import WORKER_REGISTRY
from newswatch.stream.health import Health


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
