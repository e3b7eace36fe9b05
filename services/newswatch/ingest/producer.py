"""Articles and unparsable input to Kafka with kafka-python; nothing is dropped silently."""

from __future__ import annotations

from typing import Any

from kafka.producer.future import FutureRecordMetadata

from newswatch.contracts import Article, Origin, dead_letter_headers
from newswatch.ingest.limits import article_message
from newswatch.ingest.records import ReadResult, Unparsable, Unreadable
from newswatch.kafka import make_producer
from newswatch.settings import Settings

__all__ = ["ArticleProducer", "article_message"]


class ArticleProducer:
    """Sends asynchronously and checks every delivery at ``close``; raises if any failed."""

    def __init__(self, settings: Settings, topic: str | None = None) -> None:
        self._settings = settings
        self.topic = topic or settings.topic_articles
        self._producer = make_producer(settings, max_request_size=settings.max_message_bytes + 4096)
        self._pending: list[FutureRecordMetadata] = []

    def send(self, result: ReadResult) -> Unparsable | Unreadable | None:
        """Send one read result; returns the rejection (dead-lettered unless ``Unreadable``)."""
        if isinstance(result, Unreadable):  # no input to keep: the caller reports the path
            return result
        if isinstance(result, Unparsable):
            self.send_rejected(result)
            return result
        return self.send_article(result.article)

    def send_article(self, article: Article) -> Unparsable | None:
        message = article_message(article, self._settings)
        if isinstance(message, Unparsable):
            self.send_rejected(message)
            return message
        self._track(self._producer.send(self.topic, key=article.id.encode(), value=message))
        return None

    def send_rejected(self, item: Unparsable) -> None:
        """The input's bytes, untouched, to the dead-letter topic with the reason in headers."""
        headers = dead_letter_headers(
            item.reason, item.message, Origin(self.topic), source=item.origin
        )
        self._track(
            self._producer.send(
                self._settings.topic_articles_dlq,
                key=None,
                value=item.raw if item.raw is not None else b"",
                headers=headers,
            )
        )

    def _track(self, future: FutureRecordMetadata) -> None:
        self._pending.append(future)
        if len(self._pending) >= 1000:
            self._confirm()

    def _confirm(self, timeout_s: float = 60.0) -> None:
        self._producer.flush(timeout=timeout_s)
        pending, self._pending = self._pending, []
        for future in pending:
            future.get(timeout=timeout_s)  # re-raises the delivery error, if any

    def flush(self) -> None:
        """Wait for every message sent so far; raises if any failed."""
        self._confirm()

    def close(self) -> None:
        try:
            self._confirm()
        finally:
            self._producer.close()

    def __enter__(self) -> ArticleProducer:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
