"""X-Forwarded-For is believed only from configured proxies, hop by hop from the right."""

from __future__ import annotations

import ipaddress

from starlette.requests import Request

from dashboard_api.client_address import client_address

PROXY = [ipaddress.ip_network("10.0.0.0/8")]


def request(peer: str, forwarded: str | None = None) -> Request:
    headers = [] if forwarded is None else [(b"x-forwarded-for", forwarded.encode())]
    return Request({"type": "http", "client": (peer, 1234), "headers": headers})


def test_without_trusted_proxies_the_header_is_ignored() -> None:
    assert client_address(request("127.0.0.1", "203.0.113.7"), []) == "127.0.0.1"


def test_a_peer_that_is_not_a_trusted_proxy_cannot_forward() -> None:
    assert client_address(request("192.0.2.1", "203.0.113.7"), PROXY) == "192.0.2.1"


def test_behind_trusted_proxies_the_right_most_untrusted_hop_is_the_client() -> None:
    # the client wrote a fake first hop; the proxies appended the real one and their own
    got = client_address(request("10.0.0.2", "1.2.3.4, 203.0.113.7, 10.0.0.1"), PROXY)
    assert got == "203.0.113.7"


def test_a_malformed_header_falls_back_to_the_peer() -> None:
    assert client_address(request("10.0.0.2", "203.0.113.7, not-an-ip"), PROXY) == "10.0.0.2"
    assert client_address(request("10.0.0.2"), PROXY) == "10.0.0.2"
