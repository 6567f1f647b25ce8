"""A claim's detail, and a page of claims, is one query: its nested lists (joint claimants, subjects, appearances with their hops,
estimates, stances) are read as JSON inside the claim's own statement (``Shape.values(inline=True)``,
``factbase.nested_json``). Its bytes must stay those of the one-query-per-list read that lists use — for
every claim, reader, ``known_on``, format (JSON, browsable HTML) and for ClaimReview — and match the
claim's row in the list endpoint.
"""

import datetime as dt
import json
import re
from decimal import Decimal

import pytest

from claims.api.views import ClaimViewSet
from claims.models import Appearance, Claim, EstimateWording, JointClaimant
from claims.shapes import APPEARANCE, CLAIM, ESTIMATE, PROPOSITION
from factbase import nested_json
from factbase.shapes import Column, Many, Shape
from sources.models import Document
from sources.shapes import ACTOR
from tests.api.test_query_counts import json_probed  # noqa: F401 (a fixture)
from tests.claims.factories import (
    AppearanceFactory,
    AttributionHopFactory,
    ClaimFactory,
    ClaimStanceFactory,
    EstimateFactory,
    PropositionFactory,
    varied_estimates,
)
from tests.sources.factories import ActorFactory, DocumentFactory

VARIANTS = ("", "?format=api", "?known_on=2024-12-31", "?known_on=2025-06-30", "?known_on=2025-09-04")


def fetch(client, url, *, one_query):
    """The response to ``url`` with the claims read in one query, or one query per nested list."""
    saved = ClaimViewSet.nested_in_one_query
    ClaimViewSet.nested_in_one_query = one_query
    try:
        return client.get(url)
    finally:
        ClaimViewSet.nested_in_one_query = saved


#: The browsable page's CSRF token, masked afresh on every request.
CSRF_TOKEN = re.compile(rb'"csrfToken": "[^"]+"')


def assert_same_response(client, url):
    inline, per_list = fetch(client, url, one_query=True), fetch(client, url, one_query=False)
    assert inline.status_code == per_list.status_code, url
    assert inline.get("Content-Type") == per_list.get("Content-Type"), url
    if inline.get("Content-Type", "").startswith("text/html"):
        assert CSRF_TOKEN.sub(b"", inline.content) == CSRF_TOKEN.sub(b"", per_list.content), url
    else:
        assert inline.content == per_list.content, url
        assert inline.get("ETag") == per_list.get("ETag"), url
    return inline


def ordered(data) -> str:
    """JSON text keeping key order and number types (2000.0 is not 2000): an order-sensitive comparison."""
    return json.dumps(data, ensure_ascii=False, default=repr)


def assert_detail_is_the_list_row(client, key, query=""):
    detail = client.get(f"/api/v1/claims/{key}/{'?' + query if query else ''}").json()
    (row,) = client.get(f"/api/v1/claims/?key={key}{'&' + query if query else ''}").json()["results"]
    assert ordered(detail) == ordered(row)


