"""The client address: decided by one function from the trusted-proxy settings, used by the API's throttles.

Without a trusted-proxy setting a forwarded header is the client's own words and is ignored."""

import pytest
from django.test import Client, RequestFactory
from django.utils.module_loading import import_string
from rest_framework.request import Request
from rest_framework.settings import api_settings

from factbase.security.client_address import client_address, decide_client_address
from tests.security.shared_cache import shared_cache  # noqa: F401  (fixture)

PEER = "198.51.100.7"


def meta(peer=PEER, forwarded=None):
    found = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        found["HTTP_X_FORWARDED_FOR"] = forwarded
    return found


def test_without_a_proxy_setting_the_forwarded_header_is_ignored():
    assert decide_client_address(meta(forwarded="1.2.3.4")) == PEER


def test_one_proxy_the_client_is_the_address_it_appended():
    assert decide_client_address(meta("10.0.0.2", "203.0.113.9"), proxy_count=1) == "203.0.113.9"


def test_one_proxy_addresses_the_client_made_up_are_ignored():
    assert decide_client_address(meta("10.0.0.2", "1.1.1.1, 2.2.2.2, 203.0.113.9"), proxy_count=1) == "203.0.113.9"


def test_two_proxies_the_client_is_second_from_the_right():
    assert decide_client_address(meta("10.0.0.3", "1.1.1.1, 203.0.113.9, 10.0.0.2"), proxy_count=2) == "203.0.113.9"


def test_a_request_with_fewer_hops_than_proxies_is_the_peer():
    assert decide_client_address(meta(forwarded="203.0.113.9"), proxy_count=2) == PEER


def test_trusted_proxies_walk_back_to_the_first_untrusted_hop():
    proxies = ("10.0.0.0/8",)
    found = decide_client_address(meta("10.0.0.3", "1.1.1.1, 203.0.113.9, 10.0.0.2"), proxies=proxies)
    assert found == "203.0.113.9"


def test_a_peer_that_is_not_a_trusted_proxy_is_the_client_whatever_it_forwards():
    assert decide_client_address(meta(PEER, "203.0.113.9"), proxies=("10.0.0.0/8",)) == PEER


def test_when_every_hop_is_trusted_the_leftmost_is_the_client():
    assert decide_client_address(meta("10.0.0.3", "10.0.0.1, 10.0.0.2"), proxies=("10.0.0.0/8",)) == "10.0.0.1"


def test_garbage_written_past_the_trusted_hops_stops_the_walk():
    assert decide_client_address(meta("10.0.0.3", "not-an-address, 10.0.0.2"), proxies=("10.0.0.0/8",)) == "10.0.0.2"


def test_garbage_in_place_of_the_client_is_the_peer():
    assert decide_client_address(meta("10.0.0.2", "<script>"), proxy_count=1) == "10.0.0.2"


@pytest.mark.parametrize("written,address", [
    ("203.0.113.9:51000", "203.0.113.9"),
    ("[2001:db8::1]:443", "2001:db8::1"),
    ("2001:DB8::0:1", "2001:db8::1"),
    ("::ffff:203.0.113.9", "203.0.113.9"),
])
def test_addresses_are_normalised(written, address):
    assert decide_client_address(meta("10.0.0.2", written), proxy_count=1) == address


def test_ipv6_proxies_are_trusted_by_network():
    assert decide_client_address(meta("fd00::2", "2001:db8::7"), proxies=("fd00::/8",)) == "2001:db8::7"


def test_client_address_reads_the_settings(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert client_address(request) == "203.0.113.9"


def test_every_configured_throttle_takes_the_address_from_client_address(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    classes = [import_string(path) if isinstance(path, str) else path
               for path in settings.REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"]]
    assert classes
    for throttle_class in classes:
        assert throttle_class().get_ident(Request(request)) == "203.0.113.9", throttle_class
    assert api_settings.NUM_PROXIES == 0  # a plain DRF throttle would never believe the header either


@pytest.fixture
def three_per_minute(monkeypatch):
    for path in api_settings.DEFAULT_THROTTLE_CLASSES:
        throttle_class = import_string(path) if isinstance(path, str) else path
        monkeypatch.setattr(throttle_class, "THROTTLE_RATES", {**throttle_class.THROTTLE_RATES, "anon": "3/minute"})


@pytest.mark.django_db
@pytest.mark.usefixtures("shared_cache", "three_per_minute")
def test_a_forged_forwarded_header_per_request_does_not_escape_the_throttle():
    statuses = [Client().get("/api/v1/", REMOTE_ADDR=PEER, HTTP_X_FORWARDED_FOR=f"10.{n}.0.1").status_code
                for n in range(5)]
    assert statuses == [200, 200, 200, 429, 429]


@pytest.mark.django_db
@pytest.mark.usefixtures("shared_cache", "three_per_minute")
def test_behind_a_trusted_proxy_clients_are_throttled_apart(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.2"]
    first = [Client().get("/api/v1/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.1").status_code
             for _ in range(4)]
    other = Client().get("/api/v1/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.2").status_code
    assert first == [200, 200, 200, 429] and other == 200
