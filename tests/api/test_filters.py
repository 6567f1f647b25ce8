"""Filters: one behaviour each; every model field has a filter; every relation filter comes in a pair."""

import pytest
from django.db import models

from claims.api.filters import AppearanceFilterSet, ClaimFilterSet, EstimateFilterSet, PropositionFilterSet
from claims.models import Appearance, Claim, Estimate, Proposition
from sources.api.filters import ActorFilterSet, DocumentFilterSet
from sources.models import Actor, Document
from tests.api.helpers import keys


def claim_keys(api_client, query):
    return sorted(keys(api_client.get(f"/api/v1/claims/?{query}")))


@pytest.mark.parametrize(
    "query, expected",
    [
        ("claimant=nis", ["nis-100", "nis-2000"]),
        ("claimant=nis,vladimir-putin", ["nis-100", "nis-2000", "putin-praise"]),
        ("claimant_kind=person", ["putin-praise"]),
        ("claimant_country=kp", ["kp-350"]),
        ("relayed_by=kcna", ["putin-praise"]),
        ("relayed_by=yonhap", ["nis-2000"]),
        ("subject=north-korea", ["kp-350", "nis-100", "nis-2000", "putin-praise"]),
        ("document=yonhap-2024-12-19", ["nis-100"]),
        ("publisher=kathimerini", ["nis-2000", "putin-praise"]),
        ("language=el", ["nis-2000", "putin-praise"]),
        ("kind=estimate", ["nis-100", "nis-2000"]),
        ("hedge=estimated", ["nis-100", "nis-2000"]),
        ("verdict=disputed", ["kp-350"]),
        ("credibility=2", ["nis-2000"]),
        ("interested=true", ["kp-350"]),
        ("interested=false", ["nis-100", "nis-2000", "putin-praise"]),
        ("proposition=nk-troops-russia-deaths", ["kp-350", "nis-100", "nis-2000"]),
        ("stated_on_after=2025-09-01&stated_on_before=2025-09-03", ["putin-praise"]),
        ("published_on_before=2025-05-01", ["kp-350", "nis-100"]),
        ("known_on=2025-06-01", ["kp-350", "nis-100"]),
        ("known_on=2025-06-01&subject=north-korea", ["kp-350", "nis-100"]),
        ("assessed_at_after=2025-09-01T00:00:00Z", ["nis-2000"]),
    ],
)
def test_claim_filter(world, api_client, query, expected):
    assert claim_keys(api_client, query) == expected


def test_relation_filters_by_id_match_filters_by_key(world, api_client):
    nis, kcna = world["actors"]["nis"], world["actors"]["kcna"]
    assert claim_keys(api_client, f"claimant_id={nis.pk}") == claim_keys(api_client, "claimant=nis")
    assert claim_keys(api_client, f"relayed_by_id={kcna.pk}") == claim_keys(api_client, "relayed_by=kcna")
    proposition = world["proposition"]
    assert claim_keys(api_client, f"proposition_id={proposition.pk}") == claim_keys(
        api_client, "proposition=nk-troops-russia-deaths"
    )


@pytest.mark.parametrize(
    "query, expected",
    [
        ("q=πουτιν", ["putin-praise"]),  # accent- and case-insensitive, in Greek
        ("q=ΠΟΎΤΙΝ", ["putin-praise"]),
        ("q=putin", ["putin-praise"]),  # the summary
        ("q=βλαντιμιρ", ["putin-praise"]),  # the claimant's Greek alias (not in the claim's own text)
        ("q=στρατ", ["nis-2000", "putin-praise"]),  # a whole-word prefix
        ("q=tin", []),  # not the middle of a word
        ("q=national killed", ["nis-100", "nis-2000"]),  # every term, claimant name and claim text together
        ("q=killed heroically", []),
        ("q=2 000", ["nis-2000"]),
        ("q=   ", ["kp-350", "nis-100", "nis-2000", "putin-praise"]),
    ],
)
def test_claim_search(world, api_client, query, expected):
    assert claim_keys(api_client, query) == expected


def test_known_on_limits_nested_appearances_to_documents_published_by_then(world, api_client):
    from tests.claims.factories import AppearanceFactory
    from tests.sources.factories import DocumentFactory
    import datetime as dt

    later = DocumentFactory(key="late-doc", body="Late: about 2,000 soldiers were killed.", published_on=dt.date(2025, 9, 9))
    AppearanceFactory(claim=world["claims"]["nis_100"], document=later, quote="about 2,000 soldiers were killed")
    results = api_client.get("/api/v1/claims/?known_on=2025-06-01&claimant=nis").json()["results"]
    assert [[a["document"]["key"] for a in row["appearances"]] for row in results] == [["yonhap-2024-12-19"]]
    detail = api_client.get("/api/v1/claims/nis-100/?known_on=2025-06-01").json()
    assert [a["document"]["key"] for a in detail["appearances"]] == ["yonhap-2024-12-19"]
    assert len(api_client.get("/api/v1/claims/nis-100/").json()["appearances"]) == 2


@pytest.mark.parametrize(
    "url, expected",
    [
        ("/api/v1/actors/?q=πουτιν", ["vladimir-putin"]),
        ("/api/v1/actors/?kind=state_media", ["kcna"]),
        ("/api/v1/actors/?country=kr", ["nis", "yonhap"]),
        ("/api/v1/documents/?publisher=kathimerini", ["kathimerini-2025-09-04"]),
        ("/api/v1/documents/?language=el", ["kathimerini-2025-09-04"]),
        ("/api/v1/documents/?published_on_before=2025-01-01", ["yonhap-2024-12-19"]),
        ("/api/v1/documents/?known_on=2025-05-01", ["kcna-2025-04-28", "yonhap-2024-12-19"]),
        ("/api/v1/propositions/?kind=quantity", ["nk-troops-russia-deaths"]),
    ],
)
def test_other_resource_filters(world, api_client, url, expected):
    assert sorted(keys(api_client.get(url))) == expected


