"""Which addresses a capture may connect to: public ones only, unless the operator allows more."""

import ipaddress
import socket

import pytest

from sources.capture.addresses import AddressPolicy, address_kind
from sources.capture.errors import AddressRefused


@pytest.mark.parametrize("address, kind", [
    ("127.0.0.1", "loopback"),
    ("127.8.9.10", "loopback"),
    ("::1", "loopback"),
    ("10.1.2.3", "private"),
    ("172.16.0.1", "private"),
    ("192.168.1.1", "private"),
    ("fd12:3456::1", "private"),
    ("169.254.169.254", "cloud metadata service"),
    ("fd00:ec2::254", "cloud metadata service"),
    ("100.100.100.200", "cloud metadata service"),
    ("169.254.1.1", "link-local"),
    ("fe80::1", "link-local"),
    ("100.64.0.1", "shared (carrier-grade NAT)"),
    ("224.0.0.1", "multicast"),
    ("ff02::1", "multicast"),
    ("0.0.0.0", "unspecified"),
    ("::", "unspecified"),
    ("240.0.0.1", "reserved"),
    ("::ffff:127.0.0.1", "loopback (inside the IPv6 address)"),
    ("::ffff:10.0.0.1", "private (inside the IPv6 address)"),
    ("2002:7f00:1::", "loopback (inside the IPv6 address)"),  # 6to4 of 127.0.0.1
    ("192.0.2.10", "private"),  # documentation range
])
def test_non_public_addresses_are_named_for_what_they_are(address, kind):
    assert address_kind(ipaddress.ip_address(address)) == kind


@pytest.mark.parametrize("address", ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses_are_public(address):
    assert address_kind(ipaddress.ip_address(address)) is None


def _resolver(answers):
    def resolve(host, port, type=0):
        return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port)) for a in answers[host]]
    return resolve


def test_a_name_resolving_to_a_private_address_is_refused_by_default():
    policy = AddressPolicy(resolver=_resolver({"intranet.example": ["10.0.0.5"]}))
    with pytest.raises(AddressRefused, match=r"intranet.example \(10.0.0.5\): it is a private address; set CAPTURE_ALLOW_PRIVATE_ADDRESSES=1"):
        policy.resolve("intranet.example", 80)


def test_a_name_with_one_private_address_among_public_ones_is_refused():
    policy = AddressPolicy(resolver=_resolver({"mixed.example": ["93.184.215.14", "127.0.0.1"]}))
    with pytest.raises(AddressRefused, match="loopback"):
        policy.resolve("mixed.example", 80)


def test_a_public_name_resolves_to_its_checked_addresses():
    policy = AddressPolicy(resolver=_resolver({"news.example": ["93.184.215.14", "2606:4700::6810:84e5"]}))
    assert policy.resolve("news.example", 443) == ["93.184.215.14", "2606:4700::6810:84e5"]


def test_allow_private_addresses_allows_them_all():
    policy = AddressPolicy(allow_private=True, resolver=_resolver({"intranet.example": ["10.0.0.5"]}))
    assert policy.resolve("intranet.example", 80) == ["10.0.0.5"]


def test_allowed_networks_allow_only_those_networks():
    policy = AddressPolicy(allowed_networks=(ipaddress.ip_network("10.1.2.0/24"),),
                           resolver=_resolver({"a.internal": ["10.1.2.7"], "b.internal": ["10.1.3.7"]}))
    assert policy.resolve("a.internal", 80) == ["10.1.2.7"]
    with pytest.raises(AddressRefused, match="10.1.3.7"):
        policy.resolve("b.internal", 80)


def test_an_unknown_host_is_refused_with_its_name():
    def fail(host, port, type=0):
        raise socket.gaierror(-2, "Name or service not known")

    with pytest.raises(AddressRefused, match="'nowhere.invalid' does not resolve"):
        AddressPolicy(resolver=fail).resolve("nowhere.invalid", 80)


def test_policy_from_settings_reads_the_environment_settings(settings):
    settings.CAPTURE_ALLOW_PRIVATE_ADDRESSES = False
    settings.CAPTURE_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    policy = AddressPolicy.from_settings()
    assert policy == AddressPolicy(allow_private=False, allowed_networks=(ipaddress.ip_network("127.0.0.1/32"),))


def test_a_malformed_allowed_network_is_a_configuration_error(settings):
    from django.core.exceptions import ImproperlyConfigured

    settings.CAPTURE_ALLOWED_NETWORKS = ["intranet"]
    with pytest.raises(ImproperlyConfigured, match="'intranet' is not a network"):
        AddressPolicy.from_settings()
