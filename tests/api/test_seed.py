"""The API over the seed bundle (seeds/seed.yaml, loaded by import_bundle as an operator would)."""

import pytest
from django.core.management import call_command

from tests.api.helpers import keys


@pytest.fixture
def seed(db):
    call_command("import_bundle", "seeds/seed.yaml", verbosity=0)  # the first seed bundle, as these tests describe


def test_greek_search_without_accents_finds_putins_claims(seed, api_client):
    found = keys(api_client.get("/api/v1/claims/?q=πουτιν"))
    assert {"putin-praised-nk-soldiers", "putin-relations-special-trust-friendship-alliance"} <= set(found)
    assert keys(api_client.get("/api/v1/claims/?q=ΠΟΎΤΙΝ")) == found
    assert "nis-nk-troops-russia-deaths-2025-09" not in found


def test_everything_kcna_relayed(seed, api_client):
    claims = api_client.get("/api/v1/claims/?relayed_by=kcna").json()["results"]
    assert sorted(claim["key"] for claim in claims) == [
        "kim-fully-support-russian-army", "putin-praised-nk-soldiers", "putin-relations-special-trust-friendship-alliance",
    ]
    assert all(
        any(hop["actor"]["key"] == "kcna" for appearance in claim["appearances"] for hop in appearance["hops"])
        for claim in claims
    )


def test_timeline_of_deaths_shows_nis_about_2000_with_its_greek_quote(seed, api_client):
    timeline = api_client.get("/api/v1/propositions/nk-troops-russia-deaths/timeline/").json()
    [row] = [row for row in timeline["estimates"] if row["claimant"]["key"] == "nis"]
    assert row["value"] == 2000 and row["qualifier"] == "approximately"
    assert "2.000" in row["wording"]
    assert "2.000" in row["first_appearance"]["quote"]
    assert row["first_appearance"]["document"]["published_on"] == "2025-09-04"
    assert timeline["independent_origins"] == 1


def test_claims_about_north_korea_known_on_2025_06_01_are_none_yet(seed, api_client):
    # The seed article was published on 2025-09-04: nothing of it was known on 2025-06-01.
    assert keys(api_client.get("/api/v1/claims/?subject=north-korea&known_on=2025-06-01")) == []
    assert keys(api_client.get("/api/v1/claims/?subject=north-korea&known_on=2025-09-04"))
