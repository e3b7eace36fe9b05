"""Bytes from an alert topic to a valid Alert, or InvalidAlert with a short reason for the DLQ."""

from __future__ import annotations

import json
from typing import Literal

from newswatch.contracts import Alert, schema_errors
from newswatch.errors import NewswatchError

AlertRejectReason = Literal["oversize", "encoding", "json", "schema"]


class InvalidAlert(NewswatchError, ValueError):
    def __init__(self, reason: AlertRejectReason, message: str) -> None:
        super().__init__(message)
        self.reason: AlertRejectReason = reason
        self.message = message


def decode_alert(raw: bytes | None, *, max_bytes: int) -> Alert:
    if raw is None:
        raise InvalidAlert("json", "empty message (tombstone or null value)")
    if len(raw) > max_bytes:
        raise InvalidAlert("oversize", f"message is {len(raw)} bytes; limit is {max_bytes}")
    try:
        document = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InvalidAlert("encoding", f"not UTF-8: {exc}") from None
    except (json.JSONDecodeError, RecursionError) as exc:
        raise InvalidAlert("json", f"not JSON: {exc}") from None
    problems = schema_errors("alert.v1", document)
    if problems:
        raise InvalidAlert("schema", "; ".join(problems[:5]))
    return Alert.model_validate(document)
