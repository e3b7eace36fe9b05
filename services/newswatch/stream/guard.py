"""Crash-only handling of agent failures: report, then leave, without committing.

A Faust agent that dies is restarted or left idle by its supervisor, while the worker stays alive,
looks healthy and (as seen here) may ignore SIGTERM. Exiting at once is the safe alternative: the
batch in flight was never acknowledged, so its offsets are not committed and the next worker
redelivers it; deterministic alert ids make the repeat harmless.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
from collections.abc import Callable
from typing import NoReturn

from newswatch.stream.health import Health

log = logging.getLogger(__name__)

# EX_SOFTWARE: an orchestrator sees a failure and restarts the worker.
EXIT_AGENT_FAILED = 70


def fail_fast(
    health: Health,
    exc: BaseException,
    what: str,
    exit_: Callable[[int], NoReturn] = os._exit,
) -> NoReturn:
    """Mark the worker unready, log why, and exit the process non-zero immediately.

    ``os._exit`` on purpose: a graceful stop would run Faust's shutdown, which acknowledges and
    commits the batch that failed.
    """
    health.set_failed(f"{what}: {type(exc).__name__}: {exc}")
    log.critical("%s; exiting with status %d", what, EXIT_AGENT_FAILED, exc_info=exc)
    _flush_and_exit(exit_)


# Time Faust gets, after the drain budget, to commit and close once stopping began.
STOP_MARGIN_S = 15.0


def exit_unless_stopped(
    seconds: float, exit_: Callable[[int], NoReturn] = os._exit
) -> threading.Timer:
    """Exit with ``EXIT_AGENT_FAILED`` if the process is still stopping after ``seconds``.

    Faust's stop can wait forever on an offset commit when the group rebalances while it stops
    (two workers stopped together: ``tests/fault/test_graceful.py``). By then the batch in flight
    was published, so leaving without the commit costs a redelivery, which deterministic alert ids
    and the notifier's delivery record make harmless; hanging until SIGKILL costs the same, later.
    """

    def give_up() -> None:
        log.critical(
            "stop did not finish within %.0fs; exiting with status %d", seconds, EXIT_AGENT_FAILED
        )
        # os._exit ends the process here. An exit_ that raises SystemExit (sys.exit, a test's)
        # can only end this thread: that is its whole effect, not a crash to report.
        with contextlib.suppress(SystemExit):
            _flush_and_exit(exit_)

    timer = threading.Timer(seconds, give_up)
    timer.daemon = True  # a stop that finishes in time exits without waiting for it
    timer.start()
    return timer


def _flush_and_exit(exit_: Callable[[int], NoReturn]) -> NoReturn:
    for handler in logging.getLogger().handlers:
        handler.flush()
    sys.stderr.flush()
    exit_(EXIT_AGENT_FAILED)
