"""The client's address: the one function that decides it, for login protection and API throttling alike.

Without a trusted-proxy setting the client is the peer that opened the connection (``REMOTE_ADDR``) and
``X-Forwarded-For`` is ignored: anyone can send that header. Behind reverse proxies, set exactly one of

- ``TRUSTED_PROXIES``: the proxies' addresses or networks (``10.0.0.0/8,192.0.2.7``). A forwarded address
  is believed only when it was written by a trusted proxy: starting from the peer, each hop that is a
  trusted proxy hands over to the address it says it received from (the last entry of the header not yet
  read); the first hop that is not a trusted proxy is the client.
- ``TRUSTED_PROXY_COUNT``: how many proxies every request passes through (``1`` for one nginx). The client
  is the ``N``-th address from the right of ``X-Forwarded-For``, the one the outermost proxy appended. Use
  it only when the application cannot be reached except through those proxies.

Each proxy must append to ``X-Forwarded-For`` (nginx: ``$proxy_add_x_forwarded_for``), never pass on a
header it did not check. The address is normalised (``::ffff:192.0.2.1`` is ``192.0.2.1``; a port is
dropped) and kept on the request, so every caller sees the same answer.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings

_KEPT_AS = "factbase.client_address"
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def parse_address(text: str) -> Address | None:
    """An IP address from a header entry (``192.0.2.1``, ``192.0.2.1:8080``, ``[2001:db8::1]:443``), or None."""
    text = text.strip().strip('"')
    if text.startswith("["):  # [v6] or [v6]:port
        text = text[1:].split("]", 1)[0]
    elif text.count(":") == 1:  # v4:port
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


@lru_cache(maxsize=8)
def parse_networks(entries: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    """``TRUSTED_PROXIES`` entries as networks; ValueError naming a bad entry."""
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError:
            raise ValueError(f"{entry!r} is not an IP address or network (e.g. 10.0.0.0/8 or 192.0.2.7)") from None
    return tuple(networks)


def _trusted(address: Address, networks) -> bool:
    return any(address.version == network.version and address in network for network in networks)


def _forwarded(meta) -> list[str]:
    header = meta.get("HTTP_X_FORWARDED_FOR", "")
    return [entry for entry in (part.strip() for part in header.split(",")) if entry]


def decide_client_address(meta, *, proxy_count: int = 0, proxies: tuple[str, ...] = ()) -> str:
    """The client's address from a request's META and the trusted-proxy settings."""
    peer = parse_address(meta.get("REMOTE_ADDR", "") or "")
    peer_text = str(peer) if peer is not None else (meta.get("REMOTE_ADDR") or "unknown")
    if proxy_count:
        forwarded = _forwarded(meta)
        if len(forwarded) < proxy_count:
            return peer_text  # it did not come through every proxy: only the peer is known
        client = parse_address(forwarded[-proxy_count])
        return str(client) if client is not None else peer_text
    if proxies:
        networks = parse_networks(tuple(proxies))
        if peer is None or not _trusted(peer, networks):
            return peer_text  # not sent by a trusted proxy: its forwarded header is the client's own words
        current = peer
        for entry in reversed(_forwarded(meta)):
            hop = parse_address(entry)
            if hop is None:
                break  # a trusted proxy would never write this: stop at the last address it did write
            current = hop
            if not _trusted(hop, networks):
                break
        return str(current)
    return peer_text


def client_address(request) -> str:
    """The address of the client that sent ``request`` (an HttpRequest or a DRF Request)."""
    meta = request.META
    found = meta.get(_KEPT_AS)
    if found is None:
        found = meta[_KEPT_AS] = decide_client_address(
            meta,
            proxy_count=getattr(settings, "TRUSTED_PROXY_COUNT", 0),
            proxies=tuple(getattr(settings, "TRUSTED_PROXIES", ())),
        )
    return found
