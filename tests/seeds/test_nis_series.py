"""The second seed bundle, seeds/series-nis-nk-deaths.yaml: South Korea's NIS estimates of North Korean troops
killed in Russia (December 2024 to September 2025), North Korea's own figure, and the contradiction between them.

Loaded as ``python3 dev.py run`` loads seeds/ (``import_bundle seeds/ --if-empty``: both bundles, in one run, into
an empty database). These tests read what the importer wrote and what the API, suggest_relations and the admin's
proposition page make of it — the "Done when" of issue 14.
"""

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command

from claims.models import (
    Appearance,
    AttributionHop,
    Claim,
    ClaimRelation,
    ClaimStance,
    Estimate,
    EstimateWording,
    JointClaimant,
    Proposition,
    QuantityRelation,
)
from factbase.models import BundleBase
from sources.models import Actor, ActorAlias, Document
from tests.sharing import ModuleData

pytestmark = pytest.mark.django_db

SEEDS = Path(settings.BASE_DIR) / "seeds"
SERIES = SEEDS / "series-nis-nk-deaths.yaml"
DEATHS = "nk-troops-russia-deaths"
SEPTEMBER = "nis-nk-troops-russia-deaths-2025-09"
APRIL = "nis-nk-troops-russia-casualties-2025-04"
DECEMBER = "nis-nk-troops-russia-deaths-2024-12"
NORTH_KOREA = "kp-nk-troops-russia-deaths-2025-08"
SERIES_CLAIMS = {DECEMBER, "nis-western-intel-nk-troops-sent-2024-12", APRIL, NORTH_KOREA}
SERIES_DOCUMENTS = {"example-en-2024-12-19", "example-ko-2024-12-19", "example-en-2025-04-30", "example-en-2025-08-29",
                    "example-ko-2025-09-02", "example-en-2025-09-04"}


