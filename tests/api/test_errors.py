"""Bad input is a 400 whose JSON names the parameter — never a 500 — and unknown parameters are refused."""

import pytest


@pytest.mark.parametrize(
    "url, param",
    [
        ("/api/v1/claims/?claimant_kind=wizard", "claimant_kind"),
        ("/api/v1/claims/?verdict=maybe", "verdict"),
        ("/api/v1/claims/?credibility=9", "credibility"),
        ("/api/v1/claims/?interested=perhaps", "interested"),
        ("/api/v1/claims/?stated_on_after=yesterday", "stated_on_after"),
        ("/api/v1/claims/?known_on=2025-13-01", "known_on"),
        ("/api/v1/claims/?claimant_id=abc", "claimant_id"),
        ("/api/v1/claims/?claimant_id=99999999999999999999999", "claimant_id"),
        ("/api/v1/claims/?proposition_id=-1", "proposition_id"),
        ("/api/v1/claims/?bogus=1", "bogus"),
        ("/api/v1/claims/?cursor=not-a-cursor", "cursor"),
        ("/api/v1/claims/?cursor=cD1hYmM%3D", "cursor"),  # p=abc: a position that is not an id
        ("/api/v1/claims/?ordering=summary", "ordering"),
        ("/api/v1/claims/?page_size=0", "page_size"),
        ("/api/v1/claims/?page_size=201", "page_size"),
        ("/api/v1/claims/?format=xml", "format"),
        ("/api/v1/claims/nis-2000/?format=csv", "format"),
        ("/api/v1/claims/nis-2000/?claimant=nis", "claimant"),
        ("/api/v1/claims/nis-2000/?known_on=soon", "known_on"),
        ("/api/v1/actors/?page=first", "page"),
        ("/api/v1/actors/?ordering=-nope", "ordering"),
        ("/api/v1/estimates/?value_min=NaN", "value_min"),
        ("/api/v1/estimates/?value_max=1e400", "value_max"),
        ("/api/v1/documents/?published_on_before=2025-02-30", "published_on_before"),
        ("/api/v1/propositions/nk-troops-russia-deaths/timeline/?known_on=2025", "known_on"),
        ("/api/v1/propositions/nk-troops-russia-deaths/timeline/?claimant=nis", "claimant"),
    ],
)
def test_bad_parameter_is_a_400_naming_it(world, api_client, url, param):
    response = api_client.get(url)
    assert response.status_code == 400, response.content[:300]
    body = response.json()
    assert param in body["errors"]
    assert param in body["detail"]


def test_missing_object_is_a_json_404(world, api_client):
    response = api_client.get("/api/v1/actors/999999/")
    assert response.status_code == 404
    assert "detail" in response.json()


def test_unassessed_claim_has_no_claimreview(world, api_client):
    assert api_client.get("/api/v1/claims/putin-praise/claimreview/").status_code == 404


@pytest.mark.parametrize("url", ["/api/v1/actors/a~b/", "/api/v1/nothing-here/", "/api/v1/claims/x%2Fy/", "/api/v2/"])
def test_unknown_api_url_is_a_json_404(db, api_client, url):
    response = api_client.get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()


@pytest.mark.parametrize("url", ["/api/v1/appearances/not-an-id/", "/api/v1/estimates/99999999999999999999999/"])
def test_keyless_resources_answer_404_for_keys_and_huge_ids(world, api_client, url):
    assert api_client.get(url).status_code == 404


def test_errors_are_json_whatever_format_was_asked_for(world, api_client):
    response = api_client.get("/api/v1/claims/?format=csv&bogus=1")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["errors"]["bogus"]


def test_nul_characters_in_parameters_are_a_400(world, api_client):
    response = api_client.get("/api/v1/documents/?authors=a%00b")
    assert response.status_code == 400
    assert "authors" in response.json()["errors"]


@pytest.mark.parametrize(
    "url, param",
    [
        # The request schemathesis found: PostgreSQL refuses an offset beyond ±15:59 inside the test transaction.
        ("/api/v1/documents/?format=csv&retrieved_at_after=0594-04-01T02:00:31.374034%2B18:21", "retrieved_at_after"),
        ("/api/v1/documents/?retrieved_at_before=2025-01-01T00:00:00-16:00", "retrieved_at_before"),
        ("/api/v1/documents/?updated_after=2025-01-01T00:00:00%2B23:59", "updated_after"),
        ("/api/v1/actors/?updated_after=2025-01-01T00:00:00%2B14:01", "updated_after"),
        ("/api/v1/claims/?assessed_at_after=2025-01-01T00:00:00%2B20:00", "assessed_at_after"),
        # In range as given, but before year 1 (or after 9999) in UTC: SQLite's adapter cannot convert it.
        ("/api/v1/claims/?assessed_at_before=0001-01-01T00:00:00%2B05:00", "assessed_at_before"),
        ("/api/v1/documents/?retrieved_at_after=9999-12-31T23:00:00-05:00", "retrieved_at_after"),
    ],
)
def test_date_times_the_database_cannot_store_are_a_400_and_leave_the_connection_usable(world, api_client, url, param):
    from sources.models import Document

    response = api_client.get(url)
    assert response.status_code == 400, response.content[:300]
    assert param in response.json()["errors"]
    # Nothing reached the database: the test's transaction is still usable (on PostgreSQL too).
    assert Document.objects.count() == 3


def test_real_utc_offsets_are_accepted(world, api_client):
    for offset in ("%2B14:00", "-12:00", "%2B05:45", "Z"):
        response = api_client.get(f"/api/v1/documents/?retrieved_at_after=2000-01-01T00:00:00{offset}")
        assert response.status_code == 200, (offset, response.content[:300])


def test_an_unhandled_error_under_the_api_is_a_json_500(world, settings, monkeypatch):
    from django.test import Client

    from claims.api.views import ClaimViewSet

    def broken(self, request, *args, **kwargs):
        raise RuntimeError("a bug")

    settings.DEBUG = False
    monkeypatch.setattr(ClaimViewSet, "list", broken)
    response = Client(raise_request_exception=False).get("/api/v1/claims/", HTTP_ACCEPT="text/html")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert "server error" in response.json()["detail"]


def test_errors_outside_the_api_stay_html(world, settings):
    from django.test import Client

    settings.DEBUG = False
    response = Client().get("/admin/no-such-page/")
    assert response.status_code in (302, 404)
    assert not response["Content-Type"].startswith("application/json")


def test_a_404_raised_outside_drf_under_the_api_is_json(world, settings):
    from django.test import Client

    settings.DEBUG = False
    response = Client().get("/api/schema/nope/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
