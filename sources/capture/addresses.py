"""Which addresses a capture may connect to, and a network backend that connects only to checked ones.

Server-side request forgery is the risk: a curator (or anyone who can make one follow a redirect) must
not turn the capture worker into a way to read the cloud metadata service, the database or an intranet
page. So every connection — the first request and every redirect hop — goes through
:class:`GuardedNetworkBackend`, which resolves the host name itself, refuses it if **any** address it
resolves to is not public, and then opens the socket to the very address it checked. There is no second
DNS lookup between the check and the connection, so a name that answers a public address to the check and
a private one to the connection (DNS rebinding) gets nowhere.

Not public: loopback, private (RFC 1918, unique-local), link-local (where cloud metadata services live:
169.254.169.254, fd00:ec2::254), carrier-grade NAT (100.64.0.0/10, where one cloud's metadata service is),
multicast, reserved, unspecified, and IPv6 forms that carry such an IPv4 address (mapped, 6to4, Teredo).
The operator may allow all of them (``CAPTURE_ALLOW_PRIVATE_ADDRESSES=1``) or some networks
(``CAPTURE_ALLOWED_NETWORKS``).
"""

import ipaddress
import socket
from dataclasses import dataclass, field
from typing import Callable, Iterable

import httpcore
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .errors import AddressRefused

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Named for the message: these are what an attacker usually aims at.
METADATA_ADDRESSES = {
    ipaddress.ip_address("169.254.169.254"): "cloud metadata service",
    ipaddress.ip_address("fd00:ec2::254"): "cloud metadata service",
    ipaddress.ip_address("100.100.100.200"): "cloud metadata service",
}
SHARED_ADDRESS_SPACE = ipaddress.ip_network("100.64.0.0/10")
ALLOW_HINT = "set CAPTURE_ALLOW_PRIVATE_ADDRESSES=1 (or list the network in CAPTURE_ALLOWED_NETWORKS) to allow it"


def address_kind(address: IPAddress) -> str | None:
    """Why ``address`` is not public ("loopback", "private"...), or None for a public address."""
    if address in METADATA_ADDRESSES:
        return METADATA_ADDRESSES[address]
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour or (address.teredo[1] if address.teredo else None)
        if embedded is not None:
            kind = address_kind(embedded)
            return f"{kind} (inside the IPv6 address)" if kind else None
    if address.is_unspecified:
        return "unspecified"
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local"
    if address.is_multicast:
        return "multicast"
    if isinstance(address, ipaddress.IPv4Address) and address in SHARED_ADDRESS_SPACE:
        return "shared (carrier-grade NAT)"
    if address.is_reserved:
        return "reserved"
    if address.is_private:
        return "private"
    if not address.is_global:
        return "not globally reachable"
    return None


Resolver = Callable[..., list]


@dataclass(frozen=True)
class AddressPolicy:
    """The addresses a capture may connect to."""

    allow_private: bool = False
    allowed_networks: tuple = ()
    resolver: Resolver | None = field(default=None, compare=False)  # None: the system's, looked up at each call

    @classmethod
    def from_settings(cls) -> "AddressPolicy":
        networks = []
        for text in settings.CAPTURE_ALLOWED_NETWORKS:
            try:
                networks.append(ipaddress.ip_network(text, strict=False))
            except ValueError:
                raise ImproperlyConfigured(f"CAPTURE_ALLOWED_NETWORKS: {text!r} is not a network (e.g. 10.1.2.0/24)") from None
        return cls(allow_private=settings.CAPTURE_ALLOW_PRIVATE_ADDRESSES, allowed_networks=tuple(networks))

    def check(self, host: str, address: IPAddress) -> None:
        """Raise AddressRefused when ``host``'s ``address`` may not be connected to."""
        if self.allow_private or any(address in network for network in self.allowed_networks):
            return
        kind = address_kind(address)
        if kind is not None:
            shown = host if host == str(address) else f"{host} ({address})"
            raise AddressRefused(f"refused to connect to {shown}: it is a {kind} address; {ALLOW_HINT}")

    def resolve(self, host: str, port: int) -> list[str]:
        """The addresses of ``host``, every one checked; AddressRefused if any is refused."""
        try:
            infos = (self.resolver or socket.getaddrinfo)(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise AddressRefused(f"the host name {host!r} does not resolve ({exc})") from None
        addresses = []
        for *_, sockaddr in infos:
            text = sockaddr[0].split("%", 1)[0]  # drop an IPv6 zone ("fe80::1%eth0")
            if text not in addresses:
                addresses.append(text)
        if not addresses:
            raise AddressRefused(f"the host name {host!r} has no address")
        for text in addresses:
            self.check(host, ipaddress.ip_address(text))
        return addresses


class GuardedNetworkBackend(httpcore.NetworkBackend):
    """httpcore's synchronous backend, with every TCP connection resolved, checked and pinned first."""

    def __init__(self, policy: AddressPolicy):
        self.policy = policy
        self._backend = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable | None = None) -> httpcore.NetworkStream:
        last_error = None
        for address in self.policy.resolve(host, port):
            try:
                # The checked address itself: TLS still verifies the certificate against the host name,
                # which httpcore passes to start_tls from the request's URL.
                return self._backend.connect_tcp(address, port, timeout=timeout, local_address=local_address,
                                                 socket_options=socket_options)
            except httpcore.ConnectError as exc:
                last_error = exc
        raise last_error

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable | None = None) -> httpcore.NetworkStream:
        raise AddressRefused("captures never connect to a local socket")

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)
