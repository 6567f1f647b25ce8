"""API addresses from templates kept by the process (factbase.api.links): the same addresses ``reverse``
gives, made once per view name and request context, and never shared between contexts."""

import pytest
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from factbase.api import links as module

pytestmark = pytest.mark.django_db


@pytest.fixture
def reversed_names(monkeypatch):
    calls = []
    reverse = module.reverse

    def counting(view_name, **kwargs):
        calls.append(view_name)
        return reverse(view_name, **kwargs)

    monkeypatch.setattr(module, "reverse", counting)
    module.forget_templates()
    return calls


def request(path="/api/v1/claims/", host="testserver", secure=False, **params):
    return Request(APIRequestFactory().get(path, params, HTTP_HOST=host, secure=secure))


def test_a_second_request_reverses_nothing_and_gets_the_same_addresses(reversed_names):
    first = module.Links(request())
    addresses = [first("claim-detail", 7), first("actor-detail", "kcna"), first("claim-detail", 8)]
    assert addresses == ["http://testserver/api/v1/claims/7/", "http://testserver/api/v1/actors/kcna/",
                         "http://testserver/api/v1/claims/8/"]
    assert reversed_names == ["claim-detail", "actor-detail"]
    second = module.Links(request())
    assert [second("claim-detail", 7), second("actor-detail", "kcna"), second("claim-detail", 8)] == addresses
    assert reversed_names == ["claim-detail", "actor-detail"]


def test_another_host_scheme_format_or_format_override_gets_its_own_template(reversed_names, settings):
    settings.ALLOWED_HOSTS = ["testserver", "mirror.example.org"]
    assert module.Links(request())("claim-detail", 7) == "http://testserver/api/v1/claims/7/"
    assert module.Links(request(host="mirror.example.org"))("claim-detail", 7) == "http://mirror.example.org/api/v1/claims/7/"
    assert module.Links(request(secure=True))("claim-detail", 7) == "https://testserver/api/v1/claims/7/"
    assert module.Links(request(format="csv"))("claim-detail", 7) == "http://testserver/api/v1/claims/7/?format=csv"
    assert module.Links(request(), format="json")("claim-detail", 7) == "http://testserver/api/v1/claims/7.json"
    assert len(reversed_names) == 5


def test_keys_are_quoted_as_reverse_quotes_them(reversed_names):
    links = module.Links(request())
    assert links("actor-detail", "Σ/ä b") == "http://testserver/api/v1/actors/%CE%A3/%C3%A4%20b/"


def test_a_changed_setting_and_a_full_table_start_again(reversed_names, monkeypatch, settings):
    module.Links(request())("claim-detail", 7)
    settings.FORCE_SCRIPT_NAME = "/factbase"  # a setting changed: nothing kept survives
    assert not module._kept
    monkeypatch.setattr(module, "KEPT", 2)
    hosts = ["a.example.org", "b.example.org", "c.example.org"]
    settings.ALLOWED_HOSTS = hosts
    sizes = []
    for host in hosts:
        assert module.Links(request(host=host))("claim-detail", 7) == f"http://{host}/api/v1/claims/7/"
        sizes.append(len(module._kept))
    assert sizes == [1, 2, 1]


def test_only_hosts_written_as_allowed_on_the_servers_port_share_templates(reversed_names, settings):
    settings.ALLOWED_HOSTS = ["testserver", ".example.org"]
    for host in ("TESTSERVER", "testserver:8080", "any.example.org", "testserver:80"):
        links = module.Links(request(host=host))
        assert links("claim-detail", 7) == f"http://{host}/api/v1/claims/7/"
    # An upper-case host, another port, a pattern's host: each reversed for itself, nothing kept.
    (kept,) = module._kept  # the URL configuration in the key is the thread's: whatever an earlier request set
    assert kept[:2] == ("claim-detail", None) and kept[2][:3] == ("http://testserver:80/", None, "/")
    assert reversed_names == ["claim-detail"] * 4


def test_a_script_prefix_or_a_request_urlconf_gets_its_own_template(reversed_names):
    from django.urls import set_script_prefix, set_urlconf

    set_urlconf(None)  # the default configuration (an earlier request in this thread may have named one)
    plain = module.Links(request())("claim-detail", 7)
    set_script_prefix("/factbase/")
    try:
        assert module.Links(request())("claim-detail", 7) == "http://testserver/factbase/api/v1/claims/7/"
    finally:
        set_script_prefix("/")
    set_urlconf("factbase.urls")  # a request's own URL configuration (request.urlconf), here the same module
    try:
        assert module.Links(request())("claim-detail", 7) == plain
    finally:
        set_urlconf(None)
    assert len(reversed_names) == 3 and len(module._kept) == 3


def test_a_versioned_request_reverses_its_own(reversed_names):
    from rest_framework.versioning import QueryParameterVersioning

    versioned = request()
    versioned.versioning_scheme = QueryParameterVersioning()
    versioned.version = "2"
    for _ in range(2):
        assert module.Links(versioned)("claim-detail", 7) == "http://testserver/api/v1/claims/7/?version=2"
    assert reversed_names == ["claim-detail"] * 2 and not module._kept
