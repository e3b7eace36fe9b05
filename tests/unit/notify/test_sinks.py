from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from alert_factory import sanctions_alert

from newswatch.notify.signing import sign, sign_standard, verify_signature
from newswatch.notify.sinks import DeliveryError, FileSink, WebhookSink
from newswatch.subscriptions import FileSinkConfig, WebhookSinkConfig

URL = "http://hooks.test/x"


def _webhook(
    status: int, *, fmt: str = "json", seen: list[httpx.Request] | None = None
) -> WebhookSink:
    def reply(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        return httpx.Response(status)

    config = WebhookSinkConfig(type="webhook", url=URL, format=fmt)  # type: ignore[arg-type]
    return WebhookSink(
        config, secret=b"s3cret", timeout_s=1.0, transport=httpx.MockTransport(reply)
    )


def test_webhook_posts_the_alert_signed() -> None:
    alert = sanctions_alert("impose")
    seen: list[httpx.Request] = []
    _webhook(204, seen=seen).deliver(alert, alert.to_json())
    (request,) = seen
    assert request.content == alert.to_json()
    assert request.headers["X-Newswatch-Alert-Id"] == alert.alert_id
    assert verify_signature(
        "s3cret",
        request.content,
        request.headers["X-Newswatch-Timestamp"],
        request.headers["X-Newswatch-Signature"],
    )


def test_webhook_headers_are_the_legacy_ones_plus_standard_webhooks() -> None:
    alert = sanctions_alert("impose")
    body = alert.to_json()
    assert _webhook(204).headers(alert, body, 1_700_000_000) == {
        "Content-Type": "application/json",
        "X-Newswatch-Alert-Id": alert.alert_id,
        "X-Newswatch-Timestamp": "1700000000",
        "X-Newswatch-Signature": sign("s3cret", body, "1700000000"),
        "webhook-id": alert.alert_id,
        "webhook-timestamp": "1700000000",
        "webhook-signature": sign_standard(b"s3cret", alert.alert_id, 1_700_000_000, body),
    }


def test_an_unsigned_webhook_still_says_which_message_and_when() -> None:
    alert = sanctions_alert("x")
    sink = WebhookSink(WebhookSinkConfig(type="webhook", url=URL), secret=None, timeout_s=1.0)
    headers = sink.headers(alert, b"{}", 1_700_000_000)
    sink.close()
    assert headers["webhook-id"] == alert.alert_id
    assert headers["webhook-timestamp"] == "1700000000"
    assert "webhook-signature" not in headers
    assert "X-Newswatch-Signature" not in headers


def test_a_malformed_whsec_secret_refuses_the_sink_by_name() -> None:
    config = WebhookSinkConfig(type="webhook", url=URL, id="hooky")
    with pytest.raises(ValueError, match=r"sink hooky: .*whsec_"):
        WebhookSink(config, secret=b"whsec_%%%", timeout_s=1.0)


def test_slack_format_sends_one_text_field() -> None:
    alert = sanctions_alert("impose")
    seen: list[httpx.Request] = []
    _webhook(200, fmt="slack", seen=seen).deliver(alert, alert.to_json())
    body = json.loads(seen[0].content)
    assert list(body) == ["text"]
    assert "Russia" in body["text"]


@pytest.mark.parametrize("status", [500, 503, 429, 408])
def test_server_trouble_is_worth_retrying(status: int) -> None:
    with pytest.raises(DeliveryError) as caught:
        _webhook(status).deliver(sanctions_alert("x"), b"{}")
    assert caught.value.retryable is True


@pytest.mark.parametrize("status", [400, 401, 404, 410])
def test_client_errors_are_final(status: int) -> None:
    with pytest.raises(DeliveryError) as caught:
        _webhook(status).deliver(sanctions_alert("x"), b"{}")
    assert caught.value.retryable is False
    assert str(status) in str(caught.value)


def test_unreachable_endpoint_is_retryable() -> None:
    config = WebhookSinkConfig(type="webhook", url="http://127.0.0.1:9/")
    sink = WebhookSink(config, secret=None, timeout_s=0.5)
    with pytest.raises(DeliveryError) as caught:
        sink.deliver(sanctions_alert("x"), b"{}")
    sink.close()
    assert caught.value.retryable


def test_file_sink_appends_one_json_line_per_alert(tmp_path: Path) -> None:
    path = tmp_path / "out" / "alerts.jsonl"
    sink = FileSink(FileSinkConfig(type="file", path=path))
    first, second = sanctions_alert("impose"), sanctions_alert("extend")
    sink.deliver(first, first.to_json())
    sink.deliver(second, second.to_json())
    lines = path.read_bytes().splitlines()
    assert [json.loads(line)["alert_id"] for line in lines] == [first.alert_id, second.alert_id]


def test_file_sink_failure_is_a_retryable_delivery_error(tmp_path: Path) -> None:
    (tmp_path / "blocker").write_text("a file, not a directory")
    sink = FileSink(FileSinkConfig(type="file", path=tmp_path / "blocker" / "alerts.jsonl"))
    with pytest.raises(DeliveryError) as caught:
        sink.deliver(sanctions_alert("x"), b"{}")
    assert caught.value.retryable
