"""The SSRF guard: which addresses a feed's links may reach, checked after DNS, in the client."""

from __future__ import annotations

import asyncio
import ipaddress

import httpx
import pytest

from newswatch.ingest.poll.fetch import _client
from newswatch.ingest.poll.guard import (
    GuardedBackend,
    Refused,
    address_problem,
    check_addresses,
    check_scheme,
    resolve,
)
from newswatch.settings import Settings


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("fd12:3456::1", "private"),
        ("169.254.169.254", "metadata"),
        ("fd00:ec2::254", "metadata"),
        ("169.254.10.10", "link_local"),
        ("fe80::1", "link_local"),
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped IPv6 is still loopback
        ("::ffff:10.0.0.1", "private"),
        ("0.0.0.0", "private"),
        ("100.64.0.1", "reserved"),  # carrier-grade NAT
        ("224.0.0.1", "reserved"),
        ("93.184.215.14", None),
        ("2606:4700::1111", None),
    ],
)
def test_address_problem(address: str, problem: str | None) -> None:
    assert address_problem(ipaddress.ip_address(address)) == problem


@pytest.mark.parametrize("scheme", ["file", "ftp", "gopher", "javascript", ""])
def test_only_http_and_https(scheme: str) -> None:
    with pytest.raises(Refused) as info:
        check_scheme(scheme, f"{scheme}://x/")
    assert info.value.reason == "scheme"
    check_scheme("HTTPS", "HTTPS://x/")  # no raise


def test_one_private_answer_among_public_ones_is_enough_to_refuse() -> None:
    with pytest.raises(Refused) as info:
        check_addresses("mixed.example", ["93.184.215.14", "10.0.0.7"])
    assert info.value.reason == "private"
    assert check_addresses("ok.example", ["93.184.215.14"]) == ["93.184.215.14"]


def test_a_name_resolving_to_loopback_is_refused_after_resolution() -> None:
    addresses = asyncio.run(resolve("localhost", 80))
    assert addresses
    with pytest.raises(Refused) as info:
        check_addresses("localhost", addresses)
    assert info.value.reason == "loopback"


def test_guard_applies_inside_the_client() -> None:
    """The guarded client itself refuses at connect time (a redirect, a DNS answer changed
    since a check): if httpx stopped using our pool, this request would reach the socket."""

    async def get(url: str) -> None:
        async with _client(Settings(), GuardedBackend()) as client:
            await client.get(url)

    for url, reason in [
        ("http://localhost:9/", "loopback"),
        ("http://127.0.0.1:9/", "loopback"),
        ("http://[::1]:9/", "loopback"),
        ("http://169.254.169.254/latest/meta-data/", "metadata"),
    ]:
        with pytest.raises(Refused) as info:
            asyncio.run(asyncio.wait_for(get(url), 10))
        assert info.value.reason == reason, url


def test_the_open_client_does_connect() -> None:
    """The contrast: without the guard the same request gets to the socket (and fails there,
    nothing listens on port 9)."""

    async def get() -> None:
        async with _client(Settings(), None) as client:
            await client.get("http://127.0.0.1:9/")

    with pytest.raises(httpx.ConnectError):
        asyncio.run(asyncio.wait_for(get(), 10))
