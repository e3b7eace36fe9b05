from __future__ import annotations

import pytest

from newswatch.notify.signing import Signer, sign, sign_standard, standard_key, verify_signature

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


# -- Standard Webhooks ----------------------------------------------------------------------------

MSG_ID = "5d41402abc4b2a76b9719d911017c592"
KEY = b"newswatch test key, 32 bytes!!!!"
WHSEC = "whsec_bmV3c3dhdGNoIHRlc3Qga2V5LCAzMiBieXRlcyEhISE="
# Computed independently with openssl (KEY as hex, since the spec's key is the decoded secret):
#   printf '5d41402abc4b2a76b9719d911017c592.1700000000.{"alert_id":"abc"}' \
#     | openssl dgst -sha256 -mac HMAC -macopt hexkey:$(printf "$KEY" | xxd -p) -binary | base64
WHSEC_V1 = "v1,MGwcAdusILgCDp411ULoPir3/Yl8gevTBdbrtfgm/n8="
#   ... | openssl dgst -sha256 -hmac topsecret -binary | base64
PLAIN_V1 = "v1,aCGvsBbdKwS1UbBbzsFBXGT/qsuTNZ0pkHxX9u0Q6ww="


def test_a_whsec_secret_is_its_base64_decoded_key_padded_or_not() -> None:
    assert standard_key(WHSEC) == KEY
    assert standard_key(WHSEC.rstrip("=")) == KEY
    assert standard_key(WHSEC.encode()) == KEY


def test_a_plain_secret_is_its_own_utf8_key() -> None:
    assert standard_key(SECRET) == b"topsecret"
    assert standard_key("clé") == "clé".encode()


@pytest.mark.parametrize("secret", ["whsec_", "whsec_not base64!", "whsec_a", "whsec_YQ-_"])
def test_a_malformed_whsec_secret_is_refused(secret: str) -> None:
    with pytest.raises(ValueError, match="whsec_"):
        standard_key(secret)


def test_standard_signature_matches_an_independent_hmac() -> None:
    assert sign_standard(KEY, MSG_ID, 1_700_000_000, BODY) == WHSEC_V1
    assert sign_standard(b"topsecret", MSG_ID, 1_700_000_000, BODY) == PLAIN_V1


def test_signer_gives_both_exact_headers_and_keeps_the_legacy_key_as_configured() -> None:
    """The legacy signature of a whsec_ secret is over the whole string, as before this change."""
    legacy = (
        "6016e1fd5288e912a2697a33e2dc0c0a7d134fb1e2f8dcd7cb055e10f61afc42"  # openssl -hmac WHSEC
    )
    assert Signer.from_secret(WHSEC).headers(MSG_ID, 1_700_000_000, BODY) == {
        "X-Newswatch-Signature": f"sha256={legacy}",
        "webhook-signature": WHSEC_V1,
    }
    assert Signer.from_secret(SECRET.encode()).headers(MSG_ID, 1_700_000_000, BODY) == {
        "X-Newswatch-Signature": f"sha256={OPENSSL_HEX}",
        "webhook-signature": PLAIN_V1,
    }


def test_a_signer_never_shows_its_keys() -> None:
    shown = repr(Signer.from_secret(WHSEC))
    assert "bmV3" not in shown and "newswatch test key" not in shown
    assert "topsecret" not in repr(Signer.from_secret(SECRET))
