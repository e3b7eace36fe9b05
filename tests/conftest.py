"""Fixtures shared by the whole suite.

Kafka: a test that asks for ``kafka_bootstrap`` or ``kafka_settings`` gets a real Apache Kafka
broker. With ``KAFKA_BOOTSTRAP_SERVERS`` set, that broker is used; otherwise the session starts
one embedded broker on a free port and stops it at the end. Pure unit runs never start a JVM.
"""

from __future__ import annotations

import atexit
import gc
import logging
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from newswatch.settings import Settings
from newswatch_dev.broker import EmbeddedKafka, broker_answers, broker_pids, free_port

# -- logging ---------------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def root_logging_restored() -> Iterator[None]:
    """A command run in-process (``main([...])``) configures logging onto the ``sys.stderr`` of
    its test, a capture pytest closes afterwards: later tests must not log (or flush) into it."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.fixture(autouse=True)
def leaks_collected_in_their_own_test(request: pytest.FixtureRequest) -> Iterator[None]:
    """Tests with real clients and processes collect garbage before they end, so an unclosed
    socket or file is reported (an error: warnings are errors) by the test that leaked it, not by
    whichever test the collector happens to run in. Unit tests skip the cost."""
    yield
    if any(request.node.get_closest_marker(m) for m in ("integration", "e2e", "fault")):
        gc.collect()


# -- Kafka ----------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def kafka_bootstrap(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``host:port`` of a running broker for the whole session."""
    external = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    if external:
        if not broker_answers(external, timeout_s=10):
            pytest.fail(
                f"KAFKA_BOOTSTRAP_SERVERS={external} but no broker answers there: "
                "run `make kafka`, or unset it to let the suite start its own broker"
            )
        yield external
        return
    broker = EmbeddedKafka(data_dir=tmp_path_factory.mktemp("kafka"))
    atexit.register(broker.stop)  # Ctrl-C or a crash past the fixture's own teardown
    try:
        broker.start(timeout=180)
        yield broker.bootstrap
    finally:
        broker.stop()
        atexit.unregister(broker.stop)
        assert not broker_pids(broker.data_dir), "the session's Kafka JVM outlived stop()"


@pytest.fixture
def kafka_settings(kafka_bootstrap: str, tmp_path: Path) -> Settings:
    """Settings for one test: its own topic names, app id, groups and state, on the broker.

    Every ``topic_*`` name gets a ``t<hex>.`` prefix, so tests never read each other's messages
    and the names keep the dots-only style the topic validator demands.
    """
    tag = f"t{uuid.uuid4().hex[:10]}"
    base = Settings()
    update: dict[str, object] = {
        name: f"{tag}.{value}"
        for name, value in base.model_dump().items()
        if name.startswith("topic_") and isinstance(value, str)
    }
    update |= {
        name: f"{value}-{tag}"
        for name, value in base.model_dump().items()
        if name.endswith("_group") and isinstance(value, str)
    }
    update |= {
        name: tmp_path / name
        for name, value in base.model_dump().items()
        if name.endswith("state_dir") and isinstance(value, Path)
    }
    update |= {
        "kafka_bootstrap_servers": kafka_bootstrap,
        "app_id": f"newswatch-{tag}",
        "web_port": free_port(),
    }
    return base.model_copy(update=update)
