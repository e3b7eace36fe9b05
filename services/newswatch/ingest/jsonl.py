"""JSON Lines of articles: each line is validated exactly as the worker would validate it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from newswatch.contracts import InvalidArticle, decode_article
from newswatch.ingest.records import Parsed, ReadResult, Unparsable


def read_jsonl(
    lines: Iterable[bytes], origin: str, *, max_bytes: int, max_text_chars: int
) -> Iterator[ReadResult]:
    for number, line in enumerate(lines, start=1):
        raw = line.rstrip(b"\r\n")
        if not raw.strip():
            continue
        where = f"{origin}:{number}"
        try:
            article = decode_article(raw, max_bytes=max_bytes, max_text_chars=max_text_chars)
        except InvalidArticle as exc:
            yield Unparsable(raw, exc.reason, exc.message, where)
        else:
            yield Parsed(article, where)
