"""Webhook signatures: how a receiver knows an alert came from us and was not replayed.

Recipe (the receiver's side, any language):

1. Read the raw request body (bytes, before any JSON parsing) and the headers
   ``X-Newswatch-Timestamp`` (Unix seconds) and ``X-Newswatch-Signature`` (``sha256=<hex>``).
2. Compute ``HMAC-SHA256(secret, timestamp + "." + body)`` as lower-case hex.
3. Compare it with the header's hex in constant time; reject on mismatch.
4. Reject timestamps more than five minutes from your clock: that bounds replays.
5. Drop repeats by the body's ``alert_id`` (also in ``X-Newswatch-Alert-Id``).

In Python: ``verify_signature(secret, body, timestamp, signature_header)``.

Each delivery also follows the Standard Webhooks spec (https://www.standardwebhooks.com), so a
receiver can verify it with that project's published libraries instead of this recipe:
``webhook-id`` (the alert id: the same on every retry, so it doubles as the idempotency key),
``webhook-timestamp`` (Unix seconds, the same value as ``X-Newswatch-Timestamp``) and
``webhook-signature`` (``v1,<base64 HMAC-SHA256(key, id + "." + timestamp + "." + body)>``).
The spec's secrets look like ``whsec_<base64>`` and the HMAC key is the decoded part; a plain
secret (anything else) is used as its UTF-8 bytes (the Python library takes those as
``Webhook(secret.encode())``; a string would be base64-decoded).
The legacy signature always uses the configured secret as it is, so no receiver has to change.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import time
from dataclasses import dataclass, field

SIGNATURE_HEADER = "X-Newswatch-Signature"
TIMESTAMP_HEADER = "X-Newswatch-Timestamp"
ALERT_ID_HEADER = "X-Newswatch-Alert-Id"
DEFAULT_TOLERANCE_S = 300.0
_PREFIX = "sha256="

STANDARD_ID_HEADER = "webhook-id"
STANDARD_TIMESTAMP_HEADER = "webhook-timestamp"
STANDARD_SIGNATURE_HEADER = "webhook-signature"
_WHSEC_PREFIX = b"whsec_"


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


def standard_key(secret: bytes | str) -> bytes:
    """The Standard Webhooks HMAC key for a configured secret.

    ``whsec_<base64>`` decodes to its key, as the spec and its libraries do; the base64 is checked
    strictly (padding optional) so a mistyped secret fails when the sink is built instead of
    signing with a key no receiver holds. Any other secret is its own key, byte for byte.
    """
    raw = _as_bytes(secret)
    if not raw.startswith(_WHSEC_PREFIX):
        return raw
    encoded = raw[len(_WHSEC_PREFIX) :]
    try:
        key = base64.b64decode(encoded + b"=" * (-len(encoded) % 4), validate=True)
    except binascii.Error:
        raise ValueError("a whsec_ secret must be followed by base64") from None
    if not key:
        raise ValueError("a whsec_ secret must not be empty")
    return key


def sign_standard(key: bytes, msg_id: str, timestamp: int, body: bytes) -> str:
    """The ``webhook-signature`` value: one ``v1`` signature (the spec allows several, for
    rotating keys; one key is configured per sink here)."""
    signed = f"{msg_id}.{timestamp}.".encode() + body
    mac = hmac.new(key, signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(mac).decode("ascii")


@dataclass(frozen=True)
class Signer:
    """A sink's two signing keys, derived once so a bad secret fails when the sink is built."""

    # Out of the repr: a sink logged or shown in a traceback must not print its keys.
    secret: bytes = field(repr=False)
    key: bytes = field(repr=False)

    @classmethod
    def from_secret(cls, secret: bytes | str) -> Signer:
        """ValueError when the secret is a malformed ``whsec_`` one."""
        return cls(_as_bytes(secret), standard_key(secret))

    def headers(self, msg_id: str, timestamp: int, body: bytes) -> dict[str, str]:
        """Both signatures of one delivery attempt: the legacy header and the Standard one."""
        return {
            SIGNATURE_HEADER: sign(self.secret, body, str(timestamp)),
            STANDARD_SIGNATURE_HEADER: sign_standard(self.key, msg_id, timestamp, body),
        }
