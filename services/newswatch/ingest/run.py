"""``newswatch ingest``: files to ``news.articles`` (and bad input to the dead-letter topic)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from newswatch.ingest.producer import ArticleProducer
from newswatch.ingest.readers import expand, read_path
from newswatch.ingest.records import NO_DEFAULTS, ArticleDefaults, Unreadable
from newswatch.kafka import ensure_topics
from newswatch.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class IngestSummary:
    files: int = 0
    articles: int = 0
    rejected: int = 0

    def line(self) -> str:
        return (
            f"ingested {self.articles} articles from {self.files} files, {self.rejected} rejected"
        )


def ingest(
    paths: Sequence[Path],
    settings: Settings,
    *,
    topic: str | None = None,
    defaults: ArticleDefaults = NO_DEFAULTS,
    progress: bool | None = None,
) -> IngestSummary:
    """Read every file, send what parses and dead-letter what does not; wait for all acks.

    A path that cannot be read at all is reported on stderr (one line) and counted as rejected;
    the other paths are still sent.

    ``progress=None`` shows the bar only on a terminal.
    """
    files = expand(paths)
    ensure_topics(settings, (), extra=[topic] if topic else ())
    summary = IngestSummary()
    bar = tqdm(
        files, unit="file", file=sys.stderr, disable=None if progress is None else not progress
    )
    with ArticleProducer(settings, topic) as producer:
        for path in bar:
            for result in read_path(path, settings, defaults):
                rejection = producer.send(result)
                if rejection is None:
                    summary.articles += 1
                    continue
                summary.rejected += 1
                if isinstance(rejection, Unreadable):
                    bar.write(f"{rejection.origin}: {rejection.message}", file=sys.stderr)
                    continue
                log.warning(
                    "%s: %s, sent to the dead-letter topic",
                    rejection.origin,
                    rejection.reason,
                    extra={
                        "origin": rejection.origin,
                        "reason": rejection.reason,
                        "error": rejection.message,
                    },
                )
            summary.files += 1
            bar.set_postfix(articles=summary.articles, rejected=summary.rejected)
    return summary
