"""The fast builders of claims.api.representations give byte for byte what the DRF serializers give."""

import datetime as dt
from decimal import Decimal

import pytest
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from claims.api.representations import claim_representations, claim_rows, timeline_representation
from claims.api.serializers import ClaimSerializer, TimelineSerializer
from claims.models import Claim
from claims.selectors import claim_queryset, visible_claims
from claims.analysis.timeline import proposition_timeline
from tests.claims.factories import AppearanceFactory, AttributionHopFactory, ClaimFactory, EstimateFactory


def render(data):
    return JSONRenderer().render(data)


@pytest.fixture
def varied(world):
    """Claims with every kind of value: null and fractional numbers, ranges, unknowns, periods, no appearance."""
    nis, kcna = world["actors"]["nis"], world["actors"]["kcna"]
    deaths = world["proposition"]
    odd = ClaimFactory(
        key="odd", claimant=nis, status="published", stated_on=None, location="Kursk", location_country="RU",
        assessed_at=dt.datetime(2025, 1, 2, 3, 4, 5, 678901, tzinfo=dt.timezone(dt.timedelta(hours=9))),
        verdict="false", credibility=5, rationale="because",
    )
    EstimateFactory(claim=odd, proposition=deaths, value=None, lower=Decimal("1.5"), upper=Decimal("12345.6789"),
                    qualifier="range", as_of=None, period_start=dt.date(2024, 1, 1), period_end=dt.date(2024, 12, 31))
    EstimateFactory(claim=odd, proposition=deaths, value=None, qualifier="unknown", unit="troops")
    appearance = AppearanceFactory(claim=odd, document=world["documents"]["kp"], quote="soldiers died", translation="x", translation_language="en")
    AttributionHopFactory(appearance=appearance, position=1, actor=kcna, relation="paraphrased")
    AttributionHopFactory(appearance=appearance, position=2, actor=nis, relation="reported")
    ClaimFactory(key="bare", claimant=kcna, status="published")
    return world


@pytest.mark.parametrize("as_staff, url_format", [(False, None), (True, None), (False, "json")])
def test_claim_representations_equal_the_serializer_output(varied, staff, as_staff, url_format):
    django_request = APIRequestFactory().get("/api/v1/claims/")
    django_request.user = staff if as_staff else None
    request = Request(django_request)
    claims = claim_queryset(user=staff if as_staff else None).order_by("-id")
    assert len(claims) == (7 if as_staff else 6)
    expected = ClaimSerializer(claims, many=True, context={"request": request, "format": url_format}).data
    assert render(claim_representations(claim_rows(claims), request, format=url_format)) == render(expected)


def test_claims_list_and_detail_answer_what_the_serializer_gives(varied, api_client):
    response = api_client.get("/api/v1/claims/?page_size=200")
    claims = list(claim_queryset(user=None).order_by("-id"))
    expected = ClaimSerializer(claims, many=True, context={"request": response.wsgi_request}).data
    assert render(response.json()["results"]) == render(expected)
    detail = api_client.get("/api/v1/claims/odd/")
    assert render(detail.json()) == render(
        ClaimSerializer(Claim.objects.get(key="odd"), context={"request": detail.wsgi_request}).data
    )


@pytest.mark.parametrize("known_on", [None, dt.date(2025, 6, 1)])
def test_timeline_representation_equals_the_serializer_output(varied, known_on):
    timeline = proposition_timeline(proposition=varied["proposition"], claims=visible_claims(user=None), known_on=known_on)
    assert len(timeline["estimates"]) >= 2
    assert render(timeline_representation(timeline)) == render(TimelineSerializer(timeline).data)
