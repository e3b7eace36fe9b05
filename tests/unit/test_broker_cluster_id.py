"""The development broker's cluster id: never one the storage tool would read as an option."""

from __future__ import annotations

import base64
import uuid

from newswatch_dev.broker import cluster_id


def test_an_id_starting_with_a_dash_is_drawn_again() -> None:
    # 0xf8 encodes to "-" as the first URL-safe base64 character
    leading_dash = uuid.UUID(bytes=bytes([0xF8]) + bytes(15))
    plain = uuid.UUID(bytes=bytes(range(16)))
    draws = iter([leading_dash, leading_dash, plain])
    assert base64.urlsafe_b64encode(leading_dash.bytes).decode().startswith("-")
    chosen = cluster_id(lambda: next(draws))
    assert chosen == base64.urlsafe_b64encode(plain.bytes).rstrip(b"=").decode()


def test_ids_are_22_characters_of_url_safe_base64() -> None:
    for _ in range(200):
        text = cluster_id()
        assert len(text) == 22
        assert not text.startswith("-")
        assert base64.urlsafe_b64decode(text + "==")
