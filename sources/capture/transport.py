"""The httpx transport of captures: httpcore's connection pool on the guarded network backend.

httpx's own ``HTTPTransport`` does not take a network backend, so this is its ``handle_request`` (a
request and response mapped between httpx and httpcore, exceptions mapped as httpx maps them) over an
``httpcore.ConnectionPool`` whose every connection goes through
:class:`~.addresses.GuardedNetworkBackend`. There is no proxy: a proxy would make the connection for us,
to an address we never checked.
"""

import functools

import httpcore
import httpx

from .addresses import AddressPolicy, GuardedNetworkBackend

# httpcore's exceptions as httpx's, as httpx's own transport maps them.
_EXCEPTIONS = [
    (httpcore.ConnectTimeout, httpx.ConnectTimeout), (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout), (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.ConnectError, httpx.ConnectError), (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError), (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError), (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.ProtocolError, httpx.ProtocolError), (httpcore.NetworkError, httpx.NetworkError),
]


def _as_httpx(exc: Exception, request: httpx.Request) -> Exception:
    for core_type, httpx_type in _EXCEPTIONS:
        if isinstance(exc, core_type):
            return httpx_type(str(exc) or core_type.__name__, request=request)
    return exc


class _CoreStream(httpx.SyncByteStream):
    def __init__(self, stream, request):
        self._stream, self._request = stream, request

    def __iter__(self):
        try:
            yield from self._stream
        except httpcore.TimeoutException as exc:
            raise _as_httpx(exc, self._request) from exc
        except (httpcore.NetworkError, httpcore.ProtocolError) as exc:
            raise _as_httpx(exc, self._request) from exc

    def close(self):
        if hasattr(self._stream, "close"):
            self._stream.close()


@functools.cache
def _ssl_context():
    # Loading the certificate authorities takes about 0.1 s: once per process, not once per capture. An
    # SSLContext may be shared by any number of connections.
    return httpx.create_ssl_context()


class GuardedTransport(httpx.BaseTransport):
    """An httpx transport whose connections go through :class:`GuardedNetworkBackend` (never a proxy)."""

    def __init__(self, *, policy: AddressPolicy):
        self._pool = httpcore.ConnectionPool(
            ssl_context=_ssl_context(), max_connections=4, retries=0,
            network_backend=GuardedNetworkBackend(policy),
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(scheme=request.url.raw_scheme, host=request.url.raw_host, port=request.url.port,
                             target=request.url.raw_path),
            headers=request.headers.raw, content=request.stream, extensions=request.extensions,
        )
        try:
            core_response = self._pool.handle_request(core_request)
        except (httpcore.TimeoutException, httpcore.NetworkError, httpcore.ProtocolError) as exc:
            raise _as_httpx(exc, request) from exc
        return httpx.Response(status_code=core_response.status, headers=core_response.headers,
                              stream=_CoreStream(core_response.stream, request), extensions=core_response.extensions)

    def close(self) -> None:
        self._pool.close()
