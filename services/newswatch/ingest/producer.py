"""Articles and unparsable input to Kafka with kafka-python; nothing is dropped silently."""

from __future__ import annotations

from typing import Any

from kafka.producer.future import FutureRecordMetadata

from newswatch.contracts import Article
from newswatch.ingest.limits import article_message
from newswatch.ingest.records import ReadResult, Unparsable, Unreadable
from newswatch.kafka import make_producer
from newswatch.settings import Settings
from newswatch.stream.routing import Origin, dead_letter

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
        letter = dead_letter(
            item.raw,
            item.reason,
            item.message,
            Origin(self.topic),
            self._settings,
            source=item.origin,
        )
        self._track(
            self._producer.send(
                letter.topic, key=letter.key, value=letter.value, headers=letter.headers
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
