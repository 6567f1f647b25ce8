"""Issue 14 through the API: joint claimants in filters, parallel relays, media, wordings, CSV, the synthesis."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest

from claims.models import ClaimStatus, Estimate
from tests.claims.factories import AppearanceFactory, ClaimFactory, EstimateFactory

pytestmark = pytest.mark.django_db


def keys(response):
    assert response.status_code == 200, response.content
    return sorted(row["key"] for row in response.json()["results"])


def test_claimant_filter_finds_a_claim_by_its_joint_claimant(series, api_client):
    assert keys(api_client.get("/api/v1/claims/?claimant=western-intelligence")) == ["troops-10000"]
    assert keys(api_client.get(f"/api/v1/claims/?claimant_id={series['actors']['western'].pk}")) == ["troops-10000"]
    assert keys(api_client.get("/api/v1/claims/?claimant_kind=unnamed_group")) == ["troops-10000"]
    assert "troops-10000" in keys(api_client.get("/api/v1/claims/?claimant=nis"))


def test_claimant_filter_on_estimates_and_appearances_honours_joint_claimants(series, api_client):
    estimates = api_client.get("/api/v1/estimates/?claimant=western-intelligence").json()["results"]
    assert [e["claim"]["key"] for e in estimates] == ["troops-10000"]
    appearances = api_client.get("/api/v1/appearances/?claimant=western-intelligence").json()["results"]
    assert [a["claim"]["key"] for a in appearances] == ["troops-10000"]


def test_claim_shows_its_joint_claimants(series, api_client):
    claim = api_client.get("/api/v1/claims/troops-10000/").json()
    assert claim["claimant"]["key"] == "nis"
    assert [actor["key"] for actor in claim["joint_claimants"]] == ["western-intelligence"]


def test_claim_shows_parallel_relays_media_dates_and_wordings(series, api_client):
    claim = api_client.get("/api/v1/claims/nis-2000/").json()
    english = next(a for a in claim["appearances"] if a["document"]["key"] == "example-en-2025-09-02")
    assert (english["medium"], english["stated_on"], english["stated_on_precision"]) == ("closed_briefing", "2025-09-02", "day")
    assert [(h["position"], h["actor"]["key"], h["relation"], h["medium"], h["passed_on"]) for h in english["hops"]] == [
        (1, "lee-seong-kweun", "paraphrased", "press_conference", "2025-09-02"),
        (1, "park-sun-won", "paraphrased", "press_conference", "2025-09-02"),
    ]
    appearance = api_client.get(f"/api/v1/appearances/{english['id']}/").json()
    assert [(w["proposition"], w["wording"]) for w in appearance["wordings"]] == [("deaths", "nearly 2,000")]


def test_estimate_shows_combined_qualifier_and_every_wording(series, api_client):
    [at_least_about] = api_client.get("/api/v1/estimates/?claim=nis-100").json()["results"]
    assert (at_least_about["qualifier"], at_least_about["approximate"], at_least_about["display_value"]) == (
        "at_least", True, "≥~100")
    [two_thousand] = [e for e in api_client.get("/api/v1/estimates/?claim=nis-2000").json()["results"]]
    assert sorted(w["wording"] for w in two_thousand["wordings"]) == sorted(["περίπου 2.000", "nearly 2,000", "2천여 명"])


def test_proposition_shows_its_parts_and_cumulative(series, api_client):
    casualties = api_client.get("/api/v1/propositions/casualties/").json()
    assert casualties["cumulative"] is True
    assert [(p["proposition"]["key"], p["kind"]) for p in casualties["parts"]] == [("deaths", "part_of"), ("wounded", "part_of")]
    deaths = api_client.get("/api/v1/propositions/deaths/").json()
    assert [(w["proposition"]["key"], w["kind"]) for w in deaths["part_of"]] == [("casualties", "part_of")]


def _csv(response):
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_csv_shows_joint_claimants_chains_and_each_reports_wording(series, api_client):
    claims = {row["key"]: row for row in _csv(api_client.get("/api/v1/claims/?format=csv"))}
    assert claims["troops-10000"]["joint_claimant_keys"] == "western-intelligence"
    appearances = {row["document_key"]: row for row in _csv(api_client.get("/api/v1/appearances/?format=csv&claim=nis-2000"))}
    greek = appearances["example-el-2025-09-04"]
    assert greek["hops"] == "yonhap (reported, wire_copy) > lee-seong-kweun + park-sun-won (paraphrased, press_conference)"
    assert greek["wordings"] == "deaths: περίπου 2.000"
    assert appearances["example-en-2025-09-02"]["wordings"] == "deaths: nearly 2,000"
    assert appearances["example-en-2025-09-02"]["medium"] == "closed_briefing"
    estimates = {row["claim_key"]: row for row in _csv(api_client.get("/api/v1/estimates/?format=csv"))}
    assert estimates["nis-100"]["approximate"] == "True"


def test_timeline_lists_every_appearance_with_its_wording(series, api_client):
    timeline = api_client.get("/api/v1/propositions/deaths/timeline/").json()
    [row] = [row for row in timeline["estimates"] if row["claim"]["key"] == "nis-2000"]
    assert [a["wording"] for a in row["appearances"]] == ["nearly 2,000", "2천여 명", "περίπου 2.000"]
    assert timeline["independent_origins"] == 2


def test_synthesis_as_known_in_may_2025(series, api_client):
    response = api_client.get("/api/v1/propositions/deaths/synthesis/?known_on=2025-05-01")
    assert response.status_code == 200
    data = response.json()
    assert data["known_on"] == "2025-05-01"
    assert [(o["origin"]["key"], o["estimate"]["display_value"], o["estimate"]["holds_on"]) for o in data["independent"]["origins"]] == [
        ("nis", "≥600", "2025-04-01")
    ]
    assert Decimal(data["independent"]["band"]["low"]) == 600 and data["independent"]["band"]["open_above"] is True
    assert data["interested"] == {"origins": [], "band": None}


def test_synthesis_keeps_interested_parties_apart(series, api_client):
    data = api_client.get("/api/v1/propositions/deaths/synthesis/?known_on=2025-09-30").json()
    assert [o["origin"]["key"] for o in data["independent"]["origins"]] == ["nis"]
    assert [o["origin"]["key"] for o in data["interested"]["origins"]] == ["north-korea"]


def test_synthesis_hides_unpublished_claims_from_readers(series, api_client):
    hidden = ClaimFactory(key="hidden", claimant=series["actors"]["yonhap"], status=ClaimStatus.DRAFT, stated_on=dt.date(2025, 9, 3))
    EstimateFactory(claim=hidden, proposition=series["propositions"]["deaths"], value=Decimal(9000), qualifier="exact",
                    as_of=dt.date(2025, 9, 3), as_of_precision="day")
    data = api_client.get("/api/v1/propositions/deaths/synthesis/").json()
    assert "yonhap" not in [o["origin"]["key"] for o in data["independent"]["origins"]]


def test_synthesis_rejects_a_bad_date_and_unknown_parameters(series, api_client):
    bad = api_client.get("/api/v1/propositions/deaths/synthesis/?known_on=2025-13-01")
    assert bad.status_code == 400 and "known_on" in bad.content.decode()
    assert api_client.get("/api/v1/propositions/deaths/synthesis/?claimant=nis").status_code == 400
    assert api_client.get("/api/v1/propositions/nothing/synthesis/").status_code == 404


def test_synthesis_query_count_does_not_grow_with_estimates(series, api_client, django_assert_num_queries):
    # proposition, estimates+claim+claimant, joint claimants, part relations, parts' estimates, their joint claimants
    url = "/api/v1/propositions/casualties/synthesis/"
    with django_assert_num_queries(6):
        assert api_client.get(url).status_code == 200
    for n in range(12):
        claim = ClaimFactory(key=f"more-{n}", claimant=series["actors"]["yonhap"], status=ClaimStatus.PUBLISHED,
                             stated_on=dt.date(2025, 5, 1 + n))
        AppearanceFactory(claim=claim, document=series["appearances"]["english"].document, quote="nearly 2,000")
        Estimate.objects.create(claim=claim, proposition=series["propositions"]["casualties"], value=Decimal(4000 + n),
                                qualifier="exact", as_of=dt.date(2025, 5, 1 + n))
    with django_assert_num_queries(6):
        assert api_client.get(url).status_code == 200


def test_schema_documents_the_synthesis(db):
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    [path] = [path for path in schema["paths"] if path.endswith("/synthesis/")]
    response = schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert response["$ref"].endswith("/Synthesis")
    assert {"independent", "interested", "part_conflicts"} <= set(schema["components"]["schemas"]["Synthesis"]["properties"])
