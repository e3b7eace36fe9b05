"""``newswatch``: one command line for the worker, ingest, tagging, subscribers and tools.

Each subcommand imports its implementation lazily, so ``newswatch --help`` and the light commands
do not pay for Faust or spaCy. ``notify`` and ``replay`` parse their own options (everything after
the command name is handed to them, ``--help`` included).

Every command exits with a status from ``newswatch.exits`` (the table is in the README). A
person's mistake (a missing file, a bad setting, no broker) is one line on stderr, never a
traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import ValidationError

from newswatch import __version__
from newswatch.exits import (
    BROKEN_PIPE,
    FAILURE,
    INTERRUPTED,
    OK,
    REJECTED,
    UNAVAILABLE,
    USAGE,
    CommandError,
)
from newswatch.settings import Settings, get_settings

Command = Callable[[argparse.Namespace, Settings], int]


def _require_broker(settings: Settings) -> None:
    from newswatch.kafka.reach import require_broker

    require_broker(settings)


def _worker(args: argparse.Namespace, settings: Settings) -> int:
    from newswatch.stream.worker import run_worker

    _require_broker(settings)
    code = run_worker(settings)
    return code if code in (OK, USAGE) else FAILURE


def _ingest(args: argparse.Namespace, settings: Settings) -> int:
    from newswatch.ingest.records import ArticleDefaults
    from newswatch.ingest.run import ingest
    from newswatch.observability.logging import configure_logging

    configure_logging(settings)
    _require_broker(settings)
    defaults = ArticleDefaults(source=args.source, language=args.language)
    summary = ingest(
        args.paths,
        settings,
        topic=args.topic,
        defaults=defaults,
        progress=False if args.no_progress else None,
    )
    print(summary.line(), file=sys.stderr)
    return REJECTED if summary.rejected else OK


def _poll(args: argparse.Namespace, settings: Settings) -> int:
    from newswatch.ingest.poll.run import run_poll
    from newswatch.ingest.poll.sources import load_sources
    from newswatch.observability.logging import configure_logging

    load_sources(args.sources)  # a mistake in the file is reported before any broker wait

    update: dict[str, object] = {}
    if args.shard is not None:
        update |= {"poll_shard_index": args.shard[0], "poll_shard_count": args.shard[1]}
    if args.state_dir is not None:
        update["poll_state_dir"] = args.state_dir
    settings = settings.model_copy(update=update) if update else settings
    configure_logging(settings)
    _require_broker(settings)
    return run_poll(args.sources, settings, once=args.once)


def _shard(value: str) -> tuple[int, int]:
    index, _, count = value.partition("/")
    if not (index.isdigit() and count.isdigit()) or not 0 <= int(index) < int(count):
        raise argparse.ArgumentTypeError("I/N with 0 <= I < N, e.g. 0/2 and 1/2 for two pollers")
    return int(index), int(count)


def _tag(args: argparse.Namespace, settings: Settings) -> int:
    from newswatch.ingest.records import ArticleDefaults
    from newswatch.observability.logging import configure_logging
    from newswatch.offline import tag_files

    configure_logging(settings)
    defaults = ArticleDefaults(source=args.source, language=args.language)
    return tag_files(
        args.paths,
        settings,
        jsonl=args.jsonl,
        pretty=args.pretty,
        defaults=defaults,
        progress=False if args.no_progress else None,
    )


def _alerts(args: argparse.Namespace, settings: Settings) -> int:
    from newswatch.observability.logging import configure_logging
    from newswatch.subscriber import AlertsOptions, run_alerts

    configure_logging(settings)
    _require_broker(settings)
    if args.rule:  # a rule's topic, read the way the firehose is
        settings = settings.model_copy(
            update={"topic_alerts": settings.subscription_topic(args.rule)}
        )
    options = AlertsOptions(
        event_type=args.type,
        follow=args.follow,
        from_beginning=args.from_beginning,
        group=args.group,
        as_json=args.json,
        idle_seconds=args.idle_timeout,
    )
    return run_alerts(settings, options)


def _notify(args: argparse.Namespace, settings: Settings) -> int:
    from newswatch.notify import main_notify

    if not {"-h", "--help"} & set(args.rest):
        _require_broker(settings)
    return main_notify(args.rest)


def _replay(args: argparse.Namespace, settings: Settings) -> int:
    try:
        from newswatch.replay import main_replay
    except ImportError as exc:
        raise CommandError(f"not available in this build ({exc})") from None
    if not {"-h", "--help"} & set(args.rest):
        _require_broker(settings)
    return main_replay(args.rest, settings)


def _topics(args: argparse.Namespace, settings: Settings) -> int:
    from newswatch.stream.topics import create_worker_topics, worker_topics

    specs = worker_topics(settings)  # a bad taxonomy or subscriptions file ends here, status 2
    if args.create:
        from newswatch.observability.logging import configure_logging

        configure_logging(settings)
        _require_broker(settings)
        create_worker_topics(settings)
    for spec in specs.values():
        print(spec.line())
    return OK


def _evaluate(args: argparse.Namespace, settings: Settings) -> int:
    from newswatch.evaluation import main_agreement, main_evaluate

    if args.agreement:
        if len(args.gold) != 3:
            raise CommandError("usage: newswatch evaluate --agreement ARTICLES FIRST SECOND")
        articles, first, second = args.gold
        return main_agreement(articles, first, second, args.json)
    return main_evaluate(args.gold, args.json)


def _run(args: argparse.Namespace, settings: Settings) -> int:
    try:  # a development tool: in a checkout, not in the wheel or the image
        from newswatch_dev.local import run_local
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("newswatch_dev"):
            raise
        raise CommandError(
            "run is the local demo of a checkout (make run): an installed newswatch has no "
            "embedded broker; start the worker, notify and ingest commands instead"
        ) from None
    return run_local(settings, args.seeds)


def _language(value: str) -> str:
    if len(value) != 2 or not value.isalpha() or not value.islower():
        raise argparse.ArgumentTypeError("an ISO 639-1 code such as 'fr' or 'en'")
    return value


def _article_defaults(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--source", help="outlet name for articles that carry none")
    parser.add_argument(
        "--language", type=_language, help="language for articles that declare none"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newswatch", description=__doc__)
    parser.add_argument("--version", action="version", version=f"newswatch {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    worker = commands.add_parser("worker", help="run the Faust tagging worker")
    worker.set_defaults(run=_worker)

    ingest = commands.add_parser(
        "ingest", help="send text, JSONL, HTML and RSS/Atom files to the articles topic"
    )
    ingest.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="file or folder")
    ingest.add_argument("--topic", help="target topic (default: the articles topic)")
    _article_defaults(ingest)
    ingest.add_argument("--no-progress", action="store_true", help="no progress bar")
    ingest.set_defaults(run=_ingest)

    poll = commands.add_parser(
        "poll", help="follow the feeds in a sources file; new articles to the articles topic"
    )
    poll.add_argument("sources", type=Path, metavar="SOURCES.yaml", help="the sources file")
    poll.add_argument("--once", action="store_true", help="poll every source once, then exit")
    poll.add_argument(
        "--shard",
        type=_shard,
        metavar="I/N",
        help="take share I of N (sources split by a stable hash of their names)",
    )
    poll.add_argument("--state-dir", type=Path, help="seen entries and feed validators")
    poll.set_defaults(run=_poll)

    tag = commands.add_parser("tag", help="tag files offline (no Kafka); alert JSON lines out")
    tag.add_argument("paths", nargs="*", metavar="PATH", help="files or folders; '-' is stdin")
    tag.add_argument("--jsonl", action="store_true", help="inputs are article JSON lines")
    tag.add_argument("--pretty", action="store_true", help="indented JSON for people")
    _article_defaults(tag)
    tag.add_argument(
        "--no-progress", action="store_true", help="no progress bar (shown on a terminal)"
    )
    tag.set_defaults(run=_tag)

    alerts = commands.add_parser("alerts", help="print alerts as they are published")
    only = alerts.add_mutually_exclusive_group()
    only.add_argument("--type", help="only this event type (its own topic), e.g. state_visit")
    only.add_argument(
        "--rule", help="only what this subscription rule matches (news.alerts.sub.<rule>)"
    )
    alerts.add_argument("--follow", "-f", action="store_true", help="keep waiting for alerts")
    alerts.add_argument("--json", action="store_true", help="raw alert JSON lines")
    alerts.add_argument("--from-beginning", action="store_true", help="start at the oldest")
    alerts.add_argument("--group", help="consumer group (commits its position)")
    alerts.add_argument(
        "--idle-timeout",
        type=float,
        default=5.0,
        metavar="SECONDS",
        help="without --follow, stop after this long without alerts (default 5)",
    )
    alerts.set_defaults(run=_alerts)

    for name, summary, handler in (
        ("notify", "deliver alerts to the sinks of matching subscriptions", _notify),
        ("replay", "rewind the worker so stored articles are tagged again", _replay),
    ):
        delegated = commands.add_parser(name, help=summary, add_help=False, prefix_chars="\0")
        delegated.set_defaults(run=handler, delegated=True)

    topics = commands.add_parser(
        "topics",
        help="the topics the worker needs, from the settings, taxonomy and subscriptions",
        description="One line per topic: name, partitions, replication, configs. The event "
        "types' topics come from the taxonomy and the rules' from the subscriptions file, so "
        "a new type or rule needs no list edited. Faust's own topics (the story tables' "
        "changelogs) are declared by the worker when it starts.",
    )
    topics.add_argument(
        "--create", action="store_true", help="create the missing ones first (existing: unchanged)"
    )
    topics.set_defaults(run=_topics)

    evaluate = commands.add_parser("evaluate", help="score the engine against a gold JSONL file")
    evaluate.add_argument("gold", type=Path, nargs="+", metavar="GOLD.jsonl")
    evaluate.add_argument(
        "--agreement",
        action="store_true",
        help="ARTICLES FIRST SECOND: one annotator's labels scored against another's",
    )
    evaluate.add_argument("--json", action="store_true", help="the report as JSON")
    evaluate.set_defaults(run=_evaluate)

    run = commands.add_parser(
        "run", help="local demo: broker if needed, worker, subscriber, ingest the seeds"
    )
    run.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder to ingest")
    run.set_defaults(run=_run)
    return parser


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Delegating commands keep the unparsed rest for their own parser; others reject it."""
    parser = build_parser()
    args, rest = parser.parse_known_args(argv)
    if rest and not getattr(args, "delegated", False):
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    args.rest = rest
    return args


