"""The API's fast paths give what the slow, obvious paths give.

- ``FastJSONRenderer`` (orjson) against DRF's ``JSONRenderer`` on arbitrary JSON-like data;
- the narrowed filterset (only the filters a request names) against the whole filterset;
- ``Links`` (one reverse() per view) against ``reverse()`` for every key.
"""

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from django.utils.functional import lazy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from claims.api.filters import ClaimFilterSet
from claims.api.views import ClaimViewSet
from claims.selectors import claim_queryset
from factbase.api.filtering import StrictFilterBackend
from factbase.api.renderers import FastJSONRenderer
from tests.claims.factories import ClaimFactory

slow, fast = JSONRenderer(), FastJSONRenderer()

# Text with what JSON writers disagree on: control characters, quotes, backslashes, U+2028/9, non-BMP.
text = st.text(st.characters(blacklist_categories=["Cs"]) | st.sampled_from("\x00\x1f\x7f\"\\\n\u2028\u2029😀"))
scalars = (
    st.none() | st.booleans() | text
    | st.integers(min_value=-(2**70), max_value=2**70)  # beyond 64 bits orjson refuses: DRF's renderer answers
    | st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-10**12, max_value=10**12)
    | st.dates() | st.datetimes(timezones=st.sampled_from([None, dt.timezone.utc, dt.timezone(dt.timedelta(hours=9))]))
    | st.uuids()
)
json_like = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(text, children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_like)
def test_fast_renderer_writes_what_drf_writes(data):
    assert fast.render(data) == slow.render(data)


def _moved():
    from collections import OrderedDict

    moved = OrderedDict(a=1, b=2)
    moved.move_to_end("a")
    return {"outer": moved}


@pytest.mark.parametrize("value", [
    _moved(), (1, "tuple"), {"n": __import__("collections").namedtuple("P", "x y")(1, 2)},
    {"a": Decimal("0.00001")}, {"tiny": [Decimal("-0.00009")]}, {1: "integer key"}, {"big": 2**64},
    {"lazy": lazy(lambda: "lazy text", str)()}, {"u": uuid.UUID(int=7)}, {"sep": "a\u2028b\u2029c"},
    {"t": dt.time(12, 30, 15, 123456)}, {"d": dt.timedelta(days=1, seconds=5)}, {"b": b"bytes"}, "", [], {},
])
def test_fast_renderer_edge_cases(value):
    assert fast.render(value) == slow.render(value)


def test_fast_renderer_honours_an_indent_request():
    data = {"a": [1, {"b": "c"}]}
    media_type = "application/json; indent=4"
    assert fast.render(data, media_type, {}) == slow.render(data, media_type, {}) == b'{\n    "a": [\n        1,\n        {\n            "b": "c"\n        }\n    ]\n}'
    assert fast.render(None) == slow.render(None) == b""


def _filterset(query):
    request = Request(APIRequestFactory().get(f"/api/v1/claims/?{query}"))
    view = ClaimViewSet(request=request, format_kwarg=None, action="list")
    return StrictFilterBackend()._given_filterset(request, claim_queryset(user=None), view)


def test_a_request_without_filter_parameters_builds_no_filterset(world):
    assert _filterset("") is None
    assert _filterset("page_size=5&ordering=id&format=json") is None


@pytest.mark.parametrize("query, names", [
    ("claimant=nis", {"claimant"}),
    ("stated_on_after=2025-01-01&q=soldiers", {"stated_on", "q"}),
    ("credibility=9", {"credibility"}),
])
def test_the_narrowed_filterset_has_the_given_filters_and_answers_as_the_whole_one(world, query, names):
    narrowed = _filterset(query)
    assert set(narrowed.filters) == names
    assert issubclass(type(narrowed), ClaimFilterSet)
    request = Request(APIRequestFactory().get(f"/api/v1/claims/?{query}"))
    whole = ClaimFilterSet(data=request.query_params, queryset=claim_queryset(user=None), request=request)
    assert narrowed.is_valid() == whole.is_valid()
    if whole.is_valid():
        assert list(narrowed.qs.values_list("key", flat=True)) == list(whole.qs.values_list("key", flat=True))
    else:
        assert narrowed.errors == whole.errors


def test_a_claim_that_is_not_visible_is_a_404_without_its_key(world, api_client):
    hidden = ClaimFactory(key="secret-draft", status="draft")
    for ref in (hidden.key, str(hidden.pk)):
        response = api_client.get(f"/api/v1/claims/{ref}/")
        assert response.status_code == 404
        assert b"secret-draft" not in response.content


def _streamed(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.mark.parametrize("key", ["nis-2000", "a_b-c9", "κιμ-γιονγκ-ουν", "김정은", "ΠΟΎΤΙΝ_1", "é"])
def test_detail_urls_are_quoted_as_reverse_quotes_them(key):
    from rest_framework.reverse import reverse

    from factbase.api.links import Links

    request = Request(APIRequestFactory().get("/api/v1/claims/"))
    assert Links(request)("actor-detail", key) == reverse("actor-detail", kwargs={"id_or_key": key}, request=request)


def test_claim_detail_honours_each_request_s_known_on_and_reader(world, api_client, staff):
    """The date, the key and the reader are each request's."""
    nis_2000 = "/api/v1/claims/nis-2000/"  # first published 2025-09-04
    for _ in range(2):
        assert api_client.get(nis_2000 + "?known_on=2025-12-31").status_code == 200
        assert api_client.get(nis_2000 + "?known_on=2025-01-01").status_code == 404
        assert api_client.get("/api/v1/claims/nis-100/?known_on=2025-01-01").json()["key"] == "nis-100"
        assert api_client.get("/api/v1/claims/nis-draft/").status_code == 404
    api_client.force_login(staff)
    assert api_client.get("/api/v1/claims/nis-draft/").json()["key"] == "nis-draft"
    assert api_client.get(f"/api/v1/claims/{world['claims']['draft'].pk}/").json()["key"] == "nis-draft"
