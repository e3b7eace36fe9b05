"""Stable article ids, so re-ingesting the same page or file yields the same id (and alert ids)."""

from __future__ import annotations

import contextlib
import hashlib
import re
from urllib.parse import urlsplit, urlunsplit

from courlan import normalize_url

# A file stem that already is an id, e.g. ``000_23de67fa4f7c9070`` (prefix plus a hex digest).
_ID_LIKE_STEM = re.compile(r"^[A-Za-z0-9]+(?:[_.-][A-Za-z0-9]+)*[_.-][0-9a-f]{12,64}$")
_DIGEST_CHARS = 16


def _digest(data: str) -> str:
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:_DIGEST_CHARS]


def canonical_url(url: str) -> str:
    """The same page under trivial variations gives one URL (courlan, shipped with trafilatura).

    Scheme and host lower-cased, default port dropped, tracking parameters (``utm_*``,
    ``fbclid``, ``gclid``...) removed and the rest sorted, fragment dropped.
    """
    url = url.strip()
    with contextlib.suppress(ValueError):  # unparsable for courlan: the plain steps below hold
        url = normalize_url(url)
    parts = urlsplit(url)
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, "")
    )


def id_from_url(url: str) -> str:
    return f"url-{_digest(canonical_url(url))}"


def id_from_content(text: str) -> str:
    return f"sha-{_digest(text)}"


def id_from_guid(guid: str) -> str:
    """Feed entries without a link still carry a publisher-assigned guid."""
    return f"guid-{_digest(guid.strip())}"


def stem_as_id(stem: str) -> str | None:
    """The file stem when it already looks like an article id, else None."""
    return stem if _ID_LIKE_STEM.fullmatch(stem) else None


def article_id(*, text: str, url: str | None = None, stem: str | None = None) -> str:
    """URL first (the page's identity), then an id-like file name, then the content."""
    if url:
        return id_from_url(url)
    if stem and (from_stem := stem_as_id(stem)):
        return from_stem
    return id_from_content(text)
