"""The tagging engine: a plain library, no Kafka; the worker, the CLI and the benchmark share it.

``Engine`` is imported lazily: ``newswatch.engine.watchlist`` and friends stay cheap to import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newswatch.engine.pipeline import Engine

__all__ = ["Engine"]


def __getattr__(name: str) -> Any:
    if name == "Engine":
        from newswatch.engine.pipeline import Engine

        return Engine
    raise AttributeError(name)