def load_seeds():
    out = io.StringIO()
    call_command("import_bundle", f"{SEEDS}/", "--if-empty", stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture(scope="module")
def seeds_module_data(django_db_setup, django_db_blocker):
    data = ModuleData("seeds_module_data", django_db_blocker).open(load_seeds)
    yield data
    data.close()


@pytest.fixture
def seeds(seeds_module_data, db):
    """What ``import_bundle seeds/ --if-empty`` printed: both bundles loaded into an empty database once per module
    (``ModuleData`` in tests/sharing.py: each test runs in its own savepoint, rolled back after it)."""
    return seeds_module_data.check()


def timeline(api_client, **params):
    response = api_client.get(f"/api/v1/propositions/{DEATHS}/timeline/", params)
    assert response.status_code == 200
    return response.json()


# --- loading -------------------------------------------------------------------------------------------------

def test_both_seed_bundles_load_into_an_empty_database_in_one_run(seeds):
    assert "claims: 19 created, 1 updated, 0 unchanged" in seeds
    assert SERIES_CLAIMS <= set(Claim.objects.values_list("key", flat=True))
    assert set(Document.objects.values_list("key", flat=True)) == SERIES_DOCUMENTS | {"seed-000-96f8c3dbb12c4205"}
    assert set(BundleBase.objects.values_list("bundle", flat=True)) == {"name:seeds", "name:seeds-nis-series"}


def test_every_document_of_the_series_says_it_was_written_for_the_example(seeds):
    for document in Document.objects.filter(key__in=SERIES_DOCUMENTS):
        marks = ("[Written for the example]", "[Written for the factbase example; not a copy of any published article.]") \
            if document.language == "en" else ("[예시용 작성]", "[이 글은 factbase 예시를 위해 작성한 것으로")
        assert document.title.startswith(marks[0]), document.key
        assert document.body.startswith(marks[1]), document.key
        assert document.publisher.key == "example-outlet"


def test_at_least_about_100_keeps_both_qualifiers(seeds):
    estimate = Estimate.objects.get(claim__key=DECEMBER)
    assert (estimate.qualifier, estimate.approximate, estimate.lower, estimate.display_value) == (
        "at_least", True, Decimal(100), "≥~100")
    wordings = dict(EstimateWording.objects.filter(estimate=estimate).values_list("appearance__document__language",
                                                                                    "wording"))
    assert wordings == {"en": "at least about 100", "ko": "최소 100여 명"}


def test_south_korean_and_western_intelligence_are_one_claim_with_two_claimants(seeds):
    claim = Claim.objects.get(key="nis-western-intel-nk-troops-sent-2024-12")
    assert claim.claimant.key == "nis"
    assert list(JointClaimant.objects.filter(claim=claim).values_list("actor__key", "actor__kind")) == [
        ("western-intelligence", "unnamed_group")]
    assert Estimate.objects.get(claim=claim).display_value == ">10,000"


def test_the_september_figure_has_three_reports_each_with_its_own_wording_and_parallel_relays(seeds):
    claim = Claim.objects.get(key=SEPTEMBER)
    wordings = {w.appearance.document.key: w.wording for w in EstimateWording.objects.filter(appearance__claim=claim)}
    assert wordings == {"seed-000-96f8c3dbb12c4205": "περίπου 2.000", "example-ko-2025-09-02": "2천여 명",
                        "example-en-2025-09-04": "nearly 2,000"}
    for key in ("example-ko-2025-09-02", "example-en-2025-09-04"):
        appearance = Appearance.objects.get(claim=claim, document__key=key)
        assert (appearance.medium, appearance.stated_on) == ("closed_briefing", dt.date(2025, 9, 2))
        hops = list(appearance.hops.order_by("actor__key").values_list(
            "position", "actor__key", "relation", "medium", "passed_on"))
        assert hops == [(1, "lee-seong-kweun", "briefed", "briefing", dt.date(2025, 9, 2)),
                        (1, "park-sun-won", "briefed", "briefing", dt.date(2025, 9, 2))]


def test_casualties_are_killed_plus_wounded_and_the_tolls_are_cumulative(seeds):
    assert sorted(QuantityRelation.objects.values_list("part__key", "whole__key", "kind")) == [
        (DEATHS, "nk-troops-russia-casualties", "part_of"),
        ("nk-troops-russia-wounded", "nk-troops-russia-casualties", "part_of")]
    assert set(Proposition.objects.filter(cumulative=True).values_list("key", flat=True)) == {
        DEATHS, "nk-troops-russia-casualties", "nk-troops-russia-wounded", "nk-troops-sent-to-russia"}


def test_a_second_load_leaves_the_database_as_it_is(seeds):
    out = load_seeds()
    assert "already holds" in out and "not imported" in out


def test_reimporting_both_bundles_changes_nothing(seeds):
    out = io.StringIO()
    call_command("import_bundle", f"{SEEDS}/", stdout=out)
    assert "Nothing changed" in out.getvalue()


# --- the round trip ------------------------------------------------------------------------------------------

def _empty_database():
    for model in (EstimateWording, JointClaimant, QuantityRelation, ClaimRelation, Estimate, ClaimStance,
                  AttributionHop, Appearance, Claim, Proposition, Document, ActorAlias, BundleBase):
        model.objects.all().delete()
    while Actor.objects.exists():
        Actor.objects.filter(children__isnull=True).delete()


def test_the_seeds_round_trip_through_export_bundle(seeds, tmp_path):
    first = tmp_path / "first.yaml"
    call_command("export_bundle", str(first), stdout=io.StringIO())
    _empty_database()
    call_command("import_bundle", str(first), stdout=io.StringIO())
    second = tmp_path / "second.yaml"
    call_command("export_bundle", str(second), stdout=io.StringIO())

    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
    exported = {c["key"]: c for c in yaml.safe_load(first.read_text(encoding="utf-8"))["claims"]}
    assert exported["nis-western-intel-nk-troops-sent-2024-12"]["joint_claimants"] == ["western-intelligence"]
    assert [a["wordings"][0]["wording"] for a in exported[SEPTEMBER]["appearances"]] == [
        "περίπου 2.000", "2천여 명", "nearly 2,000"]


# --- timeline, synthesis, contradiction, proposition page ----------------------------------------------------

def test_the_timeline_shows_the_nis_series_and_north_koreas_own_figure(seeds, api_client):
    data = timeline(api_client)
    rows = [(e["claim"]["key"], e["display_value"], e["as_of"], e["as_of_precision"]) for e in data["estimates"]]
    assert rows == [
        (DECEMBER, "≥~100", "2024-12-19", "day"),
        (APRIL, "≈600", "2025-04-01", "month"),
        (NORTH_KOREA, "≈350", "2025-08-01", "month"),
        (SEPTEMBER, "≈2,000", "2025-09-01", "week"),
    ]
    assert data["independent_origins"] == 2  # NIS, however many reports and relays; North Korea
    by_id = {e["id"]: e["display_value"] for e in data["estimates"]}
    series = {s["claimant"]["key"]: [by_id[i] for i in s["estimates"]] for s in data["series"]}
    assert series == {"nis": ["≥~100", "≈600", "≈2,000"], "kp-government": ["≈350"]}


def test_the_timeline_lists_every_report_of_the_september_figure_with_its_own_wording(seeds, api_client):
    september = next(e for e in timeline(api_client)["estimates"] if e["claim"]["key"] == SEPTEMBER)
    reports = [(a["document"]["key"], a["wording"], [h["actor"]["key"] for h in a["hops"]])
               for a in september["appearances"]]
    assert sorted(reports) == [
        ("example-en-2025-09-04", "nearly 2,000", ["lee-seong-kweun", "park-sun-won"]),
        ("example-ko-2025-09-02", "2천여 명", ["lee-seong-kweun", "park-sun-won"]),
        ("seed-000-96f8c3dbb12c4205", "περίπου 2.000", []),
    ]


def test_the_synthesis_keeps_north_koreas_figure_apart(seeds, api_client):
    response = api_client.get(f"/api/v1/propositions/{DEATHS}/synthesis/", {"known_on": "2025-09-05"})
    assert response.status_code == 200
    data = response.json()
    independent = [(o["origin"]["key"], o["estimate"]["display_value"]) for o in data["independent"]["origins"]]
    interested = [(o["origin"]["key"], o["estimate"]["display_value"]) for o in data["interested"]["origins"]]
    assert independent == [("nis", "≈2,000")]
    assert interested == [("kp-government", "≈350")]


def test_the_synthesis_as_known_in_may_2025(seeds, api_client):
    data = api_client.get(f"/api/v1/propositions/{DEATHS}/synthesis/", {"known_on": "2025-05-01"}).json()
    assert [(o["origin"]["key"], o["estimate"]["display_value"]) for o in data["independent"]["origins"]] == [
        ("nis", "≈600")]
    assert data["interested"]["origins"] == []


def test_suggest_relations_finds_north_koreas_350_contradicting_the_nis_600(seeds):
    out = io.StringIO()
    call_command("suggest_relations", stdout=out)

    suggested = list(ClaimRelation.objects.filter(state="suggested").values_list("source__key", "kind", "target__key"))
    assert suggested == [(NORTH_KOREA, "contradicts", APRIL)]
    relation = ClaimRelation.objects.get(state="suggested")
    assert "cumulative" in relation.rationale and "≈350" in relation.rationale and "≈600" in relation.rationale
    assert "1 'contradicts'" in out.getvalue()


def test_the_proposition_page_shows_the_series_the_synthesis_and_north_koreas_figure(seeds, client, superuser):
    call_command("suggest_relations", stdout=io.StringIO())
    client.force_login(superuser)
    proposition = Proposition.objects.get(key=DEATHS)

    page = client.get(f"/admin/claims/proposition/{proposition.pk}/change/").content.decode()

    for shown in ("≥~100", "≈600", "≈350", "≈2,000", "Interested parties", "Government of North Korea"):
        assert shown in page, shown


def test_free_text_search_finds_a_claim_by_its_joint_claimants_name(seeds, api_client):
    # «서방 정보당국» is an alias of western-intelligence only: no quote, summary or lead claimant has it.
    response = api_client.get("/api/v1/claims/", {"q": "서방"})
    assert response.status_code == 200
    assert [c["key"] for c in response.json()["results"]] == ["nis-western-intel-nk-troops-sent-2024-12"]
    both = api_client.get("/api/v1/claims/", {"q": "서방 troops"}).json()["results"]
    assert [c["key"] for c in both] == ["nis-western-intel-nk-troops-sent-2024-12"]


def test_claimreview_names_every_claimant_of_a_joint_claim(seeds, api_client, reviewer, tmp_path):
    from claims.services import workflow

    claim = Claim.objects.get(key="nis-western-intel-nk-troops-sent-2024-12")
    workflow.claim_assess(claim=claim, by=reviewer, verdict="plausible", credibility=3, rationale="Test.")

    review = api_client.get(f"/api/v1/claims/{claim.key}/claimreview/").json()
    expected = [{"@type": "Organization", "name": "National Intelligence Service (South Korea)", "identifier": "nis"},
                {"@type": "Organization", "name": "Western intelligence (unnamed)",
                 "identifier": "western-intelligence"}]
    assert review["itemReviewed"]["author"] == expected

    out = tmp_path / "reviews.json"
    call_command("export_claimreview", str(out), "--base-url", "https://factbase.example", stdout=io.StringIO())
    import json
    feed = json.loads(out.read_text(encoding="utf-8"))
    assert [r["itemReviewed"]["author"] for r in feed["dataFeedElement"]] == [expected]


def test_the_chart_marks_an_approximate_bound(seeds, client):
    from claims.analysis.charts import chart_series, point_label
    from claims.analysis.timeline import proposition_timeline

    timeline_data = proposition_timeline(proposition=Proposition.objects.get(key=DEATHS),
                                         claims=Claim.objects.filter(status="published"))
    nis = next(s for s in chart_series(timeline_data) if s["label"].startswith("National Intelligence Service"))
    assert [point_label(p) for p in nis["points"]] == ["≥~100", "≈600", "≈2,000"]
    assert point_label({"qualifier": "more_than", "lower": 10000, "approximate": True}) == ">~10,000"
    assert point_label({"qualifier": "range", "lower": 300, "upper": 400, "approximate": True}) == "~300–400"
    assert point_label({"qualifier": "at_least", "lower": 600}) == "≥600"

    svg = client.get(f"/charts/propositions/{DEATHS}.svg").content.decode()
    assert "≥~100" in svg