def setting_problems(error: ValidationError) -> list[str]:
    """One line per bad setting, named as it is set: ``NEWSWATCH_MAX_TEXT_CHARS='abc': ...``."""
    lines = []
    for problem in error.errors(include_url=False):
        field = ".".join(str(part) for part in problem["loc"])
        message = problem["msg"].removeprefix("Value error, ")
        if not field:  # a check across settings (SASL, TLS): its message names them
            lines.append(message)
            continue
        name = "KAFKA_BOOTSTRAP_SERVERS" if field == "kafka_bootstrap_servers" else field
        name = name if name.isupper() else f"NEWSWATCH_{field.upper()}"
        lines.append(f"{name}={problem.get('input')!r}: {message}")
    return lines


def _quiet_stdout() -> None:
    """After a closed pipe: point stdout at /dev/null so the exit flush cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a real file (tests): nothing to flush there
        pass
    finally:
        os.close(devnull)


def _bad_data_file(exc: Exception) -> bool:
    """A watchlist, taxonomy, pattern or subscriptions file that is missing or wrong; the
    message names the file and line."""
    from newswatch.datafiles import DataFileError

    return isinstance(exc, DataFileError)


def _broker_lost(exc: Exception) -> bool:
    """kafka-python's way of saying that nothing answers (after the start-up check passed)."""
    if not type(exc).__module__.startswith("kafka"):
        return False
    from newswatch.kafka.reach import CANNOT_CONNECT

    return isinstance(exc, CANNOT_CONNECT)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    command: Command = args.run
    name = f"newswatch {args.command}"
    try:
        try:
            settings = get_settings()
        except ValidationError as exc:
            for line in setting_problems(exc):
                print(f"{name}: bad setting {line}", file=sys.stderr)
            return USAGE
        return command(args, settings)
    except CommandError as exc:
        print(f"{name}: {exc.message}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        return INTERRUPTED
    except BrokenPipeError:
        _quiet_stdout()
        return BROKEN_PIPE
    except (FileNotFoundError, PermissionError, IsADirectoryError, NotADirectoryError) as exc:
        # A file named by an option or a setting (inputs named on the command line are reported
        # one by one and never get here).
        print(f"{name}: {exc.filename or exc}: {exc.strerror or 'cannot read'}", file=sys.stderr)
        return USAGE
    except Exception as exc:
        if _bad_data_file(exc):
            print(f"{name}: {exc}", file=sys.stderr)
            return USAGE
        if _broker_lost(exc):
            print(f"{name}: lost the Kafka broker: {exc}", file=sys.stderr)
            return UNAVAILABLE
        import traceback

        traceback.print_exc()
        print(f"{name}: internal error (a bug; please report the traceback above)", file=sys.stderr)
        return FAILURE


if __name__ == "__main__":
    sys.exit(main())
