"""The worker's input limits, applied before anything leaves: by ``ingest`` and by ``tag``.

Both build the very message the worker would receive and run the worker's own decoder on it
(``max_message_bytes``, ``max_text_chars``, the schema), so an article the worker would
dead-letter is rejected here with the same reason, and ``tag`` never tags what the worker refuses.
No Kafka import: ``tag`` runs without a broker.
"""

from __future__ import annotations

from datetime import UTC, datetime

from newswatch.contracts import Article, InvalidArticle, decode_article
from newswatch.ingest.records import Unparsable
from newswatch.settings import Settings


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