@pytest.fixture
def rich(world):
    """A published claim with every part several times over, in orders the database must keep."""
    nis, yonhap, kcna = world["actors"]["nis"], world["actors"]["yonhap"], world["actors"]["kcna"]
    claim = ClaimFactory(key="rich", claimant=nis, status="published", stated_on=dt.date(2025, 1, 6),
                         stated_on_precision="week", interested=True, verdict="corroborated", credibility=2,
                         assessed_at=dt.datetime(2025, 9, 5, 13, 14, 15, 123456, tzinfo=dt.UTC),
                         location="Kursk", location_country="RU", rationale="Several «independent» reports.")
    for name in ("Zeta group", "alpha analysts", "Ωμέγα", "Beta"):
        claim.subjects.add(ActorFactory(name=name))
    for position, actor in ((4, ActorFactory(name="Western intelligence", kind="unnamed_group")), (2, kcna), (3, yonhap)):
        JointClaimant.objects.create(claim=claim, actor=actor, position=position)
    body = "Officials said about 2,000 soldiers were killed and 4,700 wounded; at least about 100 more."
    quote = "about 2,000 soldiers were killed"
    documents = [
        DocumentFactory(body=body, published_on=dt.date(2025, 9, 4), published_time=dt.time(18, 30)),
        DocumentFactory(body=body, published_on=dt.date(2025, 9, 4), published_time=None, publisher=None),
        DocumentFactory(body=body, published_on=dt.date(2025, 9, 4), published_time=dt.time(6, 0)),
        DocumentFactory(body=body, published_on=dt.date(2025, 1, 7), language="ko"),
        DocumentFactory(body=body, published_on=dt.date(2026, 2, 1)),
    ]
    appearances = [AppearanceFactory(claim=claim, document=document, quote=quote) for document in documents]
    Appearance.objects.filter(pk=appearances[0].pk).update(
        translation="περίπου 2.000", translation_language="el", stated_on=dt.date(2025, 9, 3), medium="closed_briefing",
    )
    for appearance in appearances[:3]:
        AttributionHopFactory(appearance=appearance, position=2, actor=ActorFactory(), relation="briefed",
                              medium="closed_briefing", passed_on=dt.date(2025, 9, 1), passed_on_precision="week")
        AttributionHopFactory(appearance=appearance, position=1, actor=yonhap, relation="reported", language="ko")
        AttributionHopFactory(appearance=appearance, position=2, actor=ActorFactory(), relation="paraphrased")
    deaths, wounded = world["proposition"], PropositionFactory(measure="wounded", unit="people")
    estimates = [
        *varied_estimates(claim, deaths, wounded),
        # Below 1e-4 the renderer falls back to DRF's encoder; 18 integer digits exceed a float's precision.
        EstimateFactory(claim=claim, proposition=wounded, value=Decimal("0.0001"), qualifier="exact",
                        as_of=dt.date(2024, 1, 1), wording="0.0001"),
        EstimateFactory(claim=claim, proposition=deaths, value=Decimal("123456789012345678.9876"), qualifier="exact",
                        as_of=dt.date(2024, 1, 1), wording="a lot"),
    ]
    EstimateWording.objects.create(estimate=estimates[0], appearance=appearances[0], wording="about 2,000", offset=0)
    for proposition, stance in ((wounded, "mentions"), (deaths, "estimates"), (PropositionFactory(), "refutes")):
        ClaimStanceFactory(claim=claim, proposition=proposition, stance=stance)
    world["claims"]["rich"] = claim
    return world


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_seed_claim_detail_is_byte_identical_to_the_per_list_read(seeded, api_client, staff, variant):
    anonymous = api_client
    claims = list(Claim.objects.values_list("key", "id", "status"))
    assert len(claims) > 5
    for client, reader in ((anonymous, "anonymous"), (None, "staff")):
        if client is None:
            from rest_framework.test import APIClient

            client = APIClient()
            client.force_authenticate(staff)
        for key, id_, status in claims:
            for ref in (key, id_):
                response = assert_same_response(client, f"/api/v1/claims/{ref}/{variant}")
                if reader == "anonymous" and status != "published":
                    assert response.status_code == 404
                elif "known_on" not in variant:
                    assert response.status_code == 200
            assert_same_response(client, f"/api/v1/claims/{key}/claimreview/{variant.replace('format=api', 'format=jsonld')}")


@pytest.mark.parametrize("query", ["", "known_on=2025-06-30", "known_on=2025-09-04", "known_on=2026-12-31"])
def test_a_rich_claim_detail_is_its_list_row_and_the_per_list_read(rich, api_client, query):
    url = f"/api/v1/claims/rich/{'?' + query if query else ''}"
    assert assert_same_response(api_client, url).status_code == 200
    assert_same_response(api_client, url.replace("/rich/", "/rich/claimreview/"))
    assert_same_response(api_client, url + ("&" if query else "?") + "format=api")
    assert_detail_is_the_list_row(api_client, "rich", query)


def test_the_rich_claim_nests_its_parts_in_their_declared_order(rich, api_client):
    claim = api_client.get("/api/v1/claims/rich/").json()
    assert [actor["name"] for actor in claim["joint_claimants"]] == [
        "Korean Central News Agency", "Yonhap", "Western intelligence",
    ]
    assert len(claim["subjects"]) == 4 and "Ωμέγα" in {subject["name"] for subject in claim["subjects"]}
    dates = [(a["document"]["published_on"]) for a in claim["appearances"]]
    assert dates == ["2025-01-07", "2025-09-04", "2025-09-04", "2025-09-04", "2026-02-01"]
    times = [Appearance.objects.get(pk=a["id"]).document.published_time for a in claim["appearances"][1:4]]
    assert None in times and dt.time(6, 0) in times and dt.time(18, 30) in times
    briefed = next(a for a in claim["appearances"] if a["translation"])
    assert [(hop["position"], hop["relation"]) for hop in briefed["hops"]] == [
        (1, "reported"), (2, "briefed"), (2, "paraphrased"),
    ]
    assert briefed["hops"][1]["passed_on"] == "2025-09-01" and briefed["stated_on"] == "2025-09-03"
    assert any(a["document"]["publisher"] is None for a in claim["appearances"])
    values = {estimate["wording"]: estimate for estimate in claim["estimates"]}
    assert values["4,700"]["value"] == 4700.5 and values["4,700"]["upper"] == 4701.25 and values["4,700"]["unit"] == "soldiers"
    assert values["at least about 100"]["approximate"] is True and values["at least about 100"]["display_value"] == "≥~100"
    assert values["0.0001"]["value"] == 0.0001 and values["many"]["value"] is None
    assert [stance["stance"] for stance in claim["stances"]] == ["estimates", "mentions", "refutes"]
    assert claim["assessed_at"] == "2025-09-05T13:14:15.123456Z"
    after = api_client.get("/api/v1/claims/rich/?known_on=2025-06-30").json()
    assert [a["document"]["published_on"] for a in after["appearances"]] == ["2025-01-07"]


