from __future__ import annotations

import pytest

from newswatch.notify.signing import sign, verify_signature

SECRET = "topsecret"
BODY = b'{"alert_id":"abc"}'
TS = "1700000000"
# Computed independently with openssl:
#   printf '1700000000.{"alert_id":"abc"}' | openssl dgst -sha256 -hmac topsecret
OPENSSL_HEX = "7050ed4b825dd2f3e3fc526ee2c238bbec431730db243357e92944140b7e96f7"


def test_signature_matches_an_independent_hmac() -> None:
    assert sign(SECRET, BODY, TS) == f"sha256={OPENSSL_HEX}"
    assert sign(SECRET.encode(), BODY, TS) == f"sha256={OPENSSL_HEX}"


def test_a_fresh_genuine_signature_verifies() -> None:
    assert verify_signature(SECRET, BODY, TS, f"sha256={OPENSSL_HEX}", now=1_700_000_060)


@pytest.mark.parametrize(
    ("secret", "body", "timestamp", "header"),
    [
        ("wrong", BODY, TS, f"sha256={OPENSSL_HEX}"),
        (SECRET, BODY + b" ", TS, f"sha256={OPENSSL_HEX}"),
        (SECRET, BODY, "1700000001", f"sha256={OPENSSL_HEX}"),
        (SECRET, BODY, TS, OPENSSL_HEX),
        (SECRET, BODY, TS, "sha256="),
        (SECRET, BODY, "not-a-time", f"sha256={OPENSSL_HEX}"),
    ],
    ids=["secret", "body", "timestamp", "no-prefix", "empty", "bad-timestamp"],
)
def test_anything_altered_fails(secret: str, body: bytes, timestamp: str, header: str) -> None:
    assert not verify_signature(secret, body, timestamp, header, now=1_700_000_000)


def test_old_or_future_timestamps_are_refused_as_replays() -> None:
    header = sign(SECRET, BODY, TS)
    assert verify_signature(SECRET, BODY, TS, header, now=1_700_000_300)
    assert not verify_signature(SECRET, BODY, TS, header, now=1_700_000_301)
    assert not verify_signature(SECRET, BODY, TS, header, now=1_699_999_699)
