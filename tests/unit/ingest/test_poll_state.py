"""What the poller remembers (seen keys, validators) and the bounds it keeps (bodies, hosts)."""

from __future__ import annotations

import asyncio
import gzip
import sqlite3
import time
import zlib
from pathlib import Path

import pytest

from newswatch.ingest.poll.decode import BadEncoding, BoundedDecoder, TooLarge
from newswatch.ingest.poll.limits import HostLimiter
from newswatch.ingest.poll.seen import SeenStore, Validators

# -- seen ------------------------------------------------------------------------------------


def test_seen_keys_survive_a_restart(tmp_path: Path) -> None:
    store = SeenStore(tmp_path)
    assert store.unseen(["a", "b", "c"]) == {"a", "b", "c"}
    store.save_validators("gull", "https://gull.example/rss", Validators('"v1"', None))
    store.mark("gull", ["a", "b"])
    store.close()
    again = SeenStore(tmp_path)
    assert again.unseen(["a", "b", "c"]) == {"c"}
    assert again.last_article_at("gull") is not None
    assert again.unseen([f"k{i}" for i in range(1200)]) == {f"k{i}" for i in range(1200)}


def test_validators_are_forgotten_when_the_url_changes(tmp_path: Path) -> None:
    store = SeenStore(tmp_path)
    store.save_validators("gull", "https://gull.example/rss", Validators('"v1"', "Mon"))
    assert store.validators("gull", "https://gull.example/rss") == Validators('"v1"', "Mon")
    assert store.validators("gull", "https://gull.example/atom") == Validators()
    assert store.validators("other", "https://gull.example/rss") == Validators()


def test_prune_forgets_only_old_keys(tmp_path: Path) -> None:
    store = SeenStore(tmp_path)
    store.mark("s", ["old"], at=time.time() - 100 * 86400)
    store.mark("s", ["new"])
    assert store.prune(older_than_s=90 * 86400) == 1
    assert store.unseen(["old", "new"]) == {"old"}


def test_a_failed_mark_records_nothing(tmp_path: Path) -> None:
    store = SeenStore(tmp_path)
    with pytest.raises(sqlite3.ProgrammingError):
        store.mark("s", ["a", object()])  # type: ignore[list-item]
    assert store.unseen(["a"]) == {"a"}


# -- bodies ----------------------------------------------------------------------------------


def _feed(decoder: BoundedDecoder, data: bytes, chunk: int = 16_384) -> bytes:
    out = [decoder.feed(data[i : i + chunk]) for i in range(0, len(data), chunk)]
    return b"".join(out) + decoder.flush()


def test_gzip_and_deflate_decode_within_the_limit() -> None:
    text = b"tide tables " * 1000
    assert _feed(BoundedDecoder("gzip", 100_000), gzip.compress(text)) == text
    assert _feed(BoundedDecoder("deflate", 100_000), zlib.compress(text)) == text
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    raw_deflate = raw.compress(text) + raw.flush()
    assert _feed(BoundedDecoder("deflate", 100_000), raw_deflate) == text
    assert _feed(BoundedDecoder(None, 100_000), text) == text


def test_a_gzip_bomb_stops_at_the_limit_without_inflating_it() -> None:
    bomb = gzip.compress(b"\0" * 50_000_000)  # ~50 KB on the wire
    decoder = BoundedDecoder("gzip", 1_000_000)
    produced = 0
    with pytest.raises(TooLarge):
        for i in range(0, len(bomb), 65_536):
            produced += len(decoder.feed(bomb[i : i + 65_536]))
    assert produced <= 1_000_000


def test_plain_bodies_are_limited_too() -> None:
    decoder = BoundedDecoder("identity", 10)
    decoder.feed(b"0123456789")
    with pytest.raises(TooLarge):
        decoder.feed(b"x")


@pytest.mark.parametrize("encoding", ["br", "zstd", "gzip, gzip"])
def test_encodings_not_asked_for_are_refused(encoding: str) -> None:
    with pytest.raises(BadEncoding):
        BoundedDecoder(encoding, 100)


def test_corrupt_gzip_is_an_encoding_error() -> None:
    with pytest.raises(BadEncoding):
        BoundedDecoder("gzip", 100).feed(b"not gzip at all")


# -- hosts -----------------------------------------------------------------------------------


def test_requests_to_one_host_are_spaced_and_bounded() -> None:
    limiter = HostLimiter(concurrency=2, interval_s=0.1)
    starts: dict[str, list[float]] = {"a": [], "b": []}
    in_flight = {"a": 0}
    peak = {"a": 0}

    async def request(host: str) -> None:
        async with limiter.slot(host):
            starts[host].append(time.monotonic())
            if host == "a":
                in_flight["a"] += 1
                peak["a"] = max(peak["a"], in_flight["a"])
                await asyncio.sleep(0.15)
                in_flight["a"] -= 1

    async def main() -> None:
        await asyncio.wait_for(
            asyncio.gather(*(request("a") for _ in range(5)), request("b"), request("b")), 10
        )

    asyncio.run(main())
    gaps = [b - a for a, b in zip(starts["a"], starts["a"][1:], strict=False)]
    assert all(gap >= 0.09 for gap in gaps), gaps
    assert peak["a"] <= 2
    assert starts["b"][0] < starts["a"][-1]  # another host does not wait behind this one


def test_crawl_delay_widens_the_gap_within_a_cap() -> None:
    limiter = HostLimiter(concurrency=1, interval_s=0.0, max_interval_s=0.2)
    limiter.slow_down("slow.example", 30)
    stamps: list[float] = []

    async def main() -> None:
        for _ in range(2):
            async with limiter.slot("slow.example"):
                stamps.append(time.monotonic())

    asyncio.run(asyncio.wait_for(main(), 10))
    assert 0.18 <= stamps[1] - stamps[0] < 1.0