def test_a_claim_without_parts_has_empty_lists(world, api_client, staff):
    ClaimFactory(key="bare", status="draft")
    api_client.force_authenticate(staff)
    claim = assert_same_response(api_client, "/api/v1/claims/bare/").json()
    assert [claim[name] for name in ("joint_claimants", "subjects", "appearances", "estimates", "stances")] == [[]] * 5


def test_the_detail_and_its_claimreview_are_one_query_each(rich, json_probed, api_client, django_assert_num_queries):
    for url in ("/api/v1/claims/rich/", "/api/v1/claims/rich/?known_on=2025-06-30", "/api/v1/claims/rich/claimreview/",
                "/api/v1/claims/rich/?format=api"):
        with django_assert_num_queries(1):
            assert api_client.get(url).status_code == 200


def test_a_304_still_answers_a_matching_etag(rich, api_client):
    first = api_client.get("/api/v1/claims/rich/")
    assert api_client.get("/api/v1/claims/rich/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    Appearance.objects.filter(claim=rich["claims"]["rich"]).update(translation="changed", translation_language="en")
    changed = api_client.get("/api/v1/claims/rich/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]


# --- the shapes machinery, for every resource: inline lists read what one query per list reads ---------------

#: A shape nesting columns of every kind JSON carries differently (date-time with microseconds, time, decimal,
#: boolean, date), two levels deep.
KINDS = Shape(model=Claim, name="Kinds", fields=[
    Column("id"),
    Many("appearances", Shape(model=Appearance, name="KindsAppearance", fields=[
        Column("id"), Column("created_at"), Column("needs_review"), Column("stated_on"),
        Column("published_time", "document__published_time"), Column("retrieved_at", "document__retrieved_at"),
        Many("wordings", Shape(model=EstimateWording, name="KindsWording", fields=[
            Column("wording"), Column("value", "estimate__value"), Column("approximate", "estimate__approximate"),
            Column("updated_at"),
        ]), parent="appearance_id", order=("id",)),
    ]), parent="claim_id", order=("-id",)),
])


@pytest.mark.parametrize("shape", [CLAIM, APPEARANCE, ESTIMATE, PROPOSITION, ACTOR, KINDS], ids=lambda s: s.name)
@pytest.mark.parametrize("as_json", [False, True])
def test_inline_lists_build_what_one_query_per_list_builds(rich, shape, as_json):
    Document.objects.update(retrieved_at=dt.datetime(2025, 9, 4, 7, 8, 9, 654321, tzinfo=dt.UTC))
    rich["actors"]["putin"].aliases.create(name="Путин", language="ru")
    queryset = shape.model.objects.order_by("id")
    context = {"known_on": dt.date(2025, 9, 4)}
    per_list = shape.build(shape.values(queryset), as_json=as_json, context=context)
    inline = shape.build(shape.values(queryset, inline=True, context=context), as_json=as_json, context=context)
    assert per_list and inline == per_list
    if as_json:
        assert ordered(inline) == ordered(per_list)
    for obj_inline, obj_list in zip(inline, per_list, strict=True):
        assert [type(value) for value in obj_inline.values()] == [type(value) for value in obj_list.values()]


def test_inline_lists_read_the_exact_kinds(rich):
    built = KINDS.build(KINDS.values(Claim.objects.filter(key="rich"), inline=True))
    (claim,) = built
    first = next(appearance for appearance in claim["appearances"] if appearance["wordings"])
    assert isinstance(first["created_at"], dt.datetime) and first["created_at"].tzinfo is dt.UTC
    assert first["published_time"] == dt.time(18, 30) and first["needs_review"] is False
    assert first["wordings"][0]["value"] == Decimal("2000") and first["wordings"][0]["approximate"] is False
    assert [appearance["id"] for appearance in claim["appearances"]] == sorted(
        (appearance["id"] for appearance in claim["appearances"]), reverse=True)


def test_a_column_json_cannot_carry_is_refused(db):
    from factbase.models import ImportRun

    with pytest.raises(TypeError, match="JSONField"):
        nested_json.json_list(ImportRun.objects.all(), paths=["files"], nested={}, parent="id", order=("id",),
                              vendor="sqlite", as_text=True)


def test_the_etag_hashes_the_body_rendered_once(rich, api_client, monkeypatch):
    """The ETag is a hash of the bytes already rendered: one rendering per request, a 304 included."""
    from factbase.api.renderers import FastJSONRenderer

    rendered = []
    render = FastJSONRenderer.render

    def counting(self, data, *args, **kwargs):
        body = render(self, data, *args, **kwargs)
        rendered.append(body)
        return body

    monkeypatch.setattr(FastJSONRenderer, "render", counting)
    first = api_client.get("/api/v1/claims/rich/")
    assert len(rendered) == 1 and first.content == rendered[0]
    assert api_client.get("/api/v1/claims/rich/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert len(rendered) == 2


def test_a_json_row_holds_as_many_columns_as_the_database_allows(world):
    from django.db import connection
    from django.db.models import F

    many = 240 if connection.vendor == "postgresql" else nested_json.SQLITE_VALUES  # PostgreSQL: joined by ||
    columns = {f"k{n}": F("id") if n % 2 else F("key") for n in range(many)}
    (row,) = Claim.objects.filter(key="nis-100").values(row=nested_json._JSONRow(**columns))
    values = json.loads(row["row"]) if isinstance(row["row"], str) else row["row"]
    element = nested_json.row_reader(Claim, ["key", "id"])(values[:2])
    assert len(values) == many and values[0] == "nis-100" and element == {"key": "nis-100", "id": values[1]}
    with pytest.raises(ValueError, match="plain identifiers"):
        nested_json._JSONRow(**{"it's": F("id")})
    if connection.vendor == "sqlite":
        with pytest.raises(ValueError, match="exceeds SQLite's 127"):
            list(Claim.objects.values(row=nested_json._JSONRow(**columns, one_more=F("id"))))


LIST_VARIANTS = (
    "", "?page_size=1", "?page_size=200", "?format=api", "?known_on=2024-12-31", "?known_on=2025-09-04&page_size=3",
    "?q=korea", "?claimant=nis", "?ordering=id&page_size=2", "?proposition=nk-troops-russia-deaths",
)


@pytest.mark.parametrize("variant", LIST_VARIANTS)
def test_every_page_of_claims_is_byte_identical_to_the_per_list_read(seeded, api_client, staff, variant):
    from rest_framework.test import APIClient

    staff_client = APIClient()
    staff_client.force_authenticate(staff)
    for client in (api_client, staff_client):
        url = f"/api/v1/claims/{variant}"
        pages = 0
        while url and pages < 30:
            response = assert_same_response(client, url)
            assert response.status_code == 200, (url, response.content[:300])
            pages += 1
            url = response.json().get("next") if "format=api" not in url else None
        reviews = assert_same_response(client, f"/api/v1/claims/claimreviews/{variant.replace('format=api', 'format=jsonld')}")
        assert reviews.status_code == 200


def test_a_page_holding_the_rich_claim_is_byte_identical_to_the_per_list_read(rich, api_client):
    for _ in range(3):
        ClaimFactory(status="published")
    for url in ("/api/v1/claims/", "/api/v1/claims/?page_size=2", "/api/v1/claims/?known_on=2025-06-30",
                "/api/v1/claims/claimreviews/"):
        assert assert_same_response(api_client, url).status_code == 200
    page = api_client.get("/api/v1/claims/").json()["results"]
    assert any(claim["key"] == "rich" and len(claim["appearances"]) == 5 for claim in page)


def test_matching_reads_the_rows_values_reads_from_a_kept_template(rich, monkeypatch):
    """``Shape.matching`` (what a claim detail reads): the rows of ``values(filter(condition), inline=True)``, for
    any condition and context, from a template whose columns are resolved once per context."""
    from django.db.models import Q

    from factbase.shapes import Shape as ShapeClass

    CLAIM._templates.clear()
    made = []
    values = ShapeClass.values

    def counting(self, *args, **kwargs):
        made.append(self.name)
        return values(self, *args, **kwargs)

    monkeypatch.setattr(ShapeClass, "values", counting)
    conditions = [Q(key="rich"), Q(status="published") & Q(key="rich"), Q(pk=-1), Q(first_published_on__lte=dt.date(2025, 6, 30))]
    for context in ({"known_on": None}, {"known_on": dt.date(2025, 9, 4)}):
        for condition in conditions:
            expected = list(values(CLAIM, Claim.objects.filter(condition).order_by("id"), inline=True, context=context))
            assert list(CLAIM.matching(condition, context=context).order_by("id")) == expected
    # One template per context, made once; each call narrowed a copy of it.
    assert made == ["Claim", "Claim"] and len(CLAIM._templates) == 2
