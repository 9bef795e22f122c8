"""The address a request came from, for the login limit and the logs.

``X-Forwarded-For`` is believed only when the connection comes from a configured reverse proxy
(``dashboard.trusted_proxies``, none by default): anyone else could write any address there and
dodge the per-address limit. Behind trusted proxies the client is the right-most address in the
header that is not itself a trusted proxy.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

from starlette.requests import HTTPConnection

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
MAX_HOPS = 20
"""Forwarded hops read at most (a longer header is someone padding it)."""


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address: str, proxies: Sequence[Network]) -> bool:
    ip = _ip(address)
    return ip is not None and any(ip in net for net in proxies)


def client_address(conn: HTTPConnection, proxies: Sequence[Network]) -> str:
    """The client's address: the peer, or behind trusted proxies the forwarded one."""
    peer = conn.client.host if conn.client else "unknown"
    if not proxies or not _trusted(peer, proxies):
        return peer
    hops = [h.strip() for h in ",".join(conn.headers.getlist("x-forwarded-for")).split(",")]
    for hop in reversed(hops[-MAX_HOPS:]):
        if not hop:
            continue
        if _ip(hop) is None:
            return peer  # a malformed header: trust nothing in it
        if not _trusted(hop, proxies):
            return hop
    return peer
