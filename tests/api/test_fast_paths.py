"""The API's fast paths give the very bytes the slow, obvious paths give.

- ``FastJSONRenderer`` (orjson) against DRF's ``JSONRenderer`` on arbitrary JSON-like data;
- the claims list and detail (``values_list`` rows) against ``ClaimSerializer`` rendered by DRF;
- the narrowed filterset (only the filters a request names) against the whole filterset.
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
from claims.api.serializers import ClaimSerializer
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


@pytest.mark.parametrize("query", ["page_size=200", "page_size=200&known_on=2025-06-01", "page_size=2&claimant=nis"])
def test_claims_list_bytes_equal_drf_rendering_of_the_serializer(world, api_client, query):
    response = api_client.get(f"/api/v1/claims/?{query}")
    assert response.status_code == 200
    body = response.json()
    known_on = dt.date(2025, 6, 1) if "known_on" in query else None
    claims = claim_queryset(user=None, known_on=known_on).order_by("-id")
    if "claimant" in query:
        claims = claims.filter(claimant__key="nis")
    expected = ClaimSerializer(claims[:len(body["results"])], many=True, context={"request": response.wsgi_request}).data
    assert body["results"], query
    assert response.content == slow.render({"next": body["next"], "previous": body["previous"], "results": expected})


def test_claim_detail_bytes_equal_drf_rendering_of_the_serializer(world, api_client, staff):
    api_client.force_login(staff)
    for claim in claim_queryset(user=staff):
        response = api_client.get(f"/api/v1/claims/{claim.key}/")
        assert response.content == slow.render(ClaimSerializer(claim, context={"request": response.wsgi_request}).data)


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


@pytest.mark.parametrize("query, known_on", [("", None), ("known_on=2025-06-01", dt.date(2025, 6, 1)), ("claimant=nis", None)])
@pytest.mark.parametrize("batch_size", [2, 500])
def test_claims_csv_from_rows_equals_the_csv_columns_getters(world, api_client, staff, monkeypatch, query, known_on, batch_size):
    from claims.api.representations import claim_csv_values
    from factbase.api import csv_stream as api

    monkeypatch.setattr(api, "CSV_BATCH_SIZE", batch_size)
    ClaimFactory(key="no-appearance", status="published")  # empty first document, quote and subjects
    for user in (None, staff):
        if user:
            api_client.force_login(user)
        response = api_client.get(f"/api/v1/claims/?format=csv&{query}")
        assert response.status_code == 200
        claims = claim_queryset(user=user, known_on=known_on)
        if "claimant" in query:
            claims = claims.filter(claimant__key="nis")
        generic = api.stream_csv(claims, ClaimViewSet.csv_columns, filename="claims")
        body = _streamed(response)
        assert body == _streamed(generic), query
        assert body.count(b"\n") == claims.count() + 1
    rows = claim_csv_values(claim_queryset(user=staff).order_by("-pk"))
    assert [len(values) for _, values in rows] == [len(ClaimViewSet.csv_columns)] * len(rows)


def test_nested_queries_compiled_once_answer_for_each_call_s_own_ids_and_date(world):
    from claims.api import representations
    from claims.models import Appearance

    def build(ids, known_on):
        rows = Appearance.objects.filter(claim_id__in=ids)
        if known_on is not None:
            rows = rows.filter(document__published_on__lte=known_on)
        return rows.order_by("id").values_list("id", "document__published_on")

    claim_ids = sorted(Appearance.objects.values_list("claim_id", flat=True).distinct())
    assert len(claim_ids) >= 3
    representations._compiled.clear()
    for ids in (claim_ids[:2], claim_ids[1:3], claim_ids):
        for known_on in (None, dt.date(2025, 1, 1), dt.date(2025, 6, 1)):
            expected = list(build(ids, known_on))
            got = [tuple(row) for row in representations._nested_rows("test", Appearance, build, ids, known_on)]
            assert got == expected, (ids, known_on)
    # one compiled statement per number of ids and known_on given or not, whatever the values
    assert len(representations._compiled) == len({len(claim_ids[:2]), len(claim_ids)}) * 2


@pytest.mark.parametrize("key", ["nis-2000", "a_b-c9", "κιμ-γιονγκ-ουν", "김정은", "ΠΟΎΤΙΝ_1", "é"])
def test_detail_urls_are_quoted_as_reverse_quotes_them(key):
    from rest_framework.reverse import reverse

    from claims.api.representations import UrlBuilder

    request = Request(APIRequestFactory().get("/api/v1/claims/"))
    assert UrlBuilder(request)("actor-detail", key) == reverse("actor-detail", kwargs={"id_or_key": key}, request=request)


@pytest.mark.parametrize("known_on", [None, "2025-06-01"])
def test_timeline_bytes_equal_drf_rendering_of_the_serializer(world, api_client, known_on):
    from claims.api.serializers import TimelineSerializer
    from claims.selectors import visible_claims
    from claims.analysis.timeline import proposition_timeline

    proposition = world["proposition"]
    response = api_client.get(f"/api/v1/propositions/{proposition.key}/timeline/" + (f"?known_on={known_on}" if known_on else ""))
    assert response.status_code == 200
    timeline = proposition_timeline(proposition=proposition, claims=visible_claims(user=None),
                                    known_on=dt.date.fromisoformat(known_on) if known_on else None)
    assert timeline["estimates"]
    assert response.content == slow.render(TimelineSerializer(timeline).data)


def test_claim_detail_honours_each_request_s_known_on_and_reader(world, api_client, staff):
    """The detail's SQL is compiled once per shape: the date, the key and the reader must still be each request's."""
    nis_2000 = "/api/v1/claims/nis-2000/"  # first published 2025-09-04
    for _ in range(2):
        assert api_client.get(nis_2000 + "?known_on=2025-12-31").status_code == 200
        assert api_client.get(nis_2000 + "?known_on=2025-01-01").status_code == 404
        assert api_client.get("/api/v1/claims/nis-100/?known_on=2025-01-01").json()["key"] == "nis-100"
        assert api_client.get("/api/v1/claims/nis-draft/").status_code == 404
    api_client.force_login(staff)
    assert api_client.get("/api/v1/claims/nis-draft/").json()["key"] == "nis-draft"
    assert api_client.get(f"/api/v1/claims/{world['claims']['draft'].pk}/").json()["key"] == "nis-draft"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_nested_queries_compiled_in_one_thread_are_not_reused_by_another(world):
    """Django's connections are per thread: each thread compiles (and converts with) its own."""
    import threading

    from django.db import connections

    from claims.api import representations
    from claims.models import Appearance

    def build(ids, known_on):
        return Appearance.objects.filter(claim_id__in=ids).order_by("id").values_list("id", "document__published_on")

    ids = sorted(Appearance.objects.values_list("claim_id", flat=True).distinct())[:2]
    expected = [tuple(row) for row in build(ids, None)]
    representations._compiled.clear()
    results = {}

    def run(name):
        try:
            results[name] = [tuple(row) for row in representations._nested_rows("thread-test", Appearance, build, ids)]
        finally:
            connections.close_all()

    assert [tuple(row) for row in representations._nested_rows("thread-test", Appearance, build, ids)] == expected
    worker = threading.Thread(target=run, args=("worker",))
    worker.start()
    worker.join()
    assert results["worker"] == expected
    assert len([key for key in representations._compiled if key[0] == "thread-test"]) == 2  # one per connection
