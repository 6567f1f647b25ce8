"""Fetching a page: the chain of HTTP exchanges from the address asked for to the final response.

httpx does the HTTP; its transport (:mod:`.transport`) is built on httpcore with
:class:`~.addresses.GuardedNetworkBackend`, so every connection (first request and each redirect) is made to an address that was checked. Redirects
are followed here, not by httpx, so that each hop is checked for its scheme and recorded. Bodies are read
raw (as sent, still compressed if the server compressed them) because the archive keeps what was
received; the size limit counts those bytes, and the decompressed size is limited again when the text is
extracted. The whole capture, redirects included, has one deadline.
"""

import datetime as dt
import time
from dataclasses import dataclass, field

import httpx
from django.conf import settings

from .addresses import AddressPolicy
from .errors import AddressRefused, ResponseRefused, TransientCaptureError
from .transport import GuardedTransport

# What can be archived and read: HTML, plain text, PDF.
ACCEPTED_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "application/pdf": "pdf",
}
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
# Worth another try later; any other 4xx is the page's answer and final.
TRANSIENT_STATUSES = {408, 425, 429, 500, 502, 503, 504}
# Encodings the archive reader can decode again (warcio): nothing else is asked for.
ACCEPT_ENCODING = "gzip, deflate"


@dataclass
class Exchange:
    """One HTTP request and its response, as sent and received."""

    url: str
    started_at: dt.datetime
    request_method: str
    request_target: str
    request_headers: list[tuple[str, str]]
    http_version: str
    status: int
    reason: str
    response_headers: list[tuple[str, str]]
    payload: bytes = b""
    peer_address: str = ""

    @property
    def content_type(self) -> str:
        return media_type(header(self.response_headers, "content-type"))

    @property
    def location(self) -> str:
        return header(self.response_headers, "location")


@dataclass
class FetchResult:
    """The exchanges of one capture, in order; the last is the final response."""

    exchanges: list[Exchange] = field(default_factory=list)

    @property
    def final(self) -> Exchange:
        return self.exchanges[-1]

    @property
    def redirects(self) -> list[dict]:
        return [{"url": ex.url, "status": ex.status, "location": ex.location} for ex in self.exchanges[:-1]]


def header(headers: list[tuple[str, str]], name: str) -> str:
    name = name.lower()
    return next((value for key, value in headers if key.lower() == name), "")


def media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def check_scheme(url: httpx.URL) -> None:
    if url.scheme not in {"http", "https"}:
        raise AddressRefused(f"only http and https addresses are captured, not {url.scheme or 'no scheme'}: {url}")
    if not url.host:
        raise AddressRefused(f"the address has no host: {url}")
    if url.userinfo:
        raise AddressRefused("addresses with a user name or password are not captured")


def _limit_text(limit: int) -> str:
    return f"{limit / 1024 / 1024:.0f} MB" if limit >= 1024 * 1024 else f"{limit} bytes"


def _read_body(response: httpx.Response, *, limit: int, deadline: float, url: str) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ResponseRefused(
            f"{url}: the response is {int(declared):,} bytes, more than the {_limit_text(limit)} limit (CAPTURE_MAX_BYTES)"
        )
    chunks, size = [], 0
    for chunk in response.iter_raw():
        size += len(chunk)
        if size > limit:
            raise ResponseRefused(f"{url}: the response is larger than the {_limit_text(limit)} limit (CAPTURE_MAX_BYTES)")
        if time.monotonic() > deadline:
            raise TransientCaptureError(f"{url}: the capture took longer than {settings.CAPTURE_TIMEOUT:g} s (CAPTURE_TIMEOUT)")
        chunks.append(chunk)
    return b"".join(chunks)


