"""A real single-node Apache Kafka 4.x broker for development and tests, with no container engine.

The broker is Apache Kafka itself: Maven resolves ``org.apache.kafka:kafka_2.13`` and its runtime
classpath from ``newswatch_dev/kafka_local/pom.xml`` (link: ``deploy/local/``) into
``.cache/kafka/lib`` under the current directory, and ``java`` runs ``kafka.Kafka``
in KRaft combined mode (broker and controller in one JVM). Each broker owns one folder holding its
rendered ``server.properties``, its data (``kraft/``), ``server.log`` and a pidfile.

Command line (what ``make kafka`` / ``make kafka-stop`` call)::

    python -m newswatch_dev.broker start|stop|status|jars [--port 9092] [--controller-port N]
        [--data-dir .kafka/local]
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import fcntl
import hashlib
import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from string import Template
from types import TracebackType
from typing import IO, Self

from kafka import KafkaAdminClient
from kafka.errors import KafkaError

from newswatch.errors import NewswatchError

log = logging.getLogger(__name__)

# The pom, config template and log4j2 setup sit beside this module (a development tool, never
# installed as a wheel, so its files are plain files); the jars Maven fetches and the brokers'
# state go under the current directory (like the worker's ``.newswatch-state``): in a checkout,
# where ``make`` and the tests run from the root, that is the repository's own folders.
DEPLOY_DIR = Path(__file__).resolve().parent / "kafka_local"
POM = DEPLOY_DIR / "pom.xml"
LIB_DIR = Path.cwd() / ".cache" / "kafka" / "lib"
STATE_DIR = Path.cwd() / ".kafka"
HOST = "127.0.0.1"
MIN_JAVA = 17
SASL_MECHANISMS = ("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512")
# Names and passwords go into a JAAS line and a StorageTool argument: keep them unquotable-safe.
_SAFE_CREDENTIAL = re.compile(r"[A-Za-z0-9._-]{1,64}")


class BrokerError(NewswatchError, RuntimeError):
    """The embedded broker could not be resolved, started or stopped."""


def ensure_jars(lib_dir: Path = LIB_DIR, pom: Path = POM) -> Path:
    """Resolve the broker's classpath with Maven once per pom change; return the folder.

    A stamp holding the pom's hash marks a complete copy, so an interrupted run is redone and a
    version bump in the pom re-resolves. A file lock keeps parallel test sessions from racing.
    """
    stamp = lib_dir / ".pom-sha256"
    digest = hashlib.sha256(pom.read_bytes()).hexdigest()
    if _read(stamp) == digest:
        return lib_dir
    lib_dir.parent.mkdir(parents=True, exist_ok=True)
    with _locked(lib_dir.parent / ".lock"):
        if _read(stamp) == digest:
            return lib_dir
        mvn = shutil.which("mvn")
        if mvn is None:
            raise BrokerError("Maven (mvn) is needed once to fetch the Kafka broker: install Maven")
        staging = lib_dir.with_name(lib_dir.name + ".partial")
        shutil.rmtree(staging, ignore_errors=True)
        cmd = [mvn, "-q", "-B", "-f", str(pom), "dependency:copy-dependencies"]
        cmd.append(f"-DoutputDirectory={staging}")
        log.info("resolving the Kafka broker with Maven into %s", lib_dir)
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise BrokerError(f"mvn failed ({done.returncode}):\n{done.stdout}{done.stderr}")
        shutil.rmtree(lib_dir, ignore_errors=True)
        staging.rename(lib_dir)
        stamp.write_text(digest)
    return lib_dir


def find_java() -> str:
    """The ``java`` to run the broker with: ``$JAVA_HOME/bin/java``, else the one on PATH."""
    home = os.environ.get("JAVA_HOME")
    java = str(Path(home) / "bin" / "java") if home else shutil.which("java")
    if not java or not Path(java).exists():
        raise BrokerError(f"Java {MIN_JAVA}+ is needed to run the Kafka broker: install a JDK")
    out = subprocess.run([java, "-version"], capture_output=True, text=True, check=False).stderr
    found = re.search(r'version "(\d+)', out)
    if found is None or int(found.group(1)) < MIN_JAVA:
        raise BrokerError(f"Kafka 4 needs Java {MIN_JAVA}+, {java} is: {out.strip()[:80]}")
    return java


def kafka_version(lib_dir: Path = LIB_DIR) -> str:
    jars = sorted(lib_dir.glob("kafka_2.13-*.jar"))
    return jars[0].stem.removeprefix("kafka_2.13-") if jars else "unknown"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def port_open(port: int, host: str = HOST) -> bool:
    with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=0.5):
        return True
    return False


def broker_answers(bootstrap: str, timeout_s: float = 3.0) -> bool:
    """True when a Kafka broker at ``bootstrap`` answers a metadata request with itself in it."""
    addresses = [a.strip().rpartition(":") for a in bootstrap.split(",")]
    if not any(port.isdigit() and port_open(int(port), host) for host, _, port in addresses):
        return False  # a fast "no", without kafka-python's bootstrap retries
    ms = int(timeout_s * 1000)
    try:
        admin = KafkaAdminClient(
            bootstrap_servers=bootstrap, request_timeout_ms=ms, bootstrap_timeout_ms=ms
        )
    except (KafkaError, OSError):
        return False
    try:
        return bool(admin.describe_cluster().get("brokers"))
    except (KafkaError, OSError):
        return False
    finally:
        admin.close()


def broker_pids(data_dir: Path) -> list[int]:
    """Live broker JVMs run from ``data_dir``, found in /proc: what a pidfile cannot promise."""
    marker = f"-Dkafka.logs.dir={data_dir.resolve()}"
    pids = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            args = (_read(proc / "cmdline") or "").split("\0")
            if "kafka.Kafka" in args and marker in args and _alive(int(proc.name)):
                pids.append(int(proc.name))
    return pids


class EmbeddedKafka:
    """One broker process; ``start`` returns once clients can use it, ``stop`` leaves nothing.

    ``data_dir`` is the broker's own folder: a restart on the same folder keeps topics and
    offsets (the storage is formatted only once). ``sasl_users`` adds a SASL_PLAINTEXT listener
    accepting PLAIN and SCRAM-SHA-256/512 for those users. With ``die_with_parent`` the JVM gets
    SIGTERM if the Python process that started it dies, so a killed test run leaves no orphan
    (Linux ties this to the starting *thread*: start the broker from a thread that outlives it).
    """

    def __init__(
        self,
        port: int | None = None,
        data_dir: Path = STATE_DIR / "local",
        *,
        controller_port: int | None = None,
        sasl_port: int | None = None,
        sasl_users: Mapping[str, str] | None = None,
        heap: str = "512m",
        die_with_parent: bool = True,
        lib_dir: Path = LIB_DIR,
    ) -> None:
        for name, password in (sasl_users or {}).items():
            if not (_SAFE_CREDENTIAL.fullmatch(name) and _SAFE_CREDENTIAL.fullmatch(password)):
                raise ValueError("SASL test users need names and passwords in [A-Za-z0-9._-]")
        self.port = port
        self.controller_port = controller_port
        self.sasl_port = sasl_port
        self.data_dir = data_dir.resolve()
        self.sasl_users = dict(sasl_users or {})
        self.heap = heap
        self.die_with_parent = die_with_parent
        self.lib_dir = lib_dir
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        if self.port is None:
            raise BrokerError("the broker has no port until it starts")
        return f"{HOST}:{self.port}"

    @property
    def sasl_bootstrap(self) -> str:
        if self.sasl_port is None:
            raise BrokerError("no SASL listener: pass sasl_users and start the broker")
        return f"{HOST}:{self.sasl_port}"

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    @property
    def log_file(self) -> Path:
        return self.data_dir / "server.log"

    @property
    def pidfile(self) -> Path:
        return self.data_dir / "broker.pid"

    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def start(self, timeout: float = 120.0) -> Self:
        """Launch the JVM (formatting storage on first use) and wait until it serves metadata."""
        if self.running():
            return self
        deadline = time.monotonic() + timeout
        lib_dir = ensure_jars(self.lib_dir)
        java = find_java()
        self.port = self.port or free_port()
        self.controller_port = self.controller_port or free_port()
        if self.sasl_users and self.sasl_port is None:
            self.sasl_port = free_port()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        config = self.write_config()
        if not (self.data_dir / "kraft" / "meta.properties").exists():
            self._format(java, lib_dir, config)
        self._launch(java, lib_dir, config)
        try:
            self._wait_ready(deadline)
        except BaseException:
            self.stop()
            raise
        log.debug("Kafka %s ready at %s (pid %s)", kafka_version(lib_dir), self.bootstrap, self.pid)
        return self

    def stop(self, timeout: float = 30.0) -> None:
        """SIGTERM the broker's process group, SIGKILL it after ``timeout``; idempotent."""
        proc, self._proc = self._proc, None
        if proc is not None:
            terminate_group(proc.pid, timeout, wait=proc.wait)
        self.pidfile.unlink(missing_ok=True)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def _java_command(self, java: str, lib_dir: Path, main: str, *args: str) -> list[str]:
        return [
            java,
            f"-Xmx{self.heap}",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Djava.awt.headless=true",
            f"-Dlog4j2.configurationFile={DEPLOY_DIR / 'log4j2.properties'}",
            f"-Dkafka.logs.dir={self.data_dir}",
            "-cp",
            f"{lib_dir}/*",
            main,
            *args,
        ]

    def write_config(self) -> Path:
        """Render ``kafka_local/server.properties.template`` for this broker's ports and folder."""
        if self.port is None or self.controller_port is None:
            raise BrokerError("ports are chosen in start(); pass them to render a config earlier")
        listeners = [f"PLAINTEXT://{HOST}:{self.port}"]
        protocols = ["PLAINTEXT:PLAINTEXT", "CONTROLLER:PLAINTEXT"]
        extra: list[str] = []
        if self.sasl_users:
            if self.sasl_port is None:
                raise BrokerError("sasl_users need a sasl_port (chosen in start() if not given)")
            listeners.append(f"SASL_PLAINTEXT://{HOST}:{self.sasl_port}")
            protocols.append("SASL_PLAINTEXT:SASL_PLAINTEXT")
            extra += _sasl_properties(self.sasl_users)
        template = Template((DEPLOY_DIR / "server.properties.template").read_text("utf-8"))
        text = template.substitute(
            controller_port=self.controller_port,
            listeners=",".join([*listeners, f"CONTROLLER://{HOST}:{self.controller_port}"]),
            advertised_listeners=",".join(listeners),
            protocol_map=",".join(protocols),
            log_dirs=self.data_dir / "kraft",
            extra="\n".join(extra),
        )
        config = self.data_dir / "server.properties"
        config.write_text(text, "utf-8")
        return config

    def _format(self, java: str, lib_dir: Path, config: Path) -> None:
        args = ["format", "-t", cluster_id(), "-c", str(config)]
        for mechanism in SASL_MECHANISMS[1:]:
            for name, password in self.sasl_users.items():
                args += ["--add-scram", f"{mechanism}=[name={name},password={password}]"]
        cmd = self._java_command(java, lib_dir, "kafka.tools.StorageTool", *args)
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise BrokerError(f"formatting Kafka storage failed:\n{done.stdout}{done.stderr}")

    def _launch(self, java: str, lib_dir: Path, config: Path) -> None:
        cmd = self._java_command(java, lib_dir, "kafka.Kafka", str(config))
        setpriv = shutil.which("setpriv")
        if self.die_with_parent and setpriv:
            cmd = [setpriv, "--pdeathsig", "TERM", "--", *cmd]
        with (self.data_dir / "jvm.out").open("ab") as out:
            self._proc = subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.pidfile.write_text(f"{self._proc.pid}\n")

    def _wait_ready(self, deadline: float) -> None:
        assert self._proc is not None and self.port is not None
        while time.monotonic() < deadline:
            code = self._proc.poll()
            if code is not None:
                raise BrokerError(f"Kafka exited with code {code}:\n{self._tail()}")
            if port_open(self.port) and broker_answers(self.bootstrap):
                return
            time.sleep(0.25)
        raise BrokerError(f"Kafka not ready at {self.bootstrap} in time:\n{self._tail()}")

    def _tail(self, lines: int = 30) -> str:
        texts = [_read(self.data_dir / name) or "" for name in ("jvm.out", "server.log")]
        return "\n".join("\n".join(t.splitlines()[-lines:]) for t in texts if t)


