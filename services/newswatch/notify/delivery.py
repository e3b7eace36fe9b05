"""Delivering one alert to its sinks: dedup, bounded retries with backoff, the outcome.

Each sink is tried until it succeeds, refuses for good, or runs out of attempts; a success is
recorded in the dedup store before the caller commits the Kafka offset, and what failed is handed
back for the dead-letter topic. Nothing here knows about Kafka.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from newswatch.contracts import Alert
from newswatch.notify.backoff import backoff_delay
from newswatch.notify.dedup import DedupStore
from newswatch.notify.sinks import DeliveryError, Sink, build_sink
from newswatch.observability.metrics import NOTIFY_DELIVERIES, NOTIFY_FAILURES
from newswatch.settings import Settings
from newswatch.subscriptions import SinkConfig, Subscriptions

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Target:
    """One sink and the rules that sent the alert there (one delivery however many rules)."""

    sink: Sink
    rules: tuple[str, ...]


@dataclass(frozen=True)
class Failure:
    sink_id: str
    rules: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int
    base_s: float
    cap_s: float

    @classmethod
    def from_settings(cls, settings: Settings) -> RetryPolicy:
        return cls(
            settings.notify_max_attempts,
            settings.notify_backoff_base_s,
            settings.notify_backoff_max_s,
        )


class SinkSet:
    """Live sinks for the current subscriptions, rebuilt only where the config changed."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._configs: dict[str, SinkConfig] = {}
        self._sinks: dict[str, Sink] = {}

    def install(self, subscriptions: Subscriptions) -> None:
        """Build the sinks of a new version; raises ValueError and changes nothing if one fails."""
        configs: dict[str, SinkConfig] = {}
        for rule in subscriptions.rules:
            for config in rule.sinks:
                seen = configs.setdefault(config.sink_id, config)
                if seen != config:
                    raise ValueError(f"sink id {config.sink_id!r} names two different sinks")
        built: dict[str, Sink] = {}
        try:
            for sink_id, config in configs.items():
                reuse = self._configs.get(sink_id) == config
                built[sink_id] = (
                    self._sinks[sink_id] if reuse else build_sink(config, self._settings)
                )
        except ValueError:
            for sink_id, sink in built.items():
                if sink is not self._sinks.get(sink_id):
                    sink.close()
            raise
        retired = [s for i, s in self._sinks.items() if built.get(i) is not s]
        self._configs, self._sinks = configs, built
        for sink in retired:
            sink.close()

    def targets(self, subscriptions: Subscriptions, alert: Alert) -> list[Target]:
        by_sink: dict[str, list[str]] = {}
        for rule in subscriptions.rules_matching(alert):
            for config in rule.sinks:
                by_sink.setdefault(config.sink_id, []).append(rule.name)
        return [Target(self._sinks[i], tuple(rules)) for i, rules in by_sink.items()]

    @property
    def sinks(self) -> Mapping[str, Sink]:
        return self._sinks

    def close(self) -> None:
        for sink in self._sinks.values():
            sink.close()
        self._sinks, self._configs = {}, {}


class Deliverer:
    def __init__(
        self,
        store: DedupStore,
        policy: RetryPolicy,
        *,
        sleep: Callable[[float], None] = time.sleep,
        rand: Callable[[], float] = random.random,
    ) -> None:
        self._store = store
        self._policy = policy
        self._sleep = sleep
        self._rand = rand

    def deliver(self, alert: Alert, body: bytes, targets: Iterable[Target]) -> list[Failure]:
        """Deliver to every target not yet served; return the ones that gave up."""
        failures: list[Failure] = []
        for target in targets:
            sink = target.sink
            if self._store.delivered(sink.sink_id, alert.alert_id):
                log.info("already delivered", extra={"sink": sink.sink_id, "alert": alert.alert_id})
                continue
            error = self._attempt(sink, alert, body)
            if error is None:
                self._store.record(sink.sink_id, alert.alert_id)
                NOTIFY_DELIVERIES.labels(sink=sink.kind).inc()
            else:
                failures.append(Failure(sink.sink_id, target.rules, error))
        return failures

    def _attempt(self, sink: Sink, alert: Alert, body: bytes) -> str | None:
        """None on success, else the last error."""
        policy = self._policy
        error = "no attempt made"
        for attempt in range(policy.max_attempts):
            try:
                sink.deliver(alert, body)
                return None
            except DeliveryError as exc:
                NOTIFY_FAILURES.labels(sink=sink.kind).inc()
                error = str(exc)
                log.warning(
                    "delivery attempt failed",
                    extra={
                        "sink": sink.sink_id,
                        "alert": alert.alert_id,
                        "attempt": attempt + 1,
                        "error": error,
                        "retryable": exc.retryable,
                    },
                )
                if not exc.retryable:
                    break
                if attempt + 1 < policy.max_attempts:
                    self._sleep(
                        backoff_delay(
                            attempt, base=policy.base_s, cap=policy.cap_s, rand=self._rand
                        )
                    )
        return error
