"""Keep Kafka secrets out of log records, whoever emits them.

kafka-python logs its whole configuration, and the SASL/PLAIN handshake bytes, at DEBUG. A filter
on a logger would miss its child loggers' records, so the scrubbing sits in the record factory:
every record, from any library, is checked once a secret is registered.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

MASK = "**********"

_lock = threading.Lock()
_secrets: tuple[str, ...] = ()  # replaced, never mutated: readers need no lock
_installed = False


def redact_in_logs(secret: str) -> None:
    """From now on, replace ``secret`` (and its bytes repr) in every log message."""
    global _secrets, _installed
    if not secret:
        return
    forms = {secret, repr(secret.encode())[2:-1]}
    with _lock:
        _secrets = tuple(sorted(set(_secrets) | forms, key=len, reverse=True))
        if not _installed:
            logging.setLogRecordFactory(_scrubbing(logging.getLogRecordFactory()))
            _installed = True


def _scrubbing(make_record: Any) -> Any:
    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record: logging.LogRecord = make_record(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a malformed record is the handler's problem, not ours
            return record
        if any(secret in message for secret in _secrets):
            for secret in _secrets:
                message = message.replace(secret, MASK)
            record.msg, record.args = message, None
        return record

    return factory
