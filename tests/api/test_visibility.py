"""Anonymous and ordinary users see published claims only — everywhere; staff see everything."""

import pytest

from tests.api.helpers import keys

PUBLIC = {"nis-100", "nis-2000", "kp-350", "putin-praise"}


def test_anonymous_sees_only_published_claims(world, api_client):
    assert set(keys(api_client.get("/api/v1/claims/"))) == PUBLIC


def test_ordinary_user_sees_only_published_claims(world, api_client, user):
    api_client.force_authenticate(user)
    assert set(keys(api_client.get("/api/v1/claims/"))) == PUBLIC


def test_staff_see_every_claim_and_can_filter_by_status(world, api_client, staff):
    api_client.force_authenticate(staff)
    assert set(keys(api_client.get("/api/v1/claims/"))) == PUBLIC | {"nis-draft"}
    assert keys(api_client.get("/api/v1/claims/?status=draft")) == ["nis-draft"]


def test_unpublished_claim_detail_is_not_found_for_anonymous(world, api_client):
    assert api_client.get("/api/v1/claims/nis-draft/").status_code == 404
    assert api_client.get(f"/api/v1/claims/{world['claims']['draft'].pk}/").status_code == 404


def test_status_filter_cannot_reveal_drafts_to_anonymous(world, api_client):
    assert keys(api_client.get("/api/v1/claims/?status=draft")) == []


def test_estimates_of_unpublished_claims_are_hidden(world, api_client):
    values = [row["value"] for row in api_client.get("/api/v1/estimates/").json()["results"]]
    assert 5000 not in values and sorted(values) == [100, 350, 2000]


def test_appearances_of_unpublished_claims_are_hidden(world, api_client):
    claims = [row["claim"]["key"] for row in api_client.get("/api/v1/appearances/").json()["results"]]
    assert "nis-draft" not in claims and len(claims) == 4


def test_timeline_hides_unpublished_estimates(world, api_client, staff):
    url = "/api/v1/propositions/nk-troops-russia-deaths/timeline/"
    public = [row["claim"]["key"] for row in api_client.get(url).json()["estimates"]]
    api_client.force_authenticate(staff)
    everything = [row["claim"]["key"] for row in api_client.get(url).json()["estimates"]]
    assert "nis-draft" not in public and "nis-draft" in everything


def test_search_does_not_find_unpublished_claims(world, api_client):
    assert keys(api_client.get("/api/v1/claims/?q=draft nobody")) == []


def test_claimreviews_list_only_published_assessed_claims(world, api_client):
    data = api_client.get("/api/v1/claims/claimreviews/").json()
    assert sorted(review["claimReviewed"] for review in data["results"]) == [
        "NIS estimates about 2,000 North Korean soldiers have been killed.",
        "North Korea acknowledges about 350 dead.",
    ]


@pytest.mark.parametrize("who", ["anonymous", "user"])
def test_import_runs_are_staff_only(world, api_client, user, who):
    if who == "user":
        api_client.force_authenticate(user)
    assert api_client.get("/api/v1/import-runs/").status_code in (401, 403)


def test_staff_can_list_import_runs(db, api_client, staff):
    from factbase.models import ImportRun

    run = ImportRun.objects.create(command="import_bundle", files=[{"name": "seed.yaml", "sha256": "ab" * 32}], created=3)
    api_client.force_authenticate(staff)
    data = api_client.get("/api/v1/import-runs/").json()
    assert [row["id"] for row in data["results"]] == [run.pk]
    assert api_client.get(f"/api/v1/import-runs/{run.pk}/").json()["created"] == 3
