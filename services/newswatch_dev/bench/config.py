"""Benchmark knobs: ``BENCH_*`` environment variables, overridden by command-line options."""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

SWEEP_SHARES = (0.01, 0.1, 0.5, 1.0)


@dataclass(frozen=True)
class BenchConfig:
    n: int = 6000  # articles pre-produced for the headline throughput run
    rate: float = 50.0  # offered load of the latency run, articles per second
    seconds: float = 30.0  # length of the latency run
    workers: tuple[int, ...] = (1, 2)  # worker processes in one group, each measured
    seed: int = 7
    relevant_share: float = 0.1
    # Half the latency stream is relevant, so ~rate*seconds/2 articles yield latency samples.
    latency_share: float = 0.5
    baseline_n: int = 300
    sweep_shares: tuple[float, ...] = SWEEP_SHARES
    sweep_n: int = 2000
    out: Path = Path("bench.json")
    smoke: bool = False

    @classmethod
    def smoke_sized(cls) -> BenchConfig:
        """Small enough for CI (well under a minute on top of the broker), same code paths."""
        return cls(
            n=150, rate=20.0, seconds=4.0, workers=(1,), baseline_n=12, sweep_shares=(), smoke=True
        )


def parse(argv: Sequence[str] | None = None, env: Mapping[str, str] | None = None) -> BenchConfig:
    env = os.environ if env is None else env
    base = BenchConfig.smoke_sized() if env.get("BENCH_SMOKE") == "1" else BenchConfig()
    parser = argparse.ArgumentParser(
        prog="python -m newswatch_dev.bench",
        description="Throughput, latency, memory and cold start of `newswatch worker` through "
        "a real Kafka broker, against a naive spaCy baseline.",
    )
    parser.add_argument("--n", type=int, default=int(env.get("BENCH_N", base.n)))
    parser.add_argument("--rate", type=float, default=float(env.get("BENCH_RATE", base.rate)))
    parser.add_argument(
        "--seconds", type=float, default=float(env.get("BENCH_SECONDS", base.seconds))
    )
    parser.add_argument(
        "--workers",
        type=_counts,
        default=_counts(env.get("BENCH_WORKERS", ",".join(map(str, base.workers)))),
        help="worker counts to compare, e.g. 1,2 (the fastest gives the headline)",
    )
    parser.add_argument("--seed", type=int, default=int(env.get("BENCH_SEED", base.seed)))
    parser.add_argument(
        "--relevant-share",
        type=float,
        default=float(env.get("BENCH_RELEVANT_SHARE", base.relevant_share)),
    )
    parser.add_argument(
        "--baseline-n", type=int, default=int(env.get("BENCH_BASELINE_N", base.baseline_n))
    )
    parser.add_argument("--sweep-n", type=int, default=int(env.get("BENCH_SWEEP_N", base.sweep_n)))
    parser.add_argument(
        "--sweep",
        type=_shares,
        default=_shares(env.get("BENCH_SWEEP", ",".join(map(str, base.sweep_shares)))),
        help="relevant shares for the sweep, e.g. 0.01,0.1,0.5,1 (empty: no sweep)",
    )
    parser.add_argument("--out", type=Path, default=Path(env.get("BENCH_OUT", str(base.out))))
    args = parser.parse_args(argv)
    for name in ("n", "baseline_n", "sweep_n"):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    if args.rate <= 0 or args.seconds <= 0 or not 0 <= args.relevant_share <= 1:
        parser.error("--rate and --seconds must be positive, --relevant-share within [0, 1]")
    return replace(
        base,
        n=args.n,
        rate=args.rate,
        seconds=args.seconds,
        workers=args.workers,
        seed=args.seed,
        relevant_share=args.relevant_share,
        baseline_n=args.baseline_n,
        sweep_n=args.sweep_n,
        sweep_shares=args.sweep,
        out=args.out,
    )


def _counts(text: str) -> tuple[int, ...]:
    counts = tuple(sorted({int(part) for part in text.split(",") if part.strip()}))
    if not counts or counts[0] < 1:
        raise argparse.ArgumentTypeError(f"worker counts must be positive integers: {text!r}")
    return counts


def _shares(text: str) -> tuple[float, ...]:
    shares = tuple(sorted({float(part) for part in text.split(",") if part.strip()}))
    if any(not 0 <= share <= 1 for share in shares):
        raise argparse.ArgumentTypeError(f"shares must be within [0, 1]: {text!r}")
    return shares
