"""``newswatch worker`` processes under measurement: spawn, time to ready, progress, memory.

The workers are the real command in real subprocesses, one consumer group per phase; progress is
read from each worker's own ``/metrics`` (articles tagged or rejected), which moves article by
article, unlike committed offsets that advance on Faust's commit interval.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Self

import httpx
import psutil
from prometheus_client.parser import text_string_to_metric_families

from newswatch.settings import Settings
from newswatch_dev.bench.kafka_io import worker_env
from newswatch_dev.broker import free_port
from newswatch_dev.local import stop_process

COMMAND = [sys.executable, "-m", "newswatch.cli", "worker"]
# Articles that left the input topic: tagged, or sent to the dead-letter topic.
PROGRESS = ("newswatch_articles_consumed_total", "newswatch_articles_rejected_total")
# Where a worker's time goes: engine time per article and per stage (histogram sums, seconds).
_TIMINGS = {"newswatch_tagging_seconds_sum": "engine", "newswatch_engine_stage_seconds_sum": ""}


class WorkerFailed(RuntimeError):
    """A worker exited or never became ready; the message carries its log tail."""


class RssSampler:
    """Peak resident memory of each registered process tree, sampled on a background thread."""

    def __init__(self, interval_s: float = 0.2) -> None:
        self.interval_s = interval_s
        self.peak_bytes: dict[int, int] = {}
        self._roots: dict[int, psutil.Process] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def watch(self, pid: int) -> None:
        with self._lock, contextlib.suppress(psutil.Error):
            self._roots[pid] = psutil.Process(pid)

    def sample(self) -> None:
        with self._lock:
            roots = dict(self._roots)
        for pid, root in roots.items():
            total = 0
            with contextlib.suppress(psutil.Error):
                for proc in [root, *root.children(recursive=True)]:
                    with contextlib.suppress(psutil.Error):
                        total += proc.memory_info().rss
            self.peak_bytes[pid] = max(self.peak_bytes.get(pid, 0), total)

    def _run(self) -> None:
        while not self._stop.wait(self.interval_s):
            self.sample()


@dataclass
class Worker:
    proc: subprocess.Popen[bytes]
    port: int
    log_path: Path
    spawned_at: float
    ready_at: float | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def cold_start_s(self) -> float:
        if self.ready_at is None:
            raise WorkerFailed("the worker never became ready")
        return self.ready_at - self.spawned_at

    def counters(self, client: httpx.Client) -> dict[str, float]:
        """Progress and timing figures from the worker's /metrics, summed over labels.

        Keys: the two ``PROGRESS`` counters, ``engine`` and ``stage:<name>`` (seconds), and
        ``cpu`` (user+system seconds of the process tree, from the kernel).
        """
        text = client.get(self.url + "/metrics", timeout=5.0).text
        out: dict[str, float] = dict.fromkeys(PROGRESS, 0.0)
        for family in text_string_to_metric_families(text):
            for sample in family.samples:
                if sample.name in PROGRESS:
                    out[sample.name] += sample.value
                elif sample.name in _TIMINGS:
                    stage = sample.labels.get("stage")
                    key = f"stage:{stage}" if stage else _TIMINGS[sample.name]
                    out[key] = out.get(key, 0.0) + sample.value
        out["cpu"] = _tree_cpu_seconds(self.proc.pid)
        return out

    def log_tail(self, chars: int = 3000) -> str:
        return self.log_path.read_text("utf-8", errors="replace")[-chars:]


class WorkerGroup:
    """``count`` workers in one consumer group; entering returns once every one is ready."""

    def __init__(
        self,
        settings: Settings,
        count: int,
        log_dir: Path,
        rss: RssSampler,
        ready_timeout_s: float = 180.0,
    ) -> None:
        self.settings = settings
        self.count = count
        self.log_dir = log_dir
        self.rss = rss
        self.ready_timeout_s = ready_timeout_s
        self.workers: list[Worker] = []
        self._client = httpx.Client()

    def __enter__(self) -> Self:
        try:
            for index in range(self.count):
                self.workers.append(self._spawn(index))
            self._wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def counters(self) -> dict[str, float]:
        """``Worker.counters`` summed over the group."""
        total: dict[str, float] = {}
        for worker in self.workers:
            self._check_alive(worker)
            for key, value in worker.counters(self._client).items():
                total[key] = total.get(key, 0.0) + value
        return total

    def progress(self) -> int:
        """Articles the group has taken off the input topic so far."""
        counters = self.counters()
        return int(sum(counters[name] for name in PROGRESS))

    def wait_progress(self, target: int, timeout_s: float, poll_s: float = 0.1) -> float:
        """Block until ``progress() >= target``; returns the monotonic time it was seen."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.progress() >= target:
                return time.monotonic()
            time.sleep(poll_s)
        each = [int(sum(w.counters(self._client)[n] for n in PROGRESS)) for w in self.workers]
        raise WorkerFailed(
            f"the workers reached {sum(each)} of {target} in {timeout_s:.0f}s (each: {each}); "
            f"logs: {', '.join(str(w.log_path) for w in self.workers)}"
        )

    def pids(self) -> list[int]:
        return [w.proc.pid for w in self.workers]

    def stop(self) -> None:
        """SIGTERM to all first, so they drain in parallel; then wait for each."""
        for worker in self.workers:
            if worker.proc.poll() is None:
                worker.proc.terminate()
        for worker in self.workers:
            stop_process(worker.proc, timeout_s=30.0)
        self._client.close()

    def _spawn(self, index: int) -> Worker:
        port = free_port()
        log_path = self.log_dir / f"{self.settings.app_id}-{index}.log"
        env = {**os.environ, **worker_env(self.settings, port, index)}
        with log_path.open("wb") as log_file:
            spawned_at = time.monotonic()
            proc = subprocess.Popen(
                COMMAND,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.rss.watch(proc.pid)
        return Worker(proc, port, log_path, spawned_at)

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.ready_timeout_s
        waiting = list(self.workers)
        while waiting:
            if time.monotonic() > deadline:
                raise WorkerFailed(
                    f"not ready within {self.ready_timeout_s:.0f}s:\n{waiting[0].log_tail()}"
                )
            for worker in list(waiting):
                self._check_alive(worker)
                if self._ready(worker):
                    worker.ready_at = time.monotonic()
                    waiting.remove(worker)
            time.sleep(0.05)

    def _ready(self, worker: Worker) -> bool:
        with contextlib.suppress(httpx.HTTPError):
            return self._client.get(worker.url + "/readyz", timeout=2.0).status_code == 200
        return False

    @staticmethod
    def _check_alive(worker: Worker) -> None:
        if worker.proc.poll() is not None:
            raise WorkerFailed(
                f"worker exited with status {worker.proc.returncode}:\n{worker.log_tail()}"
            )


def _tree_cpu_seconds(pid: int) -> float:
    total = 0.0
    with contextlib.suppress(psutil.Error):
        root = psutil.Process(pid)
        for proc in [root, *root.children(recursive=True)]:
            with contextlib.suppress(psutil.Error):
                times = proc.cpu_times()
                total += times.user + times.system
    return total
