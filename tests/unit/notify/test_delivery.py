from __future__ import annotations

from pathlib import Path

import pytest
from alert_factory import sanctions_alert

from newswatch.contracts import Alert
from newswatch.notify.dedup import DedupStore
from newswatch.notify.delivery import Deliverer, RetryPolicy, SinkSet, Target
from newswatch.notify.sinks import DeliveryError, SinkKind
from newswatch.settings import Settings
from newswatch.subscriptions import Subscriptions


class ScriptedSink:
    """Fails with the scripted errors, then succeeds; counts every attempt."""

    kind: SinkKind = "webhook"

    def __init__(self, sink_id: str, errors: list[DeliveryError]) -> None:
        self.sink_id = sink_id
        self.errors = list(errors)
        self.attempts = 0
        self.delivered: list[str] = []

    def deliver(self, alert: Alert, body: bytes) -> None:
        self.attempts += 1
        if self.errors:
            raise self.errors.pop(0)
        self.delivered.append(alert.alert_id)

    def close(self) -> None:
        pass


def _retryable(n: int) -> list[DeliveryError]:
    return [DeliveryError("HTTP 500", retryable=True) for _ in range(n)]


@pytest.fixture
def store(tmp_path: Path) -> DedupStore:
    return DedupStore(tmp_path)


def _deliverer(store: DedupStore, sleeps: list[float], attempts: int = 4) -> Deliverer:
    policy = RetryPolicy(max_attempts=attempts, base_s=1.0, cap_s=3.0)
    return Deliverer(store, policy, sleep=sleeps.append, rand=lambda: 0.999)


def test_two_failures_then_success_delivers_once_with_growing_waits(store: DedupStore) -> None:
    sink = ScriptedSink("hook", _retryable(2))
    sleeps: list[float] = []
    alert = sanctions_alert("impose")
    failures = _deliverer(store, sleeps).deliver(alert, b"{}", [Target(sink, ("r",))])
    assert failures == []
    assert sink.delivered == [alert.alert_id]
    assert sink.attempts == 3
    assert sleeps == pytest.approx([0.999, 1.998])
    assert store.delivered("hook", alert.alert_id)


def test_attempts_are_bounded_and_the_failure_is_reported(store: DedupStore) -> None:
    sink = ScriptedSink("hook", _retryable(99))
    sleeps: list[float] = []
    alert = sanctions_alert("impose")
    (failure,) = _deliverer(store, sleeps).deliver(alert, b"{}", [Target(sink, ("a", "b"))])
    assert sink.attempts == 4
    assert max(sleeps) <= 3.0
    assert (failure.sink_id, failure.rules, failure.reason) == ("hook", ("a", "b"), "HTTP 500")
    assert not store.delivered("hook", alert.alert_id)


def test_a_final_refusal_is_not_retried(store: DedupStore) -> None:
    sink = ScriptedSink("hook", [DeliveryError("HTTP 410", retryable=False)])
    sleeps: list[float] = []
    (failure,) = _deliverer(store, sleeps).deliver(
        sanctions_alert("impose"), b"{}", [Target(sink, ("r",))]
    )
    assert (sink.attempts, sleeps, failure.reason) == (1, [], "HTTP 410")


def test_an_alert_already_delivered_to_a_sink_is_skipped(store: DedupStore) -> None:
    alert = sanctions_alert("impose")
    store.record("hook", alert.alert_id)
    done, fresh = ScriptedSink("hook", []), ScriptedSink("other", [])
    _deliverer(store, []).deliver(alert, b"{}", [Target(done, ("r",)), Target(fresh, ("r",))])
    assert (done.attempts, fresh.delivered) == (0, [alert.alert_id])


RULES = """
version: 1
rules:
  - name: impose
    attributes: {action: [impose]}
    sinks: [{type: file, path: %(out)s}]
  - name: russia
    entities: [Q159]
    sinks: [{type: file, path: %(out)s}, {type: stdout}]
"""


def test_a_sink_shared_by_two_rules_is_one_target(tmp_path: Path) -> None:
    sinks = SinkSet(Settings())
    subs = Subscriptions.parse(RULES % {"out": tmp_path / "a.jsonl"}, source="t")
    sinks.install(subs)
    targets = sinks.targets(subs, sanctions_alert("impose"))
    assert sorted((t.sink.kind, t.rules) for t in targets) == [
        ("file", ("impose", "russia")),
        ("stdout", ("russia",)),
    ]


def test_a_webhook_whose_secret_is_missing_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NW_TEST_HOOK_SECRET", raising=False)
    text = (
        "version: 1\nrules:\n  - name: r\n    sinks:\n      - type: webhook\n"
        "        url: http://127.0.0.1:9/\n        secret_env: NW_TEST_HOOK_SECRET\n"
    )
    sinks = SinkSet(Settings())
    with pytest.raises(ValueError, match="NW_TEST_HOOK_SECRET"):
        sinks.install(Subscriptions.parse(text, source="t"))
    monkeypatch.setenv("NW_TEST_HOOK_SECRET", "x")
    sinks.install(Subscriptions.parse(text, source="t"))
    assert len(sinks.sinks) == 1
    sinks.close()


def test_a_webhook_whose_whsec_secret_is_malformed_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Refused like a missing secret, so a live reload keeps the rules that sign correctly."""
    text = (
        "version: 1\nrules:\n  - name: r\n    sinks:\n      - type: webhook\n"
        "        url: http://127.0.0.1:9/\n        secret_env: NW_TEST_HOOK_SECRET\n"
    )
    monkeypatch.setenv("NW_TEST_HOOK_SECRET", "whsec_not base64")
    sinks = SinkSet(Settings())
    with pytest.raises(ValueError, match="whsec_"):
        sinks.install(Subscriptions.parse(text, source="t"))
    assert sinks.sinks == {}
    monkeypatch.setenv("NW_TEST_HOOK_SECRET", "whsec_c2VjcmV0")
    sinks.install(Subscriptions.parse(text, source="t"))
    assert len(sinks.sinks) == 1
    sinks.close()
