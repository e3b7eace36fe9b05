"""Knobs: environment first, command line over it, smoke sizes on request."""

from __future__ import annotations

from pathlib import Path

import pytest

from newswatch_dev.bench.config import BenchConfig, parse


def test_defaults_are_the_documented_run() -> None:
    config = parse([], env={})
    assert config == BenchConfig()
    assert (config.n, config.rate, config.workers, config.relevant_share) == (
        6000,
        50.0,
        (1, 2),
        0.1,
    )


def test_environment_sets_every_knob() -> None:
    env = {
        "BENCH_N": "900",
        "BENCH_RATE": "25",
        "BENCH_SECONDS": "10",
        "BENCH_WORKERS": "2",
        "BENCH_SEED": "11",
        "BENCH_OUT": "/tmp/x.json",
    }
    config = parse([], env=env)
    assert (config.n, config.rate, config.seconds, config.workers, config.seed) == (
        900,
        25.0,
        10.0,
        (2,),
        11,
    )
    assert config.out == Path("/tmp/x.json")


def test_command_line_overrides_environment() -> None:
    config = parse(["--n", "50", "--workers", "2,1,2"], env={"BENCH_N": "900"})
    assert config.n == 50
    assert config.workers == (1, 2)


def test_smoke_shrinks_everything_but_keeps_overrides() -> None:
    config = parse([], env={"BENCH_SMOKE": "1", "BENCH_SEED": "3"})
    assert config.smoke and config.seed == 3
    assert config.n < 1000 and config.baseline_n < 50 and config.sweep_shares == ()


@pytest.mark.parametrize("argv", [["--workers", "0"], ["--n", "0"], ["--relevant-share", "2"]])
def test_nonsense_is_refused(argv: list[str]) -> None:
    with pytest.raises(SystemExit):
        parse(argv, env={})
