"""What ingest sends: the worker's own validation runs before anything leaves."""

from __future__ import annotations

import json

from newswatch.contracts import Article, decode_article
from newswatch.ingest.producer import article_message
from newswatch.ingest.records import Unparsable
from newswatch.settings import Settings

SETTINGS = Settings(max_text_chars=100)


def test_message_is_a_valid_article_with_an_ingest_time() -> None:
    raw = article_message(Article(id="a1", text="Xi Jinping.", language="fr"), SETTINGS)
    assert isinstance(raw, bytes)
    decoded = decode_article(raw, max_bytes=10_000, max_text_chars=100)
    assert decoded.ingested_at is not None
    assert "title" not in json.loads(raw)  # absent fields stay absent


def test_ingest_time_already_set_is_kept() -> None:
    article = Article(id="a1", text="t", ingested_at="2024-01-01T00:00:00Z")
    raw = article_message(article, SETTINGS)
    assert isinstance(raw, bytes)
    assert json.loads(raw)["ingested_at"] == "2024-01-01T00:00:00Z"


def test_an_article_the_worker_would_refuse_becomes_a_rejection() -> None:
    result = article_message(Article(id="a1", text="x" * 101), SETTINGS)
    assert isinstance(result, Unparsable)
    assert result.reason == "text_too_long"
    assert json.loads(result.raw)["id"] == "a1"
