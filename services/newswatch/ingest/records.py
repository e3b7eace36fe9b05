"""What a reader yields: an Article, or input it could not turn into one (kept, never dropped)."""

from __future__ import annotations

from dataclasses import dataclass

from newswatch.contracts import Article, RejectReason


@dataclass(frozen=True)
class Parsed:
    article: Article
    origin: str  # "path" or "path:line", for messages a person can follow back to the file


@dataclass(frozen=True)
class Unparsable:
    """Raw input kept so it can go to the dead-letter topic with its reason."""

    raw: bytes
    reason: RejectReason
    message: str
    origin: str


@dataclass(frozen=True)
class Unreadable:
    """A path that gave no input at all (missing, unreadable, not an article file): a mistake to
    report to the person who named it, not data for the dead-letter topic."""

    origin: str
    message: str


ReadResult = Parsed | Unparsable | Unreadable


@dataclass(frozen=True)
class ArticleDefaults:
    """Command-line fallbacks; a value the input carries itself always wins."""

    source: str | None = None
    language: str | None = None

    def apply(self, article: Article) -> Article:
        update = {}
        if article.source is None and self.source is not None:
            update["source"] = self.source
        if article.language is None and self.language is not None:
            update["language"] = self.language
        return article.model_copy(update=update) if update else article


NO_DEFAULTS = ArticleDefaults()
