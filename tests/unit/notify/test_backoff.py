from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newswatch.notify.backoff import backoff_delay, ceiling


def test_ceiling_doubles_until_the_cap() -> None:
    assert [ceiling(a, base=0.5, cap=5.0) for a in range(6)] == [0.5, 1.0, 2.0, 4.0, 5.0, 5.0]


def test_full_jitter_spans_zero_to_the_ceiling() -> None:
    assert backoff_delay(3, base=0.5, cap=30.0, rand=lambda: 0.0) == 0.0
    assert backoff_delay(3, base=0.5, cap=30.0, rand=lambda: 0.5) == 2.0


@given(
    attempt=st.integers(min_value=0, max_value=10_000),
    base=st.floats(min_value=0.0, max_value=10.0),
    cap=st.floats(min_value=0.0, max_value=3600.0),
)
def test_delay_is_never_negative_nor_above_the_cap(attempt: int, base: float, cap: float) -> None:
    delay = backoff_delay(attempt, base=base, cap=cap)
    assert 0.0 <= delay <= min(cap, base * 2.0 ** min(attempt, 62))
