"""Structured logs: one JSON object per line on stderr, carrying article and alert ids.

On a terminal, plain ``time level logger: message`` lines instead (people read them);
``NEWSWATCH_LOG_JSON=true`` or ``false`` overrides either way.

Stdout belongs to the commands' data (alert lines), so logs always go to stderr. Article text is
untrusted and can be megabytes long: every string a log record carries is cut to
``settings.log_text_max_chars`` before it is written.
"""

from __future__ import annotations

import logging
import logging.config
import sys
from typing import Any, TextIO

from newswatch.contracts import Alert, Article
from newswatch.settings import Settings

_ELLIPSIS = "…"
# Attributes every LogRecord has; anything else on a record came in through ``extra=``.
_RECORD_ATTRS = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
    "taskName",
}


def truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + _ELLIPSIS


class TruncateText(logging.Filter):
    """Cuts long strings in ``extra`` fields and in %-style arguments; never drops a record."""

    def __init__(self, max_chars: int = 200) -> None:
        super().__init__()
        self.max_chars = max_chars

    def filter(self, record: logging.LogRecord) -> bool:
        limit = self.max_chars
        for name, value in list(vars(record).items()):
            if name not in _RECORD_ATTRS and isinstance(value, str) and len(value) > limit:
                setattr(record, name, truncate(value, limit))
        if isinstance(record.args, tuple):
            record.args = tuple(
                truncate(a, limit) if isinstance(a, str) else a for a in record.args
            )
        elif isinstance(record.args, dict):
            record.args = {
                k: truncate(v, limit) if isinstance(v, str) else v for k, v in record.args.items()
            }
        return True


def article_fields(article: Article) -> dict[str, Any]:
    return {"article_id": article.id, "language": article.language, "source": article.source}


def alert_fields(alert: Alert) -> dict[str, Any]:
    return {
        "alert_id": alert.alert_id,
        "article_id": alert.article.id,
        "event_type": alert.event_type,
    }


def log_as_json(settings: Settings, stream: TextIO | None = None) -> bool:
    """The setting when given; else JSON for machines (files, pipes, containers), not terminals."""
    if settings.log_json is not None:
        return settings.log_json
    stream = stream or sys.stderr
    try:
        return not stream.isatty()
    except (AttributeError, ValueError):  # a replaced or closed stream
        return True


def logging_config(settings: Settings) -> dict[str, Any]:
    """A ``logging.config.dictConfig`` dict; also handed to the Faust worker, which applies it."""
    if log_as_json(settings):
        formatter: dict[str, Any] = {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            "json_ensure_ascii": False,
        }
    else:
        formatter = {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"default": formatter},
        "filters": {"truncate": {"()": TruncateText, "max_chars": settings.log_text_max_chars}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "formatter": "default",
                "filters": ["truncate"],
            }
        },
        "root": {"level": settings.log_level.upper(), "handlers": ["stderr"]},
        # Kafka clients are chatty at INFO (every connection and metadata refresh).
        "loggers": {
            name: {"level": "WARNING"} for name in ("kafka", "aiokafka", "faust.transport")
        },
    }


def configure_logging(settings: Settings) -> None:
    logging.config.dictConfig(logging_config(settings))
