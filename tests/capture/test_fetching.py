"""Fetching a page from the local fixture site: redirects recorded, refusals clear, limits enforced."""

import socket

import pytest

from sources.capture.errors import AddressRefused, ResponseRefused, TransientCaptureError
from sources.capture.fetching import fetch
from tests.capture.server import RecordingServer


def test_a_page_is_fetched_with_the_configured_user_agent(site, settings):
    settings.CAPTURE_USER_AGENT = "factbase-capture/test (+mailto:ops@factbase.test)"
    result = fetch(site.url("/news/seoul-2000.html"))
    final = result.final
    assert (final.status, final.content_type) == (200, "text/html")
    assert b"2,000 North Korean soldiers" in final.payload
    assert ("User-Agent", "factbase-capture/test (+mailto:ops@factbase.test)") in final.request_headers
    assert final.peer_address == "127.0.0.1"


def test_redirects_are_followed_and_every_hop_recorded(site):
    result = fetch(site.url("/short"))
    assert result.final.url == site.url("/news/seoul-2000.html")
    assert result.redirects == [
        {"url": site.url("/short"), "status": 302, "location": "/old-address"},
        {"url": site.url("/old-address"), "status": 301, "location": "/news/seoul-2000.html"},
    ]


def test_a_redirect_to_a_private_address_is_refused_without_connecting(site, settings):
    # Loopback is allowed for the fixture site only; the redirect points at another loopback address,
    # where a server counts connections: the guard refuses before any is made.
    settings.CAPTURE_ALLOW_PRIVATE_ADDRESSES = False
    settings.CAPTURE_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    with RecordingServer("127.0.0.2") as private:
        site.private_target = f"http://127.0.0.2:{private.port}/admin"
        with pytest.raises(AddressRefused) as refused:
            fetch(site.url("/to-private"))
    assert str(refused.value) == (
        "refused to connect to 127.0.0.2: it is a loopback address; set CAPTURE_ALLOW_PRIVATE_ADDRESSES=1 "
        "(or list the network in CAPTURE_ALLOWED_NETWORKS) to allow it"
    )
    assert private.connections == 0
    assert site.hits == ["/to-private"]


def test_a_private_address_is_refused_when_not_allowed(site, settings):
    settings.CAPTURE_ALLOW_PRIVATE_ADDRESSES = False
    with pytest.raises(AddressRefused, match="127.0.0.1: it is a loopback address"):
        fetch(site.url("/news/seoul-2000.html"))
    assert site.hits == []


def test_a_redirect_to_the_metadata_service_is_refused_before_any_connection(site, settings, monkeypatch):
    settings.CAPTURE_ALLOW_PRIVATE_ADDRESSES = False
    settings.CAPTURE_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    real_create_connection = socket.create_connection
    attempted = []

    def only_loopback(address, *args, **kwargs):
        if address[0] != "127.0.0.1":  # never let a broken guard send a packet anywhere else
            attempted.append(address)
            raise AssertionError(f"connection attempted to {address}")
        return real_create_connection(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", only_loopback)
    with pytest.raises(AddressRefused, match="refused to connect to 169.254.169.254: it is a cloud metadata service address"):
        fetch(site.url("/to-metadata"))
    assert attempted == []


def test_the_connection_goes_to_the_address_that_was_checked(site, settings, monkeypatch):
    # DNS rebinding: a name that answers an allowed address first and a refused one afterwards. The
    # guard resolves once per connection and connects to what it checked, so the second answer is
    # never used.
    settings.CAPTURE_ALLOW_PRIVATE_ADDRESSES = False
    settings.CAPTURE_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    real_getaddrinfo = socket.getaddrinfo
    answers = iter(["127.0.0.1", "127.0.0.2", "127.0.0.2"])
    lookups = []

    def rebinding(host, port, *args, **kwargs):
        if host != "rebind.test":
            return real_getaddrinfo(host, port, *args, **kwargs)
        address = next(answers)
        lookups.append(address)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    result = fetch(f"http://rebind.test:{site.port}/news/seoul-2000.html")
    assert result.final.status == 200
    assert result.final.peer_address == "127.0.0.1"
    assert lookups == ["127.0.0.1"]


def test_environment_proxies_are_never_used(site, monkeypatch):
    with RecordingServer("127.0.0.1") as proxy:
        monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{proxy.port}")
        monkeypatch.setenv("ALL_PROXY", f"http://127.0.0.1:{proxy.port}")
        assert fetch(site.url("/news/seoul-2000.html")).final.status == 200
    assert proxy.connections == 0


@pytest.mark.parametrize("url, message", [
    ("ftp://files.example/a.txt", "only http and https addresses are captured, not ftp"),
    ("file:///etc/passwd", "only http and https addresses are captured, not file"),
    ("http://user:secret@news.example/", "addresses with a user name or password are not captured"),
])
def test_other_schemes_and_credentials_are_refused(url, message):
    with pytest.raises(AddressRefused, match=message):
        fetch(url)


def test_a_redirect_to_another_scheme_is_refused(site):
    with pytest.raises(AddressRefused, match="not ftp: ftp://files.example/article.txt"):
        fetch(site.url("/to-ftp"))


def test_a_redirect_loop_stops_at_the_redirect_limit(site, settings):
    settings.CAPTURE_MAX_REDIRECTS = 3
    with pytest.raises(ResponseRefused, match=r"more than 3 redirects \(CAPTURE_MAX_REDIRECTS\)"):
        fetch(site.url("/loop"))
    assert site.hits == ["/loop"] * 4


def test_a_huge_page_is_refused_at_the_size_limit(site):
    with pytest.raises(ResponseRefused, match=r"larger than the 10 MB limit \(CAPTURE_MAX_BYTES\)"):
        fetch(site.url("/huge.html"))


def test_a_page_declaring_a_huge_length_is_refused_before_reading(site):
    with pytest.raises(ResponseRefused, match=r"52,428,800 bytes, more than the 10 MB limit"):
        fetch(site.url("/huge-declared.html"))


def test_a_trickling_page_is_stopped_at_the_time_limit(site, settings):
    settings.CAPTURE_TIMEOUT = 1
    with pytest.raises(TransientCaptureError, match=r"took longer than 1 s \(CAPTURE_TIMEOUT\)"):
        fetch(site.url("/slow.html"))


def test_other_content_types_are_refused_by_name(site):
    with pytest.raises(ResponseRefused, match="image/png is not captured; only HTML, plain text and PDF are"):
        fetch(site.url("/image.png"))


def test_a_missing_page_is_a_final_refusal(site):
    with pytest.raises(ResponseRefused, match=r"/gone.html: the server answered HTTP 404 Not Found"):
        fetch(site.url("/gone.html"))


def test_a_server_error_is_transient(site):
    with pytest.raises(TransientCaptureError, match="HTTP 503 Service Unavailable"):
        fetch(site.url("/down.html"))


def test_a_closed_port_is_transient(site):
    with socket.create_server(("127.0.0.1", 0)) as spare:
        port = spare.getsockname()[1]
    with pytest.raises(TransientCaptureError, match="ConnectError"):
        fetch(f"http://127.0.0.1:{port}/")


def test_compressed_bodies_are_kept_as_received(site):
    final = fetch(site.url("/gzipped.html")).final
    assert final.payload[:2] == b"\x1f\x8b"
    assert ("Content-Encoding", "gzip") in final.response_headers
