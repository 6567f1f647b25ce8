"""Formats: streamed CSV for every list, ClaimReview JSON-LD, browsable HTML; conditional GET; throttling."""

import csv
import io

import pytest
from django.http import StreamingHttpResponse

from claims.shapes import APPEARANCE, CLAIM, ESTIMATE, PROPOSITION
from sources.shapes import ACTOR, DOCUMENT

SHAPES = {"actors": ACTOR, "documents": DOCUMENT, "claims": CLAIM, "appearances": APPEARANCE, "propositions": PROPOSITION,
          "estimates": ESTIMATE}


def read_csv(response):
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))


@pytest.mark.parametrize("resource", ["actors", "documents", "claims", "appearances", "propositions", "estimates"])
def test_every_list_streams_csv_with_its_documented_columns(world, api_client, resource):
    response = api_client.get(f"/api/v1/{resource}/?format=csv")
    rows = read_csv(response)
    assert rows
    assert list(rows[0]) == SHAPES[resource].csv_headers()


def test_claims_csv_is_flat_filtered_and_visible_only(world, api_client):
    rows = read_csv(api_client.get("/api/v1/claims/?format=csv&claimant=nis"))
    assert sorted(row["key"] for row in rows) == ["nis-100", "nis-2000"]
    nis_2000 = next(row for row in rows if row["key"] == "nis-2000")
    assert nis_2000["first_quote"] == "περίπου 2.000 στρατιώτες έχουν σκοτωθεί"
    assert nis_2000["claimant_key"] == "nis" and nis_2000["subject_keys"] == "north-korea"


def test_csv_streams_in_batches_whatever_the_size(world, api_client, monkeypatch, django_assert_num_queries):
    from factbase import tabular

    monkeypatch.setattr(tabular, "CSV_BATCH_SIZE", 2)
    with django_assert_num_queries(1):  # the first batch is read before the response is returned
        response = api_client.get("/api/v1/estimates/?format=csv")
    with django_assert_num_queries(1):  # 3 visible estimates: a batch of 2, then a batch of 1
        rows = read_csv(response)
    assert len(rows) == 3


def test_a_database_error_in_the_csv_query_is_raised_before_streaming_starts(world, api_client, monkeypatch):
    """A streamed 200 cut short would hide the error (and leave the transaction aborted on PostgreSQL)."""
    from factbase.api import csv_stream
    from django.db import DatabaseError

    class Failing:
        def order_by(self, *args):
            return self

        prefetch_related = values = order_by

        def __getitem__(self, item):
            raise DatabaseError("refused")

    with pytest.raises(DatabaseError):
        csv_stream.stream_csv(Failing(), ESTIMATE, filename="x")


def test_claimreview_of_an_assessed_claim(world, api_client):
    response = api_client.get("/api/v1/claims/nis-2000/claimreview/")
    assert response.status_code == 200
    review = response.json()
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == "NIS estimates about 2,000 North Korean soldiers have been killed."
    assert review["datePublished"] == "2025-09-05"
    assert review["reviewRating"] == {
        "@type": "Rating", "ratingValue": 4, "bestRating": 5, "worstRating": 1, "alternateName": "plausible",
    }
    item = review["itemReviewed"]
    assert item["author"] == {"@type": "Organization", "name": "National Intelligence Service", "identifier": "nis"}
    assert item["firstAppearance"]["datePublished"] == "2025-09-04"
    assert item["firstAppearance"]["publisher"] == {"@type": "Organization", "name": "Kathimerini"}
    assert len(item["appearance"]) == 1


def test_claimreview_can_be_asked_for_as_json_ld(world, api_client):
    response = api_client.get("/api/v1/claims/nis-2000/claimreview/", HTTP_ACCEPT="application/ld+json")
    assert response["Content-Type"].startswith("application/ld+json")


def test_claimreview_rating_falls_back_to_the_verdict(world, api_client):
    claim = world["claims"]["kp_350"]
    claim.credibility = 6
    claim.save()
    assert api_client.get("/api/v1/claims/kp-350/claimreview/").json()["reviewRating"]["ratingValue"] == 2


def test_browsable_html_renders(world, api_client):
    response = api_client.get("/api/v1/claims/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200 and b"nis-2000" in response.content


# --- conditional GET -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["/api/v1/claims/nis-2000/", "/api/v1/actors/nis/", "/api/v1/propositions/nk-troops-russia-deaths/timeline/"]
)
def test_matching_etag_gets_304(world, api_client, url):
    first = api_client.get(url)
    etag = first["ETag"]
    again = api_client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert api_client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


@pytest.mark.parametrize(
    "url", ["/api/v1/claims/nis-2000/", "/api/v1/claims/nis-2000/?format=api", "/api/v1/claims/nis-2000/claimreview/",
            "/api/v1/propositions/nk-troops-russia-deaths/timeline/"]
)
def test_the_etag_is_a_sha256_of_the_body_sent(world, api_client, url):
    import hashlib

    response = api_client.get(url)
    assert response.status_code == 200
    assert response["ETag"] == f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
    # Errors carry none.
    assert not api_client.get("/api/v1/claims/no-such-claim/").has_header("ETag")


def test_etag_changes_when_the_data_changes(world, api_client):
    url = "/api/v1/propositions/nk-troops-russia-deaths/timeline/"
    etag = api_client.get(url)["ETag"]
    estimate = world["claims"]["nis_2000"].estimates.get()
    estimate.wording = "about 2,000"
    estimate.save()
    assert api_client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_etag_differs_between_readers_who_see_different_data(world, api_client, staff):
    url = "/api/v1/propositions/nk-troops-russia-deaths/timeline/"
    public = api_client.get(url)
    api_client.force_authenticate(staff)
    assert api_client.get(url)["ETag"] != public["ETag"]
    assert "Cookie" in public["Vary"] and "Authorization" in public["Vary"]


# --- throttling ------------------------------------------------------------------------------


def test_anonymous_readers_are_throttled(world, api_client, monkeypatch):
    from django.core.cache import cache
    from rest_framework.throttling import AnonRateThrottle

    cache.clear()
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/minute"})
    assert api_client.get("/api/v1/actors/").status_code == 200
    assert api_client.get("/api/v1/actors/").status_code == 200
    throttled = api_client.get("/api/v1/actors/")
    assert throttled.status_code == 429 and "Retry-After" in throttled
    cache.clear()


def test_signed_in_readers_are_not_throttled_as_anonymous(world, api_client, user, monkeypatch):
    from django.core.cache import cache
    from rest_framework.throttling import AnonRateThrottle

    cache.clear()
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "1/minute"})
    api_client.force_authenticate(user)
    assert [api_client.get("/api/v1/actors/").status_code for _ in range(3)] == [200, 200, 200]
    cache.clear()
