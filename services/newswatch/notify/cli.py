"""``newswatch notify``: deliver alerts from Kafka to the sinks of matching subscriptions."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
from wsgiref.simple_server import WSGIServer

from prometheus_client import start_http_server

from newswatch import __version__
from newswatch.notify.service import Notifier
from newswatch.observability.logging import configure_logging
from newswatch.observability.metrics import BUILD_INFO, NOTIFIER_REGISTRY
from newswatch.settings import Settings, get_settings
from newswatch.subscriptions import SubscriptionsError

log = logging.getLogger(__name__)


def _parser(settings: Settings) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newswatch notify", description=__doc__)
    parser.add_argument(
        "--topics", nargs="+", default=[settings.topic_alerts], help="alert topics to read"
    )
    parser.add_argument("--group", default=settings.notify_group, help="Kafka consumer group")
    parser.add_argument("--subscriptions", type=Path, default=settings.subscriptions_path)
    parser.add_argument("--state-dir", type=Path, default=settings.notify_state_dir)
    parser.add_argument(
        "--offset-reset",
        choices=["earliest", "latest"],
        default="earliest",
        help="where a new group starts (earliest: nothing already published is missed)",
    )
    parser.add_argument("--metrics-port", type=int, default=settings.notify_metrics_port)
    parser.add_argument(
        "--follow-config",
        action=argparse.BooleanOptionalAction,
        default=True,
        help=f"apply subscriptions pushed to {settings.topic_config}",
    )
    return parser


def serve_metrics(port: int, host: str) -> WSGIServer:
    """``/metrics`` of the notifier's own registry (never the worker's readiness or histograms),
    on a daemon thread; port 0 picks a free one (``server.server_port``)."""
    BUILD_INFO.info({"version": __version__, "role": "notifier"})
    server, _thread = start_http_server(port, addr=host, registry=NOTIFIER_REGISTRY)
    return server


def main_notify(args: Sequence[str] | None = None) -> int:
    """Run until SIGTERM/SIGINT; 0 on a clean stop, 2 on a bad subscriptions file."""
    base = get_settings()
    options = _parser(base).parse_args(args)
    if base.topic_alerts_dlq in options.topics:
        # Dead letters of the DLQ would land in the DLQ again, forever.
        print(f"newswatch notify: will not read {base.topic_alerts_dlq}", file=sys.stderr)
        return 2
    settings = base.model_copy(
        update={"subscriptions_path": options.subscriptions, "notify_state_dir": options.state_dir}
    )
    configure_logging(settings)
    try:
        notifier = Notifier(
            settings,
            topics=options.topics,
            group=options.group,
            offset_reset=options.offset_reset,
            follow_config=options.follow_config,
        )
    except (SubscriptionsError, ValueError) as exc:
        print(f"newswatch notify: {exc}", file=sys.stderr)
        return 2

    def _stop(signum: int, _frame: FrameType | None) -> None:
        log.info("stopping after the current message", extra={"signal": signum})
        notifier.stop()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    if options.metrics_port:
        serve_metrics(options.metrics_port, settings.web_host)
    notifier.run()
    return 0