def terminate_group(
    pid: int,
    timeout: float,
    wait: Callable[[float], object] | None = None,
    kill_after: float = 10.0,
) -> None:
    """SIGTERM the process group led by ``pid``; SIGKILL whatever is left after ``timeout``."""
    waiter = wait or (lambda timeout: _poll_gone(pid, timeout))
    _signal_group(pid, signal.SIGTERM)
    try:
        waiter(timeout)
    except subprocess.TimeoutExpired:
        log.warning("Kafka (pid %s) ignored SIGTERM for %ss: killing it", pid, timeout)
        _signal_group(pid, signal.SIGKILL)
        waiter(kill_after)
    _signal_group(pid, signal.SIGKILL)  # stragglers in the group, if any


def _poll_gone(pid: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while _alive(pid):
        if time.monotonic() > deadline:
            raise subprocess.TimeoutExpired(f"pid {pid}", timeout)
        time.sleep(0.1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    stat = _read(Path(f"/proc/{pid}/stat"))
    return not (stat and stat.rsplit(")", 1)[-1].split()[0] == "Z")


def _signal_group(pid: int, sig: signal.Signals) -> None:
    """Signal the group ``pid`` leads, or just ``pid`` when it leads none."""
    try:
        os.killpg(pid, sig)
    except ProcessLookupError:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, sig)


def _sasl_properties(users: Mapping[str, str]) -> list[str]:
    prefix = "listener.name.sasl_plaintext"
    plain_users = " ".join(f'user_{name}="{password}"' for name, password in users.items())
    scram = "org.apache.kafka.common.security.scram.ScramLoginModule required;"
    return [
        f"sasl.enabled.mechanisms={','.join(SASL_MECHANISMS)}",
        f"{prefix}.plain.sasl.jaas.config="
        f"org.apache.kafka.common.security.plain.PlainLoginModule required {plain_users};",
        f"{prefix}.scram-sha-256.sasl.jaas.config={scram}",
        f"{prefix}.scram-sha-512.sasl.jaas.config={scram}",
    ]


def _read(path: Path) -> str | None:
    try:
        return path.read_text("utf-8", errors="replace")
    except (FileNotFoundError, NotADirectoryError, ProcessLookupError):
        return None


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[IO[str]]:
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield handle
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# -- command line ---------------------------------------------------------------------------------


def _cli_start(args: argparse.Namespace) -> int:
    bootstrap = f"{HOST}:{args.port}"
    if port_open(args.port):
        if broker_answers(bootstrap):
            print(f"Kafka already running at {bootstrap}")
            return 0
        print(f"port {args.port} is taken by something that is not a Kafka broker", file=sys.stderr)
        return 1
    broker = EmbeddedKafka(
        args.port,
        args.data_dir,
        controller_port=args.controller_port or controller_port_for(args.port),
        die_with_parent=False,
    )
    began = time.monotonic()
    broker.start(timeout=args.timeout)
    print(
        f"Kafka {kafka_version()} ready at {broker.bootstrap} in {time.monotonic() - began:.1f}s "
        f"(pid {broker.pid}, log {broker.log_file})"
    )
    return 0


def cluster_id(draw: Callable[[], uuid.UUID] = uuid.uuid4) -> str:
    """A random cluster id as Kafka writes them (URL-safe base64 of 16 bytes). One starting with
    "-" is drawn again, as Kafka's own ``Uuid.randomUuid`` does: the storage tool's argument
    parser would read it as an option and refuse to format (about one draw in 64)."""
    while True:
        text = base64.urlsafe_b64encode(draw().bytes).rstrip(b"=").decode()
        if not text.startswith("-"):
            return text


def controller_port_for(port: int) -> int:
    """The client port + 1, as people expect, unless something holds it: then any free port.

    The controller listener is internal to the single-node broker (nobody connects to it from
    outside), so a taken neighbour must not stop the broker from starting.
    """
    return port + 1 if _bindable(port + 1) else free_port()


def _bindable(port: int, host: str = HOST) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def _cli_stop(args: argparse.Namespace) -> int:
    data_dir = args.data_dir.resolve()
    pids = broker_pids(data_dir)
    for pid in pids:
        terminate_group(pid, args.timeout)
        print(f"Kafka (pid {pid}) stopped")
    if not pids:
        print(f"no embedded Kafka running from {data_dir}")
    (data_dir / "broker.pid").unlink(missing_ok=True)
    return 0


def _cli_status(args: argparse.Namespace) -> int:
    bootstrap = f"{HOST}:{args.port}"
    pid = next(iter(broker_pids(args.data_dir)), None)
    if broker_answers(bootstrap):
        owner = f"embedded, pid {pid}" if pid else "not started from this folder"
        print(f"Kafka answers at {bootstrap} ({owner})")
        return 0
    print(f"no Kafka at {bootstrap}" + (f" (pid {pid} is starting or stuck)" if pid else ""))
    return 3


def _cli_jars(args: argparse.Namespace) -> int:
    print(f"Kafka {kafka_version(ensure_jars())} classpath in {LIB_DIR}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newswatch_dev.broker", description=__doc__)
    parser.add_argument("command", choices=["start", "stop", "status", "jars"])
    parser.add_argument("--port", type=int, default=9092, help="client port")
    parser.add_argument(
        "--controller-port",
        type=int,
        default=None,
        help="the KRaft controller's port (default: --port + 1, or a free port if that is taken)",
    )
    parser.add_argument("--data-dir", type=Path, default=STATE_DIR / "local")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to start or stop")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("kafka").setLevel(logging.WARNING)  # its INFO is per-connection chatter
    commands = {"start": _cli_start, "stop": _cli_stop, "status": _cli_status, "jars": _cli_jars}
    try:
        return commands[args.command](args)
    except BrokerError as exc:
        print(exc, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
