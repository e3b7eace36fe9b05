"""Webhook signatures: how a receiver knows an alert came from us and was not replayed.

Recipe (the receiver's side, any language):

1. Read the raw request body (bytes, before any JSON parsing) and the headers
   ``X-Newswatch-Timestamp`` (Unix seconds) and ``X-Newswatch-Signature`` (``sha256=<hex>``).
2. Compute ``HMAC-SHA256(secret, timestamp + "." + body)`` as lower-case hex.
3. Compare it with the header's hex in constant time; reject on mismatch.
4. Reject timestamps more than five minutes from your clock: that bounds replays.
5. Drop repeats by the body's ``alert_id`` (also in ``X-Newswatch-Alert-Id``).

In Python: ``verify_signature(secret, body, timestamp, signature_header)``.
"""

from __future__ import annotations

import hashlib
import hmac
import time

SIGNATURE_HEADER = "X-Newswatch-Signature"
TIMESTAMP_HEADER = "X-Newswatch-Timestamp"
ALERT_ID_HEADER = "X-Newswatch-Alert-Id"
DEFAULT_TOLERANCE_S = 300.0
_PREFIX = "sha256="


def _as_bytes(secret: bytes | str) -> bytes:
    return secret.encode("utf-8") if isinstance(secret, str) else secret


def sign(secret: bytes | str, body: bytes, timestamp: str) -> str:
    """The ``X-Newswatch-Signature`` value; the timestamp is signed so it cannot be swapped."""
    mac = hmac.new(_as_bytes(secret), timestamp.encode("ascii") + b"." + body, hashlib.sha256)
    return _PREFIX + mac.hexdigest()


def verify_signature(
    secret: bytes | str,
    body: bytes,
    timestamp: str,
    header: str,
    *,
    tolerance_s: float = DEFAULT_TOLERANCE_S,
    now: float | None = None,
) -> bool:
    """True when ``header`` signs ``body`` at ``timestamp`` and the timestamp is recent."""
    try:
        sent_at = int(timestamp)
        expected = sign(secret, body, timestamp)
    except (ValueError, UnicodeEncodeError):
        return False
    current = time.time() if now is None else now
    if abs(current - sent_at) > tolerance_s:
        return False
    return hmac.compare_digest(expected.encode("ascii"), header.strip().encode("utf-8"))
