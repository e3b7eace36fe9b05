"""``newswatch tag``: the worker's engine on local files, no Kafka; alert JSON lines on stdout.

Articles go through the same readers as ``newswatch ingest`` and the same batched
``Engine.tag_many`` as the worker, so the alerts are the worker's (``detected_at`` aside).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import NoReturn, TextIO, TypeVar

from tqdm import tqdm

from newswatch.contracts import Alert, Article
from newswatch.exits import OK, REJECTED
from newswatch.ingest import (
    ArticleDefaults,
    Parsed,
    ReadResult,
    Unparsable,
    read_paths,
    read_stdin,
)
from newswatch.ingest.limits import article_message
from newswatch.ingest.records import NO_DEFAULTS
from newswatch.settings import Settings

T = TypeVar("T")


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def alert_line(alert: Alert, *, pretty: bool) -> str:
    if pretty:
        return json.dumps(alert.model_dump(mode="json"), indent=2, ensure_ascii=False)
    return alert.to_json().decode("utf-8")  # the very bytes the worker publishes


def read_inputs(
    paths: Sequence[str], settings: Settings, *, jsonl: bool, defaults: ArticleDefaults
) -> Iterator[ReadResult]:
    for name in paths or ["-"]:
        if name == "-":
            yield from read_stdin(settings, jsonl=jsonl, defaults=defaults)
        else:
            as_suffix = ".jsonl" if jsonl else None
            yield from read_paths([Path(name)], settings, defaults, as_suffix=as_suffix)


def progress_bar(*, enabled: bool | None = None, stream: TextIO | None = None) -> tqdm[NoReturn]:
    """Inputs tagged so far, on stderr: shown on a terminal when ``enabled`` is None, else as told.

    Stdout carries only alert lines, so ``tag ... > alerts.jsonl`` still shows the bar.
    """
    return tqdm(
        unit=" inputs",
        file=stream or sys.stderr,
        disable=None if enabled is None else not enabled,
        mininterval=0.5,
    )


def admit(result: ReadResult, settings: Settings) -> Article | str:
    """The article the worker would tag, or the line that says why it would not.

    The worker's own decoder and limits (``max_message_bytes``, ``max_text_chars``) run on the
    message ``ingest`` would send, so ``tag`` tags exactly what the worker tags.
    """
    if isinstance(result, Parsed):
        message = article_message(result.article, settings)
        if not isinstance(message, Unparsable):
            return result.article
        return f"{result.origin}: {message.reason}: {message.message}"
    if isinstance(result, Unparsable):
        return f"{result.origin}: {result.reason}: {result.message}"
    return f"{result.origin}: {result.message}"


def tag_files(
    paths: Sequence[str],
    settings: Settings,
    *,
    jsonl: bool = False,
    pretty: bool = False,
    defaults: ArticleDefaults = NO_DEFAULTS,
    out: TextIO = sys.stdout,
    progress: bool | None = None,
) -> int:
    """Tags every input it can; each one it cannot is one line on stderr, and the status is 1.

    ``progress=None`` shows a progress bar only when stderr is a terminal.
    """
    from newswatch.engine import Engine  # spaCy loads slowly; keep --help fast

    engine = Engine.from_settings(settings)
    rejected = emitted = 0
    inputs = read_inputs(paths, settings, jsonl=jsonl, defaults=defaults)
    with progress_bar(enabled=progress) as bar:
        for chunk in chunked(inputs, settings.stream_batch_max):
            articles = []
            for result in chunk:
                admitted = admit(result, settings)
                if isinstance(admitted, str):
                    rejected += 1
                    bar.write(admitted, file=sys.stderr)  # above the bar, which stays last
                else:
                    articles.append(admitted)
            for alerts in engine.tag_many(articles):
                for alert in alerts:
                    print(alert_line(alert, pretty=pretty), file=out, flush=True)
                    emitted += 1
            bar.set_postfix(alerts=emitted, rejected=rejected, refresh=False)
            bar.update(len(chunk))
    return REJECTED if rejected else OK