def fetch(url: str, *, policy: AddressPolicy | None = None) -> FetchResult:
    """Fetch ``url``, following redirects, and return every exchange.

    Raises AddressRefused (scheme, host, private address), ResponseRefused (status 4xx, type, size,
    too many redirects) or TransientCaptureError (timeouts, connection failures, 5xx, 429).
    """
    policy = policy or AddressPolicy.from_settings()
    limit = settings.CAPTURE_MAX_BYTES
    deadline = time.monotonic() + settings.CAPTURE_TIMEOUT
    timeout = httpx.Timeout(settings.CAPTURE_TIMEOUT, connect=min(settings.CAPTURE_CONNECT_TIMEOUT, settings.CAPTURE_TIMEOUT))
    headers = {"User-Agent": settings.CAPTURE_USER_AGENT, "Accept-Encoding": ACCEPT_ENCODING,
               "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8,*/*;q=0.1"}
    result = FetchResult()
    current = httpx.URL(url)
    with httpx.Client(transport=GuardedTransport(policy=policy), timeout=timeout, headers=headers,
                      follow_redirects=False, trust_env=False) as client:
        while True:
            check_scheme(current)
            if time.monotonic() > deadline:
                raise TransientCaptureError(f"{url}: the capture took longer than {settings.CAPTURE_TIMEOUT:g} s (CAPTURE_TIMEOUT)")
            exchange = _exchange(client, current, limit=limit, deadline=deadline)
            result.exchanges.append(exchange)
            if exchange.status in REDIRECT_STATUSES and exchange.location:
                if len(result.exchanges) > settings.CAPTURE_MAX_REDIRECTS:
                    raise ResponseRefused(
                        f"{url}: more than {settings.CAPTURE_MAX_REDIRECTS} redirects (CAPTURE_MAX_REDIRECTS)"
                    )
                try:
                    current = current.join(exchange.location)
                except httpx.InvalidURL:
                    raise ResponseRefused(f"{exchange.url}: redirects to an invalid address {exchange.location!r}") from None
                continue
            break
    final = result.final
    if final.status in TRANSIENT_STATUSES:
        raise TransientCaptureError(f"{final.url}: the server answered HTTP {final.status} {final.reason}".rstrip())
    if final.status in REDIRECT_STATUSES:
        raise ResponseRefused(f"{final.url}: HTTP {final.status} redirect without a Location header")
    if not 200 <= final.status < 300:
        raise ResponseRefused(f"{final.url}: the server answered HTTP {final.status} {final.reason}".rstrip())
    return result


def _exchange(client: httpx.Client, url: httpx.URL, *, limit: int, deadline: float) -> Exchange:
    started_at = dt.datetime.now(dt.timezone.utc)
    request = client.build_request("GET", url)
    try:
        response = client.send(request, stream=True)
    except httpx.TimeoutException:
        raise TransientCaptureError(f"{url}: timed out") from None
    except httpx.TransportError as exc:
        raise TransientCaptureError(f"{url}: {type(exc).__name__}: {exc}") from None
    try:
        exchange = Exchange(
            url=str(url), started_at=started_at, request_method=request.method,
            request_target=url.raw_path.decode("ascii"),
            request_headers=[(k.decode("latin-1"), v.decode("latin-1")) for k, v in request.headers.raw],
            http_version=response.http_version, status=response.status_code, reason=response.reason_phrase,
            response_headers=[(k.decode("latin-1"), v.decode("latin-1")) for k, v in response.headers.raw],
            peer_address=_peer_address(response),
        )
        is_redirect = response.status_code in REDIRECT_STATUSES
        if 200 <= response.status_code < 300 and exchange.content_type not in ACCEPTED_TYPES:
            shown = exchange.content_type or "no content type"
            raise ResponseRefused(
                f"{url}: {shown} is not captured; only HTML, plain text and PDF are (the server said "
                f"Content-Type: {header(exchange.response_headers, 'content-type') or '(none)'})"
            )
        # Redirects and error pages are archived too, but their bodies are small or not needed in full.
        body_limit = limit if 200 <= response.status_code < 300 else min(limit, 256 * 1024)
        try:
            exchange.payload = _read_body(response, limit=body_limit, deadline=deadline, url=str(url))
        except ResponseRefused:
            if is_redirect or response.status_code >= 400:
                exchange.payload = b""
            else:
                raise
    except httpx.TimeoutException:
        raise TransientCaptureError(f"{url}: timed out while reading the response") from None
    except httpx.TransportError as exc:
        raise TransientCaptureError(f"{url}: {type(exc).__name__} while reading the response: {exc}") from None
    finally:
        response.close()
    return exchange


def _peer_address(response: httpx.Response) -> str:
    stream = response.extensions.get("network_stream")
    if stream is None:
        return ""
    try:
        address = stream.get_extra_info("server_addr")
    except Exception:  # the stream may already be closed: the address is a nicety, not a requirement
        return ""
    return address[0] if address else ""