def test_estimate_filters(world, api_client):
    def values(query):
        return sorted(row["value"] for row in api_client.get(f"/api/v1/estimates/?{query}").json()["results"])

    assert values("claimant=nis") == [100, 2000]
    assert values("value_min=300&value_max=2000") == [350, 2000]
    assert values("qualifier=at_least") == [100]
    assert values("known_on=2025-06-01") == [100, 350]
    assert values("as_of_after=2025-09-01") == [2000]


def test_appearance_filters(world, api_client):
    def claims(query):
        return sorted(row["claim"]["key"] for row in api_client.get(f"/api/v1/appearances/?{query}").json()["results"])

    assert claims("relayed_by=kcna") == ["putin-praise"]
    assert claims("claimant=nis&language=el") == ["nis-2000"]
    assert claims("relation=reported") == ["nis-2000"]


# --- the style guide's rules about filters -----------------------------------------------------

# Fields deliberately without their own filter, and why.
EXEMPT = {
    "id": "addressed by the URL (/resource/<id>/)",
    "created_at": "record time of entry; ordering and ETags cover it",
    "updated_at": "covered by updated_after where it matters",
    "first_import_run": "staff concern, see /import-runs/",
    "last_import_run": "staff concern, see /import-runs/",
    "search_text": "derived; searched through q",
    "search_vector": "derived; searched through q",
    "version": "internal optimistic-locking counter",
    "description": "free text",
    "warc_archive": "proof of a capture (storage name), checked by verify_provenance; not a search criterion",
    "warc_record_id": "proof of a capture (record id inside its archive); not a search criterion",
    "warc_payload_digest": "proof of a capture, checked by verify_provenance; not a search criterion yet",
    "reliability_rationale": "free text",
    "rationale": "free text",
    "status_rationale": "free text",
    "summary": "free text, searched through q",
    "location": "free text (location_country filters)",
    "body": "free text (body_sha256 filters)",
    "quote": "free text, searched through claims' q",
    "translation": "free text, searched through claims' q",
    "start": "an offset within a document",
    "end": "an offset within a document",
    "assessed_by": "a user account: not published",
    "stated_on_precision": "a property of stated_on",
    "as_of_precision": "a property of as_of",
    "period_start": "as_of filters cover valid time",
    "period_end": "as_of filters cover valid time",
    "lower": "value_min/value_max filter the best value",
    "upper": "value_min/value_max filter the best value",
    "wording": "free text as the source wrote it",
    "title": "propositions: searched through q",
    "claims": "the reverse of claims' proposition filter",
    "first_published_on": "published_on_after/_before and known_on",
    "rating_text": "a fact-checker's rating as written; verdict filters the normalised value",
}
FILTER_NAMES_FOR_FIELD = {
    (Claim, "subjects"): "subject",
    (Claim, "first_published_on"): "published_on",
    (Proposition, "subjects"): "subject",
    (Appearance, "claim"): "claim",
    (Estimate, "value"): "value_min",
}


@pytest.mark.parametrize(
    "model, filterset",
    [(Actor, ActorFilterSet), (Document, DocumentFilterSet), (Claim, ClaimFilterSet), (Appearance, AppearanceFilterSet),
     (Proposition, PropositionFilterSet), (Estimate, EstimateFilterSet)],
)
def test_every_model_field_has_a_filter(model, filterset):
    names = set(filterset.base_filters)
    missing = []
    for field in model._meta.get_fields():
        if field.auto_created and not field.concrete:
            continue  # reverse relations
        if field.name in EXEMPT and field.name not in names:
            continue
        wanted = FILTER_NAMES_FOR_FIELD.get((model, field.name), field.name)
        if wanted not in names:
            missing.append(field.name)
    assert missing == [], f"{model.__name__} fields without a filter: {missing}"


@pytest.mark.parametrize(
    "filterset",
    [ActorFilterSet, DocumentFilterSet, ClaimFilterSet, AppearanceFilterSet, PropositionFilterSet, EstimateFilterSet],
)
def test_every_relation_filter_comes_in_a_key_and_id_pair(filterset):
    names = set(filterset.base_filters)
    relation_filters = {
        name for name, f in filterset.base_filters.items()
        if (f.field_name or "").endswith(("__key", "__id")) or name in ("proposition", "proposition_id")
    }
    unpaired = [
        name for name in relation_filters
        if (name.endswith("_id") and name[:-3] not in names) or (not name.endswith("_id") and f"{name}_id" not in names)
    ]
    assert unpaired == []


@pytest.mark.parametrize(
    "model, filterset",
    [(Claim, ClaimFilterSet), (Appearance, AppearanceFilterSet), (Estimate, EstimateFilterSet), (Document, DocumentFilterSet)],
)
def test_every_foreign_key_has_a_relation_filter_pair(model, filterset):
    names = set(filterset.base_filters)
    for field in model._meta.get_fields():
        if isinstance(field, models.ForeignKey) and field.name not in EXEMPT:
            assert {field.name, f"{field.name}_id"} <= names, field.name


def test_browsable_filter_form_has_no_select_of_actors(world, api_client, staff):
    api_client.force_authenticate(staff)
    html = api_client.get("/api/v1/claims/?format=api").content.decode()
    for name in ("claimant", "claimant_id", "relayed_by", "subject", "document", "publisher"):
        assert f'<input type="text" name="{name}"' in html or f'name="{name}"' in html
        assert f'<select name="{name}"' not in html
    assert "National Intelligence Service</option>" not in html
