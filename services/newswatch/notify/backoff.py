"""Retry delays: exponential backoff with full jitter.

Full jitter (a uniform draw in ``[0, min(cap, base * 2**attempt)]``) spreads the retries of many
notifiers hitting one recovering endpoint, instead of having them knock in step.
"""

from __future__ import annotations

import random
from collections.abc import Callable

# 2**62 already exceeds any sane cap; a larger exponent would only risk float overflow.
_MAX_EXPONENT = 62


def ceiling(attempt: int, *, base: float, cap: float) -> float:
    """The largest delay after failed attempt number ``attempt`` (0 for the first failure)."""
    return min(cap, base * 2.0 ** min(max(attempt, 0), _MAX_EXPONENT))


def backoff_delay(
    attempt: int, *, base: float, cap: float, rand: Callable[[], float] = random.random
) -> float:
    """Seconds to wait after failed attempt ``attempt``; ``rand`` returns a float in [0, 1)."""
    return ceiling(attempt, base=base, cap=cap) * rand()
