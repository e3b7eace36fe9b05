"""Readiness: models loaded, input partitions assigned, no failure, not stopping."""

from __future__ import annotations

import threading
from typing import NoReturn

import pytest

from newswatch.observability.metrics import READY
from newswatch.stream.guard import EXIT_AGENT_FAILED, exit_unless_stopped, fail_fast
from newswatch.stream.health import Health


def ready_gauge() -> float:
    return READY._value.get()  # type: ignore[attr-defined, no-any-return]


def loaded_and_assigned() -> Health:
    health = Health(input_topic="news.articles")
    health.set_models_loaded()
    health.set_assignment([("news.articles", 0), ("news.articles", 2)])
    return health


def test_not_ready_until_models_load_and_partitions_are_assigned() -> None:
    health = Health(input_topic="news.articles")
    assert not health.ready
    assert health.missing() == ["models not loaded", "no partition of news.articles assigned"]
    health.set_models_loaded()
    health.set_assignment([("other.topic", 0)])  # partitions of other topics do not count
    assert not health.ready
    health.set_assignment([("news.articles", 1)])
    assert health.ready
    assert ready_gauge() == 1
    assert health.report()["assigned_partitions"] == [1]


def test_revocation_and_shutdown_make_the_worker_unready() -> None:
    health = loaded_and_assigned()
    health.set_assignment([])
    assert not health.ready
    health = loaded_and_assigned()
    health.set_stopping()
    assert health.missing() == ["shutting down"]
    assert ready_gauge() == 0


class Exited(Exception):
    def __init__(self, code: int) -> None:
        self.code = code


def fake_exit(code: int) -> NoReturn:
    raise Exited(code)


def test_fail_fast_turns_readiness_off_and_exits_non_zero() -> None:
    health = loaded_and_assigned()
    with pytest.raises(Exited) as exited:
        fail_fast(health, RuntimeError("broker gone"), "tagger agent failed", exit_=fake_exit)
    assert exited.value.code == EXIT_AGENT_FAILED != 0
    assert not health.ready
    assert health.missing() == ["agent failed: tagger agent failed: RuntimeError: broker gone"]
    assert ready_gauge() == 0


def test_a_stop_that_outlasts_its_budget_exits_non_zero() -> None:
    exited: list[int] = []
    done = threading.Event()

    def record(code: int) -> NoReturn:
        exited.append(code)
        done.set()
        raise SystemExit(code)  # ends the timer thread, as os._exit would end the process

    timer = exit_unless_stopped(0.05, exit_=record)
    assert done.wait(5)
    timer.join(5)  # the thread ends within this test, quietly: nothing leaks into the next one
    assert not timer.is_alive()
    assert exited == [EXIT_AGENT_FAILED]
