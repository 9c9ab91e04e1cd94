"""Where a fetch may connect: the address policy against server-side request forgery.

A URL the operator wrote (a config's ``feed`` or ``urls``, ``briefing summarize URL``) is
trusted as written, and so is any URL on the same origin (scheme, host, port). A URL learnt
from fetched content (a feed item's link, a redirect) may reach only public addresses:
loopback, private, link-local (cloud metadata), unspecified, carrier-grade NAT, multicast
and reserved addresses are refused, and so are IPv6 forms that embed one of them. The check
is made on what the resolver returns, so every spelling of an address (``2130706433``,
``0x7f.1``, ``127.1``, a hosts-file name) is caught, and the connection is then made to the
very address that was checked (``resolve`` returns it; ``transport`` connects to nothing
else), which leaves no window for DNS rebinding.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Iterable
from dataclasses import dataclass

DEFAULT_PORTS = {"http": 80, "https": 443}
#: The cloud metadata service answers on these addresses (AWS, GCP, Azure, and AWS over IPv6).
METADATA = {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class AddressError(Exception):
    """A host could not be resolved, or resolves to an address the policy refuses."""


class RefusedAddress(AddressError):
    """A URL learnt from fetched content leads to a non-public address."""


class ResolveTimeout(AddressError):
    """The resolver did not answer before the request's deadline."""


@dataclass(frozen=True)
class Trust:
    """What a fetch may reach beyond public addresses: the origins of the URLs the operator
    wrote, or everything when ``allow_private`` (config ``allow_private_addresses``)."""

    origins: frozenset[tuple[str, str, int]] = frozenset()
    allow_private: bool = False

    @classmethod
    def of(cls, urls: Iterable[str], allow_private: bool = False) -> Trust:
        """Trust for these operator-written URLs (anything not an http(s) URL is ignored)."""
        found = set()
        for url in urls:
            try:
                found.add(origin(url))
            except ValueError:
                continue
        return cls(frozenset(found), allow_private)

    def trusts(self, url: str) -> bool:
        return self.allow_private or origin(url) in self.origins


def origin(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of an http(s) URL, normalised as the client sends it."""
    import httpx

    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise ValueError(str(exc)) from None
    if parsed.scheme not in DEFAULT_PORTS or not parsed.raw_host:
        raise ValueError(f"{url}: not an http(s) URL")
    host = parsed.raw_host.decode("ascii")
    return parsed.scheme, host, parsed.port or DEFAULT_PORTS[parsed.scheme]


def resolve(url: str, trust: Trust, seconds: float) -> list[tuple]:
    """The socket addresses to connect to for ``url``, each checked against the policy
    unless ``trust`` trusts the URL; raises AddressError, naming the address and why."""
    scheme, host, port = origin(url)
    infos = _getaddrinfo(host, port, seconds)
    if trust.trusts(url):
        return infos
    for *_, sockaddr in infos:
        address = ipaddress.ip_address(sockaddr[0])
        reason = refusal(address)
        if reason:
            said = str(address) if host == str(address) else f"{host} ({address})"
            raise RefusedAddress(
                f"refused: {said} is {reason}; links learnt from fetched content may only "
                "reach public addresses (allow_private_addresses = true allows others)"
            )
    return infos


def refusal(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    """Why a fetch learnt from content must not connect to ``address`` ('' when it may)."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            reason = refusal(embedded)
            return f"{reason} (IPv4 {embedded} inside IPv6)" if reason else ""
        address = ipaddress.IPv6Address(address.packed)  # without a %scope
    if address in METADATA:
        return "the cloud metadata service's address"
    for test, reason in (
        (address.is_unspecified, "an unspecified address"),
        (address.is_loopback, "a loopback address"),
        (address.is_link_local, "a link-local address"),
        (address.is_multicast, "a multicast address"),
        (address.version == 4 and address in _CGNAT, "a carrier-grade NAT address"),
        (address.is_private, "a private address"),
        (address.is_reserved, "a reserved address"),
        (not address.is_global, "not a public address"),
    ):
        if test:
            return reason
    return ""


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64, 6to4 or Teredo one."""
    if address.ipv4_mapped:
        return address.ipv4_mapped
    packed = address.packed
    if packed[:12] == bytes(12) and int(address) > 1:  # ::a.b.c.d, deprecated but routed
        return ipaddress.IPv4Address(packed[12:])
    if address in _NAT64:
        return ipaddress.IPv4Address(packed[12:])
    if address.sixtofour:
        return address.sixtofour
    if address.teredo:
        return address.teredo[1]
    return None


def _getaddrinfo(host: str, port: int, seconds: float) -> list[tuple]:
    """``socket.getaddrinfo``, given up after ``seconds`` (the C resolver has no timeout)."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:  # a literal address: no lookup, nothing to wait for
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    answer: dict = {}

    def lookup() -> None:
        try:
            answer["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as exc:
            answer["error"] = exc

    worker = threading.Thread(target=lookup, name=f"resolve {host}", daemon=True)
    worker.start()
    worker.join(max(seconds, 0))
    if worker.is_alive():
        raise ResolveTimeout(f"looking up {host} took too long")
    if "error" in answer:
        reason = getattr(answer["error"], "strerror", None) or answer["error"]
        raise AddressError(f"cannot resolve {host} ({reason})")
    return answer["infos"]
