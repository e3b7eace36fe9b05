"""A real local HTTP endpoint for webhook tests: the notifier's tests and the receiver's side."""

from __future__ import annotations

import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any


class WebhookServer:
    """Answers each POST with the next planned status; keeps every request and the accepted ones.

    Headers are kept as the server received them (``http.server`` keeps their case), so a test
    sees exactly what a receiver would.
    """

    def __init__(self, plan: Callable[[int], int]) -> None:
        self.plan = plan
        self.attempts = 0
        self.received: list[tuple[bytes, dict[str, str]]] = []
        self.accepted: list[tuple[bytes, dict[str, str]]] = []
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                request = (body, dict(self.headers.items()))
                hook.attempts += 1
                hook.received.append(request)
                status = hook.plan(hook.attempts)
                if status < 300:
                    hook.accepted.append(request)
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> WebhookServer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
