"""Where a feed may send us: http(s) only, and never to loopback, private, link-local or cloud
metadata addresses, unless its source says ``allow_private_network``.

A feed is untrusted input, and so is every redirect: the check runs after DNS resolution on every
connection the HTTP client opens (``GuardedBackend``), so a name that resolves to 127.0.0.1, a
redirect to 169.254.169.254 or a DNS answer that changes between check and use (rebinding) are all
refused at the socket, where nothing can slip past.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterable
from typing import Literal

import httpcore
from httpcore import AsyncNetworkBackend, AsyncNetworkStream
from httpcore._backends.auto import AutoBackend

RefusedReason = Literal["scheme", "loopback", "private", "link_local", "metadata", "reserved"]
REFUSED_REASONS: tuple[RefusedReason, ...] = (
    "scheme",
    "loopback",
    "private",
    "link_local",
    "metadata",
    "reserved",
)
SCHEMES = frozenset({"http", "https"})

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# Cloud instance metadata services (AWS, GCP, Azure, OpenStack; AWS IPv6; Alibaba).
_METADATA = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200")
)


class Refused(Exception):
    """A URL or address the guard will not let the poller reach."""

    def __init__(self, reason: RefusedReason, detail: str) -> None:
        super().__init__(f"refused ({reason}): {detail}")
        self.reason: RefusedReason = reason
        self.detail = detail


def address_problem(address: IPAddress) -> RefusedReason | None:
    """Why this address is off limits, or None for a public one."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address in _METADATA:
        return "metadata"
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link_local"
    if address.is_private:
        return "private"
    if not address.is_global or address.is_multicast:
        return "reserved"  # 0.0.0.0, CGNAT 100.64/10, documentation ranges, multicast...
    return None


def check_scheme(scheme: str, url: str) -> None:
    if scheme.lower() not in SCHEMES:
        raise Refused("scheme", url)


def check_addresses(host: str, addresses: Iterable[str]) -> list[str]:
    """All of them must be public: a name answering both a public and a private address would
    otherwise pick the private one half of the time."""
    found = list(addresses)
    for text in found:
        problem = address_problem(ipaddress.ip_address(text.split("%", 1)[0]))
        if problem is not None:
            raise Refused(problem, f"{host} resolves to {text}")
    return found


async def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (an IP literal resolves to itself)."""
    try:
        return [str(ipaddress.ip_address(host.strip("[]")))]
    except ValueError:
        pass
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class GuardedBackend(AsyncNetworkBackend):
    """httpcore's network backend, connecting only to checked addresses.

    It resolves the name itself and connects to the address it checked (TLS still names the
    host: httpcore sends the origin's name as SNI), so no second lookup can differ.
    """

    def __init__(self) -> None:
        self._inner = AutoBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> AsyncNetworkStream:
        try:
            addresses = await asyncio.wait_for(resolve(host, port), timeout)
        except (OSError, TimeoutError) as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
        last: Exception | None = None
        for address in check_addresses(host, addresses):
            try:
                return await self._inner.connect_tcp(
                    address,
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        raise last or httpcore.ConnectError(f"{host}: no address")

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> AsyncNetworkStream:
        raise Refused("scheme", f"unix socket {path}")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)
