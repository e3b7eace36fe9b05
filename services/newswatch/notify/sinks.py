"""Where alerts go: an HTTP webhook, a JSON Lines file, stdout.

A sink either delivers or raises ``DeliveryError``, saying whether another attempt could help;
retrying, recording and dead-lettering are the delivery loop's job, not the sink's.
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Literal, Protocol

import httpx

from newswatch.contracts import Alert
from newswatch.errors import NewswatchError
from newswatch.notify.render import slack_text
from newswatch.notify.signing import (
    ALERT_ID_HEADER,
    STANDARD_ID_HEADER,
    STANDARD_TIMESTAMP_HEADER,
    TIMESTAMP_HEADER,
    Signer,
)
from newswatch.settings import Settings
from newswatch.subscriptions import (
    FileSinkConfig,
    SinkConfig,
    StdoutSinkConfig,
    WebhookSinkConfig,
)

SinkKind = Literal["webhook", "file", "stdout"]
# Worth another try: the server asked us to slow down, timed out, or failed on its side.
_RETRYABLE_STATUS = frozenset({408, 425, 429})


class DeliveryError(NewswatchError):
    def __init__(self, message: str, *, retryable: bool) -> None:
        super().__init__(message)
        self.retryable = retryable


class Sink(Protocol):
    @property
    def sink_id(self) -> str: ...

    @property
    def kind(self) -> SinkKind: ...

    def deliver(self, alert: Alert, body: bytes) -> None: ...

    def close(self) -> None: ...


class WebhookSink:
    """POSTs each alert, signed the legacy way and the Standard Webhooks way when it has a secret.

    ValueError at construction when the secret is a malformed ``whsec_`` one: better to refuse the
    subscriptions than to sign with a key that no receiver holds.
    """

    kind: SinkKind = "webhook"

    def __init__(
        self,
        config: WebhookSinkConfig,
        *,
        secret: bytes | None,
        timeout_s: float,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.sink_id = config.sink_id
        self._config = config
        try:
            self._signer = None if secret is None else Signer.from_secret(secret)
        except ValueError as exc:
            raise ValueError(f"sink {config.sink_id}: {exc}") from None
        self._client = httpx.Client(timeout=timeout_s, follow_redirects=False, transport=transport)

    def payload(self, alert: Alert, body: bytes) -> bytes:
        if self._config.format == "slack":
            return json.dumps({"text": slack_text(alert)}, ensure_ascii=False).encode("utf-8")
        return body

    def headers(self, alert: Alert, payload: bytes, timestamp: int) -> dict[str, str]:
        """One attempt's headers. The alert id is the Standard ``webhook-id`` because it is
        deterministic: every retry, restart or replay of the alert carries the same id, which is
        what the spec asks of it (receivers deduplicate on it)."""
        headers = {
            "Content-Type": "application/json",
            ALERT_ID_HEADER: alert.alert_id,
            TIMESTAMP_HEADER: str(timestamp),
            STANDARD_ID_HEADER: alert.alert_id,
            STANDARD_TIMESTAMP_HEADER: str(timestamp),
        }
        if self._signer is not None:
            headers |= self._signer.headers(alert.alert_id, timestamp, payload)
        return headers

    def deliver(self, alert: Alert, body: bytes) -> None:
        payload = self.payload(alert, body)
        headers = self.headers(alert, payload, int(time.time()))
        try:
            response = self._client.post(self._config.url, content=payload, headers=headers)
        except httpx.HTTPError as exc:
            # Connection refused, DNS, timeouts: the endpoint may come back.
            raise DeliveryError(f"{type(exc).__name__}: {exc}", retryable=True) from None
        status = response.status_code
        if 200 <= status < 300:
            return
        retryable = status >= 500 or status in _RETRYABLE_STATUS
        raise DeliveryError(f"HTTP {status}", retryable=retryable)

    def close(self) -> None:
        self._client.close()


class FileSink:
    """One JSON object per line; fsynced before the delivery counts, so a crash loses nothing."""

    kind: SinkKind = "file"

    def __init__(self, config: FileSinkConfig) -> None:
        self.sink_id = config.sink_id
        self.path = config.path.expanduser()

    def deliver(self, alert: Alert, body: bytes) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Opened per alert so log rotation (rename + new file) needs no signal.
            with self.path.open("ab") as handle:
                handle.write(body.rstrip(b"\n") + b"\n")
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            raise DeliveryError(f"{self.path}: {exc.strerror or exc}", retryable=True) from None

    def close(self) -> None:
        pass


class StdoutSink:
    kind: SinkKind = "stdout"

    def __init__(self, config: StdoutSinkConfig) -> None:
        self.sink_id = config.sink_id

    def deliver(self, alert: Alert, body: bytes) -> None:
        try:
            sys.stdout.buffer.write(body.rstrip(b"\n") + b"\n")
            sys.stdout.flush()
        except (OSError, ValueError) as exc:
            raise DeliveryError(f"stdout: {exc}", retryable=False) from None

    def close(self) -> None:
        pass


def build_sink(config: SinkConfig, settings: Settings) -> Sink:
    """A live sink for one config; ValueError when its secret is named but absent."""
    if isinstance(config, WebhookSinkConfig):
        secret = settings.notify_secret()
        if config.secret_env is not None:
            value = os.environ.get(config.secret_env)
            if not value:
                raise ValueError(
                    f"sink {config.sink_id}: environment variable {config.secret_env} is not set"
                )
            secret = value.encode("utf-8")
        return WebhookSink(config, secret=secret, timeout_s=settings.notify_timeout_s)
    if isinstance(config, FileSinkConfig):
        return FileSink(config)
    return StdoutSink(config)
