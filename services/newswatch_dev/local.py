"""``newswatch run`` (``make run``): broker if needed, worker, notifier, console subscriber, seeds.

Each child runs in its own session, so Ctrl-C reaches only this process, which then stops the
children in order: subscriber, notifier, worker (SIGTERM: it drains and commits), and the broker
only if this command started it. SIGTERM (``kill``, a service manager) does the same as Ctrl-C.

Ports come from the settings: the broker from ``KAFKA_BOOTSTRAP_SERVERS`` (``make run
KAFKA_PORT=...`` sets it), the worker's web port from ``NEWSWATCH_WEB_PORT`` and the notifier's
``/metrics`` from ``NEWSWATCH_NOTIFY_METRICS_PORT`` (6067 when unset; 0 turns it off).
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import httpx

from newswatch.exits import FAILURE, OK, REJECTED, UNAVAILABLE, CommandError
from newswatch.settings import Settings
from newswatch_dev.broker import EmbeddedKafka, broker_answers

log = logging.getLogger(__name__)

CLI = [sys.executable, "-m", "newswatch.cli"]  # tests/fault find our children by this name
# The notifier's /metrics in the demo unless the setting names one (the worker keeps 6066).
NOTIFY_METRICS_PORT = 6067


def _spawn(
    args: list[str], env: dict[str, str], stderr: int | None = None
) -> subprocess.Popen[bytes]:
    return subprocess.Popen([*CLI, *args], env=env, stderr=stderr, start_new_session=True)


def stop_process(proc: subprocess.Popen[bytes], timeout_s: float = 30.0) -> None:
    """SIGTERM, then SIGKILL after ``timeout_s``: never leave it behind."""
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout_s)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@contextlib.contextmanager
def running(
    proc: subprocess.Popen[bytes], timeout_s: float = 30.0
) -> Iterator[subprocess.Popen[bytes]]:
    try:
        yield proc
    finally:
        stop_process(proc, timeout_s)


def local_port(bootstrap: str) -> int:
    host, _, port = bootstrap.split(",")[0].rpartition(":")
    if host not in ("127.0.0.1", "localhost"):
        raise CommandError(
            f"no Kafka answers at {bootstrap}, and only a local broker can be started",
            UNAVAILABLE,
        )
    return int(port)


def wait_ready(url: str, worker: subprocess.Popen[bytes], timeout_s: float) -> None:
    """Poll /readyz until 200; fail early if the worker dies."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if worker.poll() is not None:
            raise CommandError(
                f"the worker exited with status {worker.returncode} before ready", FAILURE
            )
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(url, timeout=2.0).status_code == 200:
                return
        time.sleep(0.5)
    raise CommandError(f"the worker was not ready within {timeout_s:.0f}s ({url})", FAILURE)


def wait_following(subscriber: subprocess.Popen[bytes], timeout_s: float = 30.0) -> None:
    """The subscriber prints 'following <topic>' on stderr once positioned; pass the rest on."""
    assert subscriber.stderr is not None
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        line = subscriber.stderr.readline()
        if not line:
            raise CommandError("the alert subscriber exited early", FAILURE)
        sys.stderr.buffer.write(line)
        sys.stderr.flush()
        if line.startswith(b"following "):
            return
    raise CommandError("the alert subscriber did not start", FAILURE)


def _terminate_as_interrupt(signum: int, frame: FrameType | None) -> None:
    """SIGTERM takes Ctrl-C's path (children stopped in order); a repeat cannot cut that short."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise KeyboardInterrupt


@contextlib.contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    previous = signal.signal(signal.SIGTERM, _terminate_as_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def notifier_args(settings: Settings) -> tuple[list[str], str]:
    """The notifier's arguments and where its metrics are: the setting's port, else the demo's."""
    port = settings.notify_metrics_port
    if port is None:
        port = NOTIFY_METRICS_PORT
        args = ["notify", "--metrics-port", str(port)]
    else:
        args = ["notify"]  # it reads NEWSWATCH_NOTIFY_METRICS_PORT itself
    where = f"metrics on http://{settings.web_host}:{port}/metrics" if port else "no metrics"
    return args, where


def run_local(settings: Settings, seeds: Path, ready_timeout_s: float = 300.0) -> int:
    with sigterm_as_interrupt():
        return _run_local(settings, seeds, ready_timeout_s)


def _run_local(settings: Settings, seeds: Path, ready_timeout_s: float) -> int:
    env = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": settings.kafka_bootstrap_servers}
    # The terminal is for alert lines; worker logs only when something is wrong (unless asked).
    env.setdefault("NEWSWATCH_LOG_LEVEL", "WARNING")
    with contextlib.ExitStack() as stack:
        if not broker_answers(settings.kafka_bootstrap_servers):
            port = local_port(settings.kafka_bootstrap_servers)
            print(f"starting Kafka on 127.0.0.1:{port} (stopped again on exit)", file=sys.stderr)
            broker = EmbeddedKafka(port, controller_port=port + 1)
            stack.enter_context(broker)
        worker = stack.enter_context(running(_spawn(["worker"], env=env)))
        url = f"http://{settings.web_host}:{settings.web_port}/readyz"
        print(f"waiting for the worker to load its models ({url})", file=sys.stderr)
        wait_ready(url, worker, ready_timeout_s)
        notify, metrics = notifier_args(settings)
        stack.enter_context(running(_spawn(notify, env=env)))
        print(
            f"notifier delivering to the sinks of {settings.subscriptions_path.name} ({metrics})",
            file=sys.stderr,
        )
        subscriber = stack.enter_context(
            running(_spawn(["alerts", "--follow"], env=env, stderr=subprocess.PIPE), 5.0)
        )
        wait_following(subscriber)
        ingest = subprocess.run([*CLI, "ingest", str(seeds)], env=env, check=False)
        if ingest.returncode not in (OK, REJECTED):  # rejected seeds are named; the demo goes on
            return ingest.returncode
        print("alerts appear below; Ctrl-C stops everything", file=sys.stderr)
        try:
            while worker.poll() is None and subscriber.poll() is None:
                time.sleep(0.5)
        except KeyboardInterrupt:
            print("\nstopping…", file=sys.stderr)
            return OK
        print("a service of the demo stopped; stopping the others", file=sys.stderr)
        return FAILURE
    return OK
