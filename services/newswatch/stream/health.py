"""Liveness and readiness of the worker, as the web views and the READY gauge report them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from newswatch.observability.metrics import READY


@dataclass
class Health:
    """Ready means: models loaded, partitions of the input topic assigned, and not failing.

    Kept as plain state so the views, the agent and the tests share one truth.
    """

    input_topic: str
    models_loaded: bool = False
    assigned: frozenset[int] = field(default_factory=frozenset)
    failure: str | None = None
    stopping: bool = False

    @property
    def ready(self) -> bool:
        return not self.missing()

    def missing(self) -> list[str]:
        missing = []
        if not self.models_loaded:
            missing.append("models not loaded")
        if not self.assigned:
            missing.append(f"no partition of {self.input_topic} assigned")
        if self.failure is not None:
            missing.append(f"agent failed: {self.failure}")
        if self.stopping:
            missing.append("shutting down")
        return missing

    def report(self) -> dict[str, Any]:
        return {
            "ready": self.ready,
            "missing": self.missing(),
            "models_loaded": self.models_loaded,
            "assigned_partitions": sorted(self.assigned),
        }

    def set_models_loaded(self) -> None:
        self.models_loaded = True
        self._publish()

    def set_assignment(self, topics_partitions: Iterable[tuple[str, int]]) -> None:
        """The full new assignment (Kafka hands out a fresh set on every rebalance)."""
        self.assigned = frozenset(p for t, p in topics_partitions if t == self.input_topic)
        self._publish()

    def set_failed(self, reason: str) -> None:
        self.failure = reason
        self._publish()

    def set_stopping(self) -> None:
        self.stopping = True
        self._publish()

    def _publish(self) -> None:
        READY.set(1 if self.ready else 0)
