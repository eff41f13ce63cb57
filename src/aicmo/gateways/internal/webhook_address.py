"""Where a webhook may go: an http(s) URL without credentials, whose host resolves only to
public addresses — or, when the operator allows it, to addresses of their own network.

The host is resolved once and every address it has is checked; the poster then connects
to the checked address, so a name that resolves elsewhere a moment later changes nothing.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
CLOUD_METADATA = frozenset(ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200"))
EXAMPLE = "https://client.example.org/hooks/aicmo"


class AddressRefused(Exception):
    """The URL cannot take a webhook; the message says why and what to do."""


@dataclass(frozen=True)
class WebhookTarget:
    scheme: str
    host: str
    port: int
    address: str
    """The checked IP address to connect to."""
    path: str
    """Path and query, as sent in the request line."""


class PublicAddressPolicy:
    """The WebhookAddressPolicy port."""

    def __init__(self, *, allow_private: bool) -> None:
        self._allow_private = allow_private

    def problem(self, url: str) -> str | None:
        try:
            self.target(url)
        except AddressRefused as refusal:
            return str(refusal)
        return None

    def target(self, url: str) -> WebhookTarget:
        """Where to connect for `url`, or AddressRefused."""
        parts = _parts(url)
        host = parts.hostname or ""
        port = parts.port or (443 if parts.scheme == "https" else 80)
        addresses = _resolve(host, port)
        for address in addresses:
            where = f"{host} is" if host == str(address) else f"{host} resolves to {address},"
            if address in CLOUD_METADATA:
                raise AddressRefused(
                    f"{where} a cloud metadata address — webhooks never go there; give the client's endpoint"
                )
            kind = _kind(address)
            if kind is None or self._allow_private:
                continue
            raise AddressRefused(
                f"{where} a {kind} address — give a public endpoint,"
                " or set AICMO_WEBHOOK_ALLOW_PRIVATE=1 to post inside your own network"
            )
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        return WebhookTarget(parts.scheme, host, port, str(addresses[0]), path)


def _parts(url: str):  # noqa: ANN202 - urllib's SplitResult
    if any(char.isspace() or not char.isprintable() or not char.isascii() for char in url):
        raise AddressRefused(
            "contains a space, a line break or a character outside ASCII — percent-encode it (a space is %20)"
        )
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as error:
        raise AddressRefused(f"is not a valid URL ({error}) — give one such as {EXAMPLE}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise AddressRefused(f"is not an http(s) URL — give one such as {EXAMPLE}")
    if "@" in parts.netloc:
        raise AddressRefused(
            "carries a user name or password — remove it: the signature (AICMO_WEBHOOK_SECRET) authenticates each call"
        )
    return parts


def _resolve(host: str, port: int) -> list[IpAddress]:
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise AddressRefused(
            f"the host {host} does not resolve ({getattr(error, 'strerror', None) or error}) — check its name"
        ) from None
    addresses: list[IpAddress] = []
    for *_, sockaddr in found:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%")[0])
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        if address not in addresses:
            addresses.append(address)
    return addresses


def _kind(address: IpAddress) -> str | None:
    """What kind of non-public address this is, or None for a public one."""
    for kind, test in (
        ("loopback", "is_loopback"),
        ("link-local", "is_link_local"),
        ("private", "is_private"),
        ("multicast", "is_multicast"),
    ):
        if getattr(address, test):
            return kind
    return None if address.is_global else "reserved"
