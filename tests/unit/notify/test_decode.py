from __future__ import annotations

import pytest
from alert_factory import sanctions_alert

from newswatch.notify.decode import InvalidAlert, decode_alert


def test_a_valid_alert_round_trips() -> None:
    alert = sanctions_alert("impose")
    assert decode_alert(alert.to_json(), max_bytes=100_000) == alert


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (None, "json"),
        (b"\xff\xfe{", "encoding"),
        (b"{not json", "json"),
        (b'{"alert_id": "x"}', "schema"),
        (b"[" * 50 + b"]" * 50, "schema"),
        (b" " * 2000, "oversize"),
    ],
)
def test_bad_messages_say_why(raw: bytes | None, reason: str) -> None:
    with pytest.raises(InvalidAlert) as caught:
        decode_alert(raw, max_bytes=1024)
    assert caught.value.reason == reason
