"""The built wheel runs on its own: installed in a fresh venv, started from an empty directory.

The suite otherwise imports newswatch from the source tree, so a file the code finds by walking up
to the checkout (``schemas/``, ``deploy/config``) would never be missed there. Here the wheel is
built from pyproject.toml, README.md and services/ alone (as ``make wheel`` builds the file the
Dockerfile installs), installed with ``pip --no-deps`` into a new venv outside the repository,
and run with a minimal environment (no PYTHONPATH, no NEWSWATCH_ settings) from an empty
temporary directory.

Dependencies: the locked ones this test already runs on, made visible to the new venv by a
``.pth`` line *after* its own site-packages. Installing them again (spaCy, both models, Faust)
would cost minutes of CI for nothing the test checks, and needs the network. The project's own
editable install in that environment is a ``.pth`` too, and a ``.pth`` line's folder is added
without processing the ``.pth`` files inside it, so ``newswatch`` can only come from the wheel;
``test_newswatch_comes_from_the_wheel`` holds that.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))
from worker_support import REPO, isolated_settings, settings_env

from newswatch.contracts import schema_errors
from newswatch_dev.local import stop_process, wait_ready
from support.seed_events import PUTIN, XI, seed_events

pytestmark = pytest.mark.e2e

SEED = REPO / "seeds" / "000_23de67fa4f7c9070.txt"


@dataclass(frozen=True)
class Installed:
    venv: Path
    wheel: Path
    workdir: Path  # empty; every command runs here

    @property
    def newswatch(self) -> str:
        return str(self.venv / "bin" / "newswatch")

    def env(self, **extra: str) -> dict[str, str]:
        """Only what a shell on a fresh machine would have, plus ``extra``."""
        return {
            "PATH": f"{self.venv / 'bin'}{os.pathsep}/usr/local/bin:/usr/bin:/bin",
            "HOME": str(self.workdir),
            "LANG": "C.UTF-8",
            **extra,
        }


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    root = tmp_path_factory.mktemp("wheel")
    source = root / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    shutil.copytree(
        REPO / "services",
        source / "services",
        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"),
    )
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    subprocess.run(
        [
            *pip,
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(root / "dist"),
            str(source),
        ],
        check=True,
        timeout=120,
    )
    [wheel] = (root / "dist").glob("newswatch-*.whl")
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    subprocess.run(
        [
            *pip,
            "--python",
            str(venv / "bin" / "python"),
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
        timeout=120,
    )
    site = Path(
        subprocess.run(
            [
                str(venv / "bin" / "python"),
                "-c",
                "import sysconfig; print(sysconfig.get_paths()['purelib'])",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    locked = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "zz_locked_dependencies.pth").write_text("\n".join(sorted(locked)) + "\n")
    workdir = root / "empty"
    workdir.mkdir()
    return Installed(venv, wheel, workdir)


def test_newswatch_comes_from_the_wheel(installed: Installed) -> None:
    probe = subprocess.run(
        [
            str(installed.venv / "bin" / "python"),
            "-c",
            "import newswatch; print(newswatch.__file__)",
        ],
        cwd=installed.workdir,
        env=installed.env(),
        capture_output=True,
        text=True,
        check=True,
    )
    where = Path(probe.stdout.strip())
    assert where.is_relative_to(installed.venv), where
    assert not where.is_relative_to(REPO)


def test_the_wheel_holds_the_service_and_no_development_tools(installed: Installed) -> None:
    names = zipfile.ZipFile(installed.wheel).namelist()
    modules = {n for n in names if n.endswith(".py")}
    assert "newswatch/engine/pipeline.py" in modules  # the listing is the real one
    assert "newswatch/ingest/run.py" in modules
    assert [n for n in names if not n.startswith(("newswatch/", "newswatch-"))] == []
    development = ("newswatch/bench/", "newswatch/kafka/broker.py", "newswatch/stream/local.py")
    assert [n for n in names if n.startswith(development) or "kafka/local" in n] == []
    assert not any("bench" in n or "kafka_local" in n for n in names)


def test_run_says_it_needs_a_checkout(installed: Installed) -> None:
    done = subprocess.run(
        [installed.newswatch, "run"],
        cwd=installed.workdir,
        env=installed.env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2, done.stderr[-2000:]
    assert done.stderr.startswith("newswatch run: run is the local demo of a checkout (make run)")
    assert "Traceback" not in done.stderr


def test_version_is_pyprojects(installed: Installed) -> None:
    done = subprocess.run(
        [installed.newswatch, "--version"],
        cwd=installed.workdir,
        env=installed.env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    declared = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert done.stdout.strip() == f"newswatch {declared['project']['version']}"


def test_tag_finds_the_four_seed_events_from_an_empty_directory(installed: Installed) -> None:
    seed = installed.workdir.parent / SEED.name  # outside the checkout too
    shutil.copy(SEED, seed)
    done = subprocess.run(
        [installed.newswatch, "tag", str(seed)],
        cwd=installed.workdir,
        env=installed.env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    alerts = [json.loads(line) for line in done.stdout.splitlines()]
    for alert in alerts:
        assert schema_errors("alert.v1", alert) == []
    found = sorted(
        (
            a["event_type"],
            tuple(sorted(a["attributes"].items())),
            frozenset(p["wikidata"] or f"name:{p['name'].lower()}" for p in a["actors"]),
            frozenset(p["wikidata"] or f"name:{p['name'].lower()}" for p in a["targets"]),
        )
        for a in alerts
    )
    video = next(f for f in found if f[1] == (("medium", "video"),))
    assert video[2] | video[3] == {XI, PUTIN} and len(video[2]) == len(video[3]) == 1
    assert found == seed_events((video[2], video[3]))
    assert list(installed.workdir.iterdir()) == []  # tag writes nothing where it runs


def test_a_worker_turns_ready_on_the_test_broker(
    installed: Installed, kafka_bootstrap: str, tmp_path: Path
) -> None:
    settings = isolated_settings(kafka_bootstrap, tmp_path / "state")
    log_path = tmp_path / "worker.log"
    with log_path.open("wb") as log_file:
        proc = subprocess.Popen(
            [installed.newswatch, "worker"],
            cwd=installed.workdir,
            env=installed.env(**settings_env(settings)),
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            url = f"http://{settings.web_host}:{settings.web_port}/readyz"
            try:
                wait_ready(url, proc, timeout_s=120)
            except SystemExit as exc:
                log = log_path.read_text(encoding="utf-8", errors="replace")
                raise AssertionError(f"{exc}\n{log[-4000:]}") from None
        finally:
            stop_process(proc, timeout_s=30.0)
