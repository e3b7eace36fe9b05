"""The commands a newcomer types, as subprocesses against a real broker.

``newswatch run`` (what ``make run`` calls) brings up the worker and a console subscriber and
ingests the seeds; while it runs, ``ingest`` and ``alerts`` are used as a user would.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))
from worker_support import REPO, isolated_settings, settings_env

from newswatch.exits import BROKEN_PIPE, INTERRUPTED, REJECTED
from newswatch.settings import Settings

pytestmark = pytest.mark.e2e

CLI = [sys.executable, "-m", "newswatch.cli"]
SEED_ALERT_LINES = 4
SEED = REPO / "seeds" / "000_23de67fa4f7c9070.txt"


@dataclass
class Demo:
    proc: subprocess.Popen[str]
    settings: Settings
    env: dict[str, str]
    lines: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def wait_lines(self, count: int, timeout_s: float) -> list[str]:
        deadline = time.monotonic() + timeout_s
        while len(self.lines) < count and time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            time.sleep(0.2)
        assert len(self.lines) >= count, "".join(self.errors)[-4000:]
        return self.lines[:count]


def _drain(stream: object, into: list[str]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        into.append(line)


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start_run(env: dict[str, str], stdout: int) -> subprocess.Popen[str]:
    """``newswatch run`` on the seeds, in a session of its own."""
    return subprocess.Popen(
        [*CLI, "run", "--seeds", str(REPO / "seeds")],
        env=env,
        cwd=REPO,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        # A shell runs background jobs with SIGINT ignored, and a child inherits that: Python
        # then installs no KeyboardInterrupt handler. Give ``run`` the terminal's default.
        preexec_fn=_default_sigint,
    )


@pytest.fixture(scope="module")
def demo(kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    settings = isolated_settings(kafka_bootstrap, tmp_path_factory.mktemp("state"))
    env = {**os.environ, **settings_env(settings), "NEWSWATCH_LOG_LEVEL": "WARNING"}
    proc = _start_run(env, subprocess.PIPE)
    demo = Demo(proc, settings, env)
    threads = [
        threading.Thread(target=_drain, args=(proc.stdout, demo.lines), daemon=True),
        threading.Thread(target=_drain, args=(proc.stderr, demo.errors), daemon=True),
    ]
    for thread in threads:
        thread.start()
    try:
        yield demo
    finally:
        # ``run`` starts its worker, notifier and console each in a session of its own: find
        # them before ``run`` goes (after, they belong to init), then kill them all. Only these:
        # the session's broker is this process's child too.
        try:
            family = psutil.Process(proc.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            family = []
        proc.kill()
        proc.wait()
        for child in family:
            with contextlib.suppress(psutil.NoSuchProcess):
                child.kill()
        for thread in threads:  # the pipes reach end of file once every writer is gone
            thread.join(timeout=10)
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()


def test_run_prints_the_seed_alerts_as_readable_lines(demo: Demo) -> None:
    lines = demo.wait_lines(SEED_ALERT_LINES, timeout_s=240)
    types = sorted(line.split("  ")[1] for line in lines)
    assert types == ["phone_call", "phone_call", "sanctions", "state_visit"]
    assert any("Qin Gang → Dmytro Kuleba" in line for line in lines)
    assert any("action=condemn" in line for line in lines)
    assert "ingested 1 articles from 1 files, 0 rejected" in "".join(demo.errors)


def test_alerts_command_reads_one_type_as_json(demo: Demo) -> None:
    demo.wait_lines(SEED_ALERT_LINES, timeout_s=240)
    done = subprocess.run(
        [*CLI, "alerts", "--type", "phone_call", "--json", "--from-beginning", "--idle-timeout=3"],
        env=demo.env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    alerts = [json.loads(line) for line in done.stdout.splitlines()]
    assert sorted(a["attributes"]["medium"] for a in alerts) == ["phone", "video"]


def test_ingest_reports_and_dead_letters_bad_lines(demo: Demo, tmp_path: Path) -> None:
    demo.wait_lines(SEED_ALERT_LINES, timeout_s=240)
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        json.dumps({"id": "e2e-1", "text": "Pékin a condamné les sanctions occidentales."})
        + "\n{broken\n",
        encoding="utf-8",
    )
    missing = tmp_path / "missing.txt"
    done = subprocess.run(
        [*CLI, "ingest", "--no-progress", str(missing), str(path)],
        env=demo.env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == REJECTED, done.stderr  # as tag does: something was rejected
    assert f"{missing}: No such file or directory\n" in done.stderr
    assert "ingested 1 articles from 2 files, 2 rejected" in done.stderr
    assert "Traceback" not in done.stderr
    # The new article's alert reaches the console subscriber of the running demo.
    line = demo.wait_lines(SEED_ALERT_LINES + 1, timeout_s=60)[-1]
    assert "sanctions" in line and "condemn" in line


def test_ctrl_c_stops_everything_it_started(demo: Demo) -> None:
    demo.wait_lines(SEED_ALERT_LINES, timeout_s=240)
    children = psutil.Process(demo.proc.pid).children(recursive=True)
    assert len(children) >= 2  # the worker and the subscriber
    demo.proc.send_signal(signal.SIGINT)
    # Each child gets SIGTERM and, after its own bound (5 s, 30 s, 30 s), SIGKILL.
    try:
        code = demo.proc.wait(timeout=150)
    except subprocess.TimeoutExpired:
        still = [" ".join(c.cmdline()[2:]) for c in children if c.is_running()]
        pytest.fail(f"run still up 150 s after Ctrl-C; children alive: {still}")
    assert code == 0, "".join(demo.errors)[-3000:]
    _, alive = psutil.wait_procs(children, timeout=10)
    assert alive == []


# -- without the demo ---------------------------------------------------------------------------


def test_python_m_newswatch_tags_the_good_files_and_names_each_bad_one(tmp_path: Path) -> None:
    good2 = tmp_path / "good2.txt"
    good2.write_text("Emmanuel Macron a téléphoné à Olaf Scholz mardi.", encoding="utf-8")
    binary = tmp_path / "bin.dat"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    missing = tmp_path / "missing.txt"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "newswatch",
            "tag",
            str(SEED),
            str(missing),
            str(binary),
            str(good2),
        ],
        env={**os.environ, "NEWSWATCH_LOG_LEVEL": "WARNING"},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.stderr.splitlines() == [
        f"{missing}: No such file or directory",
        f"{binary}: a binary file, not an article",
    ]
    assert done.returncode == REJECTED
    tagged = [json.loads(line)["article"]["id"] for line in done.stdout.splitlines()]
    assert tagged.count(SEED.stem) == SEED_ALERT_LINES
    assert len(tagged) > SEED_ALERT_LINES  # good2.txt's call, after the two bad paths


def test_a_closed_pipe_ends_tag_quietly(tmp_path: Path) -> None:
    for number in range(20):
        (tmp_path / f"copy{number:02}.txt").write_bytes(SEED.read_bytes())
    proc = subprocess.Popen(
        [*CLI, "tag", str(tmp_path)],
        # One article per batch: alerts keep coming after the reader has gone (``| head -1``).
        env={**os.environ, "NEWSWATCH_STREAM_BATCH_MAX": "1", "NEWSWATCH_LOG_LEVEL": "WARNING"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    with proc:  # closes both pipes
        try:
            first = proc.stdout.readline()
            proc.stdout.close()
            code = proc.wait(timeout=120)
        finally:
            proc.kill()
        errors = proc.stderr.read().decode()
    assert json.loads(first)["event_type"] in {"state_visit", "phone_call", "sanctions"}
    assert (code, errors) == (BROKEN_PIPE, "")


def test_sigterm_stops_run_and_every_child_it_started(kafka_bootstrap: str, tmp_path: Path) -> None:
    settings = isolated_settings(kafka_bootstrap, tmp_path / "state")
    env = {**os.environ, **settings_env(settings), "NEWSWATCH_LOG_LEVEL": "WARNING"}
    proc = _start_run(env, subprocess.DEVNULL)
    children: list[psutil.Process] = []
    try:
        deadline = time.monotonic() + 60
        while not children and time.monotonic() < deadline and proc.poll() is None:
            children = psutil.Process(proc.pid).children(recursive=True)
            time.sleep(0.2)
        assert children, "run started no worker"
        proc.send_signal(signal.SIGTERM)  # while it waits for the worker, as `kill` would
        code = proc.wait(timeout=90)
        _, alive = psutil.wait_procs(children, timeout=10)
        assert alive == [], [" ".join(c.cmdline()[2:]) for c in alive]
        assert code == INTERRUPTED, proc.stderr.read() if proc.stderr else ""
    finally:
        proc.kill()
        proc.wait()
        if proc.stderr is not None:
            proc.stderr.close()
        for child in children:
            with contextlib.suppress(psutil.NoSuchProcess):
                child.kill()
