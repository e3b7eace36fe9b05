"""No broker: ``require_broker`` gives up in time and leaves nothing of kafka-python running."""

from __future__ import annotations

import threading

import pytest

from newswatch.exits import UNAVAILABLE, CommandError
from newswatch.kafka.reach import require_broker
from newswatch.settings import Settings
from newswatch_dev.broker import free_port


def _kafka_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("kafka-")]


def test_a_failed_check_leaves_no_client_thread_behind() -> None:
    before = _kafka_threads()
    settings = Settings(
        kafka_bootstrap_servers=f"127.0.0.1:{free_port()}", kafka_connect_timeout_s=0.3
    )
    for _ in range(2):
        with pytest.raises(CommandError) as caught:
            require_broker(settings)
        assert caught.value.code == UNAVAILABLE
    assert _kafka_threads() == before
