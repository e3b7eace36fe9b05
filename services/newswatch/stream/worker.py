"""``newswatch worker``: create the topics, then run the Faust worker until stopped."""

from __future__ import annotations

import logging

import faust
from faust.types import TopicT

from newswatch.kafka import ensure_topics
from newswatch.observability.logging import configure_logging, logging_config
from newswatch.settings import Settings
from newswatch.stream.app import EngineFactory, create_app, load_engine
from newswatch.stream.guard import STOP_MARGIN_S, exit_unless_stopped
from newswatch.stream.topics import create_worker_topics
from newswatch.subscriptions import SubscriptionsError

log = logging.getLogger(__name__)


def changelog_configs(app: faust.App) -> dict[str, dict[str, str]]:
    """Each table's changelog topic with the configs Faust would declare it with."""
    return {
        table.changelog_topic.get_topic_name(): _changelog_policy(table.changelog_topic)
        for table in app.tables.values()
    }


def _changelog_policy(topic: TopicT) -> dict[str, str]:
    configs = {key: str(value) for key, value in (topic.config or {}).items()}
    configs.setdefault("cleanup.policy", "compact")  # what Faust gives a table's changelog
    return configs


class BoundedWorker(faust.Worker):
    """Faust's worker, with a stop that cannot outlast the drain budget (see ``guard``)."""

    stop_budget_s: float = 45.0

    async def on_stop(self) -> None:
        exit_unless_stopped(self.stop_budget_s)  # armed before the app and its consumer stop
        await super().on_stop()


def run_worker(settings: Settings, engine_factory: EngineFactory = load_engine) -> int:
    """Blocks until SIGTERM/SIGINT; returns the exit status (non-zero after a crash)."""
    configure_logging(settings)
    try:
        create_worker_topics(settings)
        app = create_app(settings, engine_factory=engine_factory)
        # Table changelogs exist before the first sighting: otherwise Faust may meet a table
        # whose changelog is missing and stop on PartitionsMismatch.
        ensure_topics(settings, (), configs=changelog_configs(app))
    except SubscriptionsError as exc:
        log.critical("subscriptions unusable; not starting:\n%s", exc)
        return 2
    worker = BoundedWorker(
        app,
        loglevel=settings.log_level,
        logging_config=logging_config(settings),
        quiet=True,  # no banner on stdout: logs are JSON on stderr
        redirect_stdouts=False,
    )
    worker.stop_budget_s = settings.stream_drain_seconds + STOP_MARGIN_S
    worker.spinner = None  # Faust draws one on stdout at WARNING level; stdout is not ours to use
    try:
        worker.execute_from_commandline()
    except SystemExit as exit_:
        code = exit_.code
    else:  # execute_from_commandline always exits; this keeps the type checker honest
        code = 0
    return code if isinstance(code, int) else 1
