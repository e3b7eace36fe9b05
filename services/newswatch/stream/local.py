"""``newswatch run`` (``make run``): broker if needed, worker, notifier, console subscriber, seeds.

Each child runs in its own session, so Ctrl-C reaches only this process, which then stops the
children in order: subscriber, notifier, worker (SIGTERM: it drains and commits), and the broker
only if this command started it.
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

import httpx

from newswatch.kafka.broker import EmbeddedKafka, broker_answers
from newswatch.settings import Settings

log = logging.getLogger(__name__)

CLI = [sys.executable, "-m", "newswatch.cli"]
# The notifier's /metrics in the demo (the worker keeps Faust's 6066).
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
        raise SystemExit(f"no Kafka answers at {bootstrap}, and only a local broker can be started")
    return int(port)


def wait_ready(url: str, worker: subprocess.Popen[bytes], timeout_s: float) -> None:
    """Poll /readyz until 200; fail early if the worker dies."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if worker.poll() is not None:
            raise SystemExit(f"the worker exited with status {worker.returncode} before ready")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(url, timeout=2.0).status_code == 200:
                return
        time.sleep(0.5)
    raise SystemExit(f"the worker was not ready within {timeout_s:.0f}s ({url})")


def wait_following(subscriber: subprocess.Popen[bytes], timeout_s: float = 30.0) -> None:
    """The subscriber prints 'following <topic>' on stderr once positioned; pass the rest on."""
    assert subscriber.stderr is not None
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        line = subscriber.stderr.readline()
        if not line:
            raise SystemExit("the alert subscriber exited early")
        sys.stderr.buffer.write(line)
        sys.stderr.flush()
        if line.startswith(b"following "):
            return
    raise SystemExit("the alert subscriber did not start")


def run_local(settings: Settings, seeds: Path, ready_timeout_s: float = 300.0) -> int:
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
        stack.enter_context(
            running(_spawn(["notify", "--metrics-port", str(NOTIFY_METRICS_PORT)], env=env))
        )
        print(
            f"notifier delivering to the sinks of {settings.subscriptions_path.name} "
            f"(metrics on http://127.0.0.1:{NOTIFY_METRICS_PORT}/metrics)",
            file=sys.stderr,
        )
        subscriber = stack.enter_context(
            running(_spawn(["alerts", "--follow"], env=env, stderr=subprocess.PIPE), 5.0)
        )
        wait_following(subscriber)
        ingest = subprocess.run([*CLI, "ingest", str(seeds)], env=env, check=False)
        if ingest.returncode != 0:
            return ingest.returncode
        print("alerts appear below; Ctrl-C stops everything", file=sys.stderr)
        try:
            while worker.poll() is None and subscriber.poll() is None:
                time.sleep(0.5)
        except KeyboardInterrupt:
            print("\nstopping…", file=sys.stderr)
            return 0
        return worker.returncode or subscriber.returncode or 1
    return 0
