"""A receiver using the Standard Webhooks library accepts our deliveries (issue 13, item 6).

A real local HTTP server receives what ``WebhookSink`` posts, and the spec's published Python
library (``standardwebhooks``) verifies it exactly as a receiver would: from the raw body and
the headers as they arrived.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from types import SimpleNamespace

import pytest
from alert_factory import sanctions_alert
from standardwebhooks import Webhook, WebhookVerificationError

from newswatch.contracts import Alert
from newswatch.notify import sinks
from newswatch.notify.signing import verify_signature
from newswatch.notify.sinks import DeliveryError, WebhookSink
from newswatch.subscriptions import WebhookSinkConfig
from support.webhook_server import WebhookServer

# The secret as configured on our side, and as the receiver hands it to the library: a whsec_
# string as it is, a plain secret as bytes (a plain string would be base64-decoded).
WHSEC = "whsec_bmV3c3dhdGNoIHRlc3Qga2V5LCAzMiBieXRlcyEhISE="
PLAIN = "a plain shared secret, clé"
SECRETS = [(WHSEC, WHSEC), (PLAIN, PLAIN.encode())]


@pytest.fixture
def server() -> Iterator[WebhookServer]:
    with WebhookServer(lambda attempt: 204) as hook:
        yield hook


def deliver(url: str, secret: str, alert: Alert, *, fmt: str = "json") -> None:
    config = WebhookSinkConfig(type="webhook", url=url, format=fmt)  # type: ignore[arg-type]
    sink = WebhookSink(config, secret=secret.encode(), timeout_s=5.0)
    try:
        sink.deliver(alert, alert.to_json())
    finally:
        sink.close()


@pytest.mark.parametrize("fmt", ["json", "slack"])
@pytest.mark.parametrize(("configured", "receiver"), SECRETS, ids=["whsec", "plain"])
def test_the_published_library_verifies_a_delivery(
    server: WebhookServer, configured: str, receiver: str | bytes, fmt: str
) -> None:
    alert = sanctions_alert("impose")
    deliver(server.url, configured, alert, fmt=fmt)
    ((body, headers),) = server.accepted
    assert Webhook(receiver).verify(body, headers) == json.loads(body)
    assert headers["webhook-id"] == alert.alert_id


def test_the_legacy_headers_still_verify_on_the_same_delivery(server: WebhookServer) -> None:
    deliver(server.url, WHSEC, sanctions_alert("impose"))
    ((body, headers),) = server.accepted
    Webhook(WHSEC).verify(body, headers)
    assert verify_signature(
        WHSEC, body, headers["X-Newswatch-Timestamp"], headers["X-Newswatch-Signature"]
    )


@pytest.mark.parametrize(("configured", "receiver"), SECRETS, ids=["whsec", "plain"])
def test_a_tampered_delivery_fails_verification(
    server: WebhookServer, configured: str, receiver: str | bytes
) -> None:
    alert = sanctions_alert("impose")
    deliver(server.url, configured, alert)
    ((body, headers),) = server.accepted
    forged = body.replace(b'"impose"', b'"lift"')
    assert forged != body
    tampered = [
        (forged, headers),
        (body, headers | {"webhook-id": sanctions_alert("lift").alert_id}),
        (body, headers | {"webhook-timestamp": str(int(headers["webhook-timestamp"]) - 1)}),
    ]
    for tampered_body, tampered_headers in tampered:
        with pytest.raises(WebhookVerificationError, match="No matching signature"):
            Webhook(receiver).verify(tampered_body, tampered_headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(b"another key").verify(body, headers)


@pytest.mark.parametrize(("skew_s", "why"), [(-600, "too old"), (600, "too new")])
def test_a_delivery_signed_ten_minutes_off_is_refused(
    server: WebhookServer, monkeypatch: pytest.MonkeyPatch, skew_s: int, why: str
) -> None:
    """Genuine signature, stale or future clock: the library's five-minute window bounds replays."""
    monkeypatch.setattr(sinks, "time", SimpleNamespace(time=lambda: time.time() + skew_s))
    deliver(server.url, WHSEC, sanctions_alert("impose"))
    ((body, headers),) = server.accepted
    with pytest.raises(WebhookVerificationError, match=why):
        Webhook(WHSEC).verify(body, headers)


def test_retries_carry_the_same_webhook_id_and_each_verifies() -> None:
    alert = sanctions_alert("impose")
    config = WebhookSinkConfig(type="webhook", url="http://unused/")
    with WebhookServer(lambda attempt: 503 if attempt == 1 else 204) as hook:
        sink = WebhookSink(
            config.model_copy(update={"url": hook.url}), secret=WHSEC.encode(), timeout_s=5.0
        )
        with pytest.raises(DeliveryError):
            sink.deliver(alert, alert.to_json())
        sink.deliver(alert, alert.to_json())
        sink.close()
    first, second = hook.received
    assert first[1]["webhook-id"] == second[1]["webhook-id"] == alert.alert_id
    for body, headers in hook.received:
        Webhook(WHSEC).verify(body, headers)
