"""Exit statuses, the same for every ``newswatch`` command (the README has this table).

==== ===================================================================================
  0  done: every input was processed
  1  done, but some input was rejected (each one named on stderr; the rest was processed)
  2  usage or configuration error: a bad option, a bad setting, an unusable data file
  3  Kafka: no broker answered within ``NEWSWATCH_KAFKA_CONNECT_TIMEOUT_S``, or it failed
 66  no input could be read: ``poll --once`` when not one source answered with a feed
 70  failure: a service stopped unexpectedly (the worker gave up on a stuck agent or stop),
     or an internal error (a bug: the traceback is shown); restart, or report it
 75  busy, try again later: ``replay`` while the worker group still has members
130  interrupted (Ctrl-C, or SIGTERM for ``run``)
141  stdout was closed early (``newswatch tag seeds | head -1``); nothing more is printed
==== ===================================================================================

66, 70 and 75 are sysexits.h's EX_NOINPUT, EX_SOFTWARE and EX_TEMPFAIL; 130 and 141 are what a
shell reports for a process stopped by SIGINT or SIGPIPE.
"""

from __future__ import annotations

from newswatch.errors import NewswatchError

OK = 0
REJECTED = 1
USAGE = 2
UNAVAILABLE = 3
NO_INPUT = 66
FAILURE = 70  # also the worker's own exit when an agent fails (stream/guard.py)
BUSY = 75
INTERRUPTED = 130
BROKEN_PIPE = 141


class CommandError(NewswatchError):
    """A mistake or condition the user can act on: one line on stderr, no traceback."""

    def __init__(self, message: str, code: int = USAGE) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
