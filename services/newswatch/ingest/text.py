"""Plain text files: the whole file is one article."""

from __future__ import annotations

from collections.abc import Iterator

from newswatch.contracts import Article
from newswatch.ingest.ids import article_id
from newswatch.ingest.records import Parsed, ReadResult, Unparsable

_MAX_TITLE_CHARS = 200
_SENTENCE_END = (".", "!", "?", "…", ":", ";", "»", '"')


def split_title(content: str) -> tuple[str | None, str]:
    """A short first line set off by a blank line, without closing punctuation, is a headline.

    Anything else (like the seed, which starts with a full sentence) stays body text, so the
    engine's character offsets refer to the file as written.
    """
    head, sep, rest = content.partition("\n")
    head = head.strip()
    is_headline = (
        sep
        and rest.startswith(("\n", "\r\n"))
        and rest.strip()
        and 0 < len(head) <= _MAX_TITLE_CHARS
        and not head.endswith(_SENTENCE_END)
    )
    if is_headline:
        return head, rest.strip("\r\n")
    return None, content


def looks_binary(data: bytes) -> bool:
    """NUL bytes do not occur in text (UTF-8 or any 8-bit charset): an image, archive, etc."""
    return b"\x00" in data[:8192]


def read_text(data: bytes, origin: str, stem: str | None = None) -> Iterator[ReadResult]:
    if looks_binary(data):
        yield Unparsable(data, "encoding", "binary data (NUL bytes), not text", origin)
        return
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield Unparsable(data, "encoding", f"not UTF-8: {exc}", origin)
        return
    title, text = split_title(content.replace("\r\n", "\n"))
    if not text.strip():
        yield Unparsable(data, "schema", "empty text", origin)
        return
    yield Parsed(Article(id=article_id(text=text, stem=stem), text=text, title=title), origin)
