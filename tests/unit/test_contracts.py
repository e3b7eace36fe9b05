"""Decoding raw Kafka bytes into Articles: every rejection has a bounded reason."""

from __future__ import annotations

import json

import pytest

from newswatch.contracts import InvalidArticle, decode_article, schema_errors

LIMITS = {"max_bytes": 10_000, "max_text_chars": 1_000}


def _raw(**fields: object) -> bytes:
    return json.dumps({"id": "a1", "text": "Xi Jinping se rendra en Russie.", **fields}).encode()


def test_valid_article_round_trips() -> None:
    article = decode_article(_raw(language="fr", published_at="2023-03-17T09:30:00Z"), **LIMITS)
    assert article.id == "a1"
    assert article.language == "fr"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (None, "json"),
        (b"{not json", "json"),
        (b"\xff\xfe\x00garbage", "encoding"),
        (b"x" * 10_001, "oversize"),
        (json.dumps({"id": "a1"}).encode(), "schema"),
        (_raw(language="french"), "schema"),
        (_raw(published_at="yesterday"), "schema"),
        (_raw(colour="blue"), "schema"),
        (_raw(text_from="rumour"), "schema"),
        (_raw(author=7), "schema"),
        (json.dumps({"id": "a1", "text": "x" * 1_001}).encode(), "text_too_long"),
        (b"[1, 2, 3]", "schema"),
    ],
)
def test_bad_input_is_rejected_with_reason(raw: bytes | None, reason: str) -> None:
    with pytest.raises(InvalidArticle) as info:
        decode_article(raw, **LIMITS)
    assert info.value.reason == reason
    assert info.value.message


def test_poller_fields_round_trip() -> None:
    article = decode_article(_raw(author="A. Writer", text_from="entry_summary"), **LIMITS)
    assert (article.author, article.text_from) == ("A. Writer", "entry_summary")


def test_schema_examples_are_valid() -> None:
    for name in ("article.v1", "alert.v1"):
        from newswatch.contracts import SCHEMA_DIR

        schema = json.loads((SCHEMA_DIR / f"{name}.json").read_text())
        for example in schema["examples"]:
            assert schema_errors(name, example) == []


def test_alert_schema_rejects_missing_evidence() -> None:
    from newswatch.contracts import SCHEMA_DIR

    example = json.loads((SCHEMA_DIR / "alert.v1.json").read_text())["examples"][0]
    example["evidence"] = []
    assert schema_errors("alert.v1", example)
