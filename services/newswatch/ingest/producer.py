"""Articles and unparsable input to Kafka with kafka-python; nothing is dropped silently."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from kafka.producer.future import FutureRecordMetadata

from newswatch.contracts import Article, InvalidArticle, decode_article
from newswatch.ingest.records import ReadResult, Unparsable
from newswatch.kafka import make_producer
from newswatch.settings import Settings
from newswatch.stream.routing import Origin, dead_letter


def now_rfc3339() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def article_message(article: Article, settings: Settings) -> bytes | Unparsable:
    """The message the worker will receive, checked by the worker's own decoder first.

    An article the worker would reject (too long, say) goes to the dead-letter topic right away
    rather than travelling through ``news.articles`` to get there.
    """
    if article.ingested_at is None:
        article = article.model_copy(update={"ingested_at": now_rfc3339()})
    raw = article.model_dump_json(exclude_none=True).encode("utf-8")
    try:
        decode_article(
            raw, max_bytes=settings.max_message_bytes, max_text_chars=settings.max_text_chars
        )
    except InvalidArticle as exc:
        return Unparsable(raw, exc.reason, exc.message, article.id)
    return raw


class ArticleProducer:
    """Sends asynchronously and checks every delivery at ``close``; raises if any failed."""

    def __init__(self, settings: Settings, topic: str | None = None) -> None:
        self._settings = settings
        self.topic = topic or settings.topic_articles
        self._producer = make_producer(settings, max_request_size=settings.max_message_bytes + 4096)
        self._pending: list[FutureRecordMetadata] = []

    def send(self, result: ReadResult) -> Unparsable | None:
        """Send one read result; returns the rejection when it went to the dead-letter topic."""
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

    def close(self) -> None:
        try:
            self._confirm()
        finally:
            self._producer.close()

    def __enter__(self) -> ArticleProducer:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
